// The OpenAPI / Swagger / CloudFormation / SAM exporter, field by field against what AWS's own
// export writes (aws-extensions.md sections 4, 5 and 8), on projects built in code: the
// every-field project of the model tests and small ones for single behaviours. The YAML writer is
// checked by reading its output back with yaml-cpp, independently of the importer's YAML reader.
//
// A raw string cannot hold ")" followed by a quote, and moc (which reads the class in the header
// only) would take "/" followed by "*" for a comment: the expected texts are split there.
#include "tst_openapiexport.h"

#include "../model/everyfieldproject.h"

#include "base/json.h"
#include "openapi/exporter.h"
#include "openapi/yamlwriter.h"

#include <QTest>

#include <yaml-cpp/yaml.h>

#include <functional>

using namespace portico;
using namespace portico::model;
using base::Json;
using openapi::ExportFormat;
using openapi::ExportOptions;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

openapi::ExportedDocument exportOrFail(const Project &project, const ExportOptions &options)
{
    auto result = openapi::exportProject(project, options);
    if (!result.ok())
        qFatal("export failed: %s", qPrintable(result.error().toString()));
    return std::move(result).value();
}

Json exportJson(const Project &project, ExportOptions options)
{
    options.yaml = false;
    const QByteArray text = exportOrFail(project, options).text;
    return Json::parse(text.constBegin(), text.constEnd());
}

Json exportJson(const Project &project, ExportFormat format)
{
    ExportOptions options;
    options.format = format;
    return exportJson(project, options);
}

QStringList warnings(const Project &project, const ExportOptions &options)
{
    QStringList out;
    for (const base::Diagnostic &d : exportOrFail(project, options).warnings)
        out.append(d.toString());
    return out;
}

QByteArray str(const Json &value)
{
    return QByteArray::fromStdString(value.dump());
}

// YAML read back with yaml-cpp alone: quoted and block scalars are strings, plain ones resolved
// as YAML 1.2's core schema does. Independent of the importer's reader on purpose.
Json fromYaml(const YAML::Node &node)
{
    switch (node.Type()) {
    case YAML::NodeType::Map: {
        Json out = Json::object();
        for (const auto &entry : node)
            out[entry.first.as<std::string>()] = fromYaml(entry.second);
        return out;
    }
    case YAML::NodeType::Sequence: {
        Json out = Json::array();
        for (const auto &element : node)
            out.push_back(fromYaml(element));
        return out;
    }
    case YAML::NodeType::Scalar: {
        const std::string text = node.Scalar();
        if (node.Tag() == "!")
            return text;
        if (text == "true" || text == "false")
            return text == "true";
        if (text == "~" || text == "null")
            return nullptr;
        Json number = Json::parse(text, nullptr, false);
        if (!number.is_discarded() && number.is_number())
            return number;
        return text;
    }
    default:
        return nullptr;
    }
}

Json yamlToJson(const QByteArray &yaml)
{
    return fromYaml(YAML::Load(yaml.toStdString()));
}

// Every key anywhere in the document, for "nothing of this kind is left" checks.
void collectKeys(const Json &value, QStringList &keys)
{
    if (value.is_object()) {
        for (auto it = value.begin(); it != value.end(); ++it) {
            keys.append(base::toQString(it.key()));
            collectKeys(it.value(), keys);
        }
    } else if (value.is_array()) {
        for (const Json &element : value)
            collectKeys(element, keys);
    }
}

Method mockMethod(const QString &verb)
{
    Method m;
    m.httpMethod = verb;
    MethodResponse ok;
    ok.statusCode = s("200");
    m.methodResponses[ok.statusCode] = ok;
    Integration i;
    i.type = IntegrationType::Mock;
    i.requestTemplates[s("application/json")] = s("{\"statusCode\": 200}");
    IntegrationResponse ir;
    ir.statusCode = s("200");
    i.integrationResponses[ir.statusCode] = ir;
    m.integration = i;
    return m;
}

// An API with the root and the given resources (full paths, parents created), each with a MOCK
// GET unless `verbs` says otherwise.
Project smallProject(const QStringList &paths, const QStringList &verbs = {s("GET")})
{
    Project p = Project::createEmpty(s("Small"));
    p.api.id = s("smal100001");
    int n = 0;
    for (const QString &path : paths) {
        QString parentId = p.api.root()->id;
        const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            const QString sub = QLatin1Char('/') + parts.mid(0, i + 1).join(QLatin1Char('/'));
            if (const Resource *existing = p.api.findResourceByPath(sub)) {
                parentId = existing->id;
                continue;
            }
            Resource r;
            r.id = QStringLiteral("res%1").arg(++n, 7, 10, QLatin1Char('0'));
            r.parentId = parentId;
            r.pathPart = parts[i];
            p.api.resources.push_back(r);
            parentId = r.id;
        }
        Resource *leaf = p.api.findResource(parentId);
        for (const QString &verb : verbs)
            leaf->methods[verb] = mockMethod(verb);
    }
    return p;
}

Method &methodOf(Project &p, const QString &path, const QString &verb)
{
    const Resource *r = p.api.findResourceByPath(path);
    return p.api.findResource(r->id)->methods[verb];
}

} // namespace

void TestOpenApiExport::openApi3DocumentLevel()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::OpenApi3);
    QCOMPARE(str(doc["openapi"]), "\"3.0.1\"");
    QCOMPARE(
        str(doc["info"]),
        QByteArray(
            R"({"title":"Every field","description":"Exercises every field — with non-ASCII text: ünïcödé ✓","version":"2.1"})"));
    // The region of the API's own Lambda URIs; the working definition has no stage base path.
    QCOMPARE(
        str(doc["servers"]),
        R"([{"url":"https://every00001.execute-api.us-east-1.amazonaws.com",)"
        R"("x-amazon-apigateway-endpoint-configuration":{"vpcEndpointIds":["vpce-0123456789abcdef0"],"disableExecuteApiEndpoint":true}}])");
    QVERIFY(!doc.contains("x-amazon-apigateway-endpoint-configuration"));
    QVERIFY(!doc.contains("host"));
    // Resources with methods (and leaves), sorted by path.
    QStringList paths;
    for (auto it = doc["paths"].begin(); it != doc["paths"].end(); ++it)
        paths << base::toQString(it.key());
    QCOMPARE(paths, (QStringList {s("/items/{itemId}"), s("/{proxy+}")}));
    // Key order: a stable, readable one.
    QStringList keys;
    for (auto it = doc.begin(); it != doc.end(); ++it)
        keys << base::toQString(it.key());
    QCOMPARE(
        keys,
        (QStringList {
            s("openapi"), s("info"), s("servers"), s("paths"), s("components"),
            s("x-amazon-apigateway-api-key-source"), s("x-amazon-apigateway-binary-media-types"),
            s("x-amazon-apigateway-minimum-compression-size"), s("x-amazon-apigateway-policy"),
            s("x-amazon-apigateway-request-validators"), s("x-amazon-apigateway-gateway-responses"),
            s("x-amazon-apigateway-documentation")}));
}

