// The gateway end to end: a real server on an ephemeral port, a real HTTP backend on 127.0.0.1,
// real requests over sockets. Each test names the API Gateway behaviour it pins.
#include "runtime/gateway.h"
#include "runtime/projectstages.h"

#include "base/json.h"
#include "http/server.h"

#include "../../support/rawhttpclient.h"
#include "../../support/runtimefixtures.h"

#include <QTest>
#include <QTimer>

using namespace portico;
using portico::test::json;
using portico::test::lambdaUri;
using portico::test::resource;
using portico::test::text;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

// The backend integrations call: /echo/... answers with what it received as JSON, /status/N
// with status N, /slow after two seconds.
class Backend : public http::RequestHandler
{
public:
    void handle(http::Request request, http::Responder respond) override
    {
        http::Response response;
        response.setHeader("Content-Type", "application/json");
        response.setHeader("X-Backend", "yes");
        if (request.path.startsWith("/status/")) {
            response.status = request.path.mid(8).toInt();
            response.body = "{\"status\":" + request.path.mid(8) + "}";
            respond.send(response);
            return;
        }
        if (request.path == "/slow") {
            response.body = "{}";
            QTimer::singleShot(2000, [respond, response] { respond.send(response); });
            return;
        }
        if (request.path.startsWith("/echo/raw")) {
            response.setHeader("Content-Type", "application/octet-stream");
            response.body = request.body;
            respond.send(response);
            return;
        }
        base::Json headers = base::Json::object();
        for (const auto &[name, value] : request.headers)
            headers[name.toLower().toStdString()] = value.toStdString();
        base::Json echo = {{"method", request.method.toStdString()},
                           {"path", request.path.toStdString()},
                           {"query", request.query.toStdString()},
                           {"headers", headers},
                           {"body", request.body.toStdString()}};
        response.body = QByteArray::fromStdString(echo.dump(-1, ' ', false, base::Json::error_handler_t::replace));
        respond.send(response);
    }
};

model::IntegrationResponse integrationResponse(const QString &status, const QString &pattern = {},
                                               const QString &jsonTemplate = {})
{
    model::IntegrationResponse r;
    r.statusCode = status;
    r.selectionPattern = pattern;
    if (!jsonTemplate.isNull())
        r.responseTemplates[QStringLiteral("application/json")] = jsonTemplate;
    return r;
}

model::Method method(const QString &verb, model::IntegrationType type, const QString &uri = {})
{
    model::Method m;
    m.httpMethod = verb;
    model::Integration integration;
    integration.type = type;
    integration.uri = uri;
    integration.httpMethod = type == model::IntegrationType::Mock ? QString() : QStringLiteral("ANY");
    m.integration = integration;
    return m;
}

model::Method mockReturning(const QString &responseTemplate)
{
    model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Mock);
    m.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"), {}, responseTemplate);
    return m;
}

