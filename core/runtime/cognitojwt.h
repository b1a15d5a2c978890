// COGNITO_USER_POOLS authorizers locally: a user pool's JWT (ID or access token) is checked as API
// Gateway checks it: RS256 signature against the pool's public keys (a JWKS file standing in for
// https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json), issuer one of the
// authorizer's pools, not expired, and by the method's OAuth scopes: without scopes an ID token
// is required; with scopes, an access token whose `scope` claim holds at least one of them.
// Signatures are checked with OpenSSL's libcrypto. Immutable once loaded; verify() from any thread.
#pragma once

#include "methodrequest.h"

#include "base/diagnostic.h"
#include "base/json.h"
#include "model/localuserpool.h"

#include <QDateTime>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace portico::runtime {

// One pool's public keys by key id (`kid`).
class Jwks
{
public:
    // A JWKS document ({"keys": [{"kty": "RSA", "kid": ..., "n": ..., "e": ...}]}); nothing, with
    // `error` saying why, when it holds no usable RSA key.
    static std::optional<Jwks> fromJson(const QByteArray &text, QString &error);

    // Whether `signature` is a valid RS256 signature of `signedPart` by the key `kid`.
    bool verifyRs256(const QString &kid, const QByteArray &signedPart, const QByteArray &signature) const;
    bool hasKey(const QString &kid) const { return m_keys.count(kid) > 0; }

private:
    struct Key;
    std::map<QString, std::shared_ptr<const Key>> m_keys;
};

struct CognitoVerdict
{
    enum class Outcome {
        Authorized,
        Unauthorized,       // the token is missing, malformed, forged, expired or lacks a scope: 401
        ConfigurationError, // the pool has no keys configured locally: 500
    };
    Outcome outcome = Outcome::Unauthorized;
    // Why, for the execution log.
    QString reason;
    // The token's claims as $context.authorizer.claims shows them: every value a string.
    NamedStrings claims;
};

// The user pools of a project (`localUserPools`), keyed by their tokens' issuer.
class CognitoUserPools
{
public:
    CognitoUserPools() = default;
    // Reads each pool's JWKS file (relative to `projectDirectory`); a file that cannot be read is
    // reported in `problems`, and tokens of that pool are then a configuration error.
    CognitoUserPools(const std::vector<model::LocalUserPool> &pools, const QString &projectDirectory,
                     std::vector<base::Diagnostic> &problems);

    // `token` as the identity source carried it (a "Bearer " prefix is accepted); `providerArns`
    // are the authorizer's pools, stage variables already substituted; `scopes` the method's
    // authorizationScopes.
    CognitoVerdict verify(const QString &token, const QStringList &providerArns, const QStringList &scopes,
                          const QDateTime &now) const;

    // "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC" for
    // "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC"; empty when not a pool ARN.
    static QString issuerOf(const QString &userPoolArn);

private:
    struct Pool
    {
        QString arn;
        std::optional<Jwks> keys;
        QString loadError;
    };
    std::map<QString, Pool> m_poolsByIssuer;
};

} // namespace portico::runtime