void TestOpenApiExport::rootExtensions_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("openapi3") << ExportFormat::OpenApi3;
    QTest::newRow("swagger2") << ExportFormat::Swagger2;
}
void TestOpenApiExport::rootExtensions()
{
    QFETCH(ExportFormat, format);
    const Json doc = exportJson(everyFieldProject(), format);
    QCOMPARE(str(doc["x-amazon-apigateway-api-key-source"]), "\"AUTHORIZER\"");
    QCOMPARE(str(doc["x-amazon-apigateway-binary-media-types"]),
             R"(["image/png","application/octet-stream"])");
    QCOMPARE(str(doc["x-amazon-apigateway-minimum-compression-size"]), "1024");
    // The policy as a JSON object, not the text the model holds.
    QCOMPARE(
        str(doc["x-amazon-apigateway-policy"]),
        R"({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"execute-api:Invoke","Resource":"execute-api:/)"
        R"(*"}]})");
    QCOMPARE(
        str(doc["x-amazon-apigateway-request-validators"]),
        R"({"Validate body and parameters":{"validateRequestBody":true,"validateRequestParameters":true}})");
    QCOMPARE(
        str(doc["x-amazon-apigateway-gateway-responses"]),
        R"({"UNAUTHORIZED":{"statusCode":"401","responseParameters":{"gatewayresponse.header.WWW-Authenticate":"'Bearer'"},)"
        R"("responseTemplates":{"application/json":"{\"message\": $context.error.messageString}"}},"DEFAULT_5XX":{}})");
    // Kept from an import: written back at its pointer.
    QCOMPARE(str(doc["x-amazon-apigateway-documentation"]),
             R"({"version":"1","documentationParts":[]})");
}

void TestOpenApiExport::openApi3Operation()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::OpenApi3);
    const Json &put = doc["paths"]["/items/{itemId}"]["put"];
    QStringList keys;
    for (auto it = put.begin(); it != put.end(); ++it)
        keys << base::toQString(it.key());
    QCOMPARE(
        keys,
        (QStringList {s("tags"), s("summary"), s("operationId"), s("parameters"), s("requestBody"),
                      s("responses"), s("security"), s("x-amazon-apigateway-request-validator"),
                      s("x-amazon-apigateway-integration")}));
    QCOMPARE(str(put["tags"]), R"(["items"])");
    QCOMPARE(str(put["summary"]), "\"Reads one item\"");
    QCOMPARE(str(put["operationId"]), "\"PutItem\"");
    QCOMPARE(str(put["parameters"]),
             R"([{"name":"itemId","in":"path","required":true,"schema":{"type":"string"}},)"
             R"({"name":"X-Trace","in":"header","schema":{"type":"string"}}])");
    QCOMPARE(
        str(put["requestBody"]),
        R"({"content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}},"required":true})");
    QCOMPARE(
        str(put["responses"]),
        R"({"200":{"description":"200 response","headers":{"X-Item":{"schema":{"type":"string"}}},)"
        R"("content":{"application/json":{"schema":{"$ref":"#/components/schemas/Item"}}}},)"
        R"("404":{"description":"404 response"}})");
    // The authorizer's scheme, then the API key; CUSTOM methods carry no scopes.
    QCOMPARE(str(put["security"]), R"([{"TokenCheck":[]},{"api_key":[]}])");
    QCOMPARE(str(put["x-amazon-apigateway-request-validator"]), "\"Validate body and parameters\"");
}

void TestOpenApiExport::integrationHasEveryField_data()
{
    rootExtensions_data();
}
void TestOpenApiExport::integrationHasEveryField()
{
    QFETCH(ExportFormat, format);
    const Json doc = exportJson(everyFieldProject(), format);
    const Json &integration
        = doc["paths"]["/items/{itemId}"]["put"]["x-amazon-apigateway-integration"];
    QCOMPARE(
        str(integration),
        R"({"type":"http","httpMethod":"POST","uri":"https://backend.example.com/items/{id}",)"
        R"("connectionType":"VPC_LINK","connectionId":"${stageVariables.vpcLinkId}",)"
        R"("credentials":"arn:aws:iam::123456789012:role/ApiRole",)"
        R"("requestParameters":{"integration.request.header.X-Source":"'portico'","integration.request.path.id":"method.request.path.itemId"},)"
        R"("requestTemplates":{"application/json":"{\"item\": $input.json('$')}","application/xml":"#set($x = 1)\n<item>$x</item>"},)"
        R"("passthroughBehavior":"never","contentHandling":"CONVERT_TO_TEXT","timeoutInMillis":5000,)"
        R"("cacheNamespace":"items-ns","cacheKeyParameters":["method.request.path.itemId"],)"
        R"("tlsConfig":{"insecureSkipVerification":true},)"
        R"("responses":{"default":{"statusCode":"200","responseParameters":{"method.response.header.X-Item":"integration.response.header.X-Id"},)"
        R"("responseTemplates":{"application/json":"$input.json('$.item')"
        ")\""
        R"(},"contentHandling":"CONVERT_TO_BINARY"},)"
        R"("4\\d{2}":{"statusCode":"404"}},)"
        R"("responseTransferMode":"STREAM"})");
}

void TestOpenApiExport::anyMethodIsTheExtension()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::OpenApi3);
    const Json &item = doc["paths"]["/{proxy+}"];
    QCOMPARE(item.size(), size_t(1));
    const Json &any = item["x-amazon-apigateway-any-method"];
    // AWS's name for the greedy parameter; the method has no method response, and OpenAPI
    // needs one.
    QCOMPARE(str(any["parameters"]),
             R"([{"name":"proxy","in":"path","required":true,"schema":{"type":"string"}}])");
    QCOMPARE(str(any["responses"]), R"({"default":{"description":"Default response"}})");
    QCOMPARE(str(any["x-amazon-apigateway-integration"]["type"]), "\"aws_proxy\"");
    QCOMPARE(str(any["x-amazon-apigateway-integration"]["passthroughBehavior"]),
             "\"when_no_match\"");
    QCOMPARE(str(any["x-amazon-apigateway-integration"]["timeoutInMillis"]), "29000");
}