// The API under test; `version` changes what "/" answers, to tell deployments from the draft.
model::RestApi buildApi(const QString &version)
{
    model::RestApi api;
    api.id = QStringLiteral("gwtest0001");
    api.name = QStringLiteral("Gateway test");
    auto add = [&](model::Resource r) { api.resources.push_back(std::move(r)); };

    model::Resource root = resource(QStringLiteral("root"), {}, {});
    root.methods[QStringLiteral("GET")] = mockReturning(
        QStringLiteral("{\"version\":\"%1\",\"stage\":\"$context.stage\",\"env\":\"$stageVariables.env\"}").arg(version));
    add(root);

    // MOCK: the request template's statusCode selects the integration response.
    model::Resource mock = resource(QStringLiteral("mock"), QStringLiteral("root"), QStringLiteral("mock"));
    add(mock);
    model::Resource code = resource(QStringLiteral("mockcode"), QStringLiteral("mock"), QStringLiteral("{code}"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Mock);
        m.integration->requestTemplates[QStringLiteral("application/json")] =
            QStringLiteral("{\"statusCode\": $input.params('code')}");
        auto ok = integrationResponse(QStringLiteral("200"), {}, QStringLiteral("{\"ok\":true}"));
        ok.responseParameters[QStringLiteral("method.response.header.X-Static")] = QStringLiteral("'static value'");
        ok.responseParameters[QStringLiteral("method.response.header.X-Request")] = QStringLiteral("context.requestId");
        m.integration->integrationResponses[QStringLiteral("200")] = ok;
        m.integration->integrationResponses[QStringLiteral("404")] = integrationResponse(
            QStringLiteral("404"), QStringLiteral("4\\d{2}"), QStringLiteral("{\"error\":\"client $input.params('code')\"}"));
        code.methods[QStringLiteral("GET")] = m;
    }
    add(code);

    model::Resource noMatch = resource(QStringLiteral("nomatch"), QStringLiteral("root"), QStringLiteral("nomatch"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Mock);
        m.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 503}");
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"), QStringLiteral("2\\d{2}"));
        noMatch.methods[QStringLiteral("GET")] = m;
    }
    add(noMatch);

    model::Resource badMock = resource(QStringLiteral("badmock"), QStringLiteral("root"), QStringLiteral("badmock"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Mock);
        m.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"nostatus\": 1}");
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        badMock.methods[QStringLiteral("GET")] = m;
    }
    add(badMock);

    // HTTP with parameter mappings, a request template and response mappings.
    model::Resource items = resource(QStringLiteral("items"), QStringLiteral("root"), QStringLiteral("items"));
    add(items);
    model::Resource item = resource(QStringLiteral("item"), QStringLiteral("items"), QStringLiteral("{id}"));
    {
        model::Method m = method(QStringLiteral("POST"), model::IntegrationType::Http,
                                 QStringLiteral("${stageVariables.backend}/echo/{id}"));
        m.integration->httpMethod = QStringLiteral("PUT");
        auto &p = m.integration->requestParameters;
        p[QStringLiteral("integration.request.path.id")] = QStringLiteral("method.request.path.id");
        p[QStringLiteral("integration.request.querystring.q")] = QStringLiteral("method.request.querystring.search");
        p[QStringLiteral("integration.request.header.X-Stage")] = QStringLiteral("stageVariables.env");
        p[QStringLiteral("integration.request.header.X-Static")] = QStringLiteral("'fixed'");
        p[QStringLiteral("integration.request.header.X-Req")] = QStringLiteral("context.requestId");
        p[QStringLiteral("integration.request.header.X-Missing")] = QStringLiteral("method.request.header.Not-Sent");
        // Two fields of one body (parsed once for both).
        p[QStringLiteral("integration.request.querystring.n")] = QStringLiteral("method.request.body.name");
        p[QStringLiteral("integration.request.querystring.e")] = QStringLiteral("method.request.body.extra");
        m.integration->requestTemplates[QStringLiteral("application/json")] =
            QStringLiteral("{\"id\":\"$input.params('id')\",\"name\":$input.json('$.name')}");
        auto ok = integrationResponse(QStringLiteral("200"), {},
                                      QStringLiteral("#set($b = $input.path('$'))$b.method $b.path q=$b.query body=$b.body"));
        ok.responseParameters[QStringLiteral("method.response.header.X-Backend")] = QStringLiteral("integration.response.header.X-Backend");
        ok.responseParameters[QStringLiteral("method.response.header.X-Method")] = QStringLiteral("integration.response.body.method");
        m.integration->integrationResponses[QStringLiteral("200")] = ok;
        item.methods[QStringLiteral("POST")] = m;
    }
    add(item);

    model::Resource status = resource(QStringLiteral("status"), QStringLiteral("root"), QStringLiteral("status"));
    add(status);
    model::Resource statusCode = resource(QStringLiteral("statuscode"), QStringLiteral("status"), QStringLiteral("{code}"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Http,
                                 QStringLiteral("${stageVariables.backend}/status/{code}"));
        m.integration->requestParameters[QStringLiteral("integration.request.path.code")] = QStringLiteral("method.request.path.code");
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        m.integration->integrationResponses[QStringLiteral("400")] = integrationResponse(QStringLiteral("400"), QStringLiteral("4\\d{2}"));
        m.integration->integrationResponses[QStringLiteral("502")] =
            integrationResponse(QStringLiteral("502"), QStringLiteral("5\\d{2}"), QStringLiteral("{\"backendFailed\":$input.json('$.status')}"));
        statusCode.methods[QStringLiteral("GET")] = m;
    }
    add(statusCode);

    // HTTP_PROXY on a greedy path, with the backend's address in a stage variable.
    model::Resource proxyRoot = resource(QStringLiteral("proxyroot"), QStringLiteral("root"), QStringLiteral("proxy"));
    add(proxyRoot);
    model::Resource proxy = resource(QStringLiteral("proxy"), QStringLiteral("proxyroot"), QStringLiteral("{proxy+}"));
    proxy.methods[QStringLiteral("ANY")] = method(QStringLiteral("ANY"), model::IntegrationType::HttpProxy,
                                                  QStringLiteral("${stageVariables.backend}/echo/{proxy}"));
    add(proxy);

    model::Resource slow = resource(QStringLiteral("slow"), QStringLiteral("root"), QStringLiteral("slow"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Http, QStringLiteral("${stageVariables.backend}/slow"));
        m.integration->timeoutInMillis = 300;
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        slow.methods[QStringLiteral("GET")] = m;
    }
    add(slow);

    model::Resource down = resource(QStringLiteral("down"), QStringLiteral("root"), QStringLiteral("down"));
    {
        model::Method m = method(QStringLiteral("GET"), model::IntegrationType::Http, QStringLiteral("http://127.0.0.1:1/nothing"));
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        down.methods[QStringLiteral("GET")] = m;
    }
    add(down);

    // Passthrough behaviours: each has a template for application/json only.
    model::Resource passthrough = resource(QStringLiteral("pt"), QStringLiteral("root"), QStringLiteral("passthrough"));
    add(passthrough);
    const std::pair<const char *, model::PassthroughBehavior> behaviours[] = {
        {"never", model::PassthroughBehavior::Never},
        {"when-no-templates", model::PassthroughBehavior::WhenNoTemplates},
        {"when-no-match", model::PassthroughBehavior::WhenNoMatch},
    };
    for (const auto &[name, behaviour] : behaviours) {
        model::Resource r = resource(QStringLiteral("pt-") + QLatin1String(name), QStringLiteral("pt"), QLatin1String(name));
        model::Method m = method(QStringLiteral("POST"), model::IntegrationType::Http, QStringLiteral("${stageVariables.backend}/echo/pt"));
        m.integration->passthroughBehavior = behaviour;
        m.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"templated\":true}");
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        r.methods[QStringLiteral("POST")] = m;
        add(r);
    }
    model::Resource noTemplates = resource(QStringLiteral("pt-none"), QStringLiteral("pt"), QStringLiteral("no-templates-never"));
    {
        model::Method m = method(QStringLiteral("POST"), model::IntegrationType::Mock);
        m.integration->passthroughBehavior = model::PassthroughBehavior::Never;
        m.integration->integrationResponses[QStringLiteral("200")] = integrationResponse(QStringLiteral("200"));
        noTemplates.methods[QStringLiteral("POST")] = m;
    }
    add(noTemplates);

    // A validator that checks parameters.
    model::RequestValidator validator;
    validator.id = QStringLiteral("val1");
    validator.name = QStringLiteral("params");
    validator.validateRequestParameters = true;
    api.requestValidators.push_back(validator);
    model::Resource validated = resource(QStringLiteral("validated"), QStringLiteral("root"), QStringLiteral("validated"));
    {
        model::Method m = mockReturning(QStringLiteral("{\"valid\":true}"));
        m.requestValidatorId = QStringLiteral("val1");
        m.requestParameters[QStringLiteral("method.request.querystring.q")] = true;
        m.requestParameters[QStringLiteral("method.request.header.X-Key")] = true;
        m.requestParameters[QStringLiteral("method.request.querystring.optional")] = false;
        validated.methods[QStringLiteral("GET")] = m;
    }
    add(validated);

    // Body validation against a model that refers to another model as AWS stores the reference.
    model::Model pet;
    pet.name = QStringLiteral("Pet");
    // (No raw string here: moc misreads a raw string with '$' and quotes.)
    pet.schema = QStringLiteral("{\"type\":\"object\",\"required\":[\"name\"],"
                                "\"properties\":{\"name\":{\"type\":\"string\"},"
                                "\"tag\":{\"$ref\":\"https://apigateway.amazonaws.com/restapis/gwtest0001/models/Tag\"}}}");
    model::Model tag;
    tag.name = QStringLiteral("Tag");
    tag.schema = QStringLiteral(R"({"type":"string","maxLength":5})");
    api.models = {pet, tag};
    model::RequestValidator bodyValidator;
    bodyValidator.id = QStringLiteral("val2");
    bodyValidator.name = QStringLiteral("body");
    bodyValidator.validateRequestBody = true;
    api.requestValidators.push_back(bodyValidator);
    model::Resource pets = resource(QStringLiteral("pets"), QStringLiteral("root"), QStringLiteral("pets"));
    {
        model::Method m = mockReturning(QStringLiteral("{\"created\":true}"));
        m.httpMethod = QStringLiteral("POST");
        m.requestValidatorId = QStringLiteral("val2");
        m.requestModels[QStringLiteral("application/json")] = QStringLiteral("Pet");
        pets.methods[QStringLiteral("POST")] = m;
    }
    add(pets);
    model::GatewayResponse badBody;
    badBody.responseType = QStringLiteral("BAD_REQUEST_BODY");
    badBody.responseTemplates[QStringLiteral("application/json")] =
        QStringLiteral("{\"message\":$context.error.messageString,\"detail\":\"$context.error.validationErrorString\"}");
    api.gatewayResponses.push_back(badBody);

    model::Resource override_ = resource(QStringLiteral("override"), QStringLiteral("root"), QStringLiteral("override"));
    override_.methods[QStringLiteral("GET")] = mockReturning(
        QStringLiteral("#set($context.responseOverride.status = 418)#set($context.responseOverride.header.X-Over = \"yes\")teapot"));
    add(override_);

    model::Resource lambda = resource(QStringLiteral("lambda"), QStringLiteral("root"), QStringLiteral("lambda"));
    lambda.methods[QStringLiteral("POST")] = method(
        QStringLiteral("POST"), model::IntegrationType::AwsProxy,
        QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:000000000000:function:f/invocations"));
    add(lambda);

    // Routing: a literal beats {param}, which beats {proxy+}; ANY when the verb has no method.
    model::Resource routes = resource(QStringLiteral("routes"), QStringLiteral("root"), QStringLiteral("routes"));
    add(routes);
    model::Resource literal = resource(QStringLiteral("r-lit"), QStringLiteral("routes"), QStringLiteral("fixed"));
    literal.methods[QStringLiteral("GET")] = mockReturning(QStringLiteral("literal"));
    add(literal);
    model::Resource param = resource(QStringLiteral("r-param"), QStringLiteral("routes"), QStringLiteral("{name}"));
    param.methods[QStringLiteral("GET")] = mockReturning(QStringLiteral("param $input.params('name')"));
    param.methods[QStringLiteral("ANY")] = mockReturning(QStringLiteral("any $context.httpMethod"));
    add(param);
    model::Resource paramChild = resource(QStringLiteral("r-param-c"), QStringLiteral("r-param"), QStringLiteral("child"));
    paramChild.methods[QStringLiteral("GET")] = mockReturning(QStringLiteral("child of $input.params('name')"));
    add(paramChild);

    // Binary payloads and contentHandling.
    api.binaryMediaTypes = {QStringLiteral("application/octet-stream")};
    const std::pair<const char *, std::optional<model::ContentHandling>> conversions[] = {
        {"to-text", model::ContentHandling::ConvertToText},
        {"to-binary", std::nullopt},
    };
    for (const auto &[name, handling] : conversions) {
        model::Resource r = resource(QStringLiteral("convert-") + QLatin1String(name), QStringLiteral("root"),
                                     QStringLiteral("convert-") + QLatin1String(name));
        model::Method m = method(QStringLiteral("POST"), model::IntegrationType::Http, QStringLiteral("${stageVariables.backend}/echo/raw"));
        m.integration->contentHandling = handling;
        auto ok = integrationResponse(QStringLiteral("200"));
        if (!handling)
            ok.contentHandling = model::ContentHandling::ConvertToBinary;
        m.integration->integrationResponses[QStringLiteral("200")] = ok;
        r.methods[QStringLiteral("POST")] = m;
        add(r);
    }

    model::GatewayResponse notFound;
    notFound.responseType = QStringLiteral("MISSING_AUTHENTICATION_TOKEN");
    notFound.statusCode = QStringLiteral("404");
    notFound.responseParameters[QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin")] = QStringLiteral("'*'");
    // A header from the method request, as AWS allows in gateway responses.
    notFound.responseParameters[QStringLiteral("gatewayresponse.header.X-Trace-Echo")] = QStringLiteral("method.request.header.X-Trace");
    notFound.responseTemplates[QStringLiteral("application/json")] =
        QStringLiteral("{\"error\":$context.error.messageString,\"type\":\"$context.error.responseType\",\"path\":\"$context.path\"}");
    api.gatewayResponses.push_back(notFound);
    return api;
}

} // namespace

