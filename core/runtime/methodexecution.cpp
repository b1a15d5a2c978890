#include "methodexecution.h"

#include "eventrequestcontext.h"
#include "iampolicy.h"
#include "jsonwriter.h"
#include "tracebus.h"

#include "base/json.h"
#include "mapping/inputobject.h"
#include "mapping/utilobject.h"
#include "model/enums.h"

#include <QLocale>
#include <QRandomGenerator>

#include <random>
#include <set>

namespace portico::runtime {

namespace {

std::mt19937_64 &threadRandom()
{
    thread_local std::mt19937_64 random(QRandomGenerator::system()->generate64());
    return random;
}

QString stringOfHeaders(const NamedStrings &headers)
{
    return javaMapString(headers);
}

// "application/json; charset=utf-8" -> "application/json"; none -> application/json, as AWS assumes.
QString mediaTypeOf(const std::optional<QString> &contentType)
{
    if (!contentType || contentType->trimmed().isEmpty())
        return QStringLiteral("application/json");
    return contentType->section(QLatin1Char(';'), 0, 0).trimmed().toLower();
}

// API Gateway's content handling (aws-extensions.md 4.7): CONVERT_TO_TEXT base64-encodes a
// binary payload, CONVERT_TO_BINARY base64-decodes a text one; unset passes it through.
QByteArray convertContent(const QByteArray &payload, bool binary, const std::optional<model::ContentHandling> &handling)
{
    if (!handling)
        return payload;
    if (*handling == model::ContentHandling::ConvertToText)
        return binary ? payload.toBase64() : payload;
    if (binary)
        return payload;
    auto decoded = QByteArray::fromBase64Encoding(payload);
    return decoded ? *decoded : payload;
}

QString integrationTypeName(model::IntegrationType type)
{
    return model::enumName(type);
}

QString encodePathValue(const QString &value, bool keepSlashes)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, keepSlashes ? QByteArray("/") : QByteArray()));
}

// The Date header changes once a second: format it once a second per thread.
QByteArray httpDate()
{
    thread_local qint64 cachedSecond = -1;
    thread_local QByteArray cached;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const qint64 second = now.toSecsSinceEpoch();
    if (second != cachedSecond) {
        cachedSecond = second;
        cached = QLocale::c().toString(now, QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
    }
    return cached;
}

} // namespace

RequestIdentity newRequestIdentity()
{
    std::mt19937_64 &random = threadRandom();
    const quint64 a = random();
    const quint64 b = random();
    // A version 4 UUID from 122 random bits.
    static const char digits[] = "0123456789abcdef";
    char text[36];
    int at = 0;
    for (int i = 0; i < 32; ++i) {
        if (i == 8 || i == 12 || i == 16 || i == 20)
            text[at++] = '-';
        const quint64 word = i < 16 ? a : b;
        int nibble = int((word >> ((15 - (i % 16)) * 4)) & 0xf);
        if (i == 12)
            nibble = 4;              // version 4
        else if (i == 16)
            nibble = 8 | (nibble & 3); // variant 10xx
        text[at++] = digits[nibble];
    }
    const QString uuid = QString::fromLatin1(text, 36);
    QByteArray raw(11, Qt::Uninitialized);
    quint64 c = random();
    for (int i = 0; i < 11; ++i, c >>= 8)
        raw[i] = char(c & 0xff);
    RequestIdentity ids;
    ids.requestId = uuid;
    ids.extendedRequestId = QString::fromLatin1(raw.toBase64().left(15) + '=');
    ids.time = QDateTime::currentDateTimeUtc();
    return ids;
}

MethodExecution::MethodExecution(std::shared_ptr<const ServedStage> stage, http::Request request, QString pathAfterStage,
                                 http::Responder responder, TraceBus &traces, QString apiId)
    : m_stage(std::move(stage)), m_http(std::move(request)), m_pathAfterStage(std::move(pathAfterStage)),
      m_responder(std::move(responder)), m_traces(traces), m_apiId(std::move(apiId))
{
    m_clock.start();
    m_detailed = m_traces.hasSubscribers();
}

void MethodExecution::log(const QString &line)
{
    if (m_detailed)
        m_exchange.lines.push_back({m_clock.nsecsElapsed() / 1000, line});
}

MappingSources MethodExecution::sources(const IntegrationResult *integration) const
{
    MappingSources s;
    s.request = &m_request;
    s.context = &m_context;
    s.stageVariables = &m_stage->variables;
    s.integration = integration;
    return s;
}

vtl::Variables MethodExecution::templateVariables(const QByteArray &body, const CompiledTemplate &forTemplate) const
{
    vtl::Variables variables;
    if (forTemplate.usesUtil) {
        static const vtl::Value util = vtl::HostPtr(std::make_shared<mapping::UtilObject>());
        variables.insert(QStringLiteral("util"), util);
    }
    if (forTemplate.usesContext)
        variables.insert(QStringLiteral("context"), m_context.value());
    if (forTemplate.usesStageVariables) {
        auto stageVariables = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
        for (const auto &[name, value] : m_stage->variables)
            stageVariables->put(name, value);
        variables.insert(QStringLiteral("stageVariables"), vtl::Value(stageVariables));
    }
    if (!forTemplate.usesInput)
        return variables;
    mapping::RequestParameters parameters;
    parameters.path = m_request.pathParameters;
    // Single-value maps keep the last of repeated names, as API Gateway's do.
    for (const auto &[name, value] : m_request.query) {
        auto it = std::find_if(parameters.querystring.begin(), parameters.querystring.end(),
                               [&](const auto &p) { return p.first == name; });
        if (it == parameters.querystring.end())
            parameters.querystring.emplace_back(name, value);
        else
            it->second = value;
    }
    for (const auto &[name, value] : m_request.headers) {
        auto it = std::find_if(parameters.header.begin(), parameters.header.end(),
                               [&](const auto &p) { return p.first.compare(name, Qt::CaseInsensitive) == 0; });
        if (it == parameters.header.end())
            parameters.header.emplace_back(name, value);
        else
            it->second = value;
    }
    variables.insert(QStringLiteral("input"),
                     vtl::HostPtr(std::make_shared<mapping::InputObject>(body, std::move(parameters))));
    return variables;
}

