#include "cognitojwt.h"

#include "exchange.h"

#include <QDir>
#include <QFile>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace portico::runtime {

using base::Json;

namespace {

std::optional<QByteArray> base64UrlDecode(const QByteArray &text)
{
    auto decoded = QByteArray::fromBase64Encoding(text, QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals
                                                            | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return *decoded;
}

std::optional<Json> jsonObject(const QByteArray &text)
{
    Json json = Json::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object())
        return std::nullopt;
    return json;
}

QString stringClaim(const Json &claims, const char *name)
{
    const auto it = claims.find(name);
    return it != claims.end() && it->is_string() ? QString::fromStdString(it->get<std::string>()) : QString();
}

// Claims as API Gateway hands them to templates and proxy events: all strings, the `exp` and
// `iat` times printed as Java dates ("Tue Mar 12 14:14:16 UTC 2019").
NamedStrings stringifiedClaims(const Json &claims)
{
    NamedStrings out;
    for (auto it = claims.begin(); it != claims.end(); ++it) {
        const QString name = QString::fromStdString(it.key());
        const Json &v = it.value();
        QString text;
        if ((name == QLatin1String("exp") || name == QLatin1String("iat")) && v.is_number())
            text = javaDateString(QDateTime::fromSecsSinceEpoch(v.get<qint64>(), Qt::UTC));
        else if (v.is_string())
            text = QString::fromStdString(v.get<std::string>());
        else if (v.is_array()) {
            QStringList items;
            for (const Json &item : v)
                items.append(item.is_string() ? QString::fromStdString(item.get<std::string>()) : QString::fromStdString(item.dump()));
            text = items.join(QLatin1Char(','));
        } else
            text = QString::fromStdString(v.dump());
        out.emplace_back(name, text);
    }
    return out;
}

struct EvpPkeyFree
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};

// An RSA public key from a JWK's modulus and exponent (big-endian, base64url).
std::unique_ptr<EVP_PKEY, EvpPkeyFree> rsaPublicKey(const QByteArray &modulus, const QByteArray &exponent)
{
    std::unique_ptr<EVP_PKEY, EvpPkeyFree> key;
    BIGNUM *n = BN_bin2bn(reinterpret_cast<const unsigned char *>(modulus.constData()), int(modulus.size()), nullptr);
    BIGNUM *e = BN_bin2bn(reinterpret_cast<const unsigned char *>(exponent.constData()), int(exponent.size()), nullptr);
    OSSL_PARAM_BLD *builder = OSSL_PARAM_BLD_new();
    OSSL_PARAM *params = nullptr;
    EVP_PKEY_CTX *context = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    if (n && e && builder && context && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_N, n)
        && OSSL_PARAM_BLD_push_BN(builder, OSSL_PKEY_PARAM_RSA_E, e)
        && (params = OSSL_PARAM_BLD_to_param(builder)) != nullptr && EVP_PKEY_fromdata_init(context) == 1) {
        EVP_PKEY *made = nullptr;
        if (EVP_PKEY_fromdata(context, &made, EVP_PKEY_PUBLIC_KEY, params) == 1)
            key.reset(made);
    }
    EVP_PKEY_CTX_free(context);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(builder);
    BN_free(n);
    BN_free(e);
    return key;
}

} // namespace

struct Jwks::Key
{
    std::unique_ptr<EVP_PKEY, EvpPkeyFree> key;
};

