// `portico-cli test` as CI runs it: a real process over a project whose saved requests hit MOCK
// methods and an HTTP_PROXY integration to a real backend on loopback; its lines, its exit
// status (0 all passed, 1 a failure, 2 an unusable project or arguments) and its JUnit XML.
#include "base/json.h"
#include "http/requesthandler.h"
#include "http/server.h"
#include "model/projectfile.h"

#include "../../support/clirun.h"

#include <QEventLoop>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

namespace {
using Run = portico::test::CliRun;
using namespace portico;

const QString kProject = QStringLiteral(PORTICO_TEST_DATA_DIR "/saved-requests.portico.json");
const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

// The backend behind /echo/{proxy+}: answers with what it received.
class EchoBackend : public http::RequestHandler
{
public:
    void handle(http::Request request, http::Responder respond) override
    {
        const base::Json echo = {{"method", request.method.toStdString()},
                                 {"target", request.target.toStdString()},
                                 {"body", request.body.toStdString()}};
        http::Response response;
        response.headers = {{"Content-Type", "application/json"}};
        response.body = QByteArray::fromStdString(echo.dump());
        respond.send(response);
    }
};

// As runCli, with this thread's event loop running meanwhile: the backend's server needs it.
Run runCli(const QStringList &args)
{
    QProcess process;
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(30000, &loop, &QEventLoop::quit);
    process.start(QStringLiteral(PORTICO_CLI_PATH), args);
    loop.exec();
    Run r;
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return r;
    }
    r.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    r.out = QString::fromUtf8(process.readAllStandardOutput());
    r.err = QString::fromUtf8(process.readAllStandardError());
    return r;
}

// Times vary: "(12 ms" becomes "(N ms", "in 40 ms" becomes "in N ms".
QString withoutTimes(QString out)
{
    static const QRegularExpression times(QStringLiteral("(\\(| in )\\d+ ms"));
    return out.replace(times, QStringLiteral("\\1N ms"));
}

struct JUnitCase
{
    QString className;
    QString name;
    QString failureMessage;
    QString failureText;
};

struct JUnit
{
    QString error;
    QString suiteName;
    int tests = -1;
    int failures = -1;
    std::vector<JUnitCase> cases;
};

JUnit readJUnit(const QString &path)
{
    JUnit out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        out.error = QStringLiteral("cannot open ") + path;
        return out;
    }
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const QXmlStreamAttributes a = xml.attributes();
        if (xml.name() == QLatin1String("testsuites")) {
            out.tests = a.value(QLatin1String("tests")).toInt();
            out.failures = a.value(QLatin1String("failures")).toInt();
        } else if (xml.name() == QLatin1String("testsuite")) {
            out.suiteName = a.value(QLatin1String("name")).toString();
            if (a.value(QLatin1String("tests")).toInt() != out.tests
                || a.value(QLatin1String("failures")).toInt() != out.failures)
                out.error = QStringLiteral("the suite's counts differ from the document's");
        } else if (xml.name() == QLatin1String("testcase")) {
            out.cases.push_back({a.value(QLatin1String("classname")).toString(),
                                 a.value(QLatin1String("name")).toString(),
                                 {},
                                 {}});
            bool ok = false;
            if (a.value(QLatin1String("time")).toDouble(&ok) < 0 || !ok)
                out.error = QStringLiteral("a test case without a time");
        } else if (xml.name() == QLatin1String("failure") && !out.cases.empty()) {
            out.cases.back().failureMessage = a.value(QLatin1String("message")).toString();
            out.cases.back().failureText = xml.readElementText();
        }
    }
    if (xml.hasError())
        out.error = xml.errorString();
    return out;
}

} // namespace

class TestCliTest : public QObject
{
    Q_OBJECT

    EchoBackend m_echo;
    std::unique_ptr<http::Server> m_backend;
    QTemporaryDir m_dir;

