// Every gateway response type with AWS's default status and body (the table in
// ../shared/docs/aws-extensions.md, section 6), and the precedence AWS applies: the API's own
// response of that type, else its DEFAULT_4XX / DEFAULT_5XX, else the built-in default; status,
// headers (static and from the method request) and templates that see $context.error.*.
#include "runtime/gatewayresponses.h"

#include <QTest>

using namespace portico;

namespace {

struct Built
{
    int status = 0;
    QByteArray body;
    QByteArray errorType;
    http::Response response;
};

Built build(const runtime::GatewayResponses &responses, const QString &type, const runtime::MethodRequest &request = {},
            const std::optional<QString> &message = std::nullopt)
{
    runtime::RequestContext::Fields fields;
    fields.stage = QStringLiteral("dev");
    runtime::RequestContext context(fields, request);
    runtime::MappingSources sources;
    sources.request = &request;
    sources.context = &context;
    const runtime::NamedStrings stageVariables = {{QStringLiteral("team"), QStringLiteral("blue")}};
    sources.stageVariables = &stageVariables;
    Built b;
    b.response = responses.build(type, context, sources, message, QStringLiteral("detail"));
    b.status = b.response.status;
    b.body = b.response.body;
    b.errorType = b.response.header("x-amzn-ErrorType");
    return b;
}

} // namespace

class TestGatewayResponses : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaults_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const auto row = [](const char *type, int status, const char *body) {
            QTest::newRow(type) << QString::fromLatin1(type) << status << QByteArray(body);
        };
        row("MISSING_AUTHENTICATION_TOKEN", 403, R"({"message":"Missing Authentication Token"})");
        row("RESOURCE_NOT_FOUND", 404, R"({"message":"Resource not found"})");
        row("INVALID_API_KEY", 403, R"({"message":"Forbidden"})");
        row("QUOTA_EXCEEDED", 429, R"({"message":"Limit Exceeded"})");
        row("THROTTLED", 429, R"({"message":"Too Many Requests"})");
        row("UNAUTHORIZED", 401, R"({"message":"Unauthorized"})");
        row("ACCESS_DENIED", 403, R"({"Message":"User is not authorized to access this resource with an explicit deny"})");
        row("AUTHORIZER_FAILURE", 500, R"({"message":null})");
        row("AUTHORIZER_CONFIGURATION_ERROR", 500, R"({"message":null})");
        row("EXPIRED_TOKEN", 403, R"({"message":"The security token included in the request is expired"})");
        row("INVALID_SIGNATURE", 403, R"({"message":"The request signature we calculated does not match the signature you provided."})");
        row("BAD_REQUEST_PARAMETERS", 400, R"({"message":"Missing required request parameters"})");
        row("BAD_REQUEST_BODY", 400, R"({"message":"Invalid request body"})");
        row("UNSUPPORTED_MEDIA_TYPE", 415, R"({"message":"Unsupported Media Type"})");
        row("REQUEST_TOO_LARGE", 413, R"({"message":"Request Too Long"})");
        row("INTEGRATION_FAILURE", 500, R"({"message":"Internal server error"})");
        row("INTEGRATION_TIMEOUT", 504, R"({"message":"Endpoint request timed out"})");
        row("API_CONFIGURATION_ERROR", 500, R"({"message":"Internal server error"})");
        row("WAF_FILTERED", 403, R"({"message":"Forbidden"})");
    }

    void defaults()
    {
        QFETCH(QString, type);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const Built b = build(runtime::GatewayResponses(), type);
        QCOMPARE(b.status, status);
        QCOMPARE(b.body, body);
        QVERIFY(!b.errorType.isEmpty());
        QCOMPARE(b.response.header("Content-Type"), QByteArray("application/json"));
    }

    void messageOverrideForMissingParameters()
    {
        const Built b = build(runtime::GatewayResponses(), QStringLiteral("BAD_REQUEST_PARAMETERS"), {},
                              QStringLiteral("Missing required request parameters: [q1, h2]"));
        QCOMPARE(b.body, QByteArray(R"({"message":"Missing required request parameters: [q1, h2]"})"));
    }

    void customisedTypeThenDefault4xxThenBuiltIn()
    {
        model::GatewayResponse unauthorized;
        unauthorized.responseType = QStringLiteral("UNAUTHORIZED");
        unauthorized.statusCode = QStringLiteral("418");
        unauthorized.responseParameters[QStringLiteral("gatewayresponse.header.WWW-Authenticate")] = QStringLiteral("'Bearer'");
        unauthorized.responseTemplates[QStringLiteral("application/json")] =
            QStringLiteral(R"({"why":$context.error.messageString,"type":"$context.error.responseType","stage":"$context.stage","team":"$stageVariables.team"})");
        model::GatewayResponse any4xx;
        any4xx.responseType = QStringLiteral("DEFAULT_4XX");
        any4xx.responseParameters[QStringLiteral("gatewayresponse.header.X-Request-Trace")] = QStringLiteral("method.request.header.X-Trace");
        any4xx.responseTemplates[QStringLiteral("application/json")] =
            QStringLiteral(R"({"error":$context.error.messageString,"detail":"$context.error.validationErrorString"})");
        const runtime::GatewayResponses responses({unauthorized, any4xx});

        Built own = build(responses, QStringLiteral("UNAUTHORIZED"));
        QCOMPARE(own.status, 418);
        QCOMPARE(own.response.header("WWW-Authenticate"), QByteArray("Bearer"));
        QCOMPARE(own.body, QByteArray(R"({"why":"Unauthorized","type":"UNAUTHORIZED","stage":"dev","team":"blue"})"));
        QCOMPARE(own.errorType, QByteArray("UnauthorizedException"));

        runtime::MethodRequest request;
        request.headers = {{QStringLiteral("X-Trace"), QStringLiteral("t-42")}};
        Built fallback = build(responses, QStringLiteral("BAD_REQUEST_BODY"), request);
        // DEFAULT_4XX gives its template and headers; the status stays the type's own.
        QCOMPARE(fallback.status, 400);
        QCOMPARE(fallback.body, QByteArray(R"({"error":"Invalid request body","detail":"detail"})"));
        QCOMPARE(fallback.response.header("X-Request-Trace"), QByteArray("t-42"));

        // A 5XX type is not touched by DEFAULT_4XX.
        Built server = build(responses, QStringLiteral("INTEGRATION_TIMEOUT"));
        QCOMPARE(server.status, 504);
        QCOMPARE(server.body, QByteArray(R"({"message":"Endpoint request timed out"})"));
        QCOMPARE(server.response.header("X-Request-Trace"), QByteArray());
    }

    void requestTooLargeKeepsItsStatus()
    {
        model::GatewayResponse any4xx;
        any4xx.responseType = QStringLiteral("DEFAULT_4XX");
        any4xx.statusCode = QStringLiteral("400");
        const Built b = build(runtime::GatewayResponses({any4xx}), QStringLiteral("REQUEST_TOO_LARGE"));
        QCOMPARE(b.status, 413);
    }
};

QTEST_GUILESS_MAIN(TestGatewayResponses)
#include "tst_gatewayresponses.moc"
