// Import -> export -> import over every file of ../shared/corpus/openapi, in the file's own
// version and the other one, JSON and YAML: the second import gives the same API as the first,
// and every x-amazon-apigateway-* value of the original file is found, equal, at the same place
// of the export.
#include "base/json.h"
#include "openapi/exporter.h"
#include "openapi/importer.h"
#include "openapi/yamldocument.h"
#include "openapi/yamlwriter.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace portico;
using base::Json;
using openapi::ExportFormat;

namespace {

QString corpusDir()
{
    return QStringLiteral(PORTICO_SOURCE_DIR "/../shared/corpus/openapi");
}

const QString kApiId = QStringLiteral("roundtrip1");

model::RestApi importText(const QByteArray &text)
{
    openapi::ImportOptions options;
    options.apiId = kApiId;
    auto result = openapi::importOpenApi(text, options);
    if (!result.ok())
        qFatal("import failed: %s", qPrintable(result.error().toString()));
    return std::move(result)->api;
}

// Fields whose values API Gateway reads case-insensitively.
bool caseInsensitive(const std::string &key)
{
    return key == "type" || key == "passthroughBehavior" || key == "httpMethod"
        || key == "connectionType" || key == "contentHandling"
        || key == "x-amazon-apigateway-api-key-source";
}

// A scalar as API Gateway stores it: numbers and booleans as their text, null as nothing.
std::string scalar(const Json &value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_null())
        return {};
    return value.dump();
}

// Every value of `original` is in `exported` at the same place, equal as API Gateway reads it
// (200 and "200" are the same status; aws_proxy and AWS_PROXY the same type; a policy may be an
// object or its JSON text). Keys only the export has (defaults made explicit) are fine.
void compareValues(const Json &original, const Json &exported, const std::string &at,
                   const std::string &key, QStringList &differences)
{
    if (key == "x-amazon-apigateway-policy" && (original.is_string() != exported.is_string())) {
        const Json a = original.is_string() ? Json::parse(original.get<std::string>()) : original;
        const Json b = exported.is_string() ? Json::parse(exported.get<std::string>()) : exported;
        compareValues(a, b, at, std::string(), differences);
        return;
    }
    if (original.is_object()) {
        if (!exported.is_object()) {
            differences << QString::fromStdString(at + ": an object became " + exported.dump());
            return;
        }
        for (auto it = original.begin(); it != original.end(); ++it) {
            const std::string child
                = at + '/' + base::toStd(base::jsonPointerToken(QString::fromStdString(it.key())));
            // Swagger 2's media type lists of an operation are derived from its models on export.
            if (it.key() == "consumes" || it.key() == "produces")
                continue;
            // null, "", [] and {} are what API Gateway stores for an absent field.
            const bool empty = it->is_null() || (it->is_string() && it->get<std::string>().empty())
                || (it->is_structured() && it->empty());
            if (!exported.contains(it.key())) {
                if (!empty)
                    differences << QString::fromStdString(child + ": missing from the export");
                continue;
            }
            // An empty identity source means "derive it from the scheme", which the export does.
            if (empty && it.key() == "identitySource")
                continue;
            compareValues(*it, exported[it.key()], child, it.key(), differences);
        }
        return;
    }
    if (original.is_array()) {
        if (!exported.is_array() || exported.size() != original.size()) {
            differences << QString::fromStdString(at + ": " + original.dump() + " became "
                                                  + exported.dump());
            return;
        }
        for (size_t i = 0; i < original.size(); ++i)
            compareValues(original[i], exported[i], at + '/' + std::to_string(i), key, differences);
        return;
    }
    std::string a = scalar(original);
    std::string b = scalar(exported);
    if (caseInsensitive(key)) {
        a = QString::fromStdString(a).toUpper().toStdString();
        b = QString::fromStdString(b).toUpper().toStdString();
    }
    if (a != b)
        differences << QString::fromStdString(at + ": " + original.dump() + " became "
                                              + exported.dump());
}