void MethodExecution::run()
{
    const RequestIdentity ids = newRequestIdentity();
    m_exchange.requestId = ids.requestId;
    m_exchange.extendedRequestId = ids.extendedRequestId;
    m_exchange.startedAt = ids.time;
    m_exchange.stage = m_stage->name;
    m_exchange.httpMethod = QString::fromLatin1(m_http.method);
    m_exchange.path = m_pathAfterStage;
    m_request = MethodRequest::fromHttp(m_http, m_pathAfterStage);

    const CompiledApi &api = *m_stage->api;
    const std::optional<RouteMatch> match = api.routes().match(m_request.httpMethod, m_pathAfterStage.toUtf8());

    RequestContext::Fields fields;
    fields.ids = ids;
    fields.apiId = m_apiId;
    fields.stage = m_stage->name;
    const QString host = m_request.headerValue(QStringLiteral("Host")).value_or(QString());
    fields.domainName = host.section(QLatin1Char(':'), 0, 0);
    if (match) {
        fields.resourceId = match->resource->id;
        fields.resourcePath = match->resourcePath;
        m_request.pathParameters = match->pathParameters;
    }
    m_context = RequestContext(fields, m_request);

    if (!match || !match->method) {
        log(QStringLiteral("Starting execution for request: %1").arg(ids.requestId));
        log(QStringLiteral("No method matches %1 %2 in stage %3").arg(m_request.httpMethod, m_pathAfterStage, m_stage->name));
        failWith(QStringLiteral("MISSING_AUTHENTICATION_TOKEN"), QString());
        return;
    }
    m_resource = match->resource;
    m_exchange.resourcePath = match->resourcePath;
    m_method = api.method(match->method);

    authorize();
}

void MethodExecution::authorize()
{
    const model::Method &method = *m_method->method;
    switch (method.authorizationType) {
    case model::AuthorizationType::None:
        break;
    case model::AuthorizationType::AwsIam:
        log(QStringLiteral("Authorization type AWS_IAM: Portico does not check SigV4 signatures locally; the request is let "
                           "through without verifying its credentials"));
        break;
    case model::AuthorizationType::Custom:
    case model::AuthorizationType::CognitoUserPools: {
        if (!m_stage->authorizers) {
            failWith(QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"),
                     QStringLiteral("Execution failed due to configuration error: no authorizers are available for this stage"));
            return;
        }
        AuthorizerRequest request;
        request.authorizerId = method.authorizerId;
        request.scopes = method.authorizationScopes;
        request.request = &m_request;
        request.context = &m_context;
        request.stageVariables = &m_stage->variables;
        request.functions = m_stage->functions.get();
        request.methodArn = methodArn(m_apiId, m_stage->name, m_request.httpMethod, m_request.path);
        request.apiId = m_apiId;
        request.requestId = m_exchange.requestId;
        request.detailed = m_detailed;
        m_stage->authorizers->authorize(request, [self = shared_from_this()](AuthorizerDecision decision) {
            self->onAuthorized(std::move(decision));
        });
        return;
    }
    }
    runMethod(QString());
}

void MethodExecution::onAuthorized(AuthorizerDecision decision)
{
    for (const QString &line : decision.log)
        log(line);
    switch (decision.outcome) {
    case AuthorizerDecision::Outcome::Allowed:
        m_context.setAuthorizer(std::move(decision.values));
        runMethod(decision.usageIdentifierKey);
        return;
    case AuthorizerDecision::Outcome::Unauthorized:
        failWith(QStringLiteral("UNAUTHORIZED"), QString());
        return;
    case AuthorizerDecision::Outcome::ExplicitDeny:
        failWith(QStringLiteral("ACCESS_DENIED"), QString());
        return;
    case AuthorizerDecision::Outcome::ImplicitDeny:
        // AWS's body when no statement allows the method (no "with an explicit deny").
        failWith(QStringLiteral("ACCESS_DENIED"), QString(), QStringLiteral("User is not authorized to access this resource"));
        return;
    case AuthorizerDecision::Outcome::ConfigurationError:
        failWith(QStringLiteral("AUTHORIZER_CONFIGURATION_ERROR"), QString());
        return;
    }
}