    // The test project pointed at the backend, with `from` replaced by `to` when given.
    QString writeProject(const QString &name,
                         const QList<std::pair<QByteArray, QByteArray>> &replacements = {})
    {
        QFile source(kProject);
        if (!source.open(QIODevice::ReadOnly))
            return {};
        QByteArray text = source.readAll();
        text.replace("127.0.0.1:PORT",
                     QByteArray("127.0.0.1:" + QByteArray::number(m_backend->port())));
        for (const auto &[from, to] : replacements) {
            if (!text.contains(from))
                return {};
            text.replace(from, to);
        }
        const QString path = m_dir.filePath(name);
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(text);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_backend = std::make_unique<http::Server>(m_echo);
        QVERIFY(m_backend->start().ok());
    }

    void helpSaysHowToUseIt()
    {
        const Run r = runCli({QStringLiteral("test"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(
            QLatin1String("Usage: portico-cli test PROJECT [--stage S] [--junit FILE]")));
        const Run all = runCli({QStringLiteral("--help")});
        QVERIFY(all.out.contains(QLatin1String(
            "\n  test PROJECT [--stage S] [--junit FILE] [--trust] [--filter TEXT]\n")));
    }

    void everyRequestPasses()
    {
        const QString project = writeProject(QStringLiteral("pass.portico.json"));
        QVERIFY(!project.isEmpty());
        const QString junit = m_dir.filePath(QStringLiteral("pass.xml"));
        const Run r = runCli({QStringLiteral("test"), project, QStringLiteral("--junit"), junit});
        QCOMPARE(withoutTimes(r.out),
                 QStringLiteral(
                     "PASS  GET /pets  \"list pets\"  (N ms)\n"
                     "PASS  GET /pets/{petId}  \"get pet 1\"  (N ms)\n"
                     "PASS  GET /pets/{petId}  \"pet 9 is not there\"  (N ms)\n"
                     "PASS  GET /pets  \"any answer will do\"  (N ms, no expectations, got 200)\n"
                     "PASS  POST /echo/{proxy+}  \"echo through the proxy\"  (N ms)\n"
                     "5 passed, 0 failed, 5 requests in N ms\n"));
        QCOMPARE(r.err, QString());
        QCOMPARE(r.exitCode, 0);

        const JUnit report = readJUnit(junit);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.suiteName, QStringLiteral("Saved requests"));
        QCOMPARE(report.tests, 5);
        QCOMPARE(report.failures, 0);
        QCOMPARE(report.cases.size(), size_t(5));
        QCOMPARE(report.cases[1].className, QStringLiteral("GET /pets/{petId}"));
        QCOMPARE(report.cases[1].name, QStringLiteral("get pet 1"));
        QCOMPARE(report.cases[4].className, QStringLiteral("POST /echo/{proxy+}"));
        for (const JUnitCase &c : report.cases)
            QCOMPARE(c.failureMessage, QString());
    }

    void failuresSayWhatDifferedAndExitOne()
    {
        const QString project = writeProject(
            QStringLiteral("fail.portico.json"),
            {{"\"expect\": {\n        \"status\": 200,\n        \"body\": {\n          \"equals\"",
              "\"expect\": {\n        \"status\": 201,\n        \"body\": {\n          \"equals\""},
             {"\"name\": \"pet 9 is not there\"", "\"name\": \"pet <9> & \\\"friends\\\"\""},
             {"\"pathParameters\": {\n        \"petId\": \"9\"\n      },", ""},
             {"\"equals\": \"hello\"", "\"equals\": \"hello!\""}});
        QVERIFY(!project.isEmpty());
        const QString junit = m_dir.filePath(QStringLiteral("fail.xml"));
        const Run r = runCli({QStringLiteral("test"), project, QStringLiteral("--junit"), junit});
        QCOMPARE(withoutTimes(r.out),
                 QStringLiteral(
                     "PASS  GET /pets  \"list pets\"  (N ms)\n"
                     "FAIL  GET /pets/{petId}  \"get pet 1\"  (N ms)\n"
                     "      status: expected 201, got 200\n"
                     "FAIL  GET /pets/{petId}  \"pet <9> & \"friends\"\"  (N ms)\n"
                     "      path parameter petId has no value\n"
                     "PASS  GET /pets  \"any answer will do\"  (N ms, no expectations, got 200)\n"
                     "FAIL  POST /echo/{proxy+}  \"echo through the proxy\"  (N ms)\n"
                     "      $.body: expected \"hello!\", got \"hello\"\n"
                     "2 passed, 3 failed, 5 requests in N ms\n"));
        QCOMPARE(r.exitCode, 1);

        const JUnit report = readJUnit(junit);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.tests, 5);
        QCOMPARE(report.failures, 3);
        QCOMPARE(report.cases[0].failureMessage, QString());
        QCOMPARE(report.cases[1].failureMessage, QStringLiteral("status: expected 201, got 200"));
        QCOMPARE(report.cases[2].name, QStringLiteral("pet <9> & \"friends\""));
        QCOMPARE(report.cases[2].failureText, QStringLiteral("path parameter petId has no value"));
        QCOMPARE(report.cases[4].failureMessage,
                 QStringLiteral("$.body: expected \"hello!\", got \"hello\""));
    }

