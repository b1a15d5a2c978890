// The authorizers of one served stage, run as API Gateway runs them before a method executes:
// Lambda authorizers (TOKEN: one header, checked against identityValidationExpression first;
// REQUEST: headers, query strings, stage variables and context values) invoke a local function
// with AWS's event and evaluate the IAM policy it returns against the method ARN; their results
// are cached per identity for authorizerResultTtlInSeconds and the cached policy is evaluated
// again for each method it is reused on. COGNITO_USER_POOLS authorizers check the token locally
// (CognitoUserPools). Every decision comes with its execution log lines.
//
// Thread-safe: authorize() from any server thread; the cache is the one shared state.
#pragma once

#include "cognitojwt.h"
#include "iampolicy.h"
#include "requestcontext.h"

#include "base/diagnostic.h"
#include "model/restapi.h"

#include <QRegularExpression>

#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace portico::runtime {

class FunctionHost;

struct AuthorizerDecision
{
    enum class Outcome {
        Allowed,
        Unauthorized,       // 401 UNAUTHORIZED
        ExplicitDeny,       // 403 ACCESS_DENIED "... with an explicit deny"
        ImplicitDeny,       // 403 ACCESS_DENIED, no statement allows the method
        ConfigurationError, // 500 AUTHORIZER_CONFIGURATION_ERROR
    };
    Outcome outcome = Outcome::Unauthorized;
    // The execution log's lines for this step, in order (empty unless asked for).
    QStringList log;
    // What $context.authorizer shows once the request is let in.
    AuthorizerValues values;
    // A Lambda authorizer's usageIdentifierKey: the API key when the API's key source is AUTHORIZER.
    QString usageIdentifierKey;
};

// One request as an authorizer sees it. The pointers must stay valid until authorize() returns;
// nothing is read from them afterwards.
struct AuthorizerRequest
{
    QString authorizerId;
    // The method's authorizationScopes (Cognito access tokens must carry one of them).
    QStringList scopes;
    const MethodRequest *request = nullptr;
    const RequestContext *context = nullptr;
    const NamedStrings *stageVariables = nullptr;
    // Runs Lambda authorizer functions; may be null (then a Lambda authorizer is a configuration error).
    FunctionHost *functions = nullptr;
    QString methodArn;
    QString apiId;
    QString requestId;
    // Write the execution log lines (only when someone reads them).
    bool detailed = true;
};

class Authorizers : public std::enable_shared_from_this<Authorizers>
{
public:
    using Completion = std::function<void(AuthorizerDecision)>;
    using Clock = std::chrono::steady_clock;

    // Compiles each authorizer of `api` (identity sources, validation expressions); an expression
    // that does not compile is reported in `problems`, and requests through it get AWS's 500.
    // Without `userPools`, Cognito authorizers have no keys to check tokens with (500).
    Authorizers(const model::RestApi &api, std::shared_ptr<const CognitoUserPools> userPools,
                std::vector<base::Diagnostic> &problems);

    // Decides whether `request` may go on. `done` runs exactly once, on the thread that called
    // authorize(): at once when no function has to run (an identity is missing, a cached result,
    // a Cognito token), else when the function has answered.
    void authorize(const AuthorizerRequest &request, Completion done);

    // How many identities have a live cached result (for tests and the inspector).
    size_t cachedResults() const;

private:
    struct Compiled
    {
        model::Authorizer authorizer;
        QStringList identitySources;
        std::optional<QRegularExpression> validation;
        QString validationError;
    };
    // A Lambda authorizer's output, parsed once and cached as is.
    struct LambdaOutput
    {
        QString principalId;
        IamPolicy policy;
        NamedStrings context;
        QString usageIdentifierKey;
    };
    struct CacheEntry
    {
        std::shared_ptr<const LambdaOutput> output;
        Clock::time_point expires;
    };

    // The values of the authorizer's identity sources; nothing when the request is refused before
    // any function runs (a missing source, a token the validation expression rejects), with
    // `decision` saying how.
    static std::optional<QStringList> identityValues(const Compiled &compiled, const AuthorizerRequest &request,
                                                     AuthorizerDecision &decision);
    void authorizeWithCognito(const Compiled &compiled, const QString &identity, const AuthorizerRequest &request,
                              AuthorizerDecision decision, const Completion &done) const;
    void invokeLambda(const Compiled &compiled, const QString &identity, const QString &cacheKey,
                      const AuthorizerRequest &request, AuthorizerDecision decision, Completion done);
    QByteArray event(const Compiled &compiled, const QString &identity, const AuthorizerRequest &request) const;
    static std::shared_ptr<const LambdaOutput> parseOutput(const QByteArray &payload, QString &error);
    static AuthorizerDecision evaluate(const LambdaOutput &output, const QString &methodArn, std::optional<qint64> latencyMs,
                                       AuthorizerDecision decision, bool detailed);

    std::shared_ptr<const LambdaOutput> cached(const QString &key);
    void store(const QString &key, std::shared_ptr<const LambdaOutput> output, int ttlSeconds);

    std::unordered_map<QString, Compiled> m_authorizers;
    std::shared_ptr<const CognitoUserPools> m_userPools;
    mutable std::mutex m_cacheMutex;
    std::unordered_map<QString, CacheEntry> m_cache;
};

} // namespace portico::runtime