void MethodExecution::runMethod(const QString &usageIdentifierKey)
{
    const RequestIdentity &ids = m_context.fields().ids;
    // API keys and usage plans after the authorizer (which may supply the key), before the
    // method's own execution, as in a deployed stage's CloudWatch log.
    if (!checkUsagePlan(*m_method->method, usageIdentifierKey))
        return;
    log(QStringLiteral("Starting execution for request: %1").arg(ids.requestId));
    log(QStringLiteral("HTTP Method: %1, Resource Path: %2").arg(m_request.httpMethod, m_pathAfterStage));
    if (!m_context.apiKeyId().isEmpty())
        log(QStringLiteral("API Key: %1").arg(UsagePlans::masked(m_context.apiKey())));
    if (m_detailed) {
        log(QStringLiteral("Method request path: %1").arg(javaMapString(m_request.pathParameters)));
        log(QStringLiteral("Method request query string: %1").arg(javaMapString(m_request.query)));
        log(QStringLiteral("Method request headers: %1").arg(stringOfHeaders(m_request.headers)));
        log(QStringLiteral("Method request body before transformations: %1").arg(truncatedForLog(QString::fromUtf8(m_request.body))));
    }

    if (!checkRequiredParameters() || !checkRequestBody())
        return;

    const model::Method &method = *m_method->method;
    if (!method.integration) {
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: No integration defined for method"));
        return;
    }
    const model::Integration &integration = *method.integration;
    m_exchange.integrationType = integrationTypeName(integration.type);
    const std::optional<IntegrationRequest> request = buildIntegrationRequest();
    if (!request)
        return;
    switch (integration.type) {
    case model::IntegrationType::Mock:
        callMock(*request);
        return;
    case model::IntegrationType::Http:
        callHttp(*request, false);
        return;
    case model::IntegrationType::HttpProxy:
        callHttp(*request, true);
        return;
    case model::IntegrationType::Aws:
    case model::IntegrationType::AwsProxy: {
        const QString uri = substituteStageVariables(integration.uri, m_stage->variables);
        if (uri.contains(QLatin1String(":lambda:path/"))) {
            callLambda(*request, uri, integration.type == model::IntegrationType::AwsProxy);
            return;
        }
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: AWS service integrations other than "
                                "Lambda are not emulated by Portico (%1)")
                     .arg(uri));
        return;
    }
    }
}

QByteArray MethodExecution::proxyEvent() const
{
    // Payload format 1.0, in the order AWS writes it. Maps that would be empty are null, as in
    // AWS's events.
    JsonWriter w(2048 + m_request.body.size() * 4 / 3);
    const auto mapOrNull = [&w](const NamedStrings &values) {
        if (values.empty()) {
            w.null();
            return;
        }
        w.beginObject();
        for (size_t i = 0; i < values.size(); ++i) {
            // Single-value maps keep the last of repeated names.
            bool later = false;
            for (size_t j = i + 1; j < values.size() && !later; ++j)
                later = values[j].first == values[i].first;
            if (later)
                continue;
            w.key(values[i].first);
            w.value(values[i].second);
        }
        w.endObject();
    };
    const auto multiOrNull = [&w](const NamedStrings &values) {
        if (values.empty()) {
            w.null();
            return;
        }
        w.beginObject();
        for (size_t i = 0; i < values.size(); ++i) {
            bool earlier = false;
            for (size_t j = 0; j < i && !earlier; ++j)
                earlier = values[j].first == values[i].first;
            if (earlier)
                continue;
            w.key(values[i].first);
            w.beginArray();
            for (size_t j = i; j < values.size(); ++j) {
                if (values[j].first == values[i].first)
                    w.value(values[j].second);
            }
            w.endArray();
        }
        w.endObject();
    };
    const RequestContext::Fields &f = m_context.fields();
    const bool binary = isBinaryMediaType(mediaTypeOf(m_request.headerValue(QStringLiteral("Content-Type"))));
    w.beginObject();
    w.key(QLatin1StringView("resource"));
    w.value(f.resourcePath);
    w.key(QLatin1StringView("path"));
    w.value(m_request.path);
    w.key(QLatin1StringView("httpMethod"));
    w.value(m_request.httpMethod);
    w.key(QLatin1StringView("headers"));
    mapOrNull(m_request.headers);
    w.key(QLatin1StringView("multiValueHeaders"));
    multiOrNull(m_request.headers);
    w.key(QLatin1StringView("queryStringParameters"));
    mapOrNull(m_request.query);
    w.key(QLatin1StringView("multiValueQueryStringParameters"));
    multiOrNull(m_request.query);
    w.key(QLatin1StringView("pathParameters"));
    mapOrNull(m_request.pathParameters);
    w.key(QLatin1StringView("stageVariables"));
    mapOrNull(m_stage->variables);
    w.key(QLatin1StringView("requestContext"));
    writeEventRequestContext(w, m_context, m_request);
    w.key(QLatin1StringView("body"));
    if (m_request.body.isEmpty())
        w.null();
    else
        w.valueUtf8(binary ? m_request.body.toBase64() : m_request.body);
    w.key(QLatin1StringView("isBase64Encoded"));
    w.value(binary);
    w.endObject();
    return w.take();
}

