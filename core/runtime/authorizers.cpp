#include "authorizers.h"

#include "eventrequestcontext.h"
#include "exchange.h"
#include "functionhost.h"
#include "jsonwriter.h"
#include "parametermapping.h"
#include "usageplans.h"

#include "base/limits.h"

#include <QAbstractEventDispatcher>
#include <QElapsedTimer>
#include <QPointer>
#include <QThread>

namespace portico::runtime {

using base::Json;
using Outcome = AuthorizerDecision::Outcome;

namespace {

// AWS's wording where its logs have one; the detail lines before them are Portico's.
const QString kAuthorizerError = QStringLiteral("Execution failed due to configuration error: Authorizer error");

// Runs `work` on the thread of `dispatcher` (the request's), inline when already there or when
// that thread has gone meanwhile (the server stopped: the reply is then dropped anyway).
void runOn(const QPointer<QAbstractEventDispatcher> &dispatcher, std::function<void()> work)
{
    if (!dispatcher || dispatcher->thread() == QThread::currentThread()) {
        work();
        return;
    }
    QMetaObject::invokeMethod(dispatcher.data(), std::move(work), Qt::QueuedConnection);
}

QString stringified(const Json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString::fromStdString(value.dump());
}

// Single-value maps keep the last of repeated names, as API Gateway's do.
void writeSingleValues(JsonWriter &w, const NamedStrings &values, Qt::CaseSensitivity names)
{
    w.beginObject();
    for (size_t i = 0; i < values.size(); ++i) {
        bool later = false;
        for (size_t j = i + 1; j < values.size() && !later; ++j)
            later = values[j].first.compare(values[i].first, names) == 0;
        if (later)
            continue;
        w.key(values[i].first);
        w.value(values[i].second);
    }
    w.endObject();
}

void writeMultiValues(JsonWriter &w, const NamedStrings &values, Qt::CaseSensitivity names)
{
    w.beginObject();
    for (size_t i = 0; i < values.size(); ++i) {
        bool earlier = false;
        for (size_t j = 0; j < i && !earlier; ++j)
            earlier = values[j].first.compare(values[i].first, names) == 0;
        if (earlier)
            continue;
        w.key(values[i].first);
        w.beginArray();
        for (size_t j = i; j < values.size(); ++j) {
            if (values[j].first.compare(values[i].first, names) == 0)
                w.value(values[j].second);
        }
        w.endArray();
    }
    w.endObject();
}

} // namespace

Authorizers::Authorizers(const model::RestApi &api, std::shared_ptr<const CognitoUserPools> userPools,
                         std::vector<base::Diagnostic> &problems)
    : m_userPools(userPools ? std::move(userPools) : std::make_shared<const CognitoUserPools>())
{
    for (const model::Authorizer &authorizer : api.authorizers) {
        Compiled compiled;
        compiled.authorizer = authorizer;
        for (const QString &source : authorizer.identitySource.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!source.trimmed().isEmpty())
                compiled.identitySources.append(source.trimmed());
        }
        if (!authorizer.identityValidationExpression.isEmpty()) {
            // The whole token must match, as Java's Pattern.matches() requires.
            QRegularExpression expression(QRegularExpression::anchoredPattern(authorizer.identityValidationExpression));
            if (expression.isValid()) {
                compiled.validation = expression;
            } else {
                compiled.validationError = expression.errorString();
                problems.push_back(base::Diagnostic::warning(
                    QStringLiteral("authorizer %1").arg(authorizer.name),
                    QStringLiteral("identityValidationExpression does not compile: %1").arg(expression.errorString())));
            }
        }
        m_authorizers.emplace(authorizer.id, std::move(compiled));
    }
}

size_t Authorizers::cachedResults() const
{
    std::lock_guard lock(m_cacheMutex);
    const Clock::time_point now = Clock::now();
    return size_t(std::count_if(m_cache.begin(), m_cache.end(), [&](const auto &entry) { return entry.second.expires > now; }));
}

std::shared_ptr<const Authorizers::LambdaOutput> Authorizers::cached(const QString &key)
{
    std::lock_guard lock(m_cacheMutex);
    const auto it = m_cache.find(key);
    if (it == m_cache.end())
        return nullptr;
    if (it->second.expires <= Clock::now()) {
        m_cache.erase(it);
        return nullptr;
    }
    return it->second.output;
}

