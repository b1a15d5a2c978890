// The OpenAPI/Swagger importer against the real files of ../shared/corpus/openapi and the results
// AWS recorded for them (expected/localstack-test_apigateway_import.snapshot.json, as described in
// the corpus's SOURCES.md), plus the cases real files get wrong.
#include "base/json.h"
#include "model/projectreader.h"
#include "model/projectwriter.h"
#include "openapi/apimerge.h"
#include "openapi/importer.h"
#include "openapi/modelrefs.h"
#include "openapi/yamldocument.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace portico;
using namespace portico::model;
using base::Json;

namespace {

QString corpusDir()
{
    return QStringLiteral(PORTICO_SOURCE_DIR "/../shared/corpus/openapi");
}

QByteArray readCorpus(const QString &name)
{
    QFile file(corpusDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

// Inputs of the hand-written cases live in tests/data/openapi: moc misreads some raw string
// literals (a "//" or quotes inside them) and silently drops every test function after them.
QByteArray testData(const QString &name)
{
    QFile file(QStringLiteral(PORTICO_TEST_DATA_DIR "/openapi/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

openapi::ImportResult importOrFail(const QByteArray &text,
                                   const openapi::ImportOptions &options = {})
{
    auto result = openapi::importOpenApi(text, options);
    if (!result.ok())
        qFatal("import failed: %s", qPrintable(result.error().toString()));
    return std::move(result).value();
}

QStringList paths(const RestApi &api)
{
    QStringList out;
    for (const Resource &r : api.resources)
        out << api.pathOf(r.id);
    out.sort();
    return out;
}

const Method &methodAt(const RestApi &api, const QString &path, const QString &verb)
{
    const Resource *resource = api.findResourceByPath(path);
    if (!resource)
        qFatal("no resource %s", qPrintable(path));
    const auto it = resource->methods.find(verb);
    if (it == resource->methods.end())
        qFatal("no method %s %s", qPrintable(verb), qPrintable(path));
    return it->second;
}

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList out;
    for (const char *item : items)
        out << QString::fromUtf8(item);
    return out;
}

std::map<QString, bool> flags(std::initializer_list<std::pair<const char *, bool>> items)
{
    std::map<QString, bool> out;
    for (const auto &[name, value] : items)
        out[QString::fromUtf8(name)] = value;
    return out;
}

QString reportText(const openapi::ImportResult &result)
{
    QStringList lines;
    for (const base::Diagnostic &d : result.report)
        lines << d.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestOpenApiImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCorpusFileImports_data()
    {
        QTest::addColumn<QString>("file");
        const QStringList files
            = QDir(corpusDir())
                  .entryList({QStringLiteral("*.json"), QStringLiteral("*.yaml")}, QDir::Files,
                             QDir::Name);
        QVERIFY(files.size() >= 29);
        for (const QString &file : files)
            QTest::newRow(qPrintable(file)) << file;
    }

    // Every file imports; every problem reported points at a place that exists in the file; the
    // imported API saves as a project file that reads back equal.
    void everyCorpusFileImports()
    {
        QFETCH(QString, file);
        const QByteArray text = readCorpus(file);
        const openapi::ImportResult result = importOrFail(text);
        QVERIFY(!result.api.name.isEmpty());
        QVERIFY(result.api.root());
        const Json document = openapi::readJsonOrYaml(text).value();
        for (const base::Diagnostic &problem : result.report) {
            QVERIFY2(problem.location == QLatin1String("/paths")
                         || document.contains(Json::json_pointer(base::toStd(problem.location))),
                     qPrintable(problem.toString()));
        }
        Project project;
        project.api = result.api;
        const auto reread = ProjectReader::fromBytes(
            QByteArray::fromStdString(ProjectWriter::toJson(project).dump(2)));
        QVERIFY2(reread.ok(), qPrintable(reread.ok() ? QString() : reread.error().toString()));
        QCOMPARE(reread->api.resources, result.api.resources);
        QCOMPARE(reread->api.models, result.api.models);
        QCOMPARE(reread->api.authorizers, result.api.authorizers);
        QCOMPARE(reread->api.openApiExtras, result.api.openApiExtras);
        QCOMPARE(reread->api, result.api);
    }

    // Files without problems AWS would complain about give an empty report.
    void cleanFilesGiveAnEmptyReport_data()
    {
        QTest::addColumn<QString>("file");
        for (const char *file :
             {"awsdocs-image-lambda-binary.oas30.json", "awsdocs-kinesis-proxy.oas30.json",
              "awsdocs-lambda-calc-validators.swagger2.json", "awsdocs-s3-proxy.swagger2.json",
              "awsdocs-simple-calc.swagger2.json", "localstack-circular-ref-validator.oas30.json",
              "localstack-petstore-authorizer.swagger2.json", "localstack-pulumi.swagger2.json",
              "localstack-basepath-server-variable.oas30.yaml",
              "localstack-integer-status-codes.oas30.yaml",
              "serverless-express-proxy.swagger2.yaml"})
            QTest::newRow(file) << QString::fromLatin1(file);
    }
    void cleanFilesGiveAnEmptyReport()
    {
        QFETCH(QString, file);
        const openapi::ImportResult result = importOrFail(readCorpus(file));
        QVERIFY2(result.report.empty(), qPrintable(reportText(result)));
    }

    // Recorded: test_import_rest_apis_with_base_path_swagger and ..._oas30 (server variable).
    void basePathModesAsAwsRecorded()
    {
        using M = openapi::BasePathMode;
        const QByteArray swagger
            = readCorpus(QStringLiteral("localstack-basepath-query-authorizer.swagger2.json"));
        const QByteArray oas
            = readCorpus(QStringLiteral("localstack-basepath-server-variable.oas30.yaml"));
        QCOMPARE(paths(importOrFail(swagger, {M::Ignore, {}}).api), strings({"/", "/test"}));
        QCOMPARE(paths(importOrFail(swagger, {M::Prepend, {}}).api),
                 strings({"/", "/base", "/base/test"}));
        QCOMPARE(paths(importOrFail(swagger, {M::Split, {}}).api), strings({"/", "/test"}));
        QCOMPARE(paths(importOrFail(oas, {M::Ignore, {}}).api), strings({"/", "/test"}));
        QCOMPARE(paths(importOrFail(oas, {M::Prepend, {}}).api),
                 strings({"/", "/base-var", "/base-var/test"}));
        QCOMPARE(paths(importOrFail(oas, {M::Split, {}}).api), strings({"/", "/test"}));
        // The server URL's path when there is no basePath variable (AWS's srv-url recording).
        // An ordinary string: moc reads "//" inside a raw string literal as a comment.
        const QByteArray url
            = "{\"openapi\": \"3.0.1\", \"info\": {\"title\": \"t\", \"version\": \"1\"},"
              "\"servers\": [{\"url\": \"https://example.com/base-url/part\"}],"
              "\"paths\": {\"/test\": {\"get\": {\"responses\": {}}}}}";
        QCOMPARE(paths(importOrFail(url, {M::Prepend, {}}).api),
                 strings({"/", "/base-url", "/base-url/part", "/base-url/part/test"}));
        QCOMPARE(paths(importOrFail(url, {M::Split, {}}).api),
                 strings({"/", "/part", "/part/test"}));
    }

    // Recorded: test_import_with_circular_models_and_request_validation.
    void circularModelsBecomeModelsReferringToEachOther()
    {
        const openapi::ImportResult result = importOrFail(
            readCorpus(QStringLiteral("localstack-circular-ref-validator.oas30.json")),
            {{}, QStringLiteral("abc1234567")});
        const RestApi &api = result.api;
        const Model *person = api.findModel(QStringLiteral("Person"));
        const Model *house = api.findModel(QStringLiteral("House"));
        QVERIFY(person && house);
        QCOMPARE(house->description, QStringLiteral("Where a Person can live"));
        const Json personSchema = Json::parse(person->schema.toStdString());
        QCOMPARE(personSchema["properties"]["house"]["$ref"].get<std::string>(),
                 std::string("https://apigateway.amazonaws.com/restapis/abc1234567/models/House"));
        const Json houseSchema = Json::parse(house->schema.toStdString());
        QCOMPARE(houseSchema["properties"]["contains"]["items"]["$ref"].get<std::string>(),
                 std::string("https://apigateway.amazonaws.com/restapis/abc1234567/models/Person"));
        const Method &post = methodAt(api, QStringLiteral("/person"), QStringLiteral("POST"));
        QCOMPARE(post.operationName, QStringLiteral("CreatePerson"));
        QCOMPARE(post.requestModels.at(QStringLiteral("application/json")),
                 QStringLiteral("Person"));
        QCOMPARE(api.requestValidators.size(), size_t(1));
        QCOMPARE(api.requestValidators[0].name, QStringLiteral("basic"));
        QVERIFY(api.requestValidators[0].validateRequestBody
                && api.requestValidators[0].validateRequestParameters);
        QCOMPARE(post.requestValidatorId, api.requestValidators[0].id); // the root default
        QVERIFY(post.integration);
        QCOMPARE(post.integration->type, IntegrationType::Mock);
        QCOMPARE(post.integration->passthroughBehavior, PassthroughBehavior::WhenNoTemplates);
    }

    // Recorded: test_import_with_cognito_auth_identity_source.
    void cognitoAuthorizersAndScopesAsAwsRecorded()
    {
        const RestApi api
            = importOrFail(readCorpus(QStringLiteral("localstack-cognito-auth.oas30.json"))).api;
        QCOMPARE(api.authorizers.size(), size_t(2));
        for (const Authorizer &a : api.authorizers) {
            QCOMPARE(a.type, AuthorizerType::CognitoUserPools);
            QCOMPARE(a.authType, QStringLiteral("cognito_user_pools"));
            QCOMPARE(a.identitySource, QStringLiteral("method.request.header.TestHeaderAuth"));
            QCOMPARE(a.providerARNs.size(), 1);
        }
        const Authorizer &first = api.authorizers[0];
        QCOMPARE(first.name, QStringLiteral("cognito-test-identity-source"));
        const Method &noScope
            = methodAt(api, QStringLiteral("/default-no-scope"), QStringLiteral("GET"));
        QCOMPARE(noScope.authorizationType, AuthorizationType::CognitoUserPools);
        QCOMPARE(noScope.authorizerId, first.id);
        QVERIFY(noScope.authorizationScopes.isEmpty());
        const Method &override
            = methodAt(api, QStringLiteral("/default-scope-override"), QStringLiteral("GET"));
        QCOMPARE(override.authorizerId, first.id);
        QCOMPARE(override.authorizationScopes, strings({"openid"}));
        const Method &other
            = methodAt(api, QStringLiteral("/non-default-authorizer"), QStringLiteral("GET"));
        QCOMPARE(other.authorizerId, api.authorizers[1].id);
        QCOMPARE(other.authorizationScopes, strings({"email", "openid"}));
    }

    // Recorded: test_import_with_global_api_key_authorizer.
    void rootSecurityAndUndeclaredPathParametersAsAwsRecorded()
    {
        const RestApi api
            = importOrFail(
                  readCorpus(QStringLiteral("localstack-global-request-authorizer.oas30.json")))
                  .api;
        QCOMPARE(paths(api), strings({"/", "/echo", "/echo/{data}", "/pets"}));
        QCOMPARE(api.apiKeySource, ApiKeySource::Authorizer);
        QCOMPARE(api.authorizers.size(), size_t(1));
        QCOMPARE(api.authorizers[0].type, AuthorizerType::Request);
        QCOMPARE(api.authorizers[0].authType, QStringLiteral("custom"));
        QCOMPARE(api.authorizers[0].identitySource,
                 QStringLiteral("method.request.header.Custom-Authorization"));
        QCOMPARE(api.authorizers[0].authorizerResultTtlInSeconds, 300);
        const Method &any = methodAt(api, QStringLiteral("/echo/{data}"), QStringLiteral("ANY"));
        QCOMPARE(any.authorizationType, AuthorizationType::Custom);
        QCOMPARE(any.authorizerId, api.authorizers[0].id);
        QCOMPARE(any.requestParameters, flags({{"method.request.path.data", true}}));
        QVERIFY(!api.findResourceByPath(QStringLiteral("/echo"))->methods.size());
    }

    // Recorded: test_import_with_integer_http_status_code (unquoted YAML integers).
    void integerStatusCodesAreStringified()
    {
        const RestApi api
            = importOrFail(readCorpus(QStringLiteral("localstack-integer-status-codes.oas30.yaml")))
                  .api;
        const Method &get = methodAt(api, QStringLiteral("/test"), QStringLiteral("GET"));
        QVERIFY(get.methodResponses.count(QStringLiteral("200")));
        QCOMPARE(get.methodResponses.at(QStringLiteral("200")).responseParameters,
                 flags({{"method.response.header.Access-Control-Allow-Origin", false}}));
        const IntegrationResponse &ir
            = get.integration->integrationResponses.at(QStringLiteral("200"));
        QCOMPARE(ir.statusCode, QStringLiteral("200"));
        QVERIFY(ir.selectionPattern.isEmpty());
        QCOMPARE(ir.responseParameters.at(
                     QStringLiteral("method.response.header.Access-Control-Allow-Origin")),
                 QStringLiteral("'*'"));
        QCOMPARE(get.integration->requestParameters.at(
                     QStringLiteral("integration.request.header.X-Amz-Invocation-Type")),
                 QStringLiteral("'Event'"));
    }

    // Recorded: test_import_swagger_api (the console's PetStore with a TOKEN authorizer).
    void petStoreAsAwsRecorded()
    {
        const RestApi api
            = importOrFail(
                  readCorpus(QStringLiteral("localstack-petstore-authorizer.swagger2.json")))
                  .api;
        QCOMPARE(api.authorizers.size(), size_t(2)); // the unused one is created too
        const Method &root = methodAt(api, QStringLiteral("/"), QStringLiteral("GET"));
        QCOMPARE(root.integration->type, IntegrationType::Mock);
        QVERIFY(root.integration->integrationResponses.at(QStringLiteral("200"))
                    .responseTemplates.at(QStringLiteral("text/html"))
                    .contains(QLatin1String("<html>")));
        const Method &pets = methodAt(api, QStringLiteral("/pets"), QStringLiteral("GET"));
        QCOMPARE(pets.integration->type, IntegrationType::Http);
        QCOMPARE(pets.integration->httpMethod, QStringLiteral("GET"));
        QCOMPARE(pets.integration->uri, QStringLiteral("${uri}")); // a Terraform placeholder, kept
        QVERIFY(api.openApiExtras.count(QStringLiteral("/x-amazon-apigateway-documentation")));
    }

    // Every x-amazon-apigateway-integration field of a Swagger 2 console export.
    void awsServiceIntegrationFields()
    {
        const RestApi api
            = importOrFail(readCorpus(QStringLiteral("awsdocs-s3-proxy.swagger2.json"))).api;
        const Method &get
            = methodAt(api, QStringLiteral("/{folder}/{item}"), QStringLiteral("GET"));
        QCOMPARE(get.authorizationType, AuthorizationType::AwsIam);
        const Integration &i = *get.integration;
        QCOMPARE(i.type, IntegrationType::Aws);
        QCOMPARE(i.httpMethod, QStringLiteral("GET"));
        QVERIFY(i.uri.contains(QLatin1String("s3:path/{bucket}/{object}")));
        QVERIFY(i.credentials.startsWith(QLatin1String("arn:aws:iam::")));
        QCOMPARE(i.requestParameters.at(QStringLiteral("integration.request.path.bucket")),
                 QStringLiteral("method.request.path.folder"));
        bool sawPattern = false;
        for (const auto &[status, response] : i.integrationResponses)
            sawPattern = sawPattern || response.selectionPattern == QLatin1String("4\\d{2}");
        QVERIFY(sawPattern);
    }

    // CloudFormation short-form tags in YAML become the long form and are kept for export.
    void cloudFormationTagsAreKept()
    {
        const openapi::ImportResult result = importOrFail(
            readCorpus(QStringLiteral("sp-sqs-message-processing.swagger2.extracted.yaml")));
        const Method &post
            = methodAt(result.api, QStringLiteral("/message"), QStringLiteral("POST"));
        const Json uri
            = Json::parse(post.integration->openApiExtras.at(QStringLiteral("/uri")).toStdString());
        QVERIFY2(uri.contains("Fn::Sub"), uri.dump().c_str());
        QVERIFY(post.integration->openApiExtras.count(QStringLiteral("/integrationResponses")));
    }

    void notOpenApiGivesOneClearError()
    {
        auto result = openapi::importOpenApi(QByteArray(R"({"name": "a project?"})"));
        QVERIFY(!result.ok());
        QCOMPARE(result.errors().size(), size_t(1));
        QVERIFY(
            result.error().message.contains(QLatin1String("neither \"openapi\" nor \"swagger\"")));

        result = openapi::importOpenApi(QByteArray("openapi: 3.0.1\npaths:\n  /a: [1\n"));
        QVERIFY(!result.ok());
        QVERIFY2(result.error().location.startsWith(QLatin1String("line ")),
                 qPrintable(result.error().toString()));

        result = openapi::importOpenApi(QByteArray("swagger: '1.2'\n"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QLatin1String("Swagger 2.0")));

        result = openapi::importOpenApi(QByteArray("{\"openapi\": \"3.0.0\", \"paths\": {"));
        QVERIFY(!result.ok());
        QVERIFY(result.error().location.startsWith(QLatin1String("line 1")));
    }

    // The import never stops at the first problem: each is reported at its pointer, the rest is in.
    void problemsAreReportedAndTheRestImported()
    {
        const QByteArray text = testData(QStringLiteral("broken-paths.swagger2.json"));
        const openapi::ImportResult result = importOrFail(text);
        const QString report = reportText(result);
        QVERIFY2(report.contains(QLatin1String("/paths/~1bad{id}: \"bad{id}\"")),
                 qPrintable(report));
        QVERIFY2(report.contains(QLatin1String("/paths/~1{proxy+}~1below: a greedy path variable")),
                 qPrintable(report));
        QVERIFY2(report.contains(
                     QLatin1String("/paths/~1typed/post/x-amazon-apigateway-integration/type")),
                 qPrintable(report));
        QVERIFY2(report.contains(QLatin1String(
                     "/paths/~1timeouts/get/x-amazon-apigateway-integration/timeoutInMillis")),
                 qPrintable(report));
        QVERIFY(result.api.findResourceByPath(QStringLiteral("/ok")));
        QVERIFY(!result.api.findResourceByPath(QStringLiteral("/bad{id}")));
        QCOMPARE(methodAt(result.api, QStringLiteral("/timeouts"), QStringLiteral("GET"))
                     .integration->timeoutInMillis,
                 29000);
    }

    // A design without extensions imports runnable: a MOCK answering the first 2XX response, and
    // inline body schemas become models.
    void plainOpenApiImportsWithMockIntegrations()
    {
        const QByteArray text = testData(QStringLiteral("plain-no-extensions.oas30.yaml"));
        const openapi::ImportResult result = importOrFail(text);
        const Method &get
            = methodAt(result.api, QStringLiteral("/pets/{petId}"), QStringLiteral("GET"));
        QCOMPARE(get.operationName, QStringLiteral("getPet"));
        QCOMPARE(get.requestParameters,
                 flags({{"method.request.path.petId", true},
                        {"method.request.querystring.verbose", false},
                        {"method.request.header.X-Trace", true}}));
        QCOMPARE(get.integration->type, IntegrationType::Mock);
        QCOMPARE(get.integration->requestTemplates.at(QStringLiteral("application/json")),
                 QStringLiteral("{\"statusCode\": 201}"));
        QCOMPARE(get.openApiExtras.at(QStringLiteral("/summary")),
                 QStringLiteral("\"Read a pet\""));
        QCOMPARE(get.openApiExtras.at(QStringLiteral("/responses/404/description")),
                 QStringLiteral("\"missing\""));
        const Method &put
            = methodAt(result.api, QStringLiteral("/pets/{petId}"), QStringLiteral("PUT"));
        const QString bodyModel = put.requestModels.at(QStringLiteral("application/json"));
        QVERIFY(result.api.findModel(bodyModel));
        QCOMPARE(put.methodResponses.at(QStringLiteral("200"))
                     .responseModels.at(QStringLiteral("application/json")),
                 QStringLiteral("Pet"));
        QVERIFY2(reportText(result).contains(
                     QLatin1String("2 operation(s) have no x-amazon-apigateway-integration")),
                 qPrintable(reportText(result)));
    }

    void modelNamesBecomeAlphanumericAndReferencesFollow()
    {
        const QByteArray text = testData(QStringLiteral("model-names.swagger2.json"));
        const openapi::ImportResult result = importOrFail(text, {{}, QStringLiteral("api0000001")});
        QVERIFY(result.api.findModel(QStringLiteral("petInput")));
        QVERIFY(result.api.findModel(QStringLiteral("OwnerV1")));
        QVERIFY(result.api.findModel(QStringLiteral("petInput"))
                    ->schema.contains(QLatin1String("restapis/api0000001/models/OwnerV1")));
        QCOMPARE(result.report.size(), size_t(2));
    }

    // mode=merge: a method in the file replaces the existing one wholesale, the rest stays, ids
    // of same-named authorizers stay.
    void mergeKeepsWhatTheFileDoesNotMention()
    {
        const QByteArray first = testData(QStringLiteral("merge-first.swagger2.json"));
        const QByteArray second = testData(QStringLiteral("merge-second.swagger2.json"));
        RestApi api = importOrFail(first, {{}, QStringLiteral("api0000001")}).api;
        api.authorizers[0].id = QStringLiteral("existing01"); // as if created in the designer
        const RestApi incoming = importOrFail(second, {{}, QStringLiteral("api0000001")}).api;
        openapi::mergeApi(api, incoming);
        QCOMPARE(paths(api), strings({"/", "/a", "/b", "/b/c"}));
        const Method &get = methodAt(api, QStringLiteral("/a"), QStringLiteral("GET"));
        QCOMPARE(get.integration->uri, QStringLiteral("http://new"));
        QVERIFY(get.methodResponses.empty()); // replaced wholesale
        QCOMPARE(get.authorizerId, QStringLiteral("existing01"));
        QCOMPARE(api.authorizers.size(), size_t(1));
        QCOMPARE(api.authorizers[0].authorizerUri, QStringLiteral("arn:two"));
        QVERIFY(
            api.findResourceByPath(QStringLiteral("/a"))->methods.count(QStringLiteral("POST")));
        QCOMPARE(api.binaryMediaTypes, strings({"image/png", "image/jpeg"}));
        QCOMPARE(api.version, QStringLiteral("2"));

        RestApi overwritten = importOrFail(first, {{}, QStringLiteral("api0000001")}).api;
        overwritten.id = QStringLiteral("keepme0001");
        openapi::overwriteApi(overwritten, incoming);
        QCOMPARE(overwritten.id, QStringLiteral("keepme0001"));
        QVERIFY(!overwritten.findResourceByPath(QStringLiteral("/a"))
                     ->methods.count(QStringLiteral("POST")));
    }

    // The same file imported twice gives the same ids, so round trips compare equal.
    void importIsDeterministic()
    {
        const QByteArray text = readCorpus(QStringLiteral("url-shortener.oas30.yaml"));
        const openapi::ImportOptions options {{}, QStringLiteral("fixed00001")};
        QCOMPARE(importOrFail(text, options).api, importOrFail(text, options).api);
    }

    // Found by fuzz/openapi_fuzzer: yaml-cpp passes bytes that are not UTF-8 into strings.
    void yamlThatIsNotUtf8IsRefusedWithItsPlace()
    {
        const auto result
            = openapi::readJsonOrYaml(QByteArray("openapi: 3.0.1\ninfo:\n  title: a\x9b\n"));
        QVERIFY(!result.ok());
        QCOMPARE(result.error().location, QStringLiteral("line 3, column 11"));
        QVERIFY(result.error().message.contains(QLatin1String("0x9b")));
        QVERIFY(
            openapi::readJsonOrYaml(QByteArray("title: \xc3\xbc \xe2\x9c\x93 \xf0\x9f\x98\x80\n"))
                .ok());
        QVERIFY(!openapi::readJsonOrYaml(QByteArray("title: \xc0\xaf\n")).ok()); // overlong
        QVERIFY(!openapi::readJsonOrYaml(QByteArray("title: \xed\xa0\x80\n")).ok()); // surrogate
        QVERIFY(!openapi::readJsonOrYaml(QByteArray("title: \xe2\x9c")).ok()); // cut short
    }

    // Found by fuzz/openapi_fuzzer: a parameter's "required" given as a string threw.
    void wronglyTypedFieldsAreReportedNotThrown()
    {
        const openapi::ImportResult result
            = importOrFail(testData(QStringLiteral("wrong-types.swagger2.yaml")));
        const QString report = reportText(result);
        QVERIFY2(report.contains(
                     QLatin1String("/paths/~1a/get/parameters/1/required: expected true or false")),
                 qPrintable(report));
        const Method &get = methodAt(result.api, QStringLiteral("/a"), QStringLiteral("GET"));
        QCOMPARE(get.requestParameters.at(QStringLiteral("method.request.querystring.q")), true);
        QCOMPARE(get.requestParameters.at(QStringLiteral("method.request.header.h")), false);
    }

    void yamlAliasBombIsRefused()
    {
        QByteArray bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
        char previous = 'a';
        for (char name = 'b'; name <= 'k'; ++name) {
            bomb += QByteArray(1, name) + ": &" + QByteArray(1, name) + " [";
            for (int i = 0; i < 10; ++i)
                bomb += (i ? ", *" : "*") + QByteArray(1, previous);
            bomb += "]\n";
            previous = name;
        }
        const auto result = openapi::readJsonOrYaml(bomb);
        QVERIFY(!result.ok());
        QVERIFY(result.error().message.contains(QLatin1String("expands to more than")));
    }
};

QTEST_GUILESS_MAIN(TestOpenApiImport)
#include "tst_openapiimport.moc"