void MethodExecution::callLambda(const IntegrationRequest &request, const QString &uri, bool proxy)
{
    const QString functionName = FunctionHost::functionNameFromUri(uri);
    if (functionName.isEmpty()) {
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: Invalid Lambda function ARN in %1").arg(uri));
        return;
    }
    if (!m_stage->functions) {
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: no local functions are available"));
        return;
    }
    const QByteArray event = proxy ? proxyEvent() : request.body;
    if (m_detailed) {
        const QString arn = uri.section(QStringLiteral("/functions/"), 1).section(QStringLiteral("/invocations"), 0, 0);
        const QString endpoint = QStringLiteral("https://lambda.%1.amazonaws.com/2015-03-31/functions/%2/invocations")
                                     .arg(QLatin1String(kLocalRegion), arn);
        log(QStringLiteral("Endpoint request URI: %1").arg(endpoint));
        log(QStringLiteral("Endpoint request headers: %1")
                .arg(javaMapString({{QStringLiteral("x-amzn-lambda-integration-tag"), m_exchange.requestId},
                                    {QStringLiteral("User-Agent"), QStringLiteral("AmazonAPIGateway_") + m_apiId},
                                    {QStringLiteral("X-Amz-Source-Arn"),
                                     QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5%6")
                                         .arg(QLatin1String(kLocalRegion), QLatin1String(kLocalAccountId), m_apiId, m_stage->name,
                                              m_request.httpMethod, m_exchange.resourcePath)},
                                    {QStringLiteral("x-amzn-apigateway-api-id"), m_apiId}})));
        log(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(event))));
        log(QStringLiteral("Sending request to %1").arg(endpoint));
    }
    m_integrationStartUs = m_clock.nsecsElapsed() / 1000;
    m_stage->functions->invoke(functionName, event, m_exchange.requestId,
                               [self = shared_from_this(), proxy](InvocationResult result) {
                                   self->onLambdaResult(std::move(result), proxy);
                               });
}