void Authorizers::store(const QString &key, std::shared_ptr<const LambdaOutput> output, int ttlSeconds)
{
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_cacheMutex);
    // Expired entries are dropped now and then, so a stream of one-off tokens cannot grow the cache forever.
    if (m_cache.size() >= 4096)
        std::erase_if(m_cache, [&](const auto &entry) { return entry.second.expires <= now; });
    m_cache[key] = CacheEntry{std::move(output), now + std::chrono::seconds(ttlSeconds)};
}

std::optional<QStringList> Authorizers::identityValues(const Compiled &compiled, const AuthorizerRequest &request,
                                                      AuthorizerDecision &decision)
{
    const model::Authorizer &authorizer = compiled.authorizer;
    const auto refuse = [&](Outcome outcome, const QString &why) -> std::optional<QStringList> {
        decision.outcome = outcome;
        if (request.detailed) {
            decision.log.append(why);
            decision.log.append(outcome == Outcome::Unauthorized ? QStringLiteral("Unauthorized request: %1").arg(request.requestId)
                                                                 : kAuthorizerError);
        }
        return std::nullopt;
    };
    MappingSources sources;
    sources.request = request.request;
    sources.context = request.context;
    sources.stageVariables = request.stageVariables;
    QStringList values;
    for (const QString &source : compiled.identitySources) {
        const std::optional<QString> value = evaluateMappingSource(source, sources);
        if (!value || value->isEmpty())
            return refuse(Outcome::Unauthorized,
                          QStringLiteral("Authorizer %1: the identity source %2 is missing or empty").arg(authorizer.name, source));
        values.append(*value);
    }
    if (authorizer.type == model::AuthorizerType::Request)
        return values;
    // A TOKEN or Cognito authorizer's identity is its one header, checked against the expression.
    if (values.isEmpty())
        return refuse(Outcome::Unauthorized, QStringLiteral("Authorizer %1 has no identity source").arg(authorizer.name));
    if (authorizer.identityValidationExpression.isEmpty())
        return values;
    if (!compiled.validation)
        return refuse(Outcome::ConfigurationError, QStringLiteral("Authorizer %1: identityValidationExpression does not compile: %2")
                                                       .arg(authorizer.name, compiled.validationError));
    if (!compiled.validation->match(values.front()).hasMatch())
        return refuse(Outcome::Unauthorized,
                      QStringLiteral("Authorizer %1: the incoming identity does not match the identity validation expression %2")
                          .arg(authorizer.name, authorizer.identityValidationExpression));
    return values;
}

void Authorizers::authorize(const AuthorizerRequest &request, Completion done)
{
    AuthorizerDecision decision;
    const bool detailed = request.detailed;
    const auto found = m_authorizers.find(request.authorizerId);
    if (found == m_authorizers.end()) {
        decision.outcome = Outcome::ConfigurationError;
        if (detailed)
            decision.log << QStringLiteral("The method's authorizer %1 does not exist in this deployment").arg(request.authorizerId)
                         << kAuthorizerError;
        done(std::move(decision));
        return;
    }
    const Compiled &compiled = found->second;
    const model::Authorizer &authorizer = compiled.authorizer;

    // Identity sources first: a missing one is 401 without calling anything.
    const std::optional<QStringList> values = identityValues(compiled, request, decision);
    if (!values) {
        done(std::move(decision));
        return;
    }
    const QString identity = values->join(QStringLiteral(", "));
    if (authorizer.type == model::AuthorizerType::CognitoUserPools) {
        authorizeWithCognito(compiled, identity, request, std::move(decision), done);
        return;
    }

    if (detailed) {
        decision.log << QStringLiteral("Starting authorizer: %1 for request: %2").arg(authorizer.id, request.requestId)
                     << QStringLiteral("Incoming identity: %1").arg(UsagePlans::masked(identity));
    }
    // Results are cached per identity: the token for TOKEN authorizers, the values of all identity
    // sources for REQUEST ones (which without sources cannot be cached).
    const int ttl = std::clamp(authorizer.authorizerResultTtlInSeconds, 0, base::limits::kAuthorizerTtlMaxSeconds);
    const bool cacheable = ttl > 0 && !compiled.identitySources.isEmpty();
    const QString cacheKey = cacheable ? authorizer.id + QChar(0x1f) + values->join(QChar(0x1f)) : QString();
    if (cacheable) {
        if (const std::shared_ptr<const LambdaOutput> hit = cached(cacheKey)) {
            if (detailed)
                decision.log.append(QStringLiteral("Using the cached authorizer result for this identity (authorizerResultTtlInSeconds %1)").arg(ttl));
            done(evaluate(*hit, request.methodArn, 0, std::move(decision), detailed));
            return;
        }
    }
    invokeLambda(compiled, identity, cacheKey, request, std::move(decision), std::move(done));
}