std::optional<Jwks> Jwks::fromJson(const QByteArray &text, QString &error)
{
    const std::optional<Json> document = jsonObject(text);
    if (!document || !document->contains("keys") || !(*document)["keys"].is_array()) {
        error = QStringLiteral("not a JWKS document (an object with a \"keys\" list)");
        return std::nullopt;
    }
    Jwks jwks;
    for (const Json &jwk : (*document)["keys"]) {
        if (!jwk.is_object() || stringClaim(jwk, "kty") != QLatin1String("RSA"))
            continue;
        const QString kid = stringClaim(jwk, "kid");
        const std::optional<QByteArray> n = base64UrlDecode(stringClaim(jwk, "n").toLatin1());
        const std::optional<QByteArray> e = base64UrlDecode(stringClaim(jwk, "e").toLatin1());
        if (!n || !e || n->isEmpty() || e->isEmpty())
            continue;
        auto key = std::make_shared<Key>();
        key->key = rsaPublicKey(*n, *e);
        if (key->key)
            jwks.m_keys[kid] = std::move(key);
    }
    if (jwks.m_keys.empty()) {
        error = QStringLiteral("the JWKS holds no usable RSA key");
        return std::nullopt;
    }
    return jwks;
}

bool Jwks::verifyRs256(const QString &kid, const QByteArray &signedPart, const QByteArray &signature) const
{
    const auto it = m_keys.find(kid);
    if (it == m_keys.end())
        return false;
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    const bool valid = context && EVP_DigestVerifyInit(context, nullptr, EVP_sha256(), nullptr, it->second->key.get()) == 1
                       && EVP_DigestVerify(context, reinterpret_cast<const unsigned char *>(signature.constData()),
                                           size_t(signature.size()),
                                           reinterpret_cast<const unsigned char *>(signedPart.constData()),
                                           size_t(signedPart.size()))
                              == 1;
    EVP_MD_CTX_free(context);
    return valid;
}

QString CognitoUserPools::issuerOf(const QString &userPoolArn)
{
    // arn:aws:cognito-idp:{region}:{account}:userpool/{poolId}
    const QStringList parts = userPoolArn.split(QLatin1Char(':'));
    if (parts.size() != 6 || parts[0] != QLatin1String("arn") || parts[2] != QLatin1String("cognito-idp")
        || !parts[5].startsWith(QLatin1String("userpool/")))
        return {};
    return QStringLiteral("https://cognito-idp.%1.amazonaws.com/%2").arg(parts[3], parts[5].mid(9));
}

CognitoUserPools::CognitoUserPools(const std::vector<model::LocalUserPool> &pools, const QString &projectDirectory,
                                   std::vector<base::Diagnostic> &problems)
{
    for (const model::LocalUserPool &pool : pools) {
        const QString where = QStringLiteral("user pool %1").arg(pool.userPoolArn);
        const QString issuer = issuerOf(pool.userPoolArn);
        if (issuer.isEmpty()) {
            problems.push_back(base::Diagnostic::warning(where, QStringLiteral("not a Cognito user pool ARN")));
            continue;
        }
        Pool &entry = m_poolsByIssuer[issuer];
        entry.arn = pool.userPoolArn;
        const QString path = QDir(projectDirectory).filePath(pool.jwksFile);
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            entry.loadError = QStringLiteral("cannot read the JWKS file %1: %2").arg(path, file.errorString());
        } else {
            QString error;
            entry.keys = Jwks::fromJson(file.readAll(), error);
            if (!entry.keys)
                entry.loadError = QStringLiteral("JWKS file %1: %2").arg(path, error);
        }
        if (!entry.loadError.isEmpty())
            problems.push_back(base::Diagnostic::warning(where, entry.loadError));
    }
}

