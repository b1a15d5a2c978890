#include "gatewayresponses.h"

#include <array>

namespace portico::runtime {

namespace {

// Status codes and messages as API Gateway answers; the least certain texts are data here, not
// code, so they are easy to correct.
constexpr auto kTypes = std::to_array<GatewayErrorType>({
    {"ACCESS_DENIED", 403, "User is not authorized to access this resource with an explicit deny", "AccessDeniedException"},
    {"API_CONFIGURATION_ERROR", 500, "Internal server error", "InternalServerErrorException"},
    {"AUTHORIZER_CONFIGURATION_ERROR", 500, nullptr, "AuthorizerConfigurationException"},
    {"AUTHORIZER_FAILURE", 500, nullptr, "AuthorizerFailureException"},
    {"BAD_REQUEST_BODY", 400, "Invalid request body", "BadRequestException"},
    {"BAD_REQUEST_PARAMETERS", 400, "Missing required request parameters", "BadRequestException"},
    {"EXPIRED_TOKEN", 403, "The security token included in the request is expired", "ExpiredTokenException"},
    {"INTEGRATION_FAILURE", 500, "Internal server error", "InternalServerErrorException"},
    {"INTEGRATION_TIMEOUT", 504, "Endpoint request timed out", "InternalServerErrorException"},
    {"INVALID_API_KEY", 403, "Forbidden", "ForbiddenException"},
    {"INVALID_SIGNATURE", 403, "The request signature we calculated does not match the signature you provided.", "InvalidSignatureException"},
    {"MISSING_AUTHENTICATION_TOKEN", 403, "Missing Authentication Token", "MissingAuthenticationTokenException"},
    {"QUOTA_EXCEEDED", 429, "Limit Exceeded", "LimitExceededException"},
    {"REQUEST_TOO_LARGE", 413, "Request Too Long", "RequestTooLargeException"},
    {"RESOURCE_NOT_FOUND", 404, "Resource not found", "ResourceNotFoundException"},
    {"THROTTLED", 429, "Too Many Requests", "TooManyRequestsException"},
    {"UNAUTHORIZED", 401, "Unauthorized", "UnauthorizedException"},
    {"UNSUPPORTED_MEDIA_TYPE", 415, "Unsupported Media Type", "UnsupportedMediaTypeException"},
    {"WAF_FILTERED", 403, "Forbidden", "WafFilteredException"},
});

const QString kDefaultTemplate = QStringLiteral("{\"message\":$context.error.messageString}");

} // namespace

const GatewayErrorType *findGatewayErrorType(const QString &type)
{
    for (const GatewayErrorType &t : kTypes) {
        if (type == QLatin1String(t.type))
            return &t;
    }
    return nullptr;
}

QStringList gatewayResponseTypes()
{
    QStringList types {QStringLiteral("DEFAULT_4XX"), QStringLiteral("DEFAULT_5XX")};
    for (const GatewayErrorType &t : kTypes)
        types << QString::fromLatin1(t.type);
    return types;
}

GatewayResponses::GatewayResponses(std::vector<model::GatewayResponse> customised) : m_customised(std::move(customised))
{
}

const model::GatewayResponse *GatewayResponses::customised(const QString &type) const
{
    for (const model::GatewayResponse &r : m_customised) {
        if (r.responseType == type)
            return &r;
    }
    return nullptr;
}

QString substituteGatewayTemplate(const QString &text, const RequestContext &context, const NamedStrings &stageVariables)
{
    QString out;
    out.reserve(text.size() + 32);
    const auto isNameChar = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('.'); };
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i] != QLatin1Char('$')) {
            out += text[i++];
            continue;
        }
        const bool braced = i + 1 < text.size() && text[i + 1] == QLatin1Char('{');
        qsizetype start = i + (braced ? 2 : 1);
        qsizetype end = start;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        // A trailing dot ends a sentence, not a name.
        while (end > start && text[end - 1] == QLatin1Char('.'))
            --end;
        const QString name = text.mid(start, end - start);
        if (braced && (end >= text.size() || text[end] != QLatin1Char('}'))) {
            out += text[i++];
            continue;
        }
        std::optional<QString> value;
        bool known = false;
        if (name.startsWith(QLatin1String("context."))) {
            known = true;
            value = context.lookup(name.mid(8));
        } else if (name.startsWith(QLatin1String("stageVariables."))) {
            known = true;
            const QString key = name.mid(15);
            for (const auto &[k, v] : stageVariables) {
                if (k == key)
                    value = v;
            }
        }
        if (!known) {
            out += text[i++];
            continue;
        }
        out += value.value_or(QString());
        i = end + (braced ? 1 : 0);
    }
    return out;
}

http::Response GatewayResponses::build(const QString &type, RequestContext &context, const MappingSources &sources,
                                       const std::optional<QString> &message,
                                       const QString &validationErrorString) const
{
    const GatewayErrorType *spec = findGatewayErrorType(type);
    const int defaultStatus = spec ? spec->status : 500;
    QString text = message.value_or(spec && spec->message ? QString::fromUtf8(spec->message) : QString());
    context.setError(type, text, validationErrorString);

    const model::GatewayResponse *own = customised(type);
    const model::GatewayResponse *fallback =
        customised(defaultStatus >= 500 ? QStringLiteral("DEFAULT_5XX") : QStringLiteral("DEFAULT_4XX"));
    const model::GatewayResponse *chosen = own ? own : fallback;

    http::Response response;
    response.status = defaultStatus;
    if (chosen && !chosen->statusCode.isEmpty() && type != QLatin1String("REQUEST_TOO_LARGE")) {
        bool ok = false;
        const int status = chosen->statusCode.toInt(&ok);
        if (ok && status >= 100 && status <= 599)
            response.status = status;
    }
    QString body = kDefaultTemplate;
    if (type == QLatin1String("ACCESS_DENIED"))
        body = QStringLiteral("{\"Message\":$context.error.messageString}");
    if (chosen && !chosen->responseTemplates.empty()) {
        auto it = chosen->responseTemplates.find(QStringLiteral("application/json"));
        body = it != chosen->responseTemplates.end() ? it->second : chosen->responseTemplates.begin()->second;
    }
    response.body = substituteGatewayTemplate(body, context, sources.stageVariables ? *sources.stageVariables : NamedStrings())
                        .toUtf8();
    response.setHeader("Content-Type", "application/json");
    if (spec)
        response.setHeader("x-amzn-ErrorType", spec->errorType);
    if (chosen) {
        static const QString prefix = QStringLiteral("gatewayresponse.header.");
        for (const auto &[target, source] : chosen->responseParameters) {
            if (!target.startsWith(prefix))
                continue;
            if (const std::optional<QString> value = evaluateMappingSource(source, sources))
                response.setHeader(target.mid(prefix.size()).toUtf8(), value->toUtf8());
        }
    }
    return response;
}

} // namespace portico::runtime
