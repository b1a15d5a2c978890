#include "methodexecution.h"

#include "tracebus.h"

#include "base/json.h"
#include "mapping/inputobject.h"
#include "mapping/utilobject.h"
#include "model/enums.h"

#include <QLocale>
#include <QRandomGenerator>

#include <random>

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

QString integrationTypeName(model::IntegrationType type)
{
    return model::enumName(type);
}

QString encodePathValue(const QString &value, bool keepSlashes)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value, keepSlashes ? QByteArray("/") : QByteArray()));
}

QByteArray httpDate()
{
    return QLocale::c().toString(QDateTime::currentDateTimeUtc(), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'")).toLatin1();
}

} // namespace

RequestIdentity newRequestIdentity()
{
    std::mt19937_64 &random = threadRandom();
    const quint64 a = random();
    const quint64 b = random();
    // A version 4 UUID from 122 random bits.
    const QString hex = QStringLiteral("%1%2").arg(a, 16, 16, QLatin1Char('0')).arg(b, 16, 16, QLatin1Char('0'));
    QString uuid = hex.left(8) + QLatin1Char('-') + hex.mid(8, 4) + QStringLiteral("-4") + hex.mid(13, 3) + QLatin1Char('-')
                   + QLatin1Char("89ab"[b >> 62]) + hex.mid(17, 3) + QLatin1Char('-') + hex.mid(20, 12);
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

vtl::Variables MethodExecution::templateVariables(const QByteArray &body) const
{
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
    vtl::Variables variables;
    variables.insert(QStringLiteral("input"),
                     vtl::HostPtr(std::make_shared<mapping::InputObject>(body, std::move(parameters))));
    static const vtl::Value util = vtl::HostPtr(std::make_shared<mapping::UtilObject>());
    variables.insert(QStringLiteral("util"), util);
    variables.insert(QStringLiteral("context"), m_context.value());
    auto stageVariables = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
    for (const auto &[name, value] : m_stage->variables)
        stageVariables->put(name, value);
    variables.insert(QStringLiteral("stageVariables"), vtl::Value(stageVariables));
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

    log(QStringLiteral("Starting execution for request: %1").arg(ids.requestId));
    log(QStringLiteral("HTTP Method: %1, Resource Path: %2").arg(m_request.httpMethod, m_pathAfterStage));
    if (m_detailed) {
        log(QStringLiteral("Method request path: %1").arg(javaMapString(m_request.pathParameters)));
        log(QStringLiteral("Method request query string: %1").arg(javaMapString(m_request.query)));
        log(QStringLiteral("Method request headers: %1").arg(stringOfHeaders(m_request.headers)));
        log(QStringLiteral("Method request body before transformations: %1").arg(truncatedForLog(QString::fromUtf8(m_request.body))));
    }

    // Seams for the access checks of the security issue (API keys, usage plans, authorizers)
    // and body validation belong here, before the integration request.
    if (!checkRequiredParameters())
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
        const QString reason = uri.contains(QLatin1String(":lambda:path/"))
                                   ? QStringLiteral("Lambda integrations are not served by this version of Portico yet (%1)").arg(uri)
                                   : QStringLiteral("AWS service integrations are not emulated by Portico (%1)").arg(uri);
        failWith(QStringLiteral("API_CONFIGURATION_ERROR"), QStringLiteral("Execution failed due to configuration error: ") + reason);
        return;
    }
    }
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
        out.body = QString::fromUtf8(m_request.body);
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
            auto rendered = it->second.compiled->render(templateVariables(m_request.body));
            if (!rendered.ok()) {
                failWith(QStringLiteral("API_CONFIGURATION_ERROR"),
                         QStringLiteral("Execution failed due to configuration error: Unable to transform request: ")
                             + rendered.error().location + QStringLiteral(": ") + rendered.error().message);
                return std::nullopt;
            }
            out.body = std::move(rendered).value();
            out.rendered = true;
        } else {
            out.body = QString::fromUtf8(m_request.body);
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
        log(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(request.body)));
    // The request template's output chooses the status: {"statusCode": 200}.
    int status = 200;
    if (request.rendered || !request.body.trimmed().isEmpty()) {
        const QByteArray text = request.body.toUtf8();
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
    outgoing.body = request.body.toUtf8();
    outgoing.timeoutMs = std::clamp(integration.timeoutInMillis, 50, 29000);
    outgoing.insecureSkipVerification = integration.tlsConfig && integration.tlsConfig->insecureSkipVerification;

    if (m_detailed) {
        log(QStringLiteral("Endpoint request URI: %1").arg(outgoing.url.toString()));
        log(QStringLiteral("Endpoint request headers: %1").arg(stringOfHeaders(outgoing.headers)));
        log(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(request.body)));
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

void MethodExecution::applyIntegrationResponse(const IntegrationResult &result, const QString &selectionInput)
{
    const CompiledIntegrationResponse *chosen = nullptr;
    for (const CompiledIntegrationResponse &candidate : m_method->responses) {
        if (!candidate.pattern || candidate.pattern->match(selectionInput).hasMatch()) {
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
    QByteArray body = result.body;
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
            auto rendered = it->second.compiled->render(templateVariables(result.body));
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

void MethodExecution::failWith(const QString &type, const QString &logLine, const std::optional<QString> &message)
{
    if (!logLine.isEmpty())
        log(logLine);
    http::Response response = m_stage->api->gatewayResponses().build(type, m_context, sources(), message);
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