void MethodExecution::onLambdaResult(InvocationResult result, bool proxy)
{
    m_exchange.integrationLatencyUs = m_clock.nsecsElapsed() / 1000 - m_integrationStartUs;
    if (result.outcome == InvocationResult::Outcome::NotInvoked) {
        failWith(QStringLiteral("INTEGRATION_FAILURE"),
                 QStringLiteral("Execution failed due to configuration error: %1").arg(result.detail));
        return;
    }
    const bool failed = result.outcome == InvocationResult::Outcome::FunctionError;
    if (m_detailed) {
        log(QStringLiteral("Received response. Status: 200, Integration latency: %1 ms").arg(m_exchange.integrationLatencyUs / 1000));
        NamedStrings headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                                {QStringLiteral("x-amzn-RequestId"), m_exchange.requestId},
                                {QStringLiteral("X-Amz-Executed-Version"), QStringLiteral("$LATEST")}};
        if (failed)
            headers.emplace_back(QStringLiteral("X-Amz-Function-Error"), QStringLiteral("Unhandled"));
        log(QStringLiteral("Endpoint response headers: %1").arg(javaMapString(headers)));
        log(QStringLiteral("Endpoint response body before transformations: %1").arg(truncatedForLog(QString::fromUtf8(result.payload))));
    }
    if (proxy) {
        if (failed) {
            failWith(QStringLiteral("INTEGRATION_FAILURE"),
                     QStringLiteral("Lambda execution failed with status 200 due to customer function error: %1. Lambda request id: %2")
                         .arg(result.errorMessage, m_exchange.requestId),
                     std::nullopt, 502);
            return;
        }
        std::optional<http::Response> response = proxyResponse(result.payload);
        if (!response) {
            failWith(QStringLiteral("INTEGRATION_FAILURE"),
                     QStringLiteral("Execution failed due to configuration error: Malformed Lambda proxy response"), std::nullopt, 502);
            return;
        }
        if (m_detailed) {
            NamedStrings headers;
            for (const auto &[name, value] : response->headers)
                headers.emplace_back(QString::fromUtf8(name), QString::fromUtf8(value));
            log(QStringLiteral("Method response body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(response->body))));
            log(QStringLiteral("Method response headers: %1").arg(javaMapString(headers)));
        }
        respond(std::move(*response), true, true);
        return;
    }
    IntegrationResult integration;
    integration.status = 200;
    integration.body = result.payload;
    // A successful invocation always takes the default response; an error is matched by its
    // errorMessage against the selection patterns.
    applyIntegrationResponse(integration, failed ? result.errorMessage : QString(), !failed);
}

std::optional<http::Response> MethodExecution::proxyResponse(const QByteArray &payload) const
{
    using base::Json;
    const Json json = Json::parse(payload.constData(), payload.constData() + payload.size(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    static const std::set<std::string> allowed = {"statusCode", "headers", "multiValueHeaders", "body", "isBase64Encoded", "cookies"};
    for (auto it = json.begin(); it != json.end(); ++it) {
        if (!allowed.count(it.key()))
            return std::nullopt;
    }
    http::Response response;
    if (json.contains("statusCode")) {
        const Json &status = json["statusCode"];
        if (status.is_number_integer())
            response.status = int(status.get<long long>());
        else if (status.is_string())
            response.status = QString::fromStdString(status.get<std::string>()).toInt();
        else
            return std::nullopt;
        if (response.status < 100 || response.status > 599)
            return std::nullopt;
    }
    const auto scalarText = [](const Json &v) -> std::optional<QByteArray> {
        if (v.is_string())
            return QByteArray::fromStdString(v.get<std::string>());
        if (v.is_number() || v.is_boolean())
            return QByteArray::fromStdString(v.dump());
        return std::nullopt;
    };
    if (json.contains("headers") && !json["headers"].is_null()) {
        if (!json["headers"].is_object())
            return std::nullopt;
        for (auto it = json["headers"].begin(); it != json["headers"].end(); ++it) {
            const std::optional<QByteArray> value = scalarText(*it);
            if (!value)
                return std::nullopt;
            response.setHeader(QByteArray::fromStdString(it.key()), *value);
        }
    }
    if (json.contains("multiValueHeaders") && !json["multiValueHeaders"].is_null()) {
        if (!json["multiValueHeaders"].is_object())
            return std::nullopt;
        for (auto it = json["multiValueHeaders"].begin(); it != json["multiValueHeaders"].end(); ++it) {
            if (!it->is_array())
                return std::nullopt;
            const QByteArray name = QByteArray::fromStdString(it.key());
            // The multi-value entry wins over a single-value header of the same name.
            std::erase_if(response.headers, [&](const auto &h) { return h.first.compare(name, Qt::CaseInsensitive) == 0; });
            for (const Json &item : *it) {
                const std::optional<QByteArray> value = scalarText(item);
                if (!value)
                    return std::nullopt;
                response.headers.emplace_back(name, *value);
            }
        }
    }
    bool base64 = false;
    if (json.contains("isBase64Encoded") && !json["isBase64Encoded"].is_null()) {
        if (!json["isBase64Encoded"].is_boolean())
            return std::nullopt;
        base64 = json["isBase64Encoded"].get<bool>();
    }
    if (json.contains("body") && !json["body"].is_null()) {
        if (!json["body"].is_string())
            return std::nullopt;
        const QByteArray body = QByteArray::fromStdString(json["body"].get<std::string>());
        if (base64) {
            auto decoded = QByteArray::fromBase64Encoding(body, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return std::nullopt;
            response.body = *decoded;
        } else {
            response.body = body;
        }
    }
    if (response.header("Content-Type").isEmpty())
        response.setHeader("Content-Type", "application/json");
    return response;
}

bool MethodExecution::checkUsagePlan(const model::Method &method, const QString &usageIdentifierKey)
{
    if (!m_stage->usagePlans)
        return true;
    const AccessDecision decision = m_stage->usagePlans->check(method, m_request.httpMethod, m_exchange.resourcePath, m_request,
                                                               m_apiId, m_exchange.requestId, m_detailed, usageIdentifierKey);
    for (const QString &line : decision.log)
        log(line);
    switch (decision.outcome) {
    case AccessDecision::Outcome::Allowed:
        if (!decision.apiKeyId.isEmpty())
            m_context.setApiKey(decision.apiKey, decision.apiKeyId);
        return true;
    case AccessDecision::Outcome::Forbidden:
        failWith(QStringLiteral("INVALID_API_KEY"), QString());
        return false;
    case AccessDecision::Outcome::Throttled:
        failWith(QStringLiteral("THROTTLED"), QString());
        return false;
    case AccessDecision::Outcome::QuotaExceeded:
        failWith(QStringLiteral("QUOTA_EXCEEDED"), QString());
        return false;
    }
    return true;
}

bool MethodExecution::checkRequestBody()
{
    if (!m_method->validator || !m_method->validator->validateRequestBody)
        return true;
    const QString mediaType = mediaTypeOf(m_request.headerValue(QStringLiteral("Content-Type")));
    const auto &models = m_method->method->requestModels;
    auto model = models.find(mediaType);
    if (model == models.end())
        model = models.find(QStringLiteral("$default"));
    if (model == models.end())
        return true;
    const std::optional<QString> error = m_stage->api->models().validate(model->second, m_request.body);
    if (!error)
        return true;
    log(QStringLiteral("Request body does not match model schema for content type %1: %2").arg(mediaType, *error));
    failWith(QStringLiteral("BAD_REQUEST_BODY"), QString(), std::nullopt, std::nullopt, *error);
    return false;
}

bool MethodExecution::checkRequiredParameters()
{
    if (!m_method->validator || !m_method->validator->validateRequestParameters)
        return true;
    QStringList missing;
    for (const auto &[name, required] : m_method->method->requestParameters) {
        if (!required)
            continue;
        static const QString prefix = QStringLiteral("method.request.");
        if (!name.startsWith(prefix))
            continue;
        const QString rest = name.mid(prefix.size());
        const QString kind = rest.section(QLatin1Char('.'), 0, 0);
        const QString key = rest.section(QLatin1Char('.'), 1);
        bool present = true;
        if (kind == QLatin1String("querystring"))
            present = m_request.queryValue(key).has_value();
        else if (kind == QLatin1String("header"))
            present = m_request.headerValue(key).has_value();
        else if (kind == QLatin1String("path"))
            present = m_request.pathValue(key).has_value();
        if (!present)
            missing.append(key);
    }
    if (missing.isEmpty())
        return true;
    const QString message = QStringLiteral("Missing required request parameters: [%1]").arg(missing.join(QStringLiteral(", ")));
    log(QStringLiteral("Request validation failed: ") + message);
    failWith(QStringLiteral("BAD_REQUEST_PARAMETERS"), QString(), message);
    return false;
}

std::optional<MethodExecution::IntegrationRequest> MethodExecution::buildIntegrationRequest()
{
    const model::Integration &integration = *m_method->method->integration;
    IntegrationRequest out;
    const bool proxy = integration.type == model::IntegrationType::HttpProxy
                       || integration.type == model::IntegrationType::AwsProxy;
    if (proxy) {
        out.body = m_request.body;
    } else {
        const QString mediaType = mediaTypeOf(m_request.headerValue(QStringLiteral("Content-Type")));
        const auto &templates = m_method->requestTemplates;
        auto it = templates.find(mediaType);
        const bool rejects = it == templates.end()
                             && (integration.passthroughBehavior == model::PassthroughBehavior::Never
                                 || (integration.passthroughBehavior == model::PassthroughBehavior::WhenNoTemplates
                                     && !templates.empty()));
        if (rejects) {
            log(QStringLiteral("Request Content-Type %1 matches no mapping template and the passthrough behavior is %2")
                    .arg(mediaType, model::enumName(integration.passthroughBehavior)));
            failWith(QStringLiteral("UNSUPPORTED_MEDIA_TYPE"), QString());
            return std::nullopt;
        }
        if (it != templates.end() && !it->second.compiled) {
            failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                     QStringLiteral("Execution failed due to configuration error: Unable to transform request: ") + it->second.error);
            return std::nullopt;
        }
        if (it != templates.end()) {
            auto rendered = it->second.compiled->render(templateVariables(m_request.body, it->second));
            if (!rendered.ok()) {
                failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                         QStringLiteral("Execution failed due to configuration error: Unable to transform request: ")
                             + rendered.error().location + QStringLiteral(": ") + rendered.error().message);
                return std::nullopt;
            }
            out.body = rendered.value().toUtf8();
            out.rendered = true;
        } else {
            out.body = convertContent(m_request.body, isBinaryMediaType(mediaType), integration.contentHandling);
        }
    }
    const MappingSources s = sources();
    for (const auto &[target, source] : integration.requestParameters) {
        static const QString prefix = QStringLiteral("integration.request.");
        if (!target.startsWith(prefix))
            continue;
        const QString rest = target.mid(prefix.size());
        const QString kind = rest.section(QLatin1Char('.'), 0, 0);
        const QString name = rest.section(QLatin1Char('.'), 1);
        const std::optional<QString> value = evaluateMappingSource(source, s);
        if (!value)
            continue;
        if (kind == QLatin1String("header"))
            out.headers.emplace_back(name, *value);
        else if (kind == QLatin1String("querystring"))
            out.query.emplace_back(name, *value);
        else if (kind == QLatin1String("path"))
            out.path.emplace_back(name, *value);
    }
    // $context.requestOverride, written by the template, wins over the mappings.
    const auto overrideInto = [](NamedStrings &target, const NamedStrings &overrides, Qt::CaseSensitivity cs) {
        for (const auto &[name, value] : overrides) {
            std::erase_if(target, [&](const auto &p) { return p.first.compare(name, cs) == 0; });
            target.emplace_back(name, value);
        }
    };
    if (out.rendered) {
        overrideInto(out.headers, m_context.requestOverride(QStringLiteral("header")), Qt::CaseInsensitive);
        overrideInto(out.query, m_context.requestOverride(QStringLiteral("querystring")), Qt::CaseSensitive);
        overrideInto(out.path, m_context.requestOverride(QStringLiteral("path")), Qt::CaseSensitive);
    }
    return out;
}

void MethodExecution::callMock(const IntegrationRequest &request)
{
    if (m_detailed)
        log(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(request.body))));
    // The request template's output chooses the status: {"statusCode": 200}.
    int status = 200;
    if (request.rendered || !request.body.trimmed().isEmpty()) {
        const QByteArray &text = request.body;
        const auto json = base::Json::parse(text.constData(), text.constData() + text.size(), nullptr, false);
        const bool hasStatus = !json.is_discarded() && json.is_object() && json.contains("statusCode")
                               && json["statusCode"].is_number_integer();
        if (hasStatus) {
            status = int(json["statusCode"].get<long long>());
        } else if (request.rendered) {
            failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                     QStringLiteral("Execution failed due to configuration error: Unable to parse statusCode. It should be "
                                    "an integer that is defined in the request template."));
            return;
        }
    }
    IntegrationResult result;
    result.status = status;
    applyIntegrationResponse(result, QString::number(status));
}

