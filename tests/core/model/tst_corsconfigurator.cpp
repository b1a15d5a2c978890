// "Enable CORS" builds what the API Gateway console builds, is idempotent, updates on a second run
// with other options, and refuses what it cannot do without touching the API.
#include "model/corsconfigurator.h"
#include "model/linter.h"
#include "model/projectfile.h"

#include <QTest>

using namespace portico;
using namespace portico::model;

namespace {
const QString kPets = QStringLiteral("p3ts000001");
const QString kPetId = QStringLiteral("p3tid00001");
const QString kProxy = QStringLiteral("pr0xy00001");
const QString kDefaultHeaders = QStringLiteral("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");
const QString kOriginHeader = QStringLiteral("method.response.header.Access-Control-Allow-Origin");

QString q(const QString &s)
{
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

// The OPTIONS method the console creates, with the given header values.
Method consoleOptions(const QString &methods, const QString &headers, const QString &origin)
{
    Method m;
    m.httpMethod = QStringLiteral("OPTIONS");
    MethodResponse &mr = m.methodResponses[QStringLiteral("200")];
    mr.statusCode = QStringLiteral("200");
    mr.responseModels[QStringLiteral("application/json")] = QStringLiteral("Empty");
    mr.responseParameters = {{QStringLiteral("method.response.header.Access-Control-Allow-Headers"), false},
                             {QStringLiteral("method.response.header.Access-Control-Allow-Methods"), false},
                             {kOriginHeader, false}};
    Integration i;
    i.type = IntegrationType::Mock;
    i.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    IntegrationResponse &ir = i.integrationResponses[QStringLiteral("200")];
    ir.statusCode = QStringLiteral("200");
    ir.responseParameters = {{QStringLiteral("method.response.header.Access-Control-Allow-Headers"), q(headers)},
                             {QStringLiteral("method.response.header.Access-Control-Allow-Methods"), q(methods)},
                             {kOriginHeader, q(origin)}};
    m.integration = i;
    return m;
}

const GatewayResponse *gatewayResponse(const RestApi &api, const QString &type)
{
    for (const GatewayResponse &g : api.gatewayResponses) {
        if (g.responseType == type)
            return &g;
    }
    return nullptr;
}
} // namespace

class TestCorsConfigurator : public QObject
{
    Q_OBJECT

    RestApi m_sample;

