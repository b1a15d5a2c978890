// Every mapping-template conformance case in ../shared/conformance/vtl, read where it lies, and
// the project's own differential corpus tests/data/vtl-oracle (core VTL, expectations produced by
// Apache Velocity 1.7 through ../shared/tools/velocity-oracle): rendered by Portico's engine and
// compared with what API Gateway or Velocity 1.7 produced.
#include "base/json.h"
#include "mapping/sampleinput.h"
#include "vtl/renderer.h"
#include "vtl/template.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace portico;

class TestVtlConformance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void conformanceCase_data()
    {
        QTest::addColumn<QString>("path");
        const auto addCases = [](const QString &folder, const char *prefix, qsizetype atLeast) {
            const QDir dir(folder);
            const QStringList files = dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
            QVERIFY2(files.size() >= atLeast, qPrintable(QStringLiteral("cases not found in %1").arg(dir.path())));
            for (const QString &file : files)
                QTest::newRow(qPrintable(QLatin1String(prefix) + file)) << dir.filePath(file);
        };
        addCases(QStringLiteral(PORTICO_CONFORMANCE_DIR), "shared/", 70);
        addCases(QStringLiteral(PORTICO_TEST_DATA_DIR "/vtl-oracle"), "oracle/", 150);
    }
    void conformanceCase()
    {
        QFETCH(QString, path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        base::Json json;
        base::JsonParseError parseError;
        QVERIFY(base::parseJson(file.readAll(), json, parseError));

        const auto input = mapping::SampleInput::fromCaseJson(json);
        QVERIFY2(input.ok(), qPrintable(input.ok() ? QString() : input.error().toString()));
        const auto compiled = vtl::Template::compile(base::toQString(json.value("template", std::string())));
        const bool wantsError = json.value("expectedError", false);
        if (!compiled.ok()) {
            QVERIFY2(wantsError, qPrintable(QStringLiteral("does not compile: ") + compiled.error().toString()));
            return;
        }
        const auto rendered = compiled->render(input->toVariables());
        if (!compiled->mayChangeContainers()) {
            // Such a template reads JSON in place; converted up front it must render the same.
            const auto converted = vtl::Renderer(input->toVariables(), false)
                                       .render(*vtl::Parser::parse(base::toQString(json.value("template", std::string()))).value());
            QCOMPARE(converted.ok(), rendered.ok());
            QCOMPARE(converted.ok() ? converted.value() : converted.error().toString(),
                     rendered.ok() ? rendered.value() : rendered.error().toString());
        }
        if (wantsError) {
            if (rendered.ok())
                QFAIL(qPrintable(QStringLiteral("rendered without error: ") + rendered.value()));
            return;
        }
        QVERIFY2(rendered.ok(), qPrintable(rendered.ok() ? QString() : rendered.error().toString()));
        if (json.contains("expectedJson")) {
            base::Json actual;
            base::JsonParseError error;
            QVERIFY2(base::parseJson(rendered->toUtf8(), actual, error),
                     qPrintable(QStringLiteral("output is not JSON (%1): %2").arg(error.message, rendered.value())));
            // JSON equality: key order does not matter.
            const auto actualValue = nlohmann::json::parse(actual.dump());
            const auto expectedValue = nlohmann::json::parse(json["expectedJson"].dump());
            QCOMPARE(base::toQString(actualValue.dump()), base::toQString(expectedValue.dump()));
        } else {
            QCOMPARE(rendered.value(), base::toQString(json.value("expected", std::string())));
        }
    }
};

QTEST_GUILESS_MAIN(TestVtlConformance)
#include "tst_vtl_conformance.moc"