void Authorizers::authorizeWithCognito(const Compiled &compiled, const QString &identity, const AuthorizerRequest &request,
                                       AuthorizerDecision decision, const Completion &done) const
{
    QStringList pools;
    for (const QString &arn : compiled.authorizer.providerARNs)
        pools.append(request.stageVariables ? substituteStageVariables(arn, *request.stageVariables) : arn);
    const CognitoVerdict verdict = m_userPools->verify(identity, pools, request.scopes, QDateTime::currentDateTimeUtc());
    if (request.detailed)
        decision.log.append(QStringLiteral("Cognito user pool authorizer %1: %2").arg(compiled.authorizer.name, verdict.reason));
    switch (verdict.outcome) {
    case CognitoVerdict::Outcome::Authorized:
        decision.outcome = Outcome::Allowed;
        decision.values.claims = verdict.claims;
        break;
    case CognitoVerdict::Outcome::Unauthorized:
        decision.outcome = Outcome::Unauthorized;
        if (request.detailed)
            decision.log.append(QStringLiteral("Unauthorized request: %1").arg(request.requestId));
        break;
    case CognitoVerdict::Outcome::ConfigurationError:
        decision.outcome = Outcome::ConfigurationError;
        if (request.detailed)
            decision.log.append(kAuthorizerError);
        break;
    }
    done(std::move(decision));
}

QByteArray Authorizers::event(const Compiled &compiled, const QString &identity, const AuthorizerRequest &request) const
{
    JsonWriter w(2048);
    w.beginObject();
    if (compiled.authorizer.type == model::AuthorizerType::Token) {
        w.key(QLatin1StringView("type"));
        w.value(QLatin1StringView("TOKEN"));
        w.key(QLatin1StringView("authorizationToken"));
        w.value(identity);
        w.key(QLatin1StringView("methodArn"));
        w.value(request.methodArn);
        w.endObject();
        return w.take();
    }
    // REQUEST: the request's parameters, in the order of AWS's example event; empty maps are {}.
    const MethodRequest &r = *request.request;
    w.key(QLatin1StringView("type"));
    w.value(QLatin1StringView("REQUEST"));
    w.key(QLatin1StringView("methodArn"));
    w.value(request.methodArn);
    w.key(QLatin1StringView("resource"));
    w.value(request.context->fields().resourcePath);
    w.key(QLatin1StringView("path"));
    w.value(r.path);
    w.key(QLatin1StringView("httpMethod"));
    w.value(r.httpMethod);
    w.key(QLatin1StringView("headers"));
    writeSingleValues(w, r.headers, Qt::CaseInsensitive);
    w.key(QLatin1StringView("multiValueHeaders"));
    writeMultiValues(w, r.headers, Qt::CaseInsensitive);
    w.key(QLatin1StringView("queryStringParameters"));
    writeSingleValues(w, r.query, Qt::CaseSensitive);
    w.key(QLatin1StringView("multiValueQueryStringParameters"));
    writeMultiValues(w, r.query, Qt::CaseSensitive);
    w.key(QLatin1StringView("pathParameters"));
    writeSingleValues(w, r.pathParameters, Qt::CaseSensitive);
    w.key(QLatin1StringView("stageVariables"));
    writeSingleValues(w, request.stageVariables ? *request.stageVariables : NamedStrings(), Qt::CaseSensitive);
    w.key(QLatin1StringView("requestContext"));
    writeEventRequestContext(w, *request.context, r);
    w.endObject();
    return w.take();
}

