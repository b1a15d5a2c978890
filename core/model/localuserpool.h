// Portico's stand-in for a Cognito user pool: where the pool's public keys (its JWKS, as
// https://cognito-idp.{region}.amazonaws.com/{poolId}/.well-known/jwks.json serves them) are
// found locally, so COGNITO_USER_POOLS authorizers can check token signatures without AWS.
#pragma once

#include <QString>

namespace portico::model {

struct LocalUserPool
{
    // "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbCdEf123", as an
    // authorizer's providerARNs name it; the tokens' issuer is derived from it.
    QString userPoolArn;
    // A JWKS file, relative to the project file.
    QString jwksFile;

    friend bool operator==(const LocalUserPool &, const LocalUserPool &) = default;
};

} // namespace portico::model
