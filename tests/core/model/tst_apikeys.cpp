// API keys as the console manages them: generated values (length, alphabet, uniqueness), enable
// and disable, and the CSV import in API Gateway's format with bad rows reported by line while the
// good rows still go in. Then through portico-cli as a real process: keys saved to the project
// file, a served stage that lets an imported key in and keeps a disabled one out, and
// `portico-cli usage` reading that server's counters.
#include "base/json.h"
#include "model/apikeys.h"
#include "model/projectfile.h"

#include "../../support/clirun.h"

#include "../../support/rawhttpclient.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace portico;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

model::Project projectWithPlans()
{
    model::Project project = model::Project::createEmpty(QStringLiteral("keys"));
    for (const char *id : {"plan000001", "plan000002"}) {
        model::UsagePlan plan;
        plan.id = QLatin1String(id);
        plan.name = QLatin1String(id);
        project.usagePlans.push_back(plan);
    }
    return project;
}

QStringList problemTexts(const model::ApiKeyImport &imported)
{
    QStringList texts;
    for (const base::Diagnostic &d : imported.problems)
        texts << d.toString();
    return texts;
}

using Run = portico::test::CliRun;
using portico::test::runCli;

} // namespace

class TestApiKeys : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void generatedKeysAreLongRandomAndDistinct()
    {
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        std::set<QString> values;
        std::set<QChar> seen;
        static const QRegularExpression alphanumeric(QStringLiteral("^[A-Za-z0-9]{40}$"));
        for (int i = 0; i < 500; ++i) {
            base::Result<QString> id = keys.generate(QStringLiteral("k%1").arg(i));
            QVERIFY(id.ok());
            const model::ApiKey *key = keys.find(id.value());
            QVERIFY(key);
            QVERIFY2(alphanumeric.match(key->value).hasMatch(), qPrintable(key->value));
            QVERIFY(key->enabled);
            values.insert(key->value);
            for (QChar c : key->value)
                seen.insert(c);
        }
        QCOMPARE(values.size(), size_t(500));
        // 20,000 draws from 62 characters: every one of them turns up.
        QCOMPARE(seen.size(), size_t(62));
    }

    void generateAddsToPlansOrChangesNothing()
    {
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        base::Result<QString> id = keys.generate(QStringLiteral("ci"), QStringLiteral("for CI"), {QStringLiteral("plan000002")});
        QVERIFY(id.ok());
        QCOMPARE(project.usagePlans[1].apiKeyIds, QStringList{id.value()});
        QVERIFY(project.usagePlans[0].apiKeyIds.isEmpty());
        QCOMPARE(keys.find(QStringLiteral("ci"))->description, QStringLiteral("for CI"));

        const model::Project before = project;
        base::Result<QString> bad = keys.generate(QStringLiteral("x"), {}, {QStringLiteral("nosuchplan")});
        QVERIFY(!bad.ok());
        QVERIFY(bad.error().toString().contains(QLatin1String("nosuchplan")));
        QVERIFY(project == before);
    }

    void enableAndDisableByIdNameOrValue()
    {
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        const QString id = keys.generate(QStringLiteral("named")).value();
        const QString value = keys.find(id)->value;
        QVERIFY(keys.setEnabled(QStringLiteral("named"), false).ok());
        QVERIFY(!keys.find(id)->enabled);
        QVERIFY(keys.setEnabled(value, true).ok());
        QVERIFY(keys.find(id)->enabled);
        QVERIFY(keys.setEnabled(id, false).ok());
        QVERIFY(!keys.find(id)->enabled);
        QVERIFY(!keys.setEnabled(QStringLiteral("nobody"), true).ok());
    }

    void csvImport_data()
    {
        QTest::addColumn<QByteArray>("csv");
        QTest::addColumn<int>("added");
        QTest::addColumn<QStringList>("problems");

        QTest::newRow("minimal, columns in any order and case")
            << QByteArray("Key,name\napikey1234abcdefghij0123456789,MyFirstApiKey\n") << 1 << QStringList();
        QTest::newRow("all columns, AWS's example")
            << QByteArray("Name,key,description,Enabled,usageplanIds\nMyFirstApiKey,apikey1234abcdefghij0123456789,An imported key,TRUE,plan000001\n")
            << 1 << QStringList();
        QTest::newRow("several plans in double quotes")
            << QByteArray("Enabled,Name,key,UsageplanIds\ntrue,MyFirstApiKey,apikey1234abcdefghij0123456789,\"plan000001,plan000002\"\n")
            << 1 << QStringList();
        QTest::newRow("several plans in single quotes, CRLF, BOM, unknown column")
            << QByteArray("\xEF\xBB\xBFName,Key,UsagePlanIds,Color\r\nk,apikey1234abcdefghij0123456789,'plan000001,plan000002',blue\r\n")
            << 1 << QStringList();
        QTest::newRow("bad rows by line, good rows imported")
            << QByteArray("Name,Key,Enabled,UsagePlanIds\n"
                          "good1,apikey1234abcdefghij0123456789,true,\n"
                          "short,tooshort,true,\n"
                          "\n"
                          "flag,apikeyAAAAabcdefghij0123456789,maybe,\n"
                          "plan,apikeyBBBBabcdefghij0123456789,,nosuchplan\n"
                          "\"two\nlines\",apikeyCCCCabcdefghij0123456789,false,plan000001\n"
                          "empty,,true,\n")
            << 2
            << QStringList{QStringLiteral("error: keys.csv:3: the Key has 8 characters; it must have 20 to 128"),
                           QStringLiteral("error: keys.csv:5: Enabled is \"maybe\"; expected TRUE or FALSE"),
                           QStringLiteral("error: keys.csv:6: no usage plan with id \"nosuchplan\""),
                           QStringLiteral("error: keys.csv:9: the Key is empty")};
        QTest::newRow("key too long")
            << (QByteArray("Name,Key\nlong,") + QByteArray(129, 'a') + "\n") << 0
            << QStringList{QStringLiteral("error: keys.csv:2: the Key has 129 characters; it must have 20 to 128")};
        QTest::newRow("no Key column")
            << QByteArray("Name,Value\nx,apikey1234abcdefghij0123456789\n") << 0
            << QStringList{QStringLiteral("error: keys.csv:1: the header row has no Key column (found: Name,Value)")};
        QTest::newRow("empty file") << QByteArray() << 0
                                    << QStringList{QStringLiteral("error: keys.csv:1: the file is empty: expected a header row with Name and Key columns")};
    }

    void csvImport()
    {
        QFETCH(QByteArray, csv);
        QFETCH(int, added);
        QFETCH(QStringList, problems);
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        const model::ApiKeyImport imported = keys.importCsv(csv, QStringLiteral("keys.csv"));
        QCOMPARE(problemTexts(imported), problems);
        QCOMPARE(imported.added, added);
        QCOMPARE(int(project.apiKeys.size()), added);
    }

    void csvImportedFieldsAndPlans()
    {
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        const model::ApiKeyImport imported = keys.importCsv(
            "Enabled,Name,key,description,UsageplanIds\nFALSE,Imported,apikey1234abcdefghij0123456789,\"A key, with a comma\",\"plan000001,plan000002\"\n",
            QStringLiteral("k.csv"));
        QVERIFY(imported.problems.empty());
        const model::ApiKey *key = keys.find(QStringLiteral("Imported"));
        QVERIFY(key);
        QCOMPARE(key->value, QStringLiteral("apikey1234abcdefghij0123456789"));
        QCOMPARE(key->description, QStringLiteral("A key, with a comma"));
        QVERIFY(!key->enabled);
        QCOMPARE(project.usagePlans[0].apiKeyIds, QStringList{key->id});
        QCOMPARE(project.usagePlans[1].apiKeyIds, QStringList{key->id});
    }

    void sameKeyImportedAgainReplacesTheEarlierOne()
    {
        model::Project project = projectWithPlans();
        model::ApiKeys keys(project);
        (void)keys.importCsv("Name,Key,Enabled\nfirst,apikey1234abcdefghij0123456789,true\n", QStringLiteral("a.csv"));
        const QString id = project.apiKeys.front().id;
        const model::ApiKeyImport again =
            keys.importCsv("Name,Key,Enabled,Description\nsecond,apikey1234abcdefghij0123456789,false,newer\n", QStringLiteral("b.csv"));
        QCOMPARE(again.added, 0);
        QCOMPARE(again.updated, 1);
        QCOMPARE(project.apiKeys.size(), size_t(1));
        QCOMPARE(project.apiKeys.front().id, id);
        QCOMPARE(project.apiKeys.front().name, QStringLiteral("second"));
        QCOMPARE(project.apiKeys.front().description, QStringLiteral("newer"));
        QVERIFY(!project.apiKeys.front().enabled);
    }

    // The whole path a user takes: import keys with the CLI, disable one, serve the sample, and
    // call its key-protected method with each key.
    void cliKeysReachTheRuntime()
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.portico.json"));
        QVERIFY(QFile::copy(kSample, project));
        QFile::setPermissions(project, QFile::ReadOwner | QFile::WriteOwner);
        const QString csv = dir.filePath(QStringLiteral("keys.csv"));
        {
            QFile f(csv);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("Name,Key,UsagePlanIds\n"
                    "partner,partnerKey0123456789abcdefXYZ,p1anbasic1\n"
                    "disabled-later,laterKey0123456789abcdefXYZ,p1anbasic1\n"
                    "broken,short,p1anbasic1\n");
        }
        Run r = runCli({QStringLiteral("keys"), project, QStringLiteral("import"), csv});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(csv + QStringLiteral(":4: the Key has 5 characters")), qPrintable(r.err));
        QVERIFY2(r.out.contains(QLatin1String("Imported 2 new and 0 updated API keys; 1 bad rows skipped")), qPrintable(r.out));
        r = runCli({QStringLiteral("keys"), project, QStringLiteral("disable"), QStringLiteral("disabled-later")});
        QCOMPARE(r.exitCode, 0);
        r = runCli({QStringLiteral("keys"), project, QStringLiteral("generate"), QStringLiteral("fresh"), QStringLiteral("--plan"),
                    QStringLiteral("p1anbasic1")});
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression generated(QStringLiteral(": ([A-Za-z0-9]{40})\n$"));
        const QRegularExpressionMatch match = generated.match(r.out);
        QVERIFY2(match.hasMatch(), qPrintable(r.out));
        const QByteArray freshKey = match.captured(1).toLatin1();
        r = runCli({QStringLiteral("keys"), project, QStringLiteral("list")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("disabled-later  disabled  laterKey0123456789abcdefXYZ  p1anbasic1")), qPrintable(r.out));
        QCOMPARE(runCli({QStringLiteral("lint"), project}).exitCode, 0);

        QProcess serve;
        serve.start(QStringLiteral(PORTICO_CLI_PATH), {QStringLiteral("serve"), project, QStringLiteral("--port"), QStringLiteral("0")});
        QVERIFY(serve.waitForStarted());
        QByteArray banner;
        QTRY_VERIFY_WITH_TIMEOUT((banner += serve.readAllStandardOutput()).contains("Press Ctrl-C"), 10000);
        static const QRegularExpression portPattern(QStringLiteral("127\\.0\\.0\\.1:(\\d+)"));
        const quint16 port = quint16(portPattern.match(QString::fromUtf8(banner)).captured(1).toUInt());
        QVERIFY(port != 0);
        const auto post = [&](const QByteArray &key) {
            test::RawHttpClient client(port);
            const QByteArray headers = "Content-Type: application/json\r\n" + (key.isEmpty() ? QByteArray() : "x-api-key: " + key + "\r\n");
            return client.request(test::rawRequest("POST", "/dev/pets", headers, R"({"type":"dog","price":12.5})")).value_or(test::RawResponse());
        };
        QCOMPARE(post("partnerKey0123456789abcdefXYZ").status, 200);
        QCOMPARE(post(freshKey).status, 200);
        const test::RawResponse disabled = post("laterKey0123456789abcdefXYZ");
        QCOMPARE(disabled.status, 403);
        // The sample customises DEFAULT_4XX with a space after the colon.
        QCOMPARE(disabled.body, QByteArray("{\"message\": \"Forbidden\"}"));
        QCOMPARE(post("shortshortshortshortshort").status, 403);
        QCOMPARE(post("partnerKey0123456789abcdefXYZ").status, 200);

        // The server's counters, found through the project file alone.
        r = runCli({QStringLiteral("usage"), project, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        base::Json report;
        base::JsonParseError error;
        QVERIFY2(base::parseJson(r.out.toUtf8(), report, error), qPrintable(r.out));
        const base::Json &plan = report["usagePlans"][0];
        QCOMPARE(QString::fromStdString(plan["id"].get<std::string>()), QStringLiteral("p1anbasic1"));
        std::map<std::string, base::Json> byName;
        for (const base::Json &key : plan["keys"])
            byName[key["name"].get<std::string>()] = key;
        QCOMPARE(byName["partner"]["today"].get<int>(), 2);
        QCOMPARE(byName["partner"]["quota"]["used"].get<int>(), 2);
        QCOMPARE(byName["partner"]["quota"]["remaining"].get<int>(), 998);
        QCOMPARE(byName["fresh"]["today"].get<int>(), 1);
        // Refused requests count nothing.
        QCOMPARE(byName["disabled-later"]["today"].get<int>(), 0);
        QCOMPARE(QString::fromStdString(byName["partner"]["value"].get<std::string>()), QStringLiteral("***********************defXYZ"));
        r = runCli({QStringLiteral("usage"), project});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Usage plan p1anbasic1 (Basic)")) && r.out.contains(QLatin1String("partner")), qPrintable(r.out));

        serve.terminate();
        QVERIFY(serve.waitForFinished(10000));
        r = runCli({QStringLiteral("usage"), project});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("no running `portico-cli serve")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestApiKeys)
#include "tst_apikeys.moc"