    void filterPicksRequests()
    {
        const QString project = writeProject(QStringLiteral("filter.portico.json"));
        const Run r = runCli({QStringLiteral("test"), project, QStringLiteral("--filter"),
                              QStringLiteral("GET /PETS/{petId}")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(withoutTimes(r.out),
                 QStringLiteral("PASS  GET /pets/{petId}  \"get pet 1\"  (N ms)\n"
                                "PASS  GET /pets/{petId}  \"pet 9 is not there\"  (N ms)\n"
                                "2 passed, 0 failed, 2 requests in N ms\n"));
    }

    void projectWithoutSavedRequestsPasses()
    {
        const QString path = m_dir.filePath(QStringLiteral("empty.portico.json"));
        QVERIFY(model::ProjectFile::save(path, model::Project::createEmpty(QStringLiteral("Empty")))
                    .ok());
        const QString junit = m_dir.filePath(QStringLiteral("empty.xml"));
        const Run r = runCli({QStringLiteral("test"), path, QStringLiteral("--junit"), junit});
        QCOMPARE(r.out, path + QStringLiteral(": no saved requests, nothing to test\n"));
        QCOMPARE(r.exitCode, 0);
        const JUnit report = readJUnit(junit);
        QVERIFY2(report.error.isEmpty(), qPrintable(report.error));
        QCOMPARE(report.tests, 0);
    }

    void unusableInputExitsTwo_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("err");
        QTest::newRow("no project")
            << QStringList {} << QStringLiteral("portico-cli test: no project file given\n");
        QTest::newRow("unknown option")
            << QStringList {kProject, QStringLiteral("--bogus")}
            << QStringLiteral("portico-cli test: unknown option --bogus\n");
        QTest::newRow("missing file")
            << QStringList {QStringLiteral("/nonexistent/x.portico.json")}
            << QStringLiteral("error: /nonexistent/x.portico.json: cannot open");
        QTest::newRow("unknown stage")
            << QStringList {kProject, QStringLiteral("--stage"), QStringLiteral("prod")}
            << QStringLiteral("portico-cli test: %1: no stage \"prod\"\n").arg(kProject);
    }
    void unusableInputExitsTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, err);
        const Run r = runCli(QStringList {QStringLiteral("test")} + args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.startsWith(err), qPrintable(r.err));
    }

    void sampleProjectPassesOutOfTheBox_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("draft") << QStringList {};
        QTest::newRow("deployed stage dev")
            << QStringList {QStringLiteral("--stage"), QStringLiteral("dev")};
    }
    void sampleProjectPassesOutOfTheBox()
    {
        QFETCH(QStringList, options);
        const Run r = runCli(QStringList {QStringLiteral("test"), kSample} + options);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String(" passed, 0 failed, ")), qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("no expectations")), qPrintable(r.out));
    }
};

QTEST_GUILESS_MAIN(TestCliTest)
#include "tst_clitest.moc"