bool MethodExecution::isBinaryMediaType(const QString &mediaType) const
{
    for (const QString &type : m_stage->api->api().binaryMediaTypes) {
        const QString t = type.toLower();
        if (t == mediaType || t == QLatin1String("*/*") || (t.endsWith(QLatin1String("/*")) && mediaType.startsWith(t.chopped(1))))
            return true;
    }
    return false;
}

QUrl MethodExecution::integrationUrl(const IntegrationRequest &request, bool proxy) const
{
    const model::Integration &integration = *m_method->method->integration;
    QString uri = substituteStageVariables(integration.uri, m_stage->variables);
    // {name} placeholders take integration.request.path.name; a proxy integration without an
    // explicit mapping takes the method request's own path parameters, as the console wires them.
    qsizetype from = 0;
    while (true) {
        const qsizetype open = uri.indexOf(QLatin1Char('{'), from);
        if (open < 0)
            break;
        const qsizetype close = uri.indexOf(QLatin1Char('}'), open);
        if (close < 0)
            break;
        QString name = uri.mid(open + 1, close - open - 1);
        const bool greedy = name.endsWith(QLatin1Char('+'));
        if (greedy)
            name.chop(1);
        std::optional<QString> value;
        for (const auto &[key, v] : request.path) {
            if (key == name)
                value = v;
        }
        if (!value && proxy)
            value = m_request.pathValue(name);
        const bool keepSlashes = greedy || (m_resource && m_resource->isGreedy() && m_resource->parameterName() == name);
        const QString replacement = value ? encodePathValue(*value, keepSlashes) : QString();
        uri.replace(open, close - open + 1, replacement);
        from = open + replacement.size();
    }
    QUrl url(uri);
    NamedStrings query = proxy ? m_request.query : NamedStrings();
    for (const auto &[name, value] : request.query) {
        std::erase_if(query, [&](const auto &p) { return p.first == name; });
        query.emplace_back(name, value);
    }
    if (!query.empty()) {
        QString text = url.query(QUrl::FullyEncoded);
        for (const auto &[name, value] : query) {
            if (!text.isEmpty())
                text += QLatin1Char('&');
            text += QString::fromLatin1(QUrl::toPercentEncoding(name)) + QLatin1Char('=')
                    + QString::fromLatin1(QUrl::toPercentEncoding(value));
        }
        url.setQuery(text, QUrl::StrictMode);
    }
    return url;
}

