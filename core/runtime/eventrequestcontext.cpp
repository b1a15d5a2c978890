#include "eventrequestcontext.h"

namespace portico::runtime {

namespace {

// requestContext.authorizer: principalId and the context map of a Lambda authorizer (all
// strings, with its integrationLatency), or the claims of a Cognito user pool token.
void writeAuthorizer(JsonWriter &w, const AuthorizerValues &authorizer)
{
    w.beginObject();
    if (!authorizer.claims.empty()) {
        w.key(QLatin1StringView("claims"));
        w.beginObject();
        for (const auto &[name, value] : authorizer.claims) {
            w.key(name);
            w.value(value);
        }
        w.endObject();
    }
    for (size_t i = 0; i < authorizer.values.size(); ++i) {
        w.key(authorizer.values[i].first);
        w.value(authorizer.values[i].second);
        // AWS writes the latency right after the principal.
        if (i == 0 && authorizer.integrationLatencyMs) {
            w.key(QLatin1StringView("integrationLatency"));
            w.value(*authorizer.integrationLatencyMs);
        }
    }
    w.endObject();
}

} // namespace

void writeEventRequestContext(JsonWriter &w, const RequestContext &context, const MethodRequest &request)
{
    const RequestContext::Fields &f = context.fields();
    w.beginObject();
    w.key(QLatin1StringView("resourceId"));
    w.value(f.resourceId);
    if (const std::optional<AuthorizerValues> &authorizer = context.authorizer()) {
        w.key(QLatin1StringView("authorizer"));
        writeAuthorizer(w, *authorizer);
    }
    w.key(QLatin1StringView("resourcePath"));
    w.value(f.resourcePath);
    w.key(QLatin1StringView("httpMethod"));
    w.value(request.httpMethod);
    w.key(QLatin1StringView("extendedRequestId"));
    w.value(f.ids.extendedRequestId);
    w.key(QLatin1StringView("requestTime"));
    w.value(requestTimeString(f.ids.time));
    w.key(QLatin1StringView("path"));
    w.value(QString(QLatin1Char('/') + f.stage + request.path));
    w.key(QLatin1StringView("accountId"));
    w.value(QLatin1StringView(kLocalAccountId));
    w.key(QLatin1StringView("protocol"));
    w.value(QLatin1StringView("HTTP/1.1"));
    w.key(QLatin1StringView("stage"));
    w.value(f.stage);
    w.key(QLatin1StringView("domainPrefix"));
    w.value(f.domainName.section(QLatin1Char('.'), 0, 0));
    w.key(QLatin1StringView("requestTimeEpoch"));
    w.value(qint64(f.ids.time.toMSecsSinceEpoch()));
    w.key(QLatin1StringView("requestId"));
    w.value(f.ids.requestId);
    w.key(QLatin1StringView("identity"));
    w.beginObject();
    for (const char *absent : {"cognitoIdentityPoolId", "accountId", "cognitoIdentityId", "caller"}) {
        w.key(QLatin1StringView(absent));
        w.null();
    }
    w.key(QLatin1StringView("apiKey"));
    if (context.apiKey().isEmpty())
        w.null();
    else
        w.value(context.apiKey());
    w.key(QLatin1StringView("apiKeyId"));
    if (context.apiKeyId().isEmpty())
        w.null();
    else
        w.value(context.apiKeyId());
    w.key(QLatin1StringView("sourceIp"));
    w.value(request.sourceIp);
    for (const char *absent : {"principalOrgId", "accessKey", "cognitoAuthenticationType", "cognitoAuthenticationProvider", "userArn"}) {
        w.key(QLatin1StringView(absent));
        w.null();
    }
    w.key(QLatin1StringView("userAgent"));
    w.value(context.userAgent());
    w.key(QLatin1StringView("user"));
    w.null();
    w.endObject();
    w.key(QLatin1StringView("domainName"));
    w.value(f.domainName);
    w.key(QLatin1StringView("apiId"));
    w.value(f.apiId);
    w.endObject();
}

} // namespace portico::runtime