// Every x-amazon-apigateway-* key anywhere in `document`, with its pointer.
void collectExtensions(const Json &node, const std::string &at,
                       std::vector<std::pair<std::string, const Json *>> &out)
{
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const std::string child
                = at + '/' + base::toStd(base::jsonPointerToken(QString::fromStdString(it.key())));
            if (it.key().rfind("x-amazon-apigateway-", 0) == 0)
                out.emplace_back(child, &*it);
            else
                collectExtensions(*it, child, out);
        }
    } else if (node.is_array()) {
        for (size_t i = 0; i < node.size(); ++i)
            collectExtensions(node[i], at + '/' + std::to_string(i), out);
    }
}

bool isSwagger2(const QString &file)
{
    return file.contains(QLatin1String(".swagger2."));
}

} // namespace

class TestOpenApiRoundTrip : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameApiAfterExportAndImport_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<bool>("yaml");
        const QStringList files
            = QDir(corpusDir())
                  .entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files,
                             QDir::Name);
        QVERIFY(files.size() >= 29);
        for (const QString &file : files) {
            for (const ExportFormat format : {ExportFormat::OpenApi3, ExportFormat::Swagger2}) {
                for (const bool yaml : {false, true}) {
                    const QString name
                        = QStringLiteral("%1 -> %2 %3")
                              .arg(file,
                                   format == ExportFormat::OpenApi3 ? QStringLiteral("openapi3")
                                                                    : QStringLiteral("swagger2"),
                                   yaml ? QStringLiteral("yaml") : QStringLiteral("json"));
                    QTest::newRow(qPrintable(name)) << file << static_cast<int>(format) << yaml;
                }
            }
        }
    }

    void sameApiAfterExportAndImport()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(bool, yaml);
        QFile input(corpusDir() + QLatin1Char('/') + file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const model::RestApi first = importText(input.readAll());
        model::Project project;
        project.api = first;
        openapi::ExportOptions options;
        options.format = static_cast<ExportFormat>(format);
        options.yaml = yaml;
        const auto exported = openapi::exportProject(project, options);
        QVERIFY2(exported.ok(),
                 qPrintable(exported.ok() ? QString() : exported.error().toString()));
        const model::RestApi second = importText(exported->text);
        const bool sameVersion
            = (format == static_cast<int>(ExportFormat::Swagger2)) == isSwagger2(file);
        QCOMPARE(second.resources.size(), first.resources.size());
        for (size_t i = 0; i < first.resources.size(); ++i) {
            const QString path = first.pathOf(first.resources[i].id);
            QCOMPARE(second.pathOf(second.resources[i].id), path);
            for (const auto &[verb, methodBefore] : first.resources[i].methods) {
                const auto found = second.resources[i].methods.find(verb);
                QVERIFY2(found != second.resources[i].methods.end(),
                         qPrintable(verb + QLatin1Char(' ') + path));
                model::Method method = methodBefore;
                model::Method after = found->second;
                QCOMPARE(after.integration, method.integration);
                QCOMPARE(after.requestParameters, method.requestParameters);
                QCOMPARE(after.requestModels, method.requestModels);
                QCOMPARE(after.methodResponses, method.methodResponses);
                // Content kept from one version's layout (a Swagger 2 response schema, an
                // OpenAPI 3 content map) is reshaped for the other version, so it reads back
                // in that version's form; within one version it must come back unchanged.
                if (sameVersion)
                    QCOMPARE(after.openApiExtras, method.openApiExtras);
                else
                    after.openApiExtras = method.openApiExtras;
                QCOMPARE(after, method);
            }
        }
        QCOMPARE(second.models, first.models);
        QCOMPARE(second.authorizers, first.authorizers);
        QCOMPARE(second.requestValidators, first.requestValidators);
        QCOMPARE(second.gatewayResponses, first.gatewayResponses);
        // Document-level content kept from one version's layout (components,
        // securityDefinitions) has no place in the other version's.
        if (sameVersion)
            QCOMPARE(second.openApiExtras, first.openApiExtras);
        QCOMPARE(second.name, first.name);
        QCOMPARE(second.description, first.description);
        QCOMPARE(second.version, first.version);
        QCOMPARE(second.binaryMediaTypes, first.binaryMediaTypes);
        QCOMPARE(second.policy, first.policy);
        QCOMPARE(second.endpointConfiguration, first.endpointConfiguration);
        QCOMPARE(second.apiKeySource, first.apiKeySource);
        QCOMPARE(second.minimumCompressionSize, first.minimumCompressionSize);
        QCOMPARE(second.disableExecuteApiEndpoint, first.disableExecuteApiEndpoint);
        QCOMPARE(second.id, first.id);
        model::RestApi firstWithoutExtras = first;
        model::RestApi secondWithoutExtras = second;
        for (model::RestApi *api : {&firstWithoutExtras, &secondWithoutExtras}) {
            api->openApiExtras.clear();
            if (!sameVersion)
                for (model::Resource &resource : api->resources)
                    for (auto &[verb, method] : resource.methods)
                        method.openApiExtras.clear();
        }
        QCOMPARE(secondWithoutExtras, firstWithoutExtras);
    }

    // Found by fuzz/openapi_fuzzer: characters YAML forbids unescaped (DEL, C1 controls) or reads
    // as line breaks (NEL, U+2028), and C0 controls, in any key or value, survive a YAML export.
    void yamlKeepsEveryCharacter()
    {
        std::string awkward
            = "a\x7f b\xc2\x80 c\xc2\x85 d\xc2\x9f e f\x01 g\t h\r\n i \xe2\x9c\x93 j\xe2\x80\xa8k";
        const Json value = {{awkward, awkward}, {"list", Json::array({awkward, "plain"})}};
        const QByteArray yaml = openapi::toYaml(value);
        const auto back = openapi::readJsonOrYaml(yaml);
        QVERIFY2(back.ok(),
                 qPrintable(back.ok() ? QString()
                                      : back.error().toString() + QLatin1Char('\n')
                                    + QString::fromUtf8(yaml)));
        QVERIFY2(back.value() == value,
                 (back.value().dump(-1, ' ', true) + "\n" + yaml.toStdString()).c_str());
        // A noncharacter comes back as U+FFFD (yaml-cpp's choice), but the YAML still reads.
        QVERIFY(openapi::readJsonOrYaml(openapi::toYaml(Json("x\xef\xbf\xbey"))).ok());
    }

    // File by file, every x-amazon-apigateway-* value before and after the round trip, in the
    // file's own version.
    void everyExtensionValueSurvives_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files
            = QDir(corpusDir())
                  .entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files,
                             QDir::Name);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    void everyExtensionValueSurvives()
    {
        QFETCH(QString, file);
        QFile input(corpusDir() + QLatin1Char('/') + file);
        QVERIFY(input.open(QIODevice::ReadOnly));
        const QByteArray text = input.readAll();
        model::Project project;
        project.api = importText(text);
        openapi::ExportOptions options;
        options.format = isSwagger2(file) ? ExportFormat::Swagger2 : ExportFormat::OpenApi3;
        const auto exported = openapi::exportProject(project, options);
        QVERIFY(exported.ok());
        const Json before = openapi::readJsonOrYaml(text).value();
        const Json after = openapi::readJsonOrYaml(exported->text).value();
        std::vector<std::pair<std::string, const Json *>> extensions;
        collectExtensions(before, std::string(), extensions);
        QStringList differences;
        for (const auto &[written, value] : extensions) {
            // A version mix AWS accepts (the URL shortener's OpenAPI 3 file declares its
            // authorizer under Swagger 2's securityDefinitions) is exported where the version
            // puts it.
            std::string pointer = written;
            if (!isSwagger2(file) && pointer.rfind("/securityDefinitions/", 0) == 0)
                pointer = "/components/securitySchemes/" + pointer.substr(21);
            const Json::json_pointer where(pointer);
            if (!after.contains(where)) {
                differences << QString::fromStdString(pointer + ": missing from the export");
                continue;
            }
            const std::string key = pointer.substr(pointer.rfind('/') + 1);
            compareValues(*value, after.at(where), pointer, key, differences);
        }
        QVERIFY2(differences.isEmpty(), qPrintable(differences.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiRoundTrip)
#include "tst_openapiroundtrip.moc"
