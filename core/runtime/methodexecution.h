// The pipeline for one request, in API Gateway's order: route, method request checks,
// integration request (parameter mapping, template, passthrough), the integration (MOCK, HTTP,
// HTTP_PROXY, Lambda), integration response selection and mapping, method response. Lives
// until the integration answers (asynchronously for HTTP backends), then answers the client once,
// records the execution log and publishes the exchange.
#pragma once

#include "authorizers.h"
#include "exchange.h"
#include "httpbackend.h"
#include "parametermapping.h"
#include "servedstage.h"

#include "http/responder.h"

#include <QElapsedTimer>

#include <memory>

namespace portico::runtime {

class TraceBus;

class MethodExecution : public std::enable_shared_from_this<MethodExecution>
{
public:
    MethodExecution(std::shared_ptr<const ServedStage> stage, http::Request request, QString pathAfterStage,
                    http::Responder responder, TraceBus &traces, QString apiId);

    void run();

private:
    struct IntegrationRequest
    {
        QByteArray body;
        bool rendered = false;
        NamedStrings headers;
        NamedStrings query;
        NamedStrings path;
    };

    void log(const QString &line);
    bool detailed() const { return m_detailed; }
    // The method's authorizer (Lambda or Cognito), or the AWS_IAM pass-through; then runMethod().
    void authorize();
    void onAuthorized(AuthorizerDecision decision);
    // Everything after authorization: usage plan, validation, the integration.
    void runMethod(const QString &usageIdentifierKey);
    // API keys and usage plans (throttle, quota) and the stage's method throttling.
    // `usageIdentifierKey`: the key a Lambda authorizer returned, for APIs whose key source is AUTHORIZER.
    bool checkUsagePlan(const model::Method &method, const QString &usageIdentifierKey);
    bool checkRequiredParameters();
    // The body against the method's request model for its content type (JSON Schema draft-04).
    bool checkRequestBody();
    std::optional<IntegrationRequest> buildIntegrationRequest();
    void callMock(const IntegrationRequest &request);
    void callHttp(const IntegrationRequest &request, bool proxy);
    void onHttpResult(BackendResponse result, bool proxy);
    void callLambda(const IntegrationRequest &request, const QString &uri, bool proxy);
    void onLambdaResult(InvocationResult result, bool proxy);
    // The Lambda proxy event, payload format 1.0.
    QByteArray proxyEvent() const;
    // The proxy response contract; nothing when the result is malformed (AWS then answers 502).
    std::optional<http::Response> proxyResponse(const QByteArray &payload) const;
    void applyIntegrationResponse(const IntegrationResult &result, const QString &selectionInput, bool defaultOnly = false);
    // `status` replaces the gateway response's own (502 for Lambda errors, as AWS answers).
    void failWith(const QString &type, const QString &logLine, const std::optional<QString> &message = std::nullopt,
                  std::optional<int> status = std::nullopt, const QString &validationError = QString());
    void respond(http::Response response, bool addTraceId, bool completed);
    MappingSources sources(const IntegrationResult *integration = nullptr) const;
    vtl::Variables templateVariables(const QByteArray &body, const CompiledTemplate &forTemplate) const;
    QUrl integrationUrl(const IntegrationRequest &request, bool proxy) const;
    // Whether a media type is one of the API's binaryMediaTypes (wildcards allowed).
    bool isBinaryMediaType(const QString &mediaType) const;

    std::shared_ptr<const ServedStage> m_stage;
    http::Request m_http;
    QString m_pathAfterStage;
    http::Responder m_responder;
    TraceBus &m_traces;
    QString m_apiId;
    bool m_detailed = false;
    QElapsedTimer m_clock;
    qint64 m_integrationStartUs = 0;

    Exchange m_exchange;
    MethodRequest m_request;
    RequestContext m_context;
    const CompiledMethod *m_method = nullptr;
    const model::Resource *m_resource = nullptr;
};

// Ids as AWS writes them: a UUID for the request id, 16 base64 characters for the extended one.
RequestIdentity newRequestIdentity();

} // namespace portico::runtime
