// The project file: byte-identical round trips, located errors for broken files, atomic saves.
#include "everyfieldproject.h"

#include "model/projectfile.h"
#include "model/projectreader.h"
#include "model/projectwriter.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace portico;
using namespace portico::model;

namespace {
// The sample repeats its API in the deployments' snapshots; tests break only the first copy.
QByteArray replaceFirst(QByteArray text, const QByteArray &from, const QByteArray &to)
{
    const qsizetype at = text.indexOf(from);
    return at < 0 ? text : text.replace(at, from.size(), to);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");
const QString kEveryField = QStringLiteral(PORTICO_TEST_DATA_DIR "/every-field.portico.json");

QStringList messages(const base::Result<Project> &result)
{
    QStringList out;
    for (const base::Diagnostic &d : result.errors())
        out.append(d.toString());
    return out;
}
} // namespace

class TestProjectFile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // Set PORTICO_REGENERATE_GOLDEN=1 after a deliberate format change to rewrite the golden
        // file; review its diff before committing it.
        if (qEnvironmentVariableIsSet("PORTICO_REGENERATE_GOLDEN"))
            QVERIFY(ProjectFile::save(kEveryField, everyFieldProject()).ok());
    }

    void roundTripIsByteIdentical_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("petstore sample") << kSample;
        QTest::newRow("every field") << kEveryField;
    }
    void roundTripIsByteIdentical()
    {
        QFETCH(QString, path);
        const QByteArray original = readAll(path);
        QVERIFY(!original.isEmpty());
        const auto project = ProjectReader::fromBytes(original);
        QVERIFY2(project.ok(), qPrintable(messages(project).join(QLatin1Char('\n'))));
        QCOMPARE(ProjectWriter::toBytes(project.value()), original);
    }

    void everyFieldSurvivesTheFile()
    {
        const Project expected = everyFieldProject();
        const auto read = ProjectReader::fromBytes(readAll(kEveryField));
        QVERIFY2(read.ok(), qPrintable(messages(read).join(QLatin1Char('\n'))));
        // Field by field first, so that a failure names the part that differs.
        QCOMPARE(read->api.resources, expected.api.resources);
        QCOMPARE(read->api.models, expected.api.models);
        QCOMPARE(read->api.authorizers, expected.api.authorizers);
        QCOMPARE(read->api.gatewayResponses, expected.api.gatewayResponses);
        QCOMPARE(read->api, expected.api);
        QCOMPARE(read->deployments, expected.deployments);
        QCOMPARE(read->stages, expected.stages);
        QCOMPARE(read->apiKeys, expected.apiKeys);
        QCOMPARE(read->usagePlans, expected.usagePlans);
        QCOMPARE(read->localFunctions, expected.localFunctions);
        QCOMPARE(read->localUserPools, expected.localUserPools);
        QCOMPARE(read->savedRequests, expected.savedRequests);
        QVERIFY(read.value() == expected);
    }

    void keyOrderIsStableAndIndentIsTwoSpaces()
    {
        const QByteArray bytes = ProjectWriter::toBytes(everyFieldProject());
        QVERIFY(bytes.startsWith("{\n  \"formatVersion\": 1,\n  \"api\": {\n    \"id\": \"every00001\",\n"));
        QVERIFY(bytes.endsWith("}\n"));
        // Resources come out sorted by path whatever order the model holds them in.
        Project shuffled = everyFieldProject();
        std::reverse(shuffled.api.resources.begin(), shuffled.api.resources.end());
        QCOMPARE(ProjectWriter::toBytes(shuffled), bytes);
    }

    void brokenFilesAreRejectedWithLocation_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QStringList>("expected");

        const QByteArray sample = readAll(kSample);
        QTest::newRow("truncated file")
            << sample.left(sample.indexOf("\"resources\"") + 14)
            << QStringList{QStringLiteral("error: line 14, column 19: syntax error while parsing "
                                          "value - unexpected end of input; expected '[', '{', or a literal")};
        QTest::newRow("empty file") << QByteArray()
                                    << QStringList{QStringLiteral("error: line 1, column 1: syntax error while parsing "
                                                                  "value - unexpected end of input; expected '[', '{', or a literal")};
        QTest::newRow("missing comma")
            << QByteArray("{\n  \"formatVersion\": 1\n  \"api\": {}\n}\n")
            << QStringList{QStringLiteral("error: line 3, column 3: syntax error while parsing object - "
                                          "unexpected string literal; expected '}'")};

        const QByteArray wrongType = replaceFirst(sample, "\"pathPart\": \"pets\"", "\"pathPart\": 5");
        QTest::newRow("wrong type")
            << wrongType
            << QStringList{QStringLiteral("error: /api/resources/1/pathPart: expected a string, found integer")};

        const QByteArray wrongEnum = replaceFirst(sample, "\"type\": \"HTTP_PROXY\"", "\"type\": \"HTTP_PROXI\"");
        QTest::newRow("unknown enum value")
            << wrongEnum
            << QStringList{QStringLiteral("error: /api/resources/3/resourceMethods/ANY/methodIntegration/type: "
                                          "expected one of MOCK, HTTP, HTTP_PROXY, AWS, AWS_PROXY, found \"HTTP_PROXI\"")};

        const QByteArray typo = replaceFirst(sample, "\"operationName\": \"ListPets\"", "\"operatonName\": \"ListPets\"");
        QTest::newRow("unknown field")
            << typo
            << QStringList{QStringLiteral("error: /api/resources/1/resourceMethods/GET/operatonName: "
                                          "unknown field \"operatonName\"")};

        const QByteArray badPath = replaceFirst(sample, "\"path\": \"/pets/{petId}\"", "\"path\": \"/pets/{id}\"");
        QTest::newRow("path disagrees with parents")
            << badPath
            << QStringList{QStringLiteral("error: /api/resources/2/path: path \"/pets/{id}\" does not match "
                                          "the parent chain, which gives \"/pets/{petId}\"")};

        const QByteArray poolWithoutKeys = replaceFirst(
            sample, "\"localFunctions\":",
            "\"localUserPools\": [{\"userPoolArn\": \"arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_X\"}],\n"
            "  \"localFunctions\":");
        QTest::newRow("user pool without its JWKS file")
            << poolWithoutKeys
            << QStringList{QStringLiteral("error: /localUserPools/0/jwksFile: required string is missing")};

        QTest::newRow("not a project")
            << QByteArray("[1, 2, 3]")
            << QStringList{QStringLiteral("error: /: expected an object, found array")};
        QTest::newRow("no format version")
            << QByteArray("{\"openapi\": \"3.0.1\"}")
            << QStringList{QStringLiteral("error: /openapi: unknown field \"openapi\""),
                           QStringLiteral("error: /formatVersion: required integer is missing (is this a "
                                          "Portico project file?)")};
        QTest::newRow("newer format")
            << QByteArray("{\"formatVersion\": 9, \"api\": {}}")
            << QStringList{QStringLiteral("error: /formatVersion: format version 9 is newer than this "
                                          "Portico reads (1); update Portico to open it")};
        QTest::newRow("several errors at once")
            << QByteArray("{\"formatVersion\": 1, \"api\": {\"id\": 1, \"name\": \"x\", \"resources\": "
                          "[{\"id\": \"r\", \"resourceMethods\": {\"FETCH\": {}}}]}, \"stages\": [{\"variables\": "
                          "{\"a/b\": true}}]}")
            << QStringList{QStringLiteral("error: /api/id: expected a string, found integer"),
                           QStringLiteral("error: /api/resources/0/resourceMethods/FETCH: expected one of GET, "
                                          "POST, PUT, PATCH, DELETE, HEAD, OPTIONS, ANY, found \"FETCH\""),
                           QStringLiteral("error: /stages/0/stageName: required string is missing"),
                           QStringLiteral("error: /stages/0/variables/a~1b: expected a string, found boolean")};

        // Saved requests: each wrong type says where it is.
        const auto withSaved = [](const char *requests) -> QByteArray {
            return QByteArray("{\"formatVersion\": 1, \"api\": {\"id\": \"a\", \"name\": \"x\", \"resources\": "
                              "[{\"id\": \"r\"}]}, \"savedRequests\": [")
                + requests + "]}";
        };
        QTest::newRow("saved request without its method")
            << withSaved("{\"name\": \"n\", \"resource\": \"/\"}")
            << QStringList{QStringLiteral("error: /savedRequests/0/method: required string is missing")};
        QTest::newRow("saved request with an unknown verb")
            << withSaved("{\"name\": \"n\", \"resource\": \"/\", \"method\": \"FETCH\"}")
            << QStringList{QStringLiteral("error: /savedRequests/0/method: expected one of GET, POST, PUT, PATCH, "
                                          "DELETE, HEAD, OPTIONS, ANY, found \"FETCH\"")};
        QTest::newRow("saved request query not pairs")
            << withSaved("{\"name\": \"n\", \"resource\": \"/\", \"method\": \"GET\", "
                         "\"query\": [[\"a\", \"1\"], [\"b\", 2]], \"headers\": {\"a\": \"1\"}}")
            << QStringList{QStringLiteral("error: /savedRequests/0/query/1: expected a [name, value] pair of strings, "
                                          "found [\"b\",2]"),
                           QStringLiteral("error: /savedRequests/0/headers: expected an array of [name, value] pairs, "
                                          "found object")};
        QTest::newRow("saved request expectations of the wrong types")
            << withSaved("{\"name\": \"n\", \"resource\": \"/\", \"method\": \"GET\", \"expect\": "
                         "{\"status\": \"200\", \"headers\": {\"X\": 1}, \"jsonPath\": [{\"equals\": 1}], "
                         "\"bodies\": 1}}")
            << QStringList{QStringLiteral("error: /savedRequests/0/expect/bodies: unknown field \"bodies\""),
                           QStringLiteral("error: /savedRequests/0/expect/status: expected an integer, found string"),
                           QStringLiteral("error: /savedRequests/0/expect/headers/X: expected a string, found integer"),
                           QStringLiteral("error: /savedRequests/0/expect/jsonPath/0/path: required string is missing")};
        QTest::newRow("saved request body expectation with two modes")
            << withSaved("{\"name\": \"n\", \"resource\": \"/\", \"method\": \"GET\", \"expect\": "
                         "{\"body\": {\"equals\": \"a\", \"jsonSubset\": {}}}}, "
                         "{\"name\": \"m\", \"resource\": \"/\", \"method\": \"GET\", \"expect\": "
                         "{\"body\": {\"equals\": 5}}}")
            << QStringList{QStringLiteral("error: /savedRequests/0/expect/body: expected exactly one of \"equals\" "
                                          "and \"jsonSubset\""),
                           QStringLiteral("error: /savedRequests/1/expect/body/equals: expected a string, found integer")};
    }
    void brokenFilesAreRejectedWithLocation()
    {
        QFETCH(QByteArray, text);
        QFETCH(QStringList, expected);
        const auto result = ProjectReader::fromBytes(text);
        QVERIFY(!result.ok());
        QCOMPARE(messages(result).join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("broken.portico.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"formatVersion\": 1, \"api\": {\"id\": \"a\", \"name\": \"b\", \"resources\": [{\"id\": true}]}}");
        f.close();
        const auto result = ProjectFile::load(path);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().toString(),
                 QStringLiteral("error: %1: /api/resources/0/id: expected a string, found boolean").arg(path));

        const auto missing = ProjectFile::load(dir.filePath(QStringLiteral("nothing.portico.json")));
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.startsWith(QLatin1String("cannot open: ")));
    }

    void saveWritesAndReplaces()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("p.portico.json"));
        QVERIFY(ProjectFile::save(path, everyFieldProject()).ok());
        QCOMPARE(readAll(path), readAll(kEveryField));
        const auto sample = ProjectFile::load(kSample);
        QVERIFY(sample.ok());
        QVERIFY(ProjectFile::save(path, sample.value()).ok());
        QCOMPARE(readAll(path), readAll(kSample));
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("p.portico.json")});
    }

    // A save that dies part-way (the process killed by the kernel when the file grows past its
    // size limit, as a crash or power cut would stop it) or that fails part-way (a full disk)
    // must leave the previous file exactly as it was. Runs `portico-cli format` as a real
    // process with RLIMIT_FSIZE set below the size of the new file.
    void interruptedSaveLeavesOldFileIntact_data()
    {
        QTest::addColumn<bool>("killedMidWrite");
        QTest::newRow("process killed mid-write (crash)") << true;
        QTest::newRow("write fails (disk full)") << false;
    }
    void interruptedSaveLeavesOldFileIntact()
    {
        QFETCH(bool, killedMidWrite);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.portico.json"));
        // Compact JSON is valid but not canonical, so `format` rewrites it, and the canonical
        // (indented) text is several times larger than the limit below.
        const QByteArray compact = QByteArray::fromStdString(ProjectWriter::toJson(everyFieldProject()).dump());
        {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(compact);
        }
        const rlim_t limit = rlim_t(compact.size());

        QProcess cli;
        cli.setChildProcessModifier([limit, killedMidWrite] {
            struct rlimit rl{limit, limit};
            setrlimit(RLIMIT_FSIZE, &rl);
            std::signal(SIGXFSZ, killedMidWrite ? SIG_DFL : SIG_IGN);
        });
        cli.start(QStringLiteral(PORTICO_CLI_PATH), {QStringLiteral("format"), path});
        QVERIFY(cli.waitForFinished(30000));
        if (killedMidWrite) {
            QCOMPARE(cli.exitStatus(), QProcess::CrashExit);
        } else {
            QCOMPARE(cli.exitStatus(), QProcess::NormalExit);
            QCOMPARE(cli.exitCode(), 2);
            const QString stderrText = QString::fromUtf8(cli.readAllStandardError());
            QVERIFY2(stderrText.startsWith(QStringLiteral("error: %1: cannot save: ").arg(path)),
                     qPrintable(stderrText));
            // A failed save cleans up after itself.
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                     QStringList{QStringLiteral("big.portico.json")});
        }
        QCOMPARE(readAll(path), compact);
        QVERIFY(ProjectFile::load(path).ok());
    }
};

QTEST_GUILESS_MAIN(TestProjectFile)
#include "tst_projectfile.moc"