    const Method &method(const RestApi &api, const QString &resource, const char *verb)
    {
        return api.findResource(resource)->methods.at(QString::fromLatin1(verb));
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = ProjectFile::load(QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json"));
        QVERIFY(loaded.ok());
        m_sample = loaded->api;
        QVERIFY(!m_sample.findResource(kPets)->methods.contains(QStringLiteral("OPTIONS")));
    }

    void createsTheConsolesOptionsMethod()
    {
        RestApi api = m_sample;
        const auto result = CorsConfigurator(api).enable(kPets, {});
        QVERIFY(result.ok());
        QCOMPARE(result->allowMethods, QStringLiteral("GET,OPTIONS,POST"));
        QCOMPARE(result->allowHeaders, kDefaultHeaders);
        QCOMPARE(result->allowOrigin, QStringLiteral("*"));
        QCOMPARE(result->notes, QStringList());
        QCOMPARE(method(api, kPets, "OPTIONS"), consoleOptions(QStringLiteral("GET,OPTIONS,POST"), kDefaultHeaders,
                                                               QStringLiteral("*")));
        QVERIFY(Linter::lintApi(api).empty());
    }

    // The chosen methods' 200 method and integration responses get the origin header; nothing else.
    void addsTheOriginToTheChosenMethods200Responses()
    {
        RestApi api = m_sample;
        CorsOptions options;
        options.methods = {QStringLiteral("get")};
        options.allowOrigin = QStringLiteral("https://app.example");
        const auto result = CorsConfigurator(api).enable(kPetId, options);
        QVERIFY(result.ok());
        QCOMPARE(result->allowMethods, QStringLiteral("GET,OPTIONS"));

        Method expected = method(m_sample, kPetId, "GET");
        expected.methodResponses[QStringLiteral("200")].responseParameters[kOriginHeader] = false;
        expected.integration->integrationResponses[QStringLiteral("200")].responseParameters[kOriginHeader] =
            QStringLiteral("'https://app.example'");
        QCOMPARE(method(api, kPetId, "GET"), expected);
        QVERIFY(!method(api, kPetId, "GET").methodResponses.at(QStringLiteral("404")).responseParameters.contains(kOriginHeader));
        QCOMPARE(method(api, kPetId, "PATCH"), method(m_sample, kPetId, "PATCH"));
        // Other resources and the gateway responses are left alone.
        QCOMPARE(*api.findResource(kPets), *m_sample.findResource(kPets));
        QCOMPARE(api.gatewayResponses, m_sample.gatewayResponses);
    }

    void enablingTwiceChangesNothing()
    {
        CorsOptions options;
        options.extraAllowHeaders = {QStringLiteral("X-Custom")};
        options.gatewayResponses = true;
        RestApi once = m_sample;
        QVERIFY(CorsConfigurator(once).enable(kPets, options).ok());
        RestApi twice = once;
        const auto again = CorsConfigurator(twice).enable(kPets, options);
        QVERIFY(again.ok());
        QVERIFY(twice == once);
    }

    void enablingAgainUpdatesTheValues()
    {
        RestApi api = m_sample;
        QVERIFY(CorsConfigurator(api).enable(kPets, {}).ok());
        CorsOptions options;
        options.methods = {QStringLiteral("POST")};
        options.extraAllowHeaders = {QStringLiteral("X-Custom"), QStringLiteral("x-trace")};
        options.allowOrigin = QStringLiteral("http://localhost:3000");
        const auto result = CorsConfigurator(api).enable(kPets, options);
        QVERIFY(result.ok());
        const QString headers = kDefaultHeaders + QStringLiteral(",X-Custom,x-trace");
        QCOMPARE(method(api, kPets, "OPTIONS"),
                 consoleOptions(QStringLiteral("OPTIONS,POST"), headers, QStringLiteral("http://localhost:3000")));
        QCOMPARE(method(api, kPets, "POST").integration->integrationResponses.at(QStringLiteral("200")).responseParameters.at(kOriginHeader),
                 QStringLiteral("'http://localhost:3000'"));
        // A method no longer chosen keeps what the first run gave it, as in the console.
        QCOMPARE(method(api, kPets, "GET").integration->integrationResponses.at(QStringLiteral("200")).responseParameters.at(kOriginHeader),
                 QStringLiteral("'*'"));
    }

    void keepsWhatTheUserAddedToAnExistingOptionsMethod()
    {
        RestApi api = m_sample;
        Method own = consoleOptions(QStringLiteral("GET"), QStringLiteral("X-Old"), QStringLiteral("*"));
        own.methodResponses[QStringLiteral("200")].responseParameters[QStringLiteral("method.response.header.Access-Control-Max-Age")] = false;
        own.integration->integrationResponses[QStringLiteral("200")].responseParameters[QStringLiteral("method.response.header.Access-Control-Max-Age")] =
            QStringLiteral("'600'");
        api.findResource(kPets)->methods[QStringLiteral("OPTIONS")] = own;
        QVERIFY(CorsConfigurator(api).enable(kPets, {}).ok());
        const Method &options = method(api, kPets, "OPTIONS");
        const auto &mapped = options.integration->integrationResponses.at(QStringLiteral("200")).responseParameters;
        QCOMPARE(mapped.at(QStringLiteral("method.response.header.Access-Control-Max-Age")), QStringLiteral("'600'"));
        QCOMPARE(mapped.at(QStringLiteral("method.response.header.Access-Control-Allow-Methods")), QStringLiteral("'GET,OPTIONS,POST'"));
        QCOMPARE(mapped.at(QStringLiteral("method.response.header.Access-Control-Allow-Headers")), q(kDefaultHeaders));
    }

    // ANY allows every verb; a proxy integration passes the backend's headers through, so it is
    // left alone with a note.
    void proxyIntegrationsAreLeftToTheBackend()
    {
        RestApi api = m_sample;
        const auto result = CorsConfigurator(api).enable(kProxy, {});
        QVERIFY(result.ok());
        QCOMPARE(result->allowMethods, QStringLiteral("DELETE,GET,HEAD,OPTIONS,PATCH,POST,PUT"));
        QCOMPARE(result->notes, QStringList{QStringLiteral("/{proxy+} ANY: HTTP_PROXY integration: API Gateway passes the "
                                                           "backend's response through, so the backend must send "
                                                           "Access-Control-Allow-Origin itself")});
        QCOMPARE(method(api, kProxy, "ANY"), method(m_sample, kProxy, "ANY"));
        QVERIFY(api.findResource(kProxy)->methods.contains(QStringLiteral("OPTIONS")));
    }

    void notesWhatItCannotDo()
    {
        RestApi api = m_sample;
        Method &post = api.findResource(kPets)->methods[QStringLiteral("POST")];
        post.integration->integrationResponses.clear();
        Method &options = api.findResource(kPets)->methods[QStringLiteral("OPTIONS")];
        options = consoleOptions(QStringLiteral("GET"), kDefaultHeaders, QStringLiteral("*"));
        options.apiKeyRequired = true;
        const auto result = CorsConfigurator(api).enable(kPets, {});
        QVERIFY(result.ok());
        QCOMPARE(result->notes,
                 (QStringList{QStringLiteral("/pets OPTIONS: needs an authorizer or an API key, which browsers never "
                                             "send with a preflight; preflights will fail"),
                              QStringLiteral("/pets POST: no integration response returns 200; map "
                                             "Access-Control-Allow-Origin on its responses by hand")}));
        QVERIFY(method(api, kPets, "POST").methodResponses.at(QStringLiteral("200")).responseParameters.contains(kOriginHeader));
    }

    void gatewayResponsesGetTheThreeHeaders()
    {
        RestApi api = m_sample;
        CorsOptions options;
        options.gatewayResponses = true;
        options.allowOrigin = QStringLiteral("https://app.example");
        QVERIFY(CorsConfigurator(api).enable(kPets, options).ok());
        const StringMap expectedHeaders = {
            {QStringLiteral("gatewayresponse.header.Access-Control-Allow-Headers"), q(kDefaultHeaders)},
            {QStringLiteral("gatewayresponse.header.Access-Control-Allow-Methods"), QStringLiteral("'GET,OPTIONS,POST'")},
            {QStringLiteral("gatewayresponse.header.Access-Control-Allow-Origin"), QStringLiteral("'https://app.example'")}};
        // The sample's own DEFAULT_4XX keeps its template; DEFAULT_5XX is created as the console does.
        const GatewayResponse *four = gatewayResponse(api, QStringLiteral("DEFAULT_4XX"));
        QVERIFY(four);
        QCOMPARE(four->responseParameters, expectedHeaders);
        QCOMPARE(four->responseTemplates, gatewayResponse(m_sample, QStringLiteral("DEFAULT_4XX"))->responseTemplates);
        const GatewayResponse *five = gatewayResponse(api, QStringLiteral("DEFAULT_5XX"));
        QVERIFY(five);
        QCOMPARE(five->statusCode, QString());
        QCOMPARE(five->responseParameters, expectedHeaders);
        QCOMPARE(five->responseTemplates,
                 (StringMap{{QStringLiteral("application/json"), QStringLiteral("{\"message\":$context.error.messageString}")}}));
        QVERIFY(Linter::lintApi(api).empty());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("resource");
        QTest::addColumn<QStringList>("methods");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("expected");
        const QString star = QStringLiteral("*");
        QTest::newRow("unknown resource") << QStringLiteral("nope") << QStringList() << QStringList() << star
                                          << QStringLiteral("error: resource nope: does not exist");
        QTest::newRow("missing method") << kPets << QStringList{QStringLiteral("DELETE")} << QStringList() << star
                                        << QStringLiteral("error: /pets DELETE: the method does not exist");
        QTest::newRow("not a verb") << kPets << QStringList{QStringLiteral("FETCH")} << QStringList() << star
                                    << QStringLiteral("error: /pets: \"FETCH\" is not one of GET, POST, PUT, PATCH, "
                                                      "DELETE, HEAD, OPTIONS, ANY");
        QTest::newRow("header with a space") << kPets << QStringList() << QStringList{QStringLiteral("X Custom")} << star
                                             << QStringLiteral("error: /pets: \"X Custom\" is not a header name");
        QTest::newRow("header with a quote") << kPets << QStringList() << QStringList{QStringLiteral("X-a'b")} << star
                                             << QStringLiteral("error: /pets: \"X-a'b\" is not a header name");
        const QString badOrigin = QStringLiteral("error: /pets: Access-Control-Allow-Origin \"%1\" is neither * nor an "
                                                 "origin such as https://app.example.com (scheme://host[:port], no path)");
        QTest::newRow("origin with a path") << kPets << QStringList() << QStringList()
                                            << QStringLiteral("https://app.example/")
                                            << badOrigin.arg(QStringLiteral("https://app.example/"));
        QTest::newRow("origin without scheme") << kPets << QStringList() << QStringList() << QStringLiteral("app.example")
                                               << badOrigin.arg(QStringLiteral("app.example"));
        QTest::newRow("empty origin") << kPets << QStringList() << QStringList() << QString() << badOrigin.arg(QString());
        QTest::newRow("two origins") << kPets << QStringList() << QStringList()
                                     << QStringLiteral("https://a.example,https://b.example")
                                     << badOrigin.arg(QStringLiteral("https://a.example,https://b.example"));
    }
    void refusals()
    {
        QFETCH(QString, resource);
        QFETCH(QStringList, methods);
        QFETCH(QStringList, headers);
        QFETCH(QString, origin);
        QFETCH(QString, expected);
        RestApi api = m_sample;
        CorsOptions options;
        options.methods = methods;
        options.extraAllowHeaders = headers;
        options.allowOrigin = origin;
        options.gatewayResponses = true;
        const auto result = CorsConfigurator(api).enable(resource, options);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().toString(), expected);
        QVERIFY(api == m_sample);
    }

    void refusesAnOptionsMethodThatIsNotMock()
    {
        RestApi api = m_sample;
        Method options = method(api, kPets, "GET");
        options.httpMethod = QStringLiteral("OPTIONS");
        api.findResource(kPets)->methods[QStringLiteral("OPTIONS")] = options;
        const RestApi before = api;
        const auto result = CorsConfigurator(api).enable(kPets, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().toString(), QStringLiteral("error: /pets OPTIONS: the method has a HTTP integration; CORS "
                                                           "answers preflights with a MOCK one, so delete it first"));
        QVERIFY(api == before);
    }
};

QTEST_GUILESS_MAIN(TestCorsConfigurator)
#include "tst_corsconfigurator.moc"
