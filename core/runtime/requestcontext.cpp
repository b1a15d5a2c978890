#include "requestcontext.h"

#include "base/json.h"

#include <QLocale>

namespace portico::runtime {

using vtl::Map;
using vtl::Value;

QString requestTimeString(const QDateTime &time)
{
    return QLocale::c().toString(time.toUTC(), QStringLiteral("dd/MMM/yyyy:HH:mm:ss '+0000'"));
}

namespace {
vtl::MapPtr hashMap()
{
    return std::make_shared<Map>(Map::Kind::HashMap);
}

vtl::MapPtr authorizerMap(const std::optional<AuthorizerValues> &authorizer)
{
    auto map = hashMap();
    if (!authorizer)
        return map;
    for (const auto &[name, value] : authorizer->values)
        map->put(name, value);
    if (authorizer->integrationLatencyMs)
        map->put(QStringLiteral("integrationLatency"), *authorizer->integrationLatencyMs);
    if (!authorizer->claims.empty()) {
        auto claims = hashMap();
        for (const auto &[name, value] : authorizer->claims)
            claims->put(name, value);
        map->put(QStringLiteral("claims"), claims);
    }
    return map;
}
} // namespace

RequestContext::RequestContext(const Fields &fields, const MethodRequest &request)
    : m_fields(fields), m_httpMethod(request.httpMethod), m_path(request.path), m_sourceIp(request.sourceIp),
      m_userAgent(request.headerValue(QStringLiteral("User-Agent")).value_or(QString()))
{
}

const vtl::Value &RequestContext::value() const
{
    if (!m_value.isMap())
        build();
    return m_value;
}

void RequestContext::build() const
{
    const Fields &f = m_fields;
    auto context = hashMap();
    context->put(QStringLiteral("accountId"), QString::fromLatin1(kLocalAccountId));
    context->put(QStringLiteral("apiId"), f.apiId);
    context->put(QStringLiteral("domainName"), f.domainName);
    context->put(QStringLiteral("domainPrefix"), f.domainName.section(QLatin1Char('.'), 0, 0));
    context->put(QStringLiteral("extendedRequestId"), f.ids.extendedRequestId);
    context->put(QStringLiteral("httpMethod"), m_httpMethod);
    context->put(QStringLiteral("path"), QString(QLatin1Char('/') + f.stage + m_path));
    context->put(QStringLiteral("protocol"), QStringLiteral("HTTP/1.1"));
    context->put(QStringLiteral("requestId"), f.ids.requestId);
    context->put(QStringLiteral("requestTime"), requestTimeString(f.ids.time));
    context->put(QStringLiteral("requestTimeEpoch"), qint64(f.ids.time.toMSecsSinceEpoch()));
    context->put(QStringLiteral("resourceId"), f.resourceId);
    context->put(QStringLiteral("resourcePath"), f.resourcePath);
    context->put(QStringLiteral("stage"), f.stage);

    auto identity = hashMap();
    identity->put(QStringLiteral("apiKey"), m_apiKey.isEmpty() ? Value() : Value(m_apiKey));
    identity->put(QStringLiteral("apiKeyId"), m_apiKeyId.isEmpty() ? Value() : Value(m_apiKeyId));
    for (const char *absent : {"accountId", "caller", "cognitoAuthenticationProvider",
                               "cognitoAuthenticationType", "cognitoIdentityId", "cognitoIdentityPoolId",
                               "principalOrgId", "user", "userArn", "accessKey"})
        identity->put(QString::fromLatin1(absent), Value());
    identity->put(QStringLiteral("sourceIp"), m_sourceIp);
    identity->put(QStringLiteral("userAgent"), m_userAgent);
    context->put(QStringLiteral("identity"), identity);
    context->put(QStringLiteral("authorizer"), authorizerMap(m_authorizer));

    auto requestOverride = hashMap();
    for (const char *part : {"header", "path", "querystring"})
        requestOverride->put(QString::fromLatin1(part), hashMap());
    context->put(QStringLiteral("requestOverride"), requestOverride);
    auto responseOverride = hashMap();
    responseOverride->put(QStringLiteral("header"), hashMap());
    context->put(QStringLiteral("responseOverride"), responseOverride);
    m_value = context;
}

std::optional<QString> RequestContext::lookup(const QString &dottedPath) const
{
    Value current = value();
    for (const QString &key : dottedPath.split(QLatin1Char('.'))) {
        if (!current.isMap())
            return std::nullopt;
        current = current.map()->get(key);
    }
    if (current.isNull())
        return std::nullopt;
    return current.toString();
}

vtl::MapPtr RequestContext::submap(const QString &key) const
{
    if (!m_value.isMap())
        return {};
    const Value v = m_value.map()->get(key);
    return v.isMap() ? v.map() : vtl::MapPtr();
}

namespace {
NamedStrings entriesOf(const vtl::MapPtr &map)
{
    NamedStrings out;
    if (!map)
        return out;
    for (const auto &[key, value] : map->entries()) {
        if (!value.isNull())
            out.emplace_back(key, value.toString());
    }
    return out;
}
} // namespace

NamedStrings RequestContext::requestOverride(const QString &part) const
{
    const vtl::MapPtr request = submap(QStringLiteral("requestOverride"));
    if (!request)
        return {};
    const Value v = request->get(part);
    return entriesOf(v.isMap() ? v.map() : vtl::MapPtr());
}

NamedStrings RequestContext::responseHeaderOverride() const
{
    const vtl::MapPtr response = submap(QStringLiteral("responseOverride"));
    if (!response)
        return {};
    const Value v = response->get(QStringLiteral("header"));
    return entriesOf(v.isMap() ? v.map() : vtl::MapPtr());
}

std::optional<int> RequestContext::responseStatusOverride() const
{
    const vtl::MapPtr response = submap(QStringLiteral("responseOverride"));
    if (!response)
        return std::nullopt;
    const Value v = response->get(QStringLiteral("status"));
    bool ok = false;
    const int status = v.isInt() ? int(v.toInt()) : v.toString().toInt(&ok);
    if (v.isInt() || ok) {
        if (status >= 100 && status <= 599)
            return status;
    }
    return std::nullopt;
}

void RequestContext::setApiKey(const QString &key, const QString &keyId)
{
    m_apiKey = key;
    m_apiKeyId = keyId;
    if (m_value.isMap()) {
        const Value identity = m_value.map()->get(QStringLiteral("identity"));
        if (identity.isMap()) {
            identity.map()->put(QStringLiteral("apiKey"), key);
            identity.map()->put(QStringLiteral("apiKeyId"), keyId);
        }
    }
}

void RequestContext::setAuthorizer(AuthorizerValues values)
{
    m_authorizer = std::move(values);
    if (m_value.isMap())
        m_value.map()->put(QStringLiteral("authorizer"), authorizerMap(m_authorizer));
}

void RequestContext::setError(const QString &responseType, const QString &message, const QString &validationErrorString)
{
    value();
    auto error = hashMap();
    error->put(QStringLiteral("message"), message);
    error->put(QStringLiteral("messageString"), message.isNull() ? QStringLiteral("null") : base::jsonQuoted(message));
    error->put(QStringLiteral("responseType"), responseType);
    error->put(QStringLiteral("validationErrorString"), validationErrorString);
    m_value.map()->put(QStringLiteral("error"), error);
}

} // namespace portico::runtime