void Authorizers::invokeLambda(const Compiled &compiled, const QString &identity, const QString &cacheKey,
                               const AuthorizerRequest &request, AuthorizerDecision decision, Completion done)
{
    const model::Authorizer &authorizer = compiled.authorizer;
    const bool detailed = request.detailed;
    const QString uri = request.stageVariables ? substituteStageVariables(authorizer.authorizerUri, *request.stageVariables)
                                               : authorizer.authorizerUri;
    const QString functionName = FunctionHost::functionNameFromUri(uri);
    const auto configurationError = [&](const QString &why) {
        if (detailed) {
            decision.log.append(why);
            decision.log.append(kAuthorizerError);
        }
        decision.outcome = Outcome::ConfigurationError;
        done(std::move(decision));
    };
    if (functionName.isEmpty()) {
        configurationError(QStringLiteral("Invalid Lambda function ARN in the authorizer URI %1").arg(uri));
        return;
    }
    if (!request.functions) {
        configurationError(QStringLiteral("No local functions are available to run the authorizer"));
        return;
    }
    const QByteArray payload = event(compiled, identity, request);
    if (detailed) {
        const QString arn = uri.contains(QLatin1String("/functions/"))
                                ? uri.section(QStringLiteral("/functions/"), 1).section(QStringLiteral("/invocations"), 0, 0)
                                : uri;
        const QString endpoint = QStringLiteral("https://lambda.%1.amazonaws.com/2015-03-31/functions/%2/invocations")
                                     .arg(QLatin1String(kLocalRegion), arn);
        decision.log.append(QStringLiteral("Endpoint request URI: %1").arg(endpoint));
        decision.log.append(QStringLiteral("Endpoint request headers: %1")
                                .arg(javaMapString({{QStringLiteral("x-amzn-lambda-integration-tag"), request.requestId},
                                                    {QStringLiteral("User-Agent"), QStringLiteral("AmazonAPIGateway_") + request.apiId},
                                                    {QStringLiteral("X-Amz-Source-Arn"),
                                                     QStringLiteral("arn:aws:execute-api:%1:%2:%3/authorizers/%4")
                                                         .arg(QLatin1String(kLocalRegion), QLatin1String(kLocalAccountId),
                                                              request.apiId, authorizer.id)},
                                                    {QStringLiteral("x-amzn-apigateway-api-id"), request.apiId}})));
        decision.log.append(QStringLiteral("Endpoint request body after transformations: %1").arg(truncatedForLog(QString::fromUtf8(payload))));
        decision.log.append(QStringLiteral("Sending request to %1").arg(endpoint));
    }
    // The answer may arrive on another thread; the pipeline continues on the request's own.
    const QPointer<QAbstractEventDispatcher> origin = QAbstractEventDispatcher::instance();
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    const int ttl = std::clamp(authorizer.authorizerResultTtlInSeconds, 0, base::limits::kAuthorizerTtlMaxSeconds);
    request.functions->invoke(
        functionName, payload, request.requestId,
        [self = shared_from_this(), decision = std::move(decision), done = std::move(done), origin, timer, cacheKey, ttl,
         methodArn = request.methodArn, requestId = request.requestId, detailed](InvocationResult result) mutable {
            const qint64 latencyMs = timer->elapsed();
            AuthorizerDecision out = std::move(decision);
            const auto fail = [&](Outcome outcome, const QStringList &lines) {
                out.outcome = outcome;
                if (detailed)
                    out.log.append(lines);
            };
            switch (result.outcome) {
            case InvocationResult::Outcome::NotInvoked:
                fail(Outcome::ConfigurationError, {QStringLiteral("The authorizer function could not be invoked: %1").arg(result.detail), kAuthorizerError});
                break;
            case InvocationResult::Outcome::FunctionError:
                // Only an error whose message is exactly "Unauthorized" means 401; any other is AWS's 500.
                if (result.errorMessage == QLatin1String("Unauthorized")) {
                    fail(Outcome::Unauthorized, {QStringLiteral("The authorizer function answered Unauthorized"),
                                                 QStringLiteral("Unauthorized request: %1").arg(requestId)});
                } else {
                    fail(Outcome::ConfigurationError,
                         {QStringLiteral("Lambda execution failed with status 200 due to customer function error: %1. Lambda request id: %2")
                              .arg(result.errorMessage, requestId),
                          kAuthorizerError});
                }
                break;
            case InvocationResult::Outcome::Success: {
                if (detailed)
                    out.log.append(QStringLiteral("Authorizer result body before parsing: %1").arg(truncatedForLog(QString::fromUtf8(result.payload))));
                QString error;
                std::shared_ptr<const LambdaOutput> output = parseOutput(result.payload, error);
                if (!output) {
                    fail(Outcome::ConfigurationError, {QStringLiteral("The authorizer's output is not usable: %1").arg(error), kAuthorizerError});
                    break;
                }
                if (!cacheKey.isEmpty())
                    self->store(cacheKey, output, ttl);
                out = evaluate(*output, methodArn, latencyMs, std::move(out), detailed);
                break;
            }
            }
            runOn(origin, [done = std::move(done), out = std::move(out)]() mutable { done(std::move(out)); });
        });
}