void MethodExecution::callHttp(const IntegrationRequest &request, bool proxy)
{
    const model::Integration &integration = *m_method->method->integration;
    BackendRequest outgoing;
    outgoing.url = integrationUrl(request, proxy);
    if (!outgoing.url.isValid() || outgoing.url.scheme().isEmpty() || outgoing.url.host().isEmpty()) {
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: Invalid endpoint address: %1").arg(outgoing.url.toString()));
        return;
    }
    const QString verb = integration.httpMethod.isEmpty() || integration.httpMethod == QLatin1String("ANY")
                             ? m_request.httpMethod
                             : integration.httpMethod;
    outgoing.method = verb.toLatin1();
    if (proxy) {
        for (const auto &[name, value] : m_request.headers) {
            if (!isHopByHopHeader(name))
                outgoing.headers.emplace_back(name, value);
        }
        outgoing.headers.emplace_back(QStringLiteral("X-Forwarded-For"), m_request.sourceIp);
        outgoing.headers.emplace_back(QStringLiteral("X-Forwarded-Proto"), QStringLiteral("http"));
    } else {
        const std::optional<QString> contentType = m_request.headerValue(QStringLiteral("Content-Type"));
        outgoing.headers.emplace_back(QStringLiteral("Content-Type"),
                                      request.rendered || !contentType ? QStringLiteral("application/json") : *contentType);
        outgoing.headers.emplace_back(QStringLiteral("Accept"), QStringLiteral("application/json"));
        outgoing.headers.emplace_back(QStringLiteral("User-Agent"), QStringLiteral("AmazonAPIGateway_") + m_apiId);
    }
    outgoing.headers.emplace_back(QStringLiteral("X-Amzn-Trace-Id"), QStringLiteral("Root=1-") + m_exchange.requestId.left(8));
    outgoing.headers.emplace_back(QStringLiteral("x-amzn-apigateway-api-id"), m_apiId);
    for (const auto &[name, value] : request.headers) {
        std::erase_if(outgoing.headers, [&](const auto &p) { return p.first.compare(name, Qt::CaseInsensitive) == 0; });
        outgoing.headers.emplace_back(name, value);
    }
    outgoing.body = request.body;
    outgoing.timeoutMs = std::clamp(integration.timeoutInMillis, 50, 29000);
    outgoing.insecureSkipVerification = integration.tlsConfig && integration.tlsConfig->insecureSkipVerification;

    if (m_detailed) {
        log(QStringLiteral("Endpoint request URI: %1").arg(outgoing.url.toString()));
        log(QStringLiteral("Endpoint request headers: %1").arg(stringOfHeaders(outgoing.headers)));
        log(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(request.body))));
        log(QStringLiteral("Sending request to %1").arg(outgoing.url.toString()));
    }
    m_integrationStartUs = m_clock.nsecsElapsed() / 1000;
    HttpBackend::send(outgoing, [self = shared_from_this(), proxy](BackendResponse response) {
        self->onHttpResult(std::move(response), proxy);
    });
}

void MethodExecution::onHttpResult(BackendResponse result, bool proxy)
{
    m_exchange.integrationLatencyUs = m_clock.nsecsElapsed() / 1000 - m_integrationStartUs;
    if (result.outcome == BackendResponse::Outcome::TimedOut) {
        failWith(QStringLiteral("INTEGRATION_TIMEOUT"), QStringLiteral("Execution failed due to a timeout error"));
        return;
    }
    if (result.outcome == BackendResponse::Outcome::Failed) {
        failWith(QStringLiteral("INTEGRATION_FAILURE"),
                 QStringLiteral("Execution failed due to configuration error: %1").arg(result.error));
        return;
    }
    if (m_detailed) {
        log(QStringLiteral("Received response. Status: %1, Integration latency: %2 ms")
                .arg(result.status)
                .arg(m_exchange.integrationLatencyUs / 1000));
        log(QStringLiteral("Endpoint response headers: %1").arg(stringOfHeaders(result.headers)));
        log(QStringLiteral("Endpoint response body before transformations: %1")
                .arg(truncatedForLog(QString::fromUtf8(result.body))));
    }
    if (proxy) {
        http::Response response;
        response.status = result.status;
        for (const auto &[name, value] : result.headers) {
            if (!isHopByHopHeader(name))
                response.headers.emplace_back(name.toUtf8(), value.toUtf8());
        }
        response.body = std::move(result.body);
        if (m_detailed)
            log(QStringLiteral("Method response headers: %1").arg(stringOfHeaders(result.headers)));
        respond(std::move(response), false, true);
        return;
    }
    IntegrationResult integration;
    integration.status = result.status;
    integration.headers = std::move(result.headers);
    integration.body = std::move(result.body);
    applyIntegrationResponse(integration, QString::number(integration.status));
}

