// $context of one request: built once when the request is routed, shared by its request and
// response templates (so an override set in one is seen later), read by parameter mappings
// (`context.requestId`), the Lambda proxy event's requestContext and gateway responses.
#pragma once

#include "methodrequest.h"

#include "vtl/value.h"

#include <QDateTime>

namespace portico::runtime {

// What an authorizer established, for $context.authorizer and the proxy event's
// requestContext.authorizer.
struct AuthorizerValues
{
    // Lambda authorizers: principalId first, then the output's context map, every value a string
    // (API Gateway hands them on stringified).
    NamedStrings values;
    // COGNITO_USER_POOLS: the token's claims ($context.authorizer.claims.*).
    NamedStrings claims;
    // Lambda authorizers: how long the function took ($context.authorizer.integrationLatency).
    std::optional<qint64> integrationLatencyMs;
};

struct RequestIdentity
{
    QString requestId;
    QString extendedRequestId;
    QDateTime time;
};

class RequestContext
{
public:
    struct Fields
    {
        RequestIdentity ids;
        QString apiId;
        QString stage;
        QString resourceId;
        QString resourcePath;
        QString domainName;
    };

    RequestContext() = default;
    RequestContext(const Fields &fields, const MethodRequest &request);

    const Fields &fields() const { return m_fields; }
    const QString &userAgent() const { return m_userAgent; }

    // The map templates see as $context (a HashMap, like AWS's). Built on first use: most
    // requests through static templates never need it.
    const vtl::Value &value() const;

    // `context.identity.sourceIp` style lookups for parameter mappings; nothing when absent.
    std::optional<QString> lookup(const QString &dottedPath) const;

    // What templates wrote into $context.requestOverride / responseOverride.
    NamedStrings requestOverride(const QString &part) const;
    NamedStrings responseHeaderOverride() const;
    std::optional<int> responseStatusOverride() const;

    // $context.identity.apiKey / apiKeyId once the usage plan check has found the key.
    void setApiKey(const QString &key, const QString &keyId);
    const QString &apiKey() const { return m_apiKey; }
    const QString &apiKeyId() const { return m_apiKeyId; }

    // $context.authorizer.* once an authorizer has let the request in.
    void setAuthorizer(AuthorizerValues values);
    const std::optional<AuthorizerValues> &authorizer() const { return m_authorizer; }

    // $context.error.* for gateway responses.
    void setError(const QString &responseType, const QString &message, const QString &validationErrorString);

private:
    vtl::MapPtr submap(const QString &key) const;
    void build() const;

    Fields m_fields;
    QString m_httpMethod;
    QString m_path;
    QString m_sourceIp;
    QString m_userAgent;
    QString m_apiKey;
    QString m_apiKeyId;
    std::optional<AuthorizerValues> m_authorizer;
    mutable vtl::Value m_value;
};

// The account and region Portico answers with: LocalStack's defaults, so scripts written for it
// see the same ARNs.
inline constexpr char kLocalAccountId[] = "000000000000";
inline constexpr char kLocalRegion[] = "us-east-1";

// "24/Nov/2026:08:10:00 +0000", as $context.requestTime and requestContext.requestTime print.
QString requestTimeString(const QDateTime &time);

} // namespace portico::runtime
