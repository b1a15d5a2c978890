// portico-cli as a user runs it: a real process, its output and its exit status.
#include "model/projectfile.h"

#include "../../support/clirun.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
using Run = portico::test::CliRun;
using portico::test::runCli;

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

QString writeVariant(const QTemporaryDir &dir, const QByteArray &from, const QByteArray &to)
{
    QFile sample(kSample);
    if (!sample.open(QIODevice::ReadOnly))
        return {};
    QByteArray text = sample.readAll();
    text.replace(from, to);
    const QString path = dir.filePath(QStringLiteral("variant.portico.json"));
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly))
        return {};
    out.write(text);
    return path;
}
} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void version()
    {
        const Run r = runCli({QStringLiteral("--version")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("portico-cli ")), qPrintable(r.out));
    }

    void help()
    {
        const Run r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Usage: portico-cli COMMAND")));
        QVERIFY(r.out.contains(QLatin1String("  lint FILE...")));
        QVERIFY(r.out.contains(QLatin1String("  format [--check] FILE...")));
    }

    void unknownCommand()
    {
        const Run r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(r.err.startsWith(QLatin1String("portico-cli: unknown command \"frobnicate\"")));
    }

    void lintSampleIsClean()
    {
        const Run r = runCli({QStringLiteral("lint"), kSample});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, kSample + QStringLiteral(": 0 errors, 0 warnings\n"));
    }

    void lintReportsErrorsOnePerLine()
    {
        QTemporaryDir dir;
        const QString path = writeVariant(
            dir, "\"uri\": \"http://petstore-demo-endpoint.execute-api.com/petstore/pets\",", "");
        const Run r = runCli({QStringLiteral("lint"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QStringLiteral("error: /pets GET integration: uri is required\n"));
        QCOMPARE(r.err, path + QStringLiteral(": 1 error, 0 warnings\n"));
    }

    void lintWarningsDoNotFail()
    {
        auto project = portico::model::ProjectFile::load(kSample);
        QVERIFY(project.ok());
        project->api.resources.front().methods[QStringLiteral("GET")].integration.reset();
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("warn.portico.json"));
        QVERIFY(portico::model::ProjectFile::save(path, project.value()).ok());
        const Run r = runCli({QStringLiteral("lint"), path});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("warning: / GET: no integration is defined; API Gateway refuses "
                                       "to deploy such a method\n"));
        QCOMPARE(r.err, path + QStringLiteral(": 0 errors, 1 warning\n"));
    }

    void lintRefusesBrokenFile()
    {
        QTemporaryDir dir;
        const QString path = writeVariant(dir, "\"formatVersion\": 1,", "\"formatVersion\": \"1\",");
        const Run r = runCli({QStringLiteral("lint"), path});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err, QStringLiteral("error: %1: /formatVersion: expected an integer, found string\n").arg(path));
    }

    void renderPrintsExactlyTheOutput()
    {
        QTemporaryDir dir;
        const QString templatePath = dir.filePath(QStringLiteral("t.vm"));
        const QString bodyPath = dir.filePath(QStringLiteral("body.json"));
        QFile t(templatePath);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("#set($p = $input.path('$'))\n{\"id\": $input.params('id'), \"name\": \"$p.name\"}");
        t.close();
        QFile b(bodyPath);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(R"({"name": "Rex"})");
        b.close();
        const Run r = runCli({QStringLiteral("render"), QStringLiteral("--template"), templatePath, QStringLiteral("--body"),
                              bodyPath, QStringLiteral("--params"), QStringLiteral(R"({"path": {"id": "7"}})")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QStringLiteral("{\"id\": 7, \"name\": \"Rex\"}"));
    }

    void renderReportsWhereATemplateFails()
    {
        QTemporaryDir dir;
        const QString templatePath = dir.filePath(QStringLiteral("t.vm"));
        QFile t(templatePath);
        QVERIFY(t.open(QIODevice::WriteOnly));
        t.write("ok\n#foreach($x in [1, 2])\n$x\n");
        t.close();
        const Run r = runCli({QStringLiteral("render"), QStringLiteral("--template"), templatePath});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QStringLiteral("error: %1: line 2, column 1: unclosed #foreach: expected #end\n").arg(templatePath));
    }

    void formatCheck()
    {
        Run r = runCli({QStringLiteral("format"), QStringLiteral("--check"), kSample});
        QCOMPARE(r.exitCode, 0);
        QTemporaryDir dir;
        const QString path = writeVariant(dir, "\"formatVersion\": 1,\n", "\"formatVersion\":1,");
        r = runCli({QStringLiteral("format"), QStringLiteral("--check"), path});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, path + QStringLiteral(": not in canonical form\n"));
        r = runCli({QStringLiteral("format"), path});
        QCOMPARE(r.exitCode, 0);
        r = runCli({QStringLiteral("format"), QStringLiteral("--check"), path});
        QCOMPARE(r.exitCode, 0);
    }

    void exportToStandardOutputAndToAFile()
    {
        const QStringList args {QStringLiteral("export"), kSample, QStringLiteral("--format"),
                                QStringLiteral("swagger2"), QStringLiteral("--yaml")};
        const Run toStdout = runCli(args);
        QCOMPARE(toStdout.exitCode, 0);
        QVERIFY(toStdout.out.startsWith(
            QStringLiteral("swagger: \"2.0\"\ninfo:\n  title: PetStore\n")));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("petstore.yaml"));
        const Run toFile = runCli(args + QStringList {QStringLiteral("-o"), path});
        QCOMPARE(toFile.exitCode, 0);
        QCOMPARE(toFile.out, QString());
        QFile written(path);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(written.readAll()), toStdout.out);
    }

    void exportErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("firstErrorLine");
        const QString e = QStringLiteral("export");
        const QString f = QStringLiteral("--format");
        QTest::newRow("unknown format")
            << QStringList {e, kSample, f, QStringLiteral("raml")}
            << QStringLiteral("portico-cli export: unknown format \"raml\" "
                              "(expected openapi3|swagger2|cloudformation|sam)");
        QTest::newRow("no format") << QStringList {e, kSample}
                                   << QStringLiteral("portico-cli export: --format is required "
                                                     "(openapi3|swagger2|cloudformation|sam)");
        QTest::newRow("unknown stage")
            << QStringList {e,
                            kSample,
                            f,
                            QStringLiteral("openapi3"),
                            QStringLiteral("--stage"),
                            QStringLiteral("qa")}
            << QStringLiteral("portico-cli export: error: stage: no stage \"qa\" in the project "
                              "(stages: dev, prod)");
        QTest::newRow("unreadable project")
            << QStringList {e, QStringLiteral("/nonexistent/x.portico.json"), f,
                            QStringLiteral("sam")}
            << QStringLiteral(
                   "error: /nonexistent/x.portico.json: cannot open: No such file or directory");
        QTest::newRow("unwritable output")
            << QStringList {e,
                            kSample,
                            f,
                            QStringLiteral("sam"),
                            QStringLiteral("-o"),
                            QStringLiteral("/nonexistent/t.json")}
            << QStringLiteral("portico-cli export: error: /nonexistent/t.json: cannot save: ");
    }
    void exportErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, firstErrorLine);
        const Run r = runCli(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(firstErrorLine), qPrintable(r.err));
    }

    void exportHelp()
    {
        const Run r = runCli({QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: portico-cli export PROJECT --format ")));
        QVERIFY(r.out.contains(QStringLiteral("--no-extensions")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