void TestOpenApiExport::openApi3Components()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::OpenApi3);
    // "$schema" dropped as AWS's export does; the application/xml model cannot be exported.
    QCOMPARE(str(doc["components"]["schemas"]),
             R"({"Item":{"type":"object","properties":{"name":{"type":"string"}}}})");
    const Json &schemes = doc["components"]["securitySchemes"];
    QCOMPARE(
        str(schemes["TokenCheck"]),
        R"({"type":"apiKey","name":"Unused","in":"header","x-amazon-apigateway-authtype":"custom",)"
        R"("x-amazon-apigateway-authorizer":{"type":"request",)"
        R"("authorizerUri":"arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:auth/invocations",)"
        R"("authorizerCredentials":"arn:aws:iam::123456789012:role/AuthRole",)"
        R"("identitySource":"method.request.header.Authorization, method.request.querystring.token",)"
        R"("identityValidationExpression":"^Bearer .+$","authorizerResultTtlInSeconds":60}})");
    // The kept "description" is put back in the scheme object, in OpenAPI's order.
    QCOMPARE(
        str(schemes["Pool"]),
        R"({"type":"apiKey","description":"The user pool","name":"Authorization","in":"header",)"
        R"("x-amazon-apigateway-authorizer":{"type":"cognito_user_pools",)"
        R"("providerARNs":["arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC"],)"
        R"("identitySource":"method.request.header.Authorization","authorizerResultTtlInSeconds":300}})");
    QCOMPARE(str(schemes["api_key"]), R"({"type":"apiKey","name":"x-api-key","in":"header"})");
    QVERIFY(!schemes.contains("sigv4")); // no AWS_IAM method
}

void TestOpenApiExport::swagger2Document()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::Swagger2);
    QCOMPARE(str(doc["swagger"]), "\"2.0\"");
    QCOMPARE(str(doc["host"]), "\"every00001.execute-api.us-east-1.amazonaws.com\"");
    QCOMPARE(str(doc["basePath"]), "\"/\"");
    QCOMPARE(str(doc["schemes"]), R"(["https"])");
    QVERIFY(!doc.contains("servers"));
    QVERIFY(!doc.contains("components"));
    QCOMPARE(str(doc["definitions"]),
             R"({"Item":{"type":"object","properties":{"name":{"type":"string"}}}})");
    QVERIFY(doc["securityDefinitions"].contains("TokenCheck"));
    QVERIFY(doc["securityDefinitions"].contains("api_key"));
    // Swagger 2.0 has the endpoint configuration at the root.
    QCOMPARE(str(doc["x-amazon-apigateway-endpoint-configuration"]),
             R"({"vpcEndpointIds":["vpce-0123456789abcdef0"],"disableExecuteApiEndpoint":true})");

    const Json &put = doc["paths"]["/items/{itemId}"]["put"];
    QCOMPARE(str(put["consumes"]), R"(["application/json"])");
    QCOMPARE(str(put["produces"]), R"(["application/json"])");
    QCOMPARE(
        str(put["parameters"]),
        R"([{"name":"itemId","in":"path","required":true,"type":"string"},)"
        R"({"name":"X-Trace","in":"header","required":false,"type":"string"},)"
        R"({"in":"body","name":"Item","required":true,"schema":{"$ref":"#/definitions/Item"}}])");
    QCOMPARE(
        str(put["responses"]),
        R"({"200":{"description":"200 response","schema":{"$ref":"#/definitions/Item"},"headers":{"X-Item":{"type":"string"}}},)"
        R"("404":{"description":"404 response"}})");
    QVERIFY(!put.contains("requestBody"));
}

