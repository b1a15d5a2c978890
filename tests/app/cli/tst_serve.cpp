// `portico-cli serve` as a user runs it: a real process on a free port, real HTTP requests,
// Ctrl-C, --watch reloading a project saved atomically, --log printing the execution log.
#include "../../support/rawhttpclient.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using portico::test::RawHttpClient;
using portico::test::rawRequest;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

// A running `serve`: started in the constructor, its port read from what it prints.
class ServeProcess
{
public:
    explicit ServeProcess(const QStringList &args)
    {
        m_process.start(QStringLiteral(PORTICO_CLI_PATH), QStringList{QStringLiteral("serve")} + args);
    }
    ~ServeProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }
    // Waits for the "Serving ... on http://ADDR:PORT" line; 0 when it never comes.
    quint16 waitForPort()
    {
        static const QRegularExpression serving(QStringLiteral("on http://127\\.0\\.0\\.1:(\\d+)\\n"));
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(10000)) {
            m_out += m_process.readAllStandardOutput();
            const QRegularExpressionMatch match = serving.match(QString::fromUtf8(m_out));
            if (match.hasMatch())
                return quint16(match.captured(1).toUInt());
            if (m_process.state() == QProcess::NotRunning)
                return 0;
            m_process.waitForReadyRead(100);
        }
        return 0;
    }
    bool waitForOutput(const QString &text, int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(timeoutMs)) {
            m_out += m_process.readAllStandardOutput();
            if (QString::fromUtf8(m_out).contains(text))
                return true;
            m_process.waitForReadyRead(100);
        }
        return false;
    }
    QString output()
    {
        m_out += m_process.readAllStandardOutput();
        return QString::fromUtf8(m_out);
    }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_out;
};

QByteArray get(quint16 port, const QByteArray &target)
{
    RawHttpClient client(port);
    auto response = client.request(rawRequest("GET", target));
    return response ? QByteArray::number(response->status) + ' ' + response->body : QByteArray("no response");
}

} // namespace

class TestServe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesStagesAndDraftThenStopsOnCtrlC()
    {
        ServeProcess serve({kSample, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--draft"),
                            QStringLiteral("--stage-variables"), QStringLiteral("{\"env\":\"from-test\"}")});
        const quint16 port = serve.waitForPort();
        QVERIFY2(port != 0, qPrintable(serve.output() + QString::fromUtf8(serve.process().readAllStandardError())));
        const QString out = serve.output();
        QVERIFY(out.contains(QStringLiteral("  prod  http://127.0.0.1:%1/prod/").arg(port)));
        QVERIFY(out.contains(QStringLiteral("  draft  http://127.0.0.1:%1/draft/").arg(port)));

        const QByteArray prod = get(port, "/prod/");
        QVERIFY2(prod.startsWith("200 ") && prod.contains("Stage: prod, environment: prod"), prod.constData());
        const QByteArray draft = get(port, "/draft/");
        QVERIFY2(draft.contains("Stage: draft, environment: from-test"), draft.constData());
        QVERIFY(get(port, "/nostage/").startsWith("403 "));

        ::kill(pid_t(serve.process().processId()), SIGINT);
        QVERIFY(serve.process().waitForFinished(5000));
        QCOMPARE(serve.process().exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.process().exitCode(), 0);
        QVERIFY(serve.output().endsWith(QStringLiteral("Stopped.\n")));
    }

    void watchReloadsASavedProject()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("watched.portico.json"));
        QVERIFY(QFile::copy(kSample, path));
        ServeProcess serve({path, QStringLiteral("--draft"), QStringLiteral("--watch")});
        const quint16 port = serve.waitForPort();
        QVERIFY(port != 0);
        QVERIFY(get(port, "/draft/").contains("Welcome to the PetStore API"));

        QFile sample(kSample);
        QVERIFY(sample.open(QIODevice::ReadOnly));
        QByteArray text = sample.readAll();
        text.replace("Welcome to the PetStore API", "Hello from the reloaded file");
        // Saved as Portico saves: a new file renamed over the old one.
        QSaveFile save(path);
        QVERIFY(save.open(QIODevice::WriteOnly));
        save.write(text);
        QVERIFY(save.commit());
        QVERIFY(serve.waitForOutput(QStringLiteral("Reloaded ")));
        QVERIFY(get(port, "/draft/").contains("Hello from the reloaded file"));

        // A broken save keeps the last good version served.
        QSaveFile broken(path);
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{ not json");
        QVERIFY(broken.commit());
        QTest::qWait(600);
        QVERIFY(get(port, "/draft/").contains("Hello from the reloaded file"));
        QVERIFY(QString::fromUtf8(serve.process().readAllStandardError()).contains(QStringLiteral("kept serving the previous version")));
    }

    void logPrintsTheExecutionLog()
    {
        ServeProcess serve({kSample, QStringLiteral("--log")});
        const quint16 port = serve.waitForPort();
        QVERIFY(port != 0);
        QVERIFY(get(port, "/prod/").startsWith("200 "));
        QVERIFY(serve.waitForOutput(QStringLiteral("Method completed with status: 200")));
        const QString out = serve.output();
        QVERIFY(out.contains(QStringLiteral("Execution log for request ")));
        QVERIFY(out.contains(QStringLiteral(" : HTTP Method: GET, Resource Path: /")));
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("no project") << QStringList() << 2 << QStringLiteral("no project file given");
        QTest::newRow("bad port") << QStringList{kSample, QStringLiteral("--port"), QStringLiteral("http")} << 2
                                  << QStringLiteral("--port: \"http\" is not a port number");
        QTest::newRow("bad bind") << QStringList{kSample, QStringLiteral("--bind"), QStringLiteral("localhostx")} << 2
                                  << QStringLiteral("--bind: \"localhostx\" is not an IP address");
        QTest::newRow("bad stage variables") << QStringList{kSample, QStringLiteral("--stage-variables"), QStringLiteral("[1]")} << 2
                                             << QStringLiteral("--stage-variables: expected a JSON object of strings");
        QTest::newRow("missing file") << QStringList{QStringLiteral("/nonexistent.portico.json")} << 2
                                      << QStringLiteral("/nonexistent.portico.json");
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        QProcess p;
        p.start(QStringLiteral(PORTICO_CLI_PATH), QStringList{QStringLiteral("serve")} + args);
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), exitCode);
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QVERIFY2(err.contains(message), qPrintable(err));
    }

    void portInUseIsReported()
    {
        ServeProcess first({kSample});
        const quint16 port = first.waitForPort();
        QVERIFY(port != 0);
        QProcess second;
        second.start(QStringLiteral(PORTICO_CLI_PATH), {QStringLiteral("serve"), kSample, QStringLiteral("--port"), QString::number(port)});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        const QString err = QString::fromUtf8(second.readAllStandardError());
        QVERIFY2(err.contains(QStringLiteral("127.0.0.1:%1").arg(port)) && err.contains(QStringLiteral("cannot listen")), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "tst_serve.moc"