std::shared_ptr<const Authorizers::LambdaOutput> Authorizers::parseOutput(const QByteArray &payload, QString &error)
{
    const Json json = Json::parse(payload.constBegin(), payload.constEnd(), nullptr, false);
    if (json.is_discarded() || !json.is_object()) {
        error = QStringLiteral("it is not a JSON object");
        return nullptr;
    }
    auto output = std::make_shared<LambdaOutput>();
    const auto principal = json.find("principalId");
    if (principal == json.end() || !principal->is_string()) {
        error = QStringLiteral("principalId is missing or not a string");
        return nullptr;
    }
    output->principalId = QString::fromStdString(principal->get<std::string>());
    const auto document = json.find("policyDocument");
    if (document == json.end()) {
        error = QStringLiteral("policyDocument is missing");
        return nullptr;
    }
    std::optional<IamPolicy> policy = IamPolicy::parse(*document, error);
    if (!policy)
        return nullptr;
    output->policy = std::move(*policy);
    const auto context = json.find("context");
    if (context != json.end() && !context->is_null()) {
        if (!context->is_object()) {
            error = QStringLiteral("context is not an object");
            return nullptr;
        }
        // Only strings, numbers and booleans: a nested object or list is AWS's configuration error.
        for (auto it = context->begin(); it != context->end(); ++it) {
            if (!it->is_string() && !it->is_number() && !it->is_boolean()) {
                error = QStringLiteral("context.%1 is %2; only strings, numbers and booleans are allowed")
                            .arg(QString::fromStdString(it.key()), base::jsonTypeName(*it));
                return nullptr;
            }
            output->context.emplace_back(QString::fromStdString(it.key()), stringified(*it));
        }
    }
    const auto key = json.find("usageIdentifierKey");
    if (key != json.end() && !key->is_null()) {
        if (!key->is_string()) {
            error = QStringLiteral("usageIdentifierKey is not a string");
            return nullptr;
        }
        output->usageIdentifierKey = QString::fromStdString(key->get<std::string>());
    }
    return output;
}

AuthorizerDecision Authorizers::evaluate(const LambdaOutput &output, const QString &methodArn, std::optional<qint64> latencyMs,
                                         AuthorizerDecision decision, bool detailed)
{
    if (detailed) {
        decision.log.append(QStringLiteral("Using valid authorizer policy for principal: %1").arg(UsagePlans::masked(output.principalId)));
        decision.log.append(QStringLiteral("Successfully completed authorizer execution"));
        decision.log.append(QStringLiteral("Policy evaluation: %1").arg(output.policy.describeMatch(methodArn)));
    }
    switch (output.policy.evaluate(methodArn)) {
    case IamPolicy::Decision::Allow:
        decision.outcome = Outcome::Allowed;
        decision.values.values.emplace_back(QStringLiteral("principalId"), output.principalId);
        decision.values.values.insert(decision.values.values.end(), output.context.begin(), output.context.end());
        decision.values.integrationLatencyMs = latencyMs;
        decision.usageIdentifierKey = output.usageIdentifierKey;
        break;
    case IamPolicy::Decision::ExplicitDeny:
        decision.outcome = Outcome::ExplicitDeny;
        if (detailed)
            decision.log.append(QStringLiteral("The client is not authorized to perform this operation."));
        break;
    case IamPolicy::Decision::ImplicitDeny:
        decision.outcome = Outcome::ImplicitDeny;
        if (detailed)
            decision.log.append(QStringLiteral("The client is not authorized to perform this operation."));
        break;
    }
    return decision;
}

} // namespace portico::runtime