CognitoVerdict CognitoUserPools::verify(const QString &identity, const QStringList &providerArns, const QStringList &scopes,
                                        const QDateTime &now) const
{
    CognitoVerdict verdict;
    const auto reject = [&](const QString &reason) {
        verdict.outcome = CognitoVerdict::Outcome::Unauthorized;
        verdict.reason = reason;
        return verdict;
    };
    QString token = identity.trimmed();
    if (token.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive))
        token = token.mid(7).trimmed();
    const QList<QByteArray> parts = token.toLatin1().split('.');
    if (parts.size() != 3)
        return reject(QStringLiteral("the token is not a JWT (three dot-separated parts)"));
    const std::optional<QByteArray> headerText = base64UrlDecode(parts[0]);
    const std::optional<QByteArray> payloadText = base64UrlDecode(parts[1]);
    const std::optional<QByteArray> signature = base64UrlDecode(parts[2]);
    const std::optional<Json> header = headerText ? jsonObject(*headerText) : std::nullopt;
    const std::optional<Json> claims = payloadText ? jsonObject(*payloadText) : std::nullopt;
    if (!header || !claims || !signature)
        return reject(QStringLiteral("the token is not a well-formed JWT"));
    if (stringClaim(*header, "alg") != QLatin1String("RS256"))
        return reject(QStringLiteral("the token's algorithm is %1, not RS256").arg(stringClaim(*header, "alg")));

    const QString issuer = stringClaim(*claims, "iss");
    bool issuerAllowed = false;
    for (const QString &arn : providerArns)
        issuerAllowed = issuerAllowed || (!issuer.isEmpty() && issuerOf(arn) == issuer);
    if (!issuerAllowed)
        return reject(QStringLiteral("the token's issuer %1 is not one of the authorizer's user pools").arg(issuer));
    const auto pool = m_poolsByIssuer.find(issuer);
    if (pool == m_poolsByIssuer.end() || !pool->second.keys) {
        verdict.outcome = CognitoVerdict::Outcome::ConfigurationError;
        verdict.reason = pool == m_poolsByIssuer.end()
                             ? QStringLiteral("no JWKS is configured for the user pool of issuer %1 (localUserPools in the project)").arg(issuer)
                             : pool->second.loadError;
        return verdict;
    }
    const QString kid = stringClaim(*header, "kid");
    if (!pool->second.keys->hasKey(kid))
        return reject(QStringLiteral("the user pool's JWKS has no key %1").arg(kid));
    if (!pool->second.keys->verifyRs256(kid, parts[0] + '.' + parts[1], *signature))
        return reject(QStringLiteral("the token's signature is not valid"));

    const auto exp = claims->find("exp");
    if (exp == claims->end() || !exp->is_number())
        return reject(QStringLiteral("the token has no expiry (exp)"));
    if (exp->get<qint64>() <= now.toSecsSinceEpoch())
        return reject(QStringLiteral("the token expired at %1").arg(javaDateString(QDateTime::fromSecsSinceEpoch(exp->get<qint64>(), Qt::UTC))));

    const QString tokenUse = stringClaim(*claims, "token_use");
    if (scopes.isEmpty()) {
        // Without OAuth scopes on the method, API Gateway takes ID tokens only.
        if (tokenUse != QLatin1String("id"))
            return reject(QStringLiteral("the method has no authorization scopes, so an ID token is required (token_use is \"%1\")").arg(tokenUse));
    } else {
        if (tokenUse != QLatin1String("access"))
            return reject(QStringLiteral("the method has authorization scopes, so an access token is required (token_use is \"%1\")").arg(tokenUse));
        const QStringList granted = stringClaim(*claims, "scope").split(QLatin1Char(' '), Qt::SkipEmptyParts);
        bool anyScope = false;
        for (const QString &scope : scopes)
            anyScope = anyScope || granted.contains(scope);
        if (!anyScope)
            return reject(QStringLiteral("the token's scopes [%1] include none of the method's [%2]")
                              .arg(granted.join(QStringLiteral(", ")), scopes.join(QStringLiteral(", "))));
    }
    verdict.outcome = CognitoVerdict::Outcome::Authorized;
    verdict.claims = stringifiedClaims(*claims);
    verdict.reason = QStringLiteral("%1 token of %2 (sub %3)").arg(tokenUse == QLatin1String("id") ? QStringLiteral("ID") : QStringLiteral("Access"),
                                                                  issuer, stringClaim(*claims, "sub"));
    return verdict;
}

} // namespace portico::runtime
