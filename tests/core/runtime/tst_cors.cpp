// An API on which "Enable CORS" was run (model::CorsConfigurator), served for real: the preflight
// gets the OPTIONS MOCK method's three headers, the chosen methods' 200 responses carry
// Access-Control-Allow-Origin and nothing else does, a proxy integration passes its backend's own
// header, and with the gateway-response option the gateway's errors carry the headers too.
#include "model/corsconfigurator.h"
#include "runtime/gateway.h"
#include "runtime/projectstages.h"

#include "http/server.h"

#include "../../support/rawhttpclient.h"
#include "../../support/runtimefixtures.h"

#include <QTest>

using namespace portico;
using portico::test::json;
using portico::test::lambdaUri;
using portico::test::resource;
using portico::test::text;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

const QByteArray kAllowHeaders = "Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token,X-Custom";

// The backend of the HTTP and HTTP_PROXY integrations; it sends its own CORS header, as a proxy
// integration's backend must.
class Backend : public http::RequestHandler
{
public:
    void handle(http::Request request, http::Responder respond) override
    {
        http::Response response;
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Access-Control-Allow-Origin", "https://from-backend.example");
        response.body = "{\"backend\":\"" + request.method + "\"}";
        respond.send(response);
    }
};

// A MOCK method whose request template answers `status`, with a 200 and a 404 response.
model::Method mock(const QString &verb, int status)
{
    model::Method m;
    m.httpMethod = verb;
    model::Integration i;
    i.type = model::IntegrationType::Mock;
    i.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": %1}").arg(status);
    for (const QString &code : {QStringLiteral("200"), QStringLiteral("404")}) {
        m.methodResponses[code].statusCode = code;
        i.integrationResponses[code].statusCode = code;
        i.integrationResponses[code].responseTemplates[QStringLiteral("application/json")] =
            QStringLiteral("{\"status\":%1}").arg(code);
    }
    i.integrationResponses[QStringLiteral("404")].selectionPattern = QStringLiteral("404");
    m.integration = i;
    return m;
}

model::Method http(const QString &verb, model::IntegrationType type, const QString &uri)
{
    model::Method m;
    m.httpMethod = verb;
    model::Integration i;
    i.type = type;
    i.httpMethod = QStringLiteral("GET");
    i.uri = uri;
    if (type == model::IntegrationType::Http) {
        m.methodResponses[QStringLiteral("200")].statusCode = QStringLiteral("200");
        i.integrationResponses[QStringLiteral("200")].statusCode = QStringLiteral("200");
    }
    m.integration = i;
    return m;
}

model::RestApi buildApi(quint16 backendPort)
{
    const QString backend = QStringLiteral("http://127.0.0.1:%1/").arg(backendPort);
    model::RestApi api;
    api.id = QStringLiteral("c0rstest01");
    api.name = QStringLiteral("CORS test");
    api.resources.push_back(resource(QStringLiteral("root"), {}, {}));

    model::Resource items = resource(QStringLiteral("items"), QStringLiteral("root"), QStringLiteral("items"));
    items.methods[QStringLiteral("GET")] = http(QStringLiteral("GET"), model::IntegrationType::Http, backend);
    items.methods[QStringLiteral("PUT")] = mock(QStringLiteral("PUT"), 200);
    items.methods[QStringLiteral("DELETE")] = mock(QStringLiteral("DELETE"), 404);
    model::Method broken = mock(QStringLiteral("POST"), 200);
    broken.integration->requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": \"x\"}");
    items.methods[QStringLiteral("POST")] = broken;
    api.resources.push_back(items);

    model::Resource proxy = resource(QStringLiteral("proxy"), QStringLiteral("root"), QStringLiteral("proxy"));
    proxy.methods[QStringLiteral("ANY")] = http(QStringLiteral("ANY"), model::IntegrationType::HttpProxy, backend);
    api.resources.push_back(proxy);

    model::Resource plain = resource(QStringLiteral("plain"), QStringLiteral("root"), QStringLiteral("plain"));
    plain.methods[QStringLiteral("GET")] = mock(QStringLiteral("GET"), 200);
    api.resources.push_back(plain);
    return api;
}

} // namespace

class TestCors : public QObject
{
    Q_OBJECT

    Backend m_backendHandler;
    std::unique_ptr<http::Server> m_backend;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;