void MethodExecution::applyIntegrationResponse(const IntegrationResult &result, const QString &selectionInput,
                                               bool defaultOnly)
{
    const CompiledIntegrationResponse *chosen = nullptr;
    for (const CompiledIntegrationResponse &candidate : m_method->responses) {
        if (!candidate.pattern || (!defaultOnly && candidate.pattern->match(selectionInput).hasMatch())) {
            chosen = &candidate;
            break;
        }
    }
    if (!chosen) {
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                 QStringLiteral("Execution failed due to configuration error: No match for output mapping and no default "
                                "output mapping configured. Endpoint Response Status Code: %1")
                     .arg(result.status));
        return;
    }
    const model::IntegrationResponse &ir = *chosen->response;
    http::Response response;
    bool statusOk = false;
    response.status = ir.statusCode.toInt(&statusOk);
    if (!statusOk)
        response.status = 200;

    const MappingSources s = sources(&result);
    static const QString headerPrefix = QStringLiteral("method.response.header.");
    for (const auto &[target, source] : ir.responseParameters) {
        if (!target.startsWith(headerPrefix))
            continue;
        if (const std::optional<QString> value = evaluateMappingSource(source, s))
            response.setHeader(target.mid(headerPrefix.size()).toUtf8(), value->toUtf8());
    }

    // The response template: by the first media type of Accept, else application/json, else the
    // first one there is.
    QString mediaType = QStringLiteral("application/json");
    const QString accept = m_request.headerValue(QStringLiteral("Accept")).value_or(QString());
    const QString firstAccept = accept.section(QLatin1Char(','), 0, 0).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    auto it = chosen->templates.find(firstAccept);
    if (it == chosen->templates.end())
        it = chosen->templates.find(QStringLiteral("application/json"));
    if (it == chosen->templates.end())
        it = chosen->templates.begin();
    // Without a template the payload passes through, converted as the response's contentHandling says.
    QByteArray body = convertContent(result.body, false, ir.contentHandling);
    if (it != chosen->templates.end()) {
        mediaType = it->first;
        const auto textIt = ir.responseTemplates.find(it->first);
        const bool empty = textIt == ir.responseTemplates.end() || textIt->second.isEmpty();
        if (!empty) {
            if (!it->second.compiled) {
                failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                         QStringLiteral("Execution failed due to configuration error: Unable to transform response: ") + it->second.error);
                return;
            }
            auto rendered = it->second.compiled->render(templateVariables(result.body, it->second));
            if (!rendered.ok()) {
                failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                         QStringLiteral("Execution failed due to configuration error: Unable to transform response: ")
                             + rendered.error().location + QStringLiteral(": ") + rendered.error().message);
                return;
            }
            body = rendered.value().toUtf8();
        }
    }
    if (response.header("Content-Type").isEmpty())
        response.setHeader("Content-Type", mediaType.toUtf8());
    if (const std::optional<int> status = m_context.responseStatusOverride())
        response.status = *status;
    for (const auto &[name, value] : m_context.responseHeaderOverride())
        response.setHeader(name.toUtf8(), value.toUtf8());
    response.body = std::move(body);
    if (m_detailed) {
        log(QStringLiteral("Method response body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(response.body))));
        NamedStrings headers;
        for (const auto &[name, value] : response.headers)
            headers.emplace_back(QString::fromUtf8(name), QString::fromUtf8(value));
        log(QStringLiteral("Method response headers: %1").arg(stringOfHeaders(headers)));
    }
    respond(std::move(response), true, true);
}

void MethodExecution::failWith(const QString &type, const QString &logLine, const std::optional<QString> &message,
                               std::optional<int> status, const QString &validationError)
{
    if (!logLine.isEmpty())
        log(logLine);
    http::Response response = m_stage->api->gatewayResponses().build(type, m_context, sources(), message, validationError);
    if (status)
        response.status = *status;
    respond(std::move(response), false, false);
}

void MethodExecution::respond(http::Response response, bool addTraceId, bool completed)
{
    response.setHeader("Date", httpDate());
    response.setHeader("x-amzn-RequestId", m_exchange.requestId.toLatin1());
    response.setHeader("x-amz-apigw-id", m_exchange.extendedRequestId.toLatin1());
    if (addTraceId)
        response.setHeader("X-Amzn-Trace-Id", "Root=1-" + m_exchange.requestId.left(8).toLatin1());
    if (completed)
        log(QStringLiteral("Successfully completed execution"));
    log(QStringLiteral("Method completed with status: %1").arg(response.status));
    m_exchange.latencyUs = m_clock.nsecsElapsed() / 1000;
    if (m_traces.hasSubscribers()) {
        m_exchange.request = m_http;
        m_exchange.response = response;
        m_traces.publish(std::make_shared<const Exchange>(std::move(m_exchange)));
    }
    m_responder.send(std::move(response));
}

} // namespace portico::runtime