void TestOpenApiExport::modelReferencesAreRewrittenToTheDocument_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<QString>("prefix");
    QTest::newRow("openapi3") << ExportFormat::OpenApi3 << s("#/components/schemas/");
    QTest::newRow("swagger2") << ExportFormat::Swagger2 << s("#/definitions/");
}
void TestOpenApiExport::modelReferencesAreRewrittenToTheDocument()
{
    QFETCH(ExportFormat, format);
    QFETCH(QString, prefix);
    Project p = smallProject({s("/people")});
    Model person;
    person.name = s("Person");
    person.schema = s(
        R"({"type":"object","properties":{"home":{"$ref":"https://apigateway.amazonaws.com/restapis/smal100001/models/House"},)"
        R"("friends":{"type":"array","items":{"$ref":"https://apigateway.amazonaws.com/restapis/smal100001/models/Person"}}}})");
    Model house;
    house.name = s("House");
    house.schema = s(
        R"({"type":"object","properties":{"owner":{"$ref":"#/definitions/Person"},"plan":{"$ref":"other.json#/Plan"}}})");
    p.api.models = {person, house};
    const Json doc = exportJson(p, format);
    const Json &schemas
        = format == ExportFormat::Swagger2 ? doc["definitions"] : doc["components"]["schemas"];
    QCOMPARE(base::toQString(schemas["Person"]["properties"]["home"]["$ref"].get<std::string>()),
             prefix + s("House"));
    QCOMPARE(base::toQString(
                 schemas["Person"]["properties"]["friends"]["items"]["$ref"].get<std::string>()),
             prefix + s("Person"));
    QCOMPARE(base::toQString(schemas["House"]["properties"]["owner"]["$ref"].get<std::string>()),
             prefix + s("Person"));
    // A reference to something that is not a model is left alone.
    QCOMPARE(str(schemas["House"]["properties"]["plan"]["$ref"]), "\"other.json#/Plan\"");
}

void TestOpenApiExport::authorizationKinds()
{
    Project p = smallProject({s("/iam"), s("/pool"), s("/open")});
    Authorizer pool;
    pool.id = s("auth000009");
    pool.name = s("MyPool");
    pool.type = AuthorizerType::CognitoUserPools;
    pool.identitySource = s("method.request.header.Authorization");
    pool.providerARNs = {s("arn:aws:cognito-idp:eu-west-1:123456789012:userpool/eu-west-1_X")};
    Authorizer query;
    query.id = s("auth000010");
    query.name = s("QueryAuth");
    query.type = AuthorizerType::Request;
    query.identitySource = s("method.request.querystring.token");
    p.api.authorizers = {pool, query};
    methodOf(p, s("/iam"), s("GET")).authorizationType = AuthorizationType::AwsIam;
    Method &cognito = methodOf(p, s("/pool"), s("GET"));
    cognito.authorizationType = AuthorizationType::CognitoUserPools;
    cognito.authorizerId = pool.id;
    cognito.authorizationScopes = {s("email"), s("openid")};

    const Json doc = exportJson(p, ExportFormat::OpenApi3);
    QCOMPARE(str(doc["paths"]["/iam"]["get"]["security"]), R"([{"sigv4":[]}])");
    QCOMPARE(str(doc["paths"]["/pool"]["get"]["security"]), R"([{"MyPool":["email","openid"]}])");
    QVERIFY(!doc["paths"]["/open"]["get"].contains("security"));
    const Json &schemes = doc["components"]["securitySchemes"];
    QCOMPARE(
        str(schemes["sigv4"]),
        R"({"type":"apiKey","name":"Authorization","in":"header","x-amazon-apigateway-authtype":"awsSigv4"})");
    // One query string source: the scheme says so.
    QCOMPARE(str(schemes["QueryAuth"]["name"]), "\"token\"");
    QCOMPARE(str(schemes["QueryAuth"]["in"]), "\"query\"");
    QVERIFY(!schemes.contains("api_key"));
    // No authtype when the authorizer has none: a re-import gives back the same empty value.
    QVERIFY(!schemes["MyPool"].contains("x-amazon-apigateway-authtype"));
    // The region comes from the API's own ARNs.
    QCOMPARE(str(doc["servers"][0]["url"]),
             "\"https://smal100001.execute-api.eu-west-1.amazonaws.com\"");
}

void TestOpenApiExport::extrasAreWrittenBackAtTheirPointers()
{
    Project p = smallProject({s("/a")});
    p.api.openApiExtras = {{s("/info/contact"), s(R"({"name":"Team"})")},
                           {s("/tags"), s(R"([{"name":"a"}])")},
                           {s("/x-vendor-thing"), s("42")},
                           {s("/x-deep/a~1b/c~0d"), s("true")}};
    Method &get = methodOf(p, s("/a"), s("GET"));
    get.openApiExtras = {{s("/responses/200/description"), s("\"OK\"")},
                         {s("/parameters/0/description"), s("\"never written: no parameter 0\"")},
                         {s("/x-foo"), s(R"({"bar":[1,2]})")}};
    get.integration->openApiExtras
        = {{s("/integrationTarget"), s("\"arn:aws:elasticloadbalancing:x\"")}};
    const Json doc = exportJson(p, ExportFormat::OpenApi3);
    // In OpenAPI's order: title, contact, version.
    QCOMPARE(str(doc["info"]), R"({"title":"Small","contact":{"name":"Team"},"version":""})");
    QCOMPARE(str(doc["tags"]), R"([{"name":"a"}])");
    QCOMPARE(str(doc["x-vendor-thing"]), "42");
    QCOMPARE(str(doc["x-deep"]), R"({"a/b":{"c~d":true}})");
    const Json &op = doc["paths"]["/a"]["get"];
    // The file's own text replaces the generated one.
    QCOMPARE(str(op["responses"]["200"]["description"]), "\"OK\"");
    QVERIFY(!op.contains("parameters"));
    QCOMPARE(str(op["x-foo"]), R"({"bar":[1,2]})");
    QCOMPARE(str(op["x-amazon-apigateway-integration"]["integrationTarget"]),
             "\"arn:aws:elasticloadbalancing:x\"");
    ExportOptions options;
    QCOMPARE(
        warnings(p, options),
        QStringList {s("warning: /a GET: kept OpenAPI content at \"/parameters/0/description\" not "
                       "exported: the export has no place for it")});
}

void TestOpenApiExport::extrasForeignToTheVersionAreLeftOut()
{
    Project p = smallProject({s("/a")});
    p.api.openApiExtras = {{s("/components/securitySchemes/oauth"), s(R"({"type":"oauth2"})")},
                           {s("/definitions/Old"), s(R"({"type":"object"})")},
                           {s("/externalDocs"), s(R"({"url":"https://example.com"})")}};
    methodOf(p, s("/a"), s("GET")).openApiExtras = {
        {s("/requestBody/description"), s("\"a body\"")}, {s("/produces"), s(R"(["text/plain"])")}};
    ExportOptions swagger;
    swagger.format = ExportFormat::Swagger2;
    const Json s2 = exportJson(p, swagger);
    QVERIFY(!s2.contains("components"));
    QCOMPARE(str(s2["definitions"]["Old"]), R"({"type":"object"})");
    QCOMPARE(str(s2["externalDocs"]), R"({"url":"https://example.com"})");
    QCOMPARE(str(s2["paths"]["/a"]["get"]["produces"]), R"(["text/plain"])");
    QVERIFY(!s2["paths"]["/a"]["get"].contains("requestBody"));
    QCOMPARE(warnings(p, swagger),
             (QStringList {
                 s("warning: /a GET: kept OpenAPI content at \"/requestBody/description\" not "
                   "exported: Swagger 2.0 has no such part"),
                 s("warning: API: kept OpenAPI content at \"/components/securitySchemes/oauth\" "
                   "not exported: Swagger 2.0 has no such part")}));

    ExportOptions oas;
    const Json o3 = exportJson(p, oas);
    QVERIFY(!o3.contains("definitions"));
    QCOMPARE(str(o3["components"]["securitySchemes"]["oauth"]), R"({"type":"oauth2"})");
    QCOMPARE(str(o3["paths"]["/a"]["get"]["requestBody"]), R"({"description":"a body"})");
    QVERIFY(!o3["paths"]["/a"]["get"].contains("produces"));
    QCOMPARE(
        warnings(p, oas),
        (QStringList {s("warning: /a GET: kept OpenAPI content at \"/produces\" not exported: "
                        "OpenAPI 3.0 has no such part"),
                      s("warning: API: kept OpenAPI content at \"/definitions/Old\" not exported: "
                        "OpenAPI 3.0 has no such part")}));
}

void TestOpenApiExport::keptResponsesTakeTheTargetVersionsShape()
{
    // A "default" response the importer kept from a Swagger 2.0 file, exported as OpenAPI 3, and
    // one kept from an OpenAPI 3 file exported as Swagger 2.0; references follow the version.
    Project p = smallProject({s("/a"), s("/b")});
    Model error;
    error.name = s("Error");
    error.schema = s(R"({"type":"object"})");
    p.api.models = {error};
    methodOf(p, s("/a"), s("GET")).openApiExtras
        = {{s("/responses/default"),
            s(R"({"description":"Unexpected error","schema":{"$ref":"#/definitions/Error"},)"
              R"("headers":{"X-Id":{"type":"string","description":"the id"}}})")}};
    methodOf(p, s("/b"), s("GET")).openApiExtras
        = {{s("/responses/default"),
            s(R"({"description":"Unexpected error","content":{"application/json":{"schema":)"
              R"({"$ref":"#/components/schemas/Error"},"example":{"code":1}}},)"
              R"("headers":{"X-Id":{"description":"the id","schema":{"type":"string"}}}})")}};
    const Json o3 = exportJson(p, ExportFormat::OpenApi3);
    const QByteArray oasShape
        = R"({"description":"Unexpected error","headers":{"X-Id":{"description":"the id","schema":{"type":"string"}}},)"
          R"("content":{"application/json":{"schema":{"$ref":"#/components/schemas/Error"}}}})";
    QCOMPARE(str(o3["paths"]["/a"]["get"]["responses"]["default"]), oasShape);
    const Json s2 = exportJson(p, ExportFormat::Swagger2);
    QCOMPARE(
        str(s2["paths"]["/b"]["get"]["responses"]["default"]),
        R"({"description":"Unexpected error","headers":{"X-Id":{"type":"string","description":"the id"}},)"
        R"("schema":{"$ref":"#/definitions/Error"},"examples":{"application/json":{"code":1}}})");
}

void TestOpenApiExport::greedyParameterOfSwagger2Operations()
{
    // Swagger 2.0 operations name it as the path does (the specification, and swagger-parser,
    // require it); ANY keeps AWS's "proxy" inside its extension, as does OpenAPI 3.
    Project p = smallProject({s("/{proxy+}")}, {s("OPTIONS"), s("ANY")});
    const Json s2 = exportJson(p, ExportFormat::Swagger2);
    QCOMPARE(str(s2["paths"]["/{proxy+}"]["options"]["parameters"][0]["name"]), "\"proxy+\"");
    QCOMPARE(
        str(s2["paths"]["/{proxy+}"]["x-amazon-apigateway-any-method"]["parameters"][0]["name"]),
        "\"proxy\"");
    const Json o3 = exportJson(p, ExportFormat::OpenApi3);
    QCOMPARE(str(o3["paths"]["/{proxy+}"]["options"]["parameters"][0]["name"]), "\"proxy\"");
}

void TestOpenApiExport::rootSecurityKeptFromAnImportIsOptedOutOfByOpenMethods()
{
    Project p = smallProject({s("/open"), s("/keyed")});
    methodOf(p, s("/keyed"), s("GET")).apiKeyRequired = true;
    p.api.openApiExtras = {{s("/security"), s(R"([{"api_key":[]}])")}};
    const Json doc = exportJson(p, ExportFormat::OpenApi3);
    QCOMPARE(str(doc["security"]), R"([{"api_key":[]}])");
    QCOMPARE(str(doc["paths"]["/open"]["get"]["security"]), "[]");
    QCOMPARE(str(doc["paths"]["/keyed"]["get"]["security"]), R"([{"api_key":[]}])");
}

void TestOpenApiExport::builtInModelsAreDefinedWhenUsed()
{
    Project p = smallProject({s("/a")});
    methodOf(p, s("/a"), s("GET")).methodResponses[s("200")].responseModels[s("application/json")]
        = s("Empty");
    const Json doc = exportJson(p, ExportFormat::Swagger2);
    QCOMPARE(str(doc["definitions"]), R"({"Empty":{"title":"Empty Schema","type":"object"}})");
    QCOMPARE(str(doc["paths"]["/a"]["get"]["responses"]["200"]["schema"]),
             R"({"$ref":"#/definitions/Empty"})");
}

void TestOpenApiExport::integrationResponsesKeyedBySelectionPattern()
{
    Project p = smallProject({s("/a")});
    Integration &i = *methodOf(p, s("/a"), s("GET")).integration;
    i.type = IntegrationType::Aws;
    i.passthroughBehavior = PassthroughBehavior::WhenNoTemplates;
    IntegrationResponse bad;
    bad.statusCode = s("400");
    bad.selectionPattern = s(".*Bad.*");
    i.integrationResponses[bad.statusCode] = bad;
    IntegrationResponse twice;
    twice.statusCode = s("500");
    i.integrationResponses[twice.statusCode] = twice; // a second default
    const Json doc = exportJson(p, ExportFormat::OpenApi3);
    const Json &integration = doc["paths"]["/a"]["get"]["x-amazon-apigateway-integration"];
    QCOMPARE(str(integration["type"]), "\"aws\"");
    QCOMPARE(str(integration["passthroughBehavior"]), "\"when_no_templates\"");
    QCOMPARE(str(integration["responses"]),
             R"({"default":{"statusCode":"200"},".*Bad.*":{"statusCode":"400"}})");
    QCOMPARE(warnings(p, {}),
             QStringList {s(
                 "warning: /a GET integration response 500: selection pattern \"default\" is also "
                 "used by status 200; only the first is exported")});
}

void TestOpenApiExport::stageExportUsesTheDeploymentSnapshot_data()
{
    rootExtensions_data();
}
void TestOpenApiExport::stageExportUsesTheDeploymentSnapshot()
{
    QFETCH(ExportFormat, format);
    Project p = everyFieldProject();
    p.deployments.front().snapshot.version.clear();
    ExportOptions options;
    options.format = format;
    options.stage = s("prod");
    const Json doc = exportJson(p, options);
    QCOMPARE(str(doc["info"]["description"]), "\"As it was when deployed\"");
    // No version: the deployment's time, as AWS writes the creation time.
    QCOMPARE(str(doc["info"]["version"]), "\"2026-11-24T08:30:15Z\"");
    if (format == ExportFormat::Swagger2) {
        QCOMPARE(str(doc["basePath"]), "\"/prod\"");
    } else {
        QCOMPARE(str(doc["servers"][0]["url"]),
                 "\"https://every00001.execute-api.us-east-1.amazonaws.com/{basePath}\"");
        QCOMPARE(str(doc["servers"][0]["variables"]), R"({"basePath":{"default":"/prod"}})");
    }
    // Stage variables are not substituted.
    QCOMPARE(str(doc["paths"]["/items/{itemId}"]["put"]["x-amazon-apigateway-integration"]
                    ["connectionId"]),
             "\"${stageVariables.vpcLinkId}\"");
}

void TestOpenApiExport::unknownStageIsAnError()
{
    ExportOptions options;
    options.stage = s("beta");
    const auto result = openapi::exportProject(everyFieldProject(), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().toString(),
             s("error: stage: no stage \"beta\" in the project (stages: prod)"));
    Project broken = everyFieldProject();
    broken.stages.front().deploymentId = s("gone");
    options.stage = s("prod");
    const auto missing = openapi::exportProject(broken, options);
    QVERIFY(!missing.ok());
    QCOMPARE(missing.error().toString(),
             s("error: stage prod: deployment \"gone\" does not exist"));
}

void TestOpenApiExport::withoutExtensionsNoAwsKeyIsLeft_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::newRow("openapi3") << ExportFormat::OpenApi3;
    QTest::newRow("swagger2") << ExportFormat::Swagger2;
    QTest::newRow("cloudformation") << ExportFormat::CloudFormation;
}
void TestOpenApiExport::withoutExtensionsNoAwsKeyIsLeft()
{
    QFETCH(ExportFormat, format);
    ExportOptions options;
    options.format = format;
    options.extensions = false;
    const Json doc = exportJson(everyFieldProject(), options);
    QStringList keys;
    collectKeys(doc, keys);
    for (const QString &key : std::as_const(keys))
        QVERIFY2(!key.startsWith(QLatin1String("x-amazon-apigateway-")), qPrintable(key));
    const Json &body = format == ExportFormat::CloudFormation
        ? doc["Resources"]["EveryFieldApi"]["Properties"]["Body"]
        : doc;
    // Content kept from an import that is not an AWS extension stays.
    QCOMPARE(str(body["paths"]["/items/{itemId}"]["put"]["summary"]), "\"Reads one item\"");
    // ANY becomes the verbs it stands for, the greedy parameter named as the path writes it.
    const Json &proxy = body["paths"]["/{proxy+}"];
    QStringList verbs;
    for (auto it = proxy.begin(); it != proxy.end(); ++it)
        verbs << base::toQString(it.key());
    QCOMPARE(verbs,
             (QStringList {s("get"), s("put"), s("post"), s("delete"), s("options"), s("head"),
                           s("patch")}));
    QCOMPARE(str(proxy["get"]["parameters"][0]["name"]), "\"proxy+\"");
}

void TestOpenApiExport::examplesFromModels()
{
    Project p = smallProject({s("/pets")}, {s("POST")});
    Model pet;
    pet.name = s("Pet");
    pet.schema = s(
        R"({"type":"object","properties":{"id":{"type":"integer","minimum":1},"name":{"type":"string"},)"
        R"("kind":{"type":"string","enum":["dog","cat"]},"born":{"type":"string","format":"date-time"},)"
        R"("tags":{"type":"array","items":{"type":"string"}},"owner":{"$ref":"#/definitions/Owner"}}})");
    Model owner;
    owner.name = s("Owner");
    owner.schema = s(
        R"({"type":"object","properties":{"email":{"type":"string","format":"email"},"pets":{"type":"array","items":{"$ref":"#/definitions/Pet"}}}})");
    p.api.models = {pet, owner};
    Method &post = methodOf(p, s("/pets"), s("POST"));
    post.requestModels[s("application/json")] = s("Pet");
    post.methodResponses[s("200")].responseModels[s("application/json")] = s("Owner");
    ExportOptions options;
    options.postmanExamples = true;
    const QByteArray petExample
        = R"({"id":1,"name":"string","kind":"dog","born":"2024-01-01T00:00:00Z","tags":["string"],)"
          R"("owner":{"email":"user@example.com","pets":[{}]}})";
    const Json o3 = exportJson(p, options);
    QCOMPARE(str(o3["components"]["schemas"]["Pet"]["example"]), petExample);
    QCOMPARE(
        str(o3["paths"]["/pets"]["post"]["requestBody"]["content"]["application/json"]["example"]),
        petExample);
    QCOMPARE(
        str(o3["paths"]["/pets"]["post"]["responses"]["200"]["content"]["application/json"]
              ["example"]),
        R"({"email":"user@example.com","pets":[{"id":1,"name":"string","kind":"dog","born":"2024-01-01T00:00:00Z","tags":["string"],"owner":{}}]})");
    options.format = ExportFormat::Swagger2;
    const Json s2 = exportJson(p, options);
    QCOMPARE(str(s2["definitions"]["Pet"]["example"]), petExample);
    QVERIFY(
        s2["paths"]["/pets"]["post"]["responses"]["200"]["examples"].contains("application/json"));
    // Without the option, no example anywhere.
    const Json plain = exportJson(p, ExportFormat::OpenApi3);
    QStringList keys;
    collectKeys(plain, keys);
    QVERIFY(!keys.contains(s("example")));
}

void TestOpenApiExport::cloudFormationTemplate()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::CloudFormation);
    QCOMPARE(str(doc["AWSTemplateFormatVersion"]), "\"2010-09-09\"");
    QVERIFY(!doc.contains("Transform"));
    const Json &resources = doc["Resources"];
    const Json &api = resources["EveryFieldApi"];
    QCOMPARE(str(api["Type"]), "\"AWS::ApiGateway::RestApi\"");
    QCOMPARE(str(api["Properties"]["Name"]), "\"Every field\"");
    QCOMPARE(str(api["Properties"]["EndpointConfiguration"]),
             R"({"Types":["PRIVATE"],"VpcEndpointIds":["vpce-0123456789abcdef0"]})");
    // The body is the OpenAPI 3 export of the working definition.
    QCOMPARE(str(api["Properties"]["Body"]),
             str(exportJson(everyFieldProject(), ExportFormat::OpenApi3)));

    QString deploymentId;
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        if (it.value()["Type"] == "AWS::ApiGateway::Deployment")
            deploymentId = base::toQString(it.key());
    }
    QVERIFY2(deploymentId.startsWith(s("EveryFieldApiDeployment")) && deploymentId.size() == 33,
             qPrintable(deploymentId));
    QCOMPARE(str(resources[base::toStd(deploymentId)]["Properties"]),
             R"({"RestApiId":{"Ref":"EveryFieldApi"},"Description":"First deployment"})");
    QCOMPARE(
        str(resources["ProdStage"]),
        QByteArray(
            R"({"Type":"AWS::ApiGateway::Stage","Properties":{"RestApiId":{"Ref":"EveryFieldApi"},)"
            R"("DeploymentId":{"Ref":")")
            + deploymentId.toUtf8()
            + R"("},"StageName":"prod","Description":"Production",)"
              R"("Variables":{"backend":"https://backend.example.com","vpcLinkId":"abc123"},)"
              R"("MethodSettings":[{"ResourcePath":"/)"
              R"(*","HttpMethod":"*","ThrottlingRateLimit":50.5,"ThrottlingBurstLimit":100},)"
              R"({"ResourcePath":"/~1items~1{itemId}","HttpMethod":"PUT","ThrottlingBurstLimit":5}]}})");
    QCOMPARE(
        str(resources["PartnerApiKey"]),
        R"({"Type":"AWS::ApiGateway::ApiKey","Properties":{"Name":"partner","Description":"Disabled partner key",)"
        R"("Enabled":false,"Value":"abcdefghijABCDEFGHIJ0123456789abcdefghij"}})");
    QCOMPARE(
        str(resources["GoldUsagePlan"]),
        R"({"Type":"AWS::ApiGateway::UsagePlan","Properties":{"UsagePlanName":"Gold","Description":"Many requests",)"
        R"("Throttle":{"RateLimit":25.5,"BurstLimit":50},"Quota":{"Limit":10000,"Period":"WEEK","Offset":1},)"
        R"("ApiStages":[{"ApiId":{"Ref":"EveryFieldApi"},"Stage":{"Ref":"ProdStage"},)"
        R"("Throttle":{"/items/{itemId}/PUT":{"RateLimit":2.0,"BurstLimit":4}}}]}})");
    QCOMPARE(
        str(resources["GoldUsagePlanPartnerApiKeyKey"]),
        R"({"Type":"AWS::ApiGateway::UsagePlanKey","Properties":{"KeyId":{"Ref":"PartnerApiKey"},)"
        R"("KeyType":"API_KEY","UsagePlanId":{"Ref":"GoldUsagePlan"}}})");
    QCOMPARE(resources.size(), size_t(6));
    QCOMPARE(
        str(doc["Outputs"]["ProdUrl"]["Value"]),
        R"({"Fn::Sub":"https://${EveryFieldApi}.execute-api.${AWS::Region}.amazonaws.com/prod"})");
}

void TestOpenApiExport::aChangedDefinitionGetsANewDeployment()
{
    const auto deploymentOf = [](const Project &p) {
        const Json doc = exportJson(p, ExportFormat::CloudFormation);
        for (auto it = doc["Resources"].begin(); it != doc["Resources"].end(); ++it) {
            if (it.value()["Type"] == "AWS::ApiGateway::Deployment")
                return base::toQString(it.key());
        }
        return QString();
    };
    Project p = everyFieldProject();
    const QString before = deploymentOf(p);
    QCOMPARE(deploymentOf(p), before);
    p.api.resources.back().methods[s("ANY")].integration->timeoutInMillis = 1000;
    QVERIFY(deploymentOf(p) != before);
}

void TestOpenApiExport::samTemplate()
{
    const Json doc = exportJson(everyFieldProject(), ExportFormat::Sam);
    QCOMPARE(str(doc["Transform"]), "\"AWS::Serverless-2016-10-31\"");
    const Json &resources = doc["Resources"];
    const Json &api = resources["EveryFieldApi"];
    QCOMPARE(str(api["Type"]), "\"AWS::Serverless::Api\"");
    QCOMPARE(str(api["Properties"]["StageName"]), "\"prod\"");
    QCOMPARE(str(api["Properties"]["Variables"]),
             R"({"backend":"https://backend.example.com","vpcLinkId":"abc123"})");
    QCOMPARE(str(api["Properties"]["EndpointConfiguration"]),
             R"({"Type":"PRIVATE","VPCEndpointIds":["vpce-0123456789abcdef0"]})");
    QCOMPARE(
        str(api["Properties"]["MethodSettings"][1]),
        R"({"ResourcePath":"/~1items~1{itemId}","HttpMethod":"PUT","ThrottlingBurstLimit":5})");
    QCOMPARE(str(api["Properties"]["DefinitionBody"]["openapi"]), "\"3.0.1\"");
    QVERIFY(!api["Properties"].contains("Body"));
    // SAM makes the stage and the deployment itself; plans refer to its stage by its property.
    for (auto it = resources.begin(); it != resources.end(); ++it) {
        QVERIFY(it.value()["Type"] != "AWS::ApiGateway::Deployment");
        QVERIFY(it.value()["Type"] != "AWS::ApiGateway::Stage");
    }
    QCOMPARE(str(resources["GoldUsagePlan"]["Properties"]["ApiStages"][0]["Stage"]),
             R"({"Ref":"EveryFieldApi.Stage"})");
}

void TestOpenApiExport::samExtraStagesUseTheApisDeployment()
{
    Project p = everyFieldProject();
    Stage beta = p.stages.front();
    beta.stageName = s("beta");
    p.stages.push_back(beta);
    const Json doc = exportJson(p, ExportFormat::Sam);
    QCOMPARE(str(doc["Resources"]["BetaStage"]["Properties"]["DeploymentId"]),
             R"({"Ref":"EveryFieldApi.Deployment"})");
    QCOMPARE(str(doc["Resources"]["EveryFieldApi"]["Properties"]["StageName"]), "\"prod\"");
}

void TestOpenApiExport::templateOfOneStage()
{
    Project p = everyFieldProject();
    Stage beta = p.stages.front();
    beta.stageName = s("beta");
    p.stages.push_back(beta);
    ExportOptions options;
    options.format = ExportFormat::CloudFormation;
    options.stage = s("beta");
    const Json doc = exportJson(p, options);
    QVERIFY(doc["Resources"].contains("BetaStage"));
    QVERIFY(!doc["Resources"].contains("ProdStage"));
    // The body is the stage's snapshot, deployable to any stage: no base path.
    const Json &body = doc["Resources"]["EveryFieldApi"]["Properties"]["Body"];
    QCOMPARE(str(body["info"]["description"]), "\"As it was when deployed\"");
    QVERIFY(!body["servers"][0].contains("variables"));
    // The plan's prod stage is not in this template: left out without a warning.
    QVERIFY(!doc["Resources"]["GoldUsagePlan"]["Properties"].contains("ApiStages"));
    QCOMPARE(warnings(p, options).filter(s("usage plan")), QStringList());
}

void TestOpenApiExport::warningsSayWhatWasLeftOut()
{
    QCOMPARE(
        warnings(everyFieldProject(), {}),
        (QStringList {s("warning: model Draft: content type application/xml: only application/json "
                        "models can be exported; left out"),
                      s("warning: /items/{itemId} PUT: authorization scopes apply to "
                        "COGNITO_USER_POOLS only; not exported for CUSTOM")}));
}

void TestOpenApiExport::outputIsDeterministic_data()
{
    QTest::addColumn<ExportFormat>("format");
    QTest::addColumn<bool>("yaml");
    for (const auto &[name, format] : {std::pair {"openapi3", ExportFormat::OpenApi3},
                                       std::pair {"swagger2", ExportFormat::Swagger2},
                                       std::pair {"cloudformation", ExportFormat::CloudFormation},
                                       std::pair {"sam", ExportFormat::Sam}}) {
        QTest::addRow("%s json", name) << format << false;
        QTest::addRow("%s yaml", name) << format << true;
    }
}
void TestOpenApiExport::outputIsDeterministic()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, yaml);
    ExportOptions options;
    options.format = format;
    options.yaml = yaml;
    const QByteArray first = exportOrFail(everyFieldProject(), options).text;
    QCOMPARE(exportOrFail(everyFieldProject(), options).text, first);
    QVERIFY(first.endsWith('\n'));
}

void TestOpenApiExport::yamlReadsBackAsTheSameJson_data()
{
    outputIsDeterministic_data();
}
void TestOpenApiExport::yamlReadsBackAsTheSameJson()
{
    QFETCH(ExportFormat, format);
    QFETCH(bool, yaml);
    if (!yaml)
        QSKIP("the JSON row of the shared table");
    for (const bool examples : {false, true}) {
        ExportOptions options;
        options.format = format;
        options.postmanExamples = examples;
        const Json expected = exportJson(everyFieldProject(), options);
        options.yaml = true;
        const QByteArray text = exportOrFail(everyFieldProject(), options).text;
        QCOMPARE(str(yamlToJson(text)), str(expected));
    }
}

void TestOpenApiExport::yamlScalarsKeepTheirType_data()
{
    QTest::addColumn<QString>("text");
    const char *const texts[] = {"200",
                                 "2\\d{2}",
                                 "true",
                                 "False",
                                 "yes",
                                 "No",
                                 "on",
                                 "OFF",
                                 "y",
                                 "n",
                                 "null",
                                 "~",
                                 "",
                                 "1.0",
                                 "-1",
                                 "+1",
                                 ".5",
                                 ".inf",
                                 "-.Inf",
                                 ".NaN",
                                 "0x1F",
                                 "1_000",
                                 "1:20",
                                 "2016-10-13T23:04:43Z",
                                 "<<",
                                 "=",
                                 " leading",
                                 "trailing ",
                                 "a: b",
                                 "#comment",
                                 "- item",
                                 "'quoted'",
                                 "\"dq\"",
                                 "ünïcödé ✓",
                                 "@at",
                                 "`tick",
                                 "%pct",
                                 "&anchor",
                                 "*alias",
                                 "!tag",
                                 "|bar",
                                 ">gt",
                                 "{x}",
                                 "[y]",
                                 "method.request.path.id",
                                 "$input.json('$')"};
    for (const char *text : texts)
        QTest::addRow("%s", text) << QString::fromUtf8(text);
}
void TestOpenApiExport::yamlScalarsKeepTheirType()
{
    QFETCH(QString, text);
    const Json doc = Json {{"value", base::toStd(text)}, {base::toStd(text), "as a key"}};
    QCOMPARE(str(yamlToJson(openapi::toYaml(doc))), str(doc));
}

void TestOpenApiExport::yamlMultiLineStrings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QByteArray>("indicator"); // how it is written: a literal, or quoted
    QTest::newRow("no final line break")
        << s("#set($x = 1)\n<item>$x</item>") << QByteArray("|-\n");
    QTest::newRow("one final line break") << s("a\n  indented\nb\n") << QByteArray("|\n");
    QTest::newRow("two final line breaks") << s("a\nb\n\n") << QByteArray("\"a\\nb\\n\\n\"");
    QTest::newRow("leading space") << s("  a\nb") << QByteArray("\"  a\\nb\"");
    QTest::newRow("leading line break") << s("\na") << QByteArray("\"\\na\"");
    QTest::newRow("carriage return") << s("a\r\nb") << QByteArray("\"a\\r\\nb\"");
    QTest::newRow("white space line") << s("a\n   \nb") << QByteArray("\"a\\n   \\nb\"");
    QTest::newRow("empty line inside") << s("a\n\nb") << QByteArray("|-\n");
    QTest::newRow("tab and comment") << s("a\n\t#x\n# y") << QByteArray("|-\n");
    QTest::newRow("non-ASCII") << s("ü\n✓") << QByteArray("|-\n");
}
void TestOpenApiExport::yamlMultiLineStrings()
{
    QFETCH(QString, text);
    QFETCH(QByteArray, indicator);
    const Json doc = Json {{"t", Json {{"application/json", base::toStd(text)}}}, {"after", 1}};
    const QByteArray yaml = openapi::toYaml(doc);
    QVERIFY2(yaml.contains(QByteArray(QByteArray("application/json: ") + indicator)),
             yaml.constData());
    QCOMPARE(str(yamlToJson(yaml)), str(doc));
}

void TestOpenApiExport::yamlEmptyContainersAndNumbers()
{
    const Json doc
        = Json::parse(R"({"o":{},"a":[],"n":[0,-1,25.5,1e+20,1.5e-07],"b":[true,false],"z":null})");
    const QByteArray yaml = openapi::toYaml(doc);
    QCOMPARE(str(yamlToJson(yaml)), str(doc));
}

QTEST_GUILESS_MAIN(TestOpenApiExport)