class TestGateway : public QObject
{
    Q_OBJECT

private:
    Backend m_backendHandler;
    std::unique_ptr<http::Server> m_backend;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;

    RawResponse get(const QByteArray &target, const QByteArray &headers = {})
    {
        RawHttpClient client(m_server->port());
        auto response = client.request(rawRequest("GET", target, headers));
        return response.value_or(RawResponse());
    }
    RawResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &headers, const QByteArray &body)
    {
        RawHttpClient client(m_server->port());
        auto response = client.request(rawRequest(method, target, headers, body));
        return response.value_or(RawResponse());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<http::Server>(m_backendHandler);
        QVERIFY(m_backend->start().ok());

        model::Project project;
        project.api = buildApi(QStringLiteral("v2"));
        model::Deployment deployment;
        deployment.id = QStringLiteral("dep1");
        deployment.snapshot = buildApi(QStringLiteral("v1"));
        project.deployments.push_back(deployment);
        model::Stage prod;
        prod.stageName = QStringLiteral("prod");
        prod.deploymentId = QStringLiteral("dep1");
        prod.variables[QStringLiteral("env")] = QStringLiteral("production");
        prod.variables[QStringLiteral("backend")] = QStringLiteral("http://127.0.0.1:%1").arg(m_backend->port());
        project.stages.push_back(prod);

        runtime::DraftStage draft;
        draft.variables = {{QStringLiteral("env"), QStringLiteral("draft-env")},
                           {QStringLiteral("backend"), QStringLiteral("http://127.0.0.1:%1").arg(m_backend->port())}};
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(project, draft, problems);
        QVERIFY2(problems.empty(), qPrintable(problems.empty() ? QString() : problems.front().toString()));
        QCOMPARE(stages.size(), size_t(2));
        m_gateway = std::make_unique<runtime::Gateway>(project.api.id);
        m_gateway->setStages(std::move(stages));
        m_server = std::make_unique<http::Server>(*m_gateway);
        QVERIFY(m_server->start().ok());
    }
    void cleanupTestCase()
    {
        m_server.reset();
        m_backend.reset();
    }

    void stageServesItsDeploymentAndDraftServesTheDefinition()
    {
        RawResponse prod = get("/prod/");
        QCOMPARE(prod.status, 200);
        QCOMPARE(prod.body, QByteArray(R"({"version":"v1","stage":"prod","env":"production"})"));
        QCOMPARE(prod.header("Content-Type"), QByteArray("application/json"));
        QVERIFY(!prod.header("x-amzn-RequestId").isEmpty());
        QCOMPARE(prod.header("x-amz-apigw-id").size(), 16);
        RawResponse draft = get("/draft/");
        QCOMPARE(draft.body, QByteArray(R"({"version":"v2","stage":"draft","env":"draft-env"})"));
    }

    void localStackUrlForms_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<int>("status");
        QTest::newRow("host name") << QByteArray("/prod/") << QByteArray("Host: gwtest0001.execute-api.localhost.localstack.cloud:4566\r\n") << 200;
        QTest::newRow("_aws path") << QByteArray("/_aws/execute-api/gwtest0001/prod/") << QByteArray() << 200;
        QTest::newRow("_user_request_") << QByteArray("/restapis/gwtest0001/prod/_user_request_/") << QByteArray() << 200;
        QTest::newRow("other api id") << QByteArray("/_aws/execute-api/otherapi01/prod/") << QByteArray() << 404;
    }
    void localStackUrlForms()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headers);
        QFETCH(int, status);
        // rawRequest adds Host: 127.0.0.1; a second Host line would be ambiguous, so build by hand.
        QByteArray bytes = "GET " + target + " HTTP/1.1\r\n" + (headers.isEmpty() ? QByteArray("Host: 127.0.0.1\r\n") : headers) + "\r\n";
        RawHttpClient client(m_server->port());
        auto response = client.request(bytes);
        QVERIFY(response);
        QCOMPARE(response->status, status);
        if (status == 200)
            QCOMPARE(text(json(response->body)["stage"]), QStringLiteral("prod"));
        else
            QCOMPARE(response->body, QByteArray(R"({"message":"The API id 'otherapi01' does not correspond to a deployed API Gateway API"})"));
    }

    void unknownStageIsForbidden()
    {
        RawResponse r = get("/nostage/items/1");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray(R"({"message":"Forbidden"})"));
    }

    void unknownRouteGetsTheCustomisedGatewayResponse()
    {
        RawResponse r = get("/prod/no/such/path", "X-Trace: abc-123\r\n");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(r.header("X-Trace-Echo"), QByteArray("abc-123"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("MissingAuthenticationTokenException"));
        QCOMPARE(r.body, QByteArray(R"({"error":"Missing Authentication Token","type":"MISSING_AUTHENTICATION_TOKEN","path":"/prod/no/such/path"})"));
        // A resource that exists but has no method for the verb answers the same way.
        RawResponse wrongVerb = send("DELETE", "/prod/mock/200", {}, {});
        QCOMPARE(wrongVerb.status, 404);
    }

    void routingPrefersLiteralThenParameterThenAny_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("literal") << QByteArray("GET") << QByteArray("/prod/routes/fixed") << QByteArray("literal");
        QTest::newRow("parameter") << QByteArray("GET") << QByteArray("/prod/routes/other") << QByteArray("param other");
        QTest::newRow("decoded parameter") << QByteArray("GET") << QByteArray("/prod/routes/a%20b") << QByteArray("param a b");
        QTest::newRow("backtracks into parameter") << QByteArray("GET") << QByteArray("/prod/routes/fixed/child") << QByteArray("child of fixed");
        QTest::newRow("ANY for another verb") << QByteArray("PATCH") << QByteArray("/prod/routes/x") << QByteArray("any PATCH");
        QTest::newRow("trailing slash") << QByteArray("GET") << QByteArray("/prod/routes/fixed/") << QByteArray("literal");
    }
    void routingPrefersLiteralThenParameterThenAny()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, body);
        RawResponse r = send(method, target, {}, {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, body);
    }

    void mockSelectsIntegrationResponseByStatusCode()
    {
        RawResponse ok = get("/prod/mock/200");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(ok.header("X-Static"), QByteArray("static value"));
        QCOMPARE(ok.header("X-Request"), ok.header("x-amzn-RequestId"));
        RawResponse clientError = get("/prod/mock/418");
        QCOMPARE(clientError.status, 404);
        QCOMPARE(clientError.body, QByteArray(R"({"error":"client 418"})"));
        // 500 matches neither 4\d{2} nor... the default catches it.
        RawResponse other = get("/prod/mock/500");
        QCOMPARE(other.status, 200);
    }

    void noMatchingResponseAndNoDefaultIsAConfigurationError()
    {
        RawResponse r = get("/prod/nomatch");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("InternalServerErrorException"));
    }

    void mockTemplateWithoutStatusCodeIsAConfigurationError()
    {
        RawResponse r = get("/prod/badmock");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
    }

    void httpIntegrationMapsParametersTemplatesAndResponses()
    {
        RawResponse r = send("POST", "/prod/items/a%2Fb?search=blue%20cat", "Content-Type: application/json\r\n",
                             R"({"name":"Rex","extra":1})");
        QCOMPARE(r.status, 200);
        // The backend got PUT (the integration's verb), the id encoded in its path, q from the
        // query string mapping; the response template read its JSON.
        // n and e come from two fields of the request body.
        QCOMPARE(r.body, QByteArray(R"(PUT /echo/a%2Fb q=e=1&n=Rex&q=blue%20cat body={"id":"a/b","name":"Rex"})"));
        QCOMPARE(r.header("X-Backend"), QByteArray("yes"));
        QCOMPARE(r.header("X-Method"), QByteArray("PUT"));
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
    }

    void httpIntegrationSendsMappedHeaders()
    {
        // With no response template the backend's body passes through: read what it received.
        RawResponse r = send("POST", "/draft/passthrough/when-no-match", "Content-Type: application/json\r\n", "{}");
        QCOMPARE(r.status, 200);
        base::Json echo = json(r.body);
        QCOMPARE(text(echo["body"]), QStringLiteral(R"({"templated":true})"));
        QCOMPARE(text(echo["headers"]["user-agent"]), QStringLiteral("AmazonAPIGateway_gwtest0001"));
        QCOMPARE(text(echo["headers"]["content-type"]), QStringLiteral("application/json"));

        RawResponse items = send("POST", "/prod/items/7", "Content-Type: application/json\r\n", R"({"name":"x"})");
        QCOMPARE(items.status, 200);
    }

    void httpStatusSelectsIntegrationResponse_data()
    {
        QTest::addColumn<int>("backendStatus");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("2xx default") << 201 << 200 << QByteArray(R"({"status":201})");
        QTest::newRow("4xx pattern") << 404 << 400 << QByteArray(R"({"status":404})");
        QTest::newRow("5xx pattern with template") << 503 << 502 << QByteArray(R"({"backendFailed":503})");
    }
    void httpStatusSelectsIntegrationResponse()
    {
        QFETCH(int, backendStatus);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        RawResponse r = get("/prod/status/" + QByteArray::number(backendStatus));
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
    }

    void httpProxyPassesEverythingThrough()
    {
        RawResponse r = send("DELETE", "/prod/proxy/a/b%20c?x=1&x=2", "X-Custom: hello\r\n", {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Backend"), QByteArray("yes"));
        base::Json echo = json(r.body);
        QCOMPARE(text(echo["method"]), QStringLiteral("DELETE"));
        QCOMPARE(text(echo["path"]), QStringLiteral("/echo/a/b%20c"));
        QCOMPARE(text(echo["query"]), QStringLiteral("x=1&x=2"));
        QCOMPARE(text(echo["headers"]["x-custom"]), QStringLiteral("hello"));
        QCOMPARE(text(echo["headers"]["x-forwarded-for"]), QStringLiteral("127.0.0.1"));
        QVERIFY(!echo["headers"].contains("connection") || echo["headers"]["connection"] != "close");

        RawResponse status = get("/prod/proxy/../status/404");
        QVERIFY(status.status == 200 || status.status == 404);
    }

    void binaryBodiesPassThroughProxiesUnchanged()
    {
        QByteArray bytes;
        for (int i = 0; i < 256; ++i)
            bytes.append(char(i));
        RawResponse r = send("POST", "/prod/proxy/raw", "Content-Type: application/octet-stream\r\n", bytes);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, bytes);
    }

    void contentHandlingConvertsPayloads()
    {
        // CONVERT_TO_TEXT on the request: a binary payload reaches the backend as base64.
        const QByteArray bytes("\x00\x01\x02\xff", 4);
        RawResponse text = send("POST", "/prod/convert-to-text", "Content-Type: application/octet-stream\r\n", bytes);
        QCOMPARE(text.status, 200);
        QCOMPARE(text.body, bytes.toBase64());
        // CONVERT_TO_BINARY on the integration response: base64 from the backend reaches the client decoded.
        RawResponse binary = send("POST", "/prod/convert-to-binary", "Content-Type: text/plain\r\n", bytes.toBase64());
        QCOMPARE(binary.status, 200);
        QCOMPARE(binary.body, bytes);
    }

    void integrationTimeoutGives504()
    {
        QElapsedTimer timer;
        timer.start();
        RawResponse r = get("/prod/slow");
        QCOMPARE(r.status, 504);
        QCOMPARE(r.body, QByteArray(R"({"message":"Endpoint request timed out"})"));
        QVERIFY(timer.elapsed() < 1500);
    }

    void unreachableBackendGives500()
    {
        RawResponse r = get("/prod/down");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
    }

    void passthroughBehaviours_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("backendBody");
        QTest::newRow("NEVER, template matches") << QByteArray("never") << QByteArray("application/json") << 200 << QByteArray(R"({"templated":true})");
        QTest::newRow("NEVER, no match") << QByteArray("never") << QByteArray("text/plain") << 415 << QByteArray();
        QTest::newRow("WHEN_NO_TEMPLATES, no match") << QByteArray("when-no-templates") << QByteArray("text/plain") << 415 << QByteArray();
        QTest::newRow("WHEN_NO_MATCH, no match passes through") << QByteArray("when-no-match") << QByteArray("text/plain") << 200 << QByteArray("raw text");
        QTest::newRow("no Content-Type means application/json") << QByteArray("never") << QByteArray() << 200 << QByteArray(R"({"templated":true})");
        QTest::newRow("media type parameters ignored") << QByteArray("never") << QByteArray("application/json; charset=utf-8") << 200 << QByteArray(R"({"templated":true})");
        QTest::newRow("NEVER without templates") << QByteArray("no-templates-never") << QByteArray("application/json") << 415 << QByteArray();
    }
    void passthroughBehaviours()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, contentType);
        QFETCH(int, status);
        QFETCH(QByteArray, backendBody);
        const QByteArray headers = contentType.isEmpty() ? QByteArray() : "Content-Type: " + contentType + "\r\n";
        RawResponse r = send("POST", "/prod/passthrough/" + path, headers, "raw text");
        QCOMPARE(r.status, status);
        if (status == 415) {
            QCOMPARE(r.body, QByteArray(R"({"message":"Unsupported Media Type"})"));
            return;
        }
        QCOMPARE(QByteArray::fromStdString(json(r.body)["body"].get<std::string>()), backendBody);
    }

    void requiredParametersAreValidated()
    {
        RawResponse missing = get("/prod/validated");
        QCOMPARE(missing.status, 400);
        QCOMPARE(missing.body, QByteArray(R"({"message":"Missing required request parameters: [X-Key, q]"})"));
        QCOMPARE(missing.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
        RawResponse ok = get("/prod/validated?q=1", "x-key: k\r\n");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, QByteArray(R"({"valid":true})"));
    }

    void bodyIsValidatedAgainstTheRequestModel_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("valid") << QByteArray(R"({"name":"Rex","tag":"dog"})") << 200 << QString();
        QTest::newRow("missing required property") << QByteArray(R"({"tag":"dog"})") << 400 << QStringLiteral("name");
        QTest::newRow("referenced model violated") << QByteArray(R"({"name":"Rex","tag":"toolongtag"})") << 400 << QStringLiteral("tag");
        QTest::newRow("not JSON") << QByteArray("{name") << 400 << QStringLiteral("[Unknown error parsing request body]");
    }
    void bodyIsValidatedAgainstTheRequestModel()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, detail);
        RawResponse r = send("POST", "/prod/pets", "Content-Type: application/json\r\n", body);
        QCOMPARE(r.status, status);
        if (status == 200) {
            QCOMPARE(r.body, QByteArray(R"({"created":true})"));
            return;
        }
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("BadRequestException"));
        const base::Json json = base::Json::parse(r.body.toStdString(), nullptr, false);
        QCOMPARE(text(json["message"]), QStringLiteral("Invalid request body"));
        QVERIFY2(text(json["detail"]).contains(detail), r.body.constData());
    }

    void responseOverrideSetsStatusAndHeaders()
    {
        RawResponse r = get("/prod/override");
        QCOMPARE(r.status, 418);
        QCOMPARE(r.header("X-Over"), QByteArray("yes"));
        QCOMPARE(r.body, QByteArray("teapot"));
    }

    void lambdaWithoutLocalFunctionsIsAConfigurationError()
    {
        RawResponse r = send("POST", "/prod/lambda", "Content-Type: application/json\r\n", "{}");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
    }

    void payloadOverTenMegabytesIsRefused()
    {
        RawHttpClient client(m_server->port());
        auto r = client.request("POST /prod/items/1 HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n\r\n");
        QVERIFY(r);
        QCOMPARE(r->status, 413);
        QCOMPARE(r->body, QByteArray(R"({"message":"Request Too Long"})"));
    }

    void executionLogFollowsTheConsoleOrder()
    {
        auto subscription = m_gateway->traces().subscribe();
        RawResponse r = send("POST", "/prod/items/42?search=x", "Content-Type: application/json\r\n", R"({"name":"n"})");
        QCOMPARE(r.status, 200);
        std::vector<runtime::ExchangePtr> exchanges;
        // take() empties the queue and QTRY evaluates its condition more than once: collect.
        const auto collect = [&] {
            for (auto &e : subscription->take())
                exchanges.push_back(e);
            return !exchanges.empty();
        };
        QTRY_VERIFY(collect());
        m_gateway->traces().unsubscribe(subscription);
        const runtime::Exchange &exchange = *exchanges.front();
        QCOMPARE(exchange.requestId, QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(exchange.resourcePath, QStringLiteral("/items/{id}"));
        QCOMPARE(exchange.integrationType, QStringLiteral("HTTP"));
        QCOMPARE(exchange.response.status, 200);
        const QStringList expectedStarts = {
            QStringLiteral("Verifying Usage Plan for request: %1. API Key:  API Stage: gwtest0001/prod").arg(exchange.requestId),
            QStringLiteral("API Key  authorized because method 'POST /items/{id}' does not require API Key. Request will not "
                           "contribute to throttle or quota limits"),
            QStringLiteral("Starting execution for request: ") + exchange.requestId,
            QStringLiteral("HTTP Method: POST, Resource Path: /items/42"),
            QStringLiteral("Method request path: {id=42}"),
            QStringLiteral("Method request query string: {search=x}"),
            QStringLiteral("Method request headers: {"),
            QStringLiteral("Method request body before transformations: {\"name\":\"n\"}"),
            QStringLiteral("Endpoint request URI: http://127.0.0.1:"),
            QStringLiteral("Endpoint request headers: {"),
            QStringLiteral("Endpoint request body after transformations: {\"id\":\"42\",\"name\":\"n\"}"),
            QStringLiteral("Sending request to http://127.0.0.1:"),
            QStringLiteral("Received response. Status: 200, Integration latency: "),
            QStringLiteral("Endpoint response headers: {"),
            QStringLiteral("Endpoint response body before transformations: {"),
            QStringLiteral("Method response body after transformations: PUT /echo/42"),
            QStringLiteral("Method response headers: {"),
            QStringLiteral("Successfully completed execution"),
            QStringLiteral("Method completed with status: 200"),
        };
        QCOMPARE(exchange.lines.size(), size_t(expectedStarts.size()));
        for (qsizetype i = 0; i < expectedStarts.size(); ++i)
            QVERIFY2(exchange.lines[size_t(i)].text.startsWith(expectedStarts[i]), qPrintable(exchange.lines[size_t(i)].text));
        const QString log = exchange.executionLog();
        QVERIFY(log.startsWith(QStringLiteral("Execution log for request ") + exchange.requestId + QLatin1Char('\n')));
        static const QRegularExpression timestamp(QStringLiteral("^\\w{3} \\w{3} \\d{2} \\d{2}:\\d{2}:\\d{2} UTC \\d{4} : Verifying Usage Plan"));
        QVERIFY2(timestamp.match(log.section(QLatin1Char('\n'), 1, 1)).hasMatch(), qPrintable(log.section(QLatin1Char('\n'), 1, 1)));
    }

    void redeployTakesEffectForTheNextRequest()
    {
        model::Project project;
        project.api = buildApi(QStringLiteral("v3"));
        std::vector<base::Diagnostic> problems;
        runtime::DraftStage draft;
        draft.name = QStringLiteral("prod");
        m_gateway->setStages(runtime::stagesFromProject(project, draft, problems));
        QCOMPARE(text(json(get("/prod/").body)["version"]), QStringLiteral("v3"));
        QCOMPARE(get("/draft/").status, 403);
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