    RawResponse send(const QByteArray &method, const QByteArray &target, const QByteArray &headers = {})
    {
        RawHttpClient client(m_server->port());
        return client.request(rawRequest(method, target, "Origin: https://app.example\r\n" + headers)).value_or(RawResponse());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = std::make_unique<http::Server>(m_backendHandler);
        QVERIFY(m_backend->start().ok());
        model::Project project;
        project.api = buildApi(m_backend->port());
        model::CorsOptions options;
        options.methods = {QStringLiteral("GET"), QStringLiteral("PUT"), QStringLiteral("DELETE"), QStringLiteral("POST")};
        options.extraAllowHeaders = {QStringLiteral("X-Custom")};
        options.allowOrigin = QStringLiteral("https://app.example");
        options.gatewayResponses = true;
        QVERIFY(model::CorsConfigurator(project.api).enable(QStringLiteral("items"), options).ok());
        const auto proxied = model::CorsConfigurator(project.api).enable(QStringLiteral("proxy"), {});
        QVERIFY(proxied.ok());
        QCOMPARE(proxied->notes.size(), qsizetype(1));
        // Without the option, this second run leaves the gateway responses as the first one set them.

        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(project, runtime::DraftStage(), problems);
        QVERIFY(problems.empty());
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

    // What a browser sends before a PUT with a custom header, and what it needs back.
    void preflightGetsTheThreeHeaders()
    {
        const RawResponse r = send("OPTIONS", "/draft/items",
                                   "Access-Control-Request-Method: PUT\r\n"
                                   "Access-Control-Request-Headers: content-type,x-custom\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("DELETE,GET,OPTIONS,POST,PUT"));
        QCOMPARE(r.header("Access-Control-Allow-Headers"), kAllowHeaders);
        QCOMPARE(r.header("Content-Type"), QByteArray("application/json"));
        QCOMPARE(r.body, QByteArray());
    }

    void onlyTheChosenMethods200ResponsesCarryTheOrigin_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("origin");
        QTest::newRow("HTTP integration") << QByteArray("GET") << QByteArray("/draft/items") << 200 << QByteArray("https://app.example");
        QTest::newRow("MOCK") << QByteArray("PUT") << QByteArray("/draft/items") << 200 << QByteArray("https://app.example");
        QTest::newRow("a 404 response, as the console leaves it") << QByteArray("DELETE") << QByteArray("/draft/items") << 404 << QByteArray();
        QTest::newRow("a resource without CORS") << QByteArray("GET") << QByteArray("/draft/plain") << 200 << QByteArray();
        QTest::newRow("a proxy's backend sends its own") << QByteArray("GET") << QByteArray("/draft/proxy") << 200
                                                        << QByteArray("https://from-backend.example");
    }
    void onlyTheChosenMethods200ResponsesCarryTheOrigin()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, origin);
        const RawResponse r = send(method, target);
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), origin);
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray());
    }

    // The OPTIONS MOCK method takes the preflight before the proxy's ANY method would.
    void preflightOnAProxyResourceIsAnsweredByTheMock()
    {
        const RawResponse r = send("OPTIONS", "/draft/proxy", "Access-Control-Request-Method: DELETE\r\n");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("*"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT"));
        QCOMPARE(r.body, QByteArray());
    }

    void gatewayErrorsCarryTheHeaders_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("DEFAULT_4XX: no route") << QByteArray("GET") << QByteArray("/draft/nothing") << 403
                                               << QByteArray("{\"message\":\"Missing Authentication Token\"}");
        QTest::newRow("DEFAULT_4XX: a preflight where CORS is not enabled") << QByteArray("OPTIONS") << QByteArray("/draft/plain") << 403
                                                                            << QByteArray("{\"message\":\"Missing Authentication Token\"}");
        QTest::newRow("DEFAULT_5XX: a broken template") << QByteArray("POST") << QByteArray("/draft/items") << 500
                                                        << QByteArray("{\"message\":\"Internal server error\"}");
    }
    void gatewayErrorsCarryTheHeaders()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const RawResponse r = send(method, target);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("Access-Control-Allow-Origin"), QByteArray("https://app.example"));
        QCOMPARE(r.header("Access-Control-Allow-Methods"), QByteArray("DELETE,GET,OPTIONS,POST,PUT"));
        QCOMPARE(r.header("Access-Control-Allow-Headers"), kAllowHeaders);
    }
};

QTEST_GUILESS_MAIN(TestCors)
#include "tst_cors.moc"
