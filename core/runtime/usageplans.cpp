#include "usageplans.h"

#include <cmath>

namespace portico::runtime {

namespace {

bool unlimited(const model::ThrottleSettings &throttle)
{
    return throttle.rateLimit <= 0 && throttle.burstLimit <= 0;
}

} // namespace

bool UsageLedger::take(const QString &name, const model::ThrottleSettings &throttle, qint64 nowMs)
{
    if (unlimited(throttle))
        return true;
    // A bucket holds at most the burst (at least one request); it refills at the steady rate.
    const double capacity = std::max(1.0, double(throttle.burstLimit > 0 ? throttle.burstLimit : std::ceil(throttle.rateLimit)));
    std::lock_guard lock(m_mutex);
    Bucket &bucket = m_buckets[name];
    if (!bucket.started) {
        bucket.started = true;
        bucket.tokens = capacity;
        bucket.lastRefillMs = nowMs;
    } else if (nowMs > bucket.lastRefillMs) {
        bucket.tokens = std::min(capacity, bucket.tokens + double(nowMs - bucket.lastRefillMs) / 1000.0 * throttle.rateLimit);
        bucket.lastRefillMs = nowMs;
    }
    if (bucket.tokens < 1.0)
        return false;
    bucket.tokens -= 1.0;
    return true;
}

QDateTime UsageLedger::periodStart(model::QuotaPeriod period, const QDateTime &now)
{
    const QDate today = now.toUTC().date();
    QDate start = today;
    if (period == model::QuotaPeriod::Week)
        start = today.addDays(1 - today.dayOfWeek());
    else if (period == model::QuotaPeriod::Month)
        start = QDate(today.year(), today.month(), 1);
    return QDateTime(start, QTime(0, 0), Qt::UTC);
}

bool UsageLedger::count(const QString &name, const model::QuotaSettings &quota, const QDateTime &now)
{
    if (quota.limit <= 0)
        return true;
    const QDateTime start = periodStart(quota.period, now);
    std::lock_guard lock(m_mutex);
    Quota &q = m_quotas[name];
    if (q.periodStart != start) {
        // A new period; the offset only shortens the first one, as AWS documents it.
        const bool first = !q.periodStart.isValid();
        q.periodStart = start;
        q.used = 0;
        q.limit = first ? std::max(0, quota.limit - quota.offset) : quota.limit;
    }
    if (q.used >= q.limit)
        return false;
    ++q.used;
    return true;
}

void UsageLedger::recordUse(const QString &planId, const QString &keyId, QDate day)
{
    std::lock_guard lock(m_mutex);
    ++m_dailyUse[{planId, keyId, day}];
}

void UsageLedger::recordRefusal(const QString &planId, const QString &keyId, Refusal refusal)
{
    std::lock_guard lock(m_mutex);
    Refusals &counts = m_refusals[{planId, keyId}];
    ++(refusal == Refusal::Throttled ? counts.throttled : counts.overQuota);
}

UsageLedger::Refusals UsageLedger::refusals(const QString &planId, const QString &keyId) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_refusals.find({planId, keyId});
    return it == m_refusals.end() ? Refusals {} : it->second;
}

std::vector<UsageLedger::DailyUse> UsageLedger::dailyUse() const
{
    std::lock_guard lock(m_mutex);
    std::vector<DailyUse> all;
    all.reserve(m_dailyUse.size());
    for (const auto &[where, requests] : m_dailyUse)
        all.push_back(DailyUse{std::get<0>(where), std::get<1>(where), std::get<2>(where), requests});
    return all;
}

QString UsageLedger::quotaCounter(const QString &keyId, const QString &planId)
{
    return QStringLiteral("quota|%1|%2").arg(keyId, planId);
}

std::optional<UsageLedger::QuotaState> UsageLedger::quotaState(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    auto it = m_quotas.find(name);
    if (it == m_quotas.end())
        return std::nullopt;
    return QuotaState{it->second.used, it->second.limit, it->second.periodStart};
}

UsagePlans::UsagePlans(const model::Project &project, const QString &stage, std::shared_ptr<UsageLedger> ledger,
                       bool anyStage)
    : m_stage(stage), m_keySource(project.api.apiKeySource), m_ledger(std::move(ledger))
{
    for (const model::ApiKey &key : project.apiKeys)
        m_keysByValue.emplace(key.value, key);
    for (const model::UsagePlan &plan : project.usagePlans) {
        for (const model::UsagePlanStage &planStage : plan.apiStages) {
            if (planStage.stage != stage && !anyStage)
                continue;
            for (const QString &keyId : plan.apiKeyIds)
                m_plansByKey[keyId].push_back(Plan{plan, planStage});
        }
    }
    if (const model::Stage *s = project.findStage(stage))
        m_stageSettings = s->methodSettings;
}

QString UsagePlans::masked(const QString &secret)
{
    if (secret.size() <= 6)
        return QString(secret.size(), QLatin1Char('*'));
    return QString(secret.size() - 6, QLatin1Char('*')) + secret.right(6);
}

AccessDecision UsagePlans::check(const model::Method &method, const QString &verb, const QString &resourcePath,
                                 const MethodRequest &request, const QString &apiId, const QString &requestId,
                                 bool detailed, const QString &authorizerKey) const
{
    AccessDecision decision;
    // Log lines are formatted only when asked for; the checks themselves are the same.
    const auto note = [&](auto &&line) {
        if (detailed)
            decision.log.append(line());
    };
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString methodKey = resourcePath + QLatin1Char('/') + verb;
    const QString apiStage = apiId + QLatin1Char('/') + m_stage;

    // The stage's own method throttling applies to every request, keyed or not.
    auto setting = m_stageSettings.find(methodKey);
    if (setting == m_stageSettings.end())
        setting = m_stageSettings.find(QStringLiteral("*/*"));
    if (setting != m_stageSettings.end() && setting->second.throttlingRateLimit && setting->second.throttlingBurstLimit) {
        const model::ThrottleSettings throttle{*setting->second.throttlingRateLimit, *setting->second.throttlingBurstLimit};
        if (!m_ledger->take(QStringLiteral("stage|%1|%2").arg(m_stage, setting->first), throttle, nowMs)) {
            decision.outcome = AccessDecision::Outcome::Throttled;
            note([&] { return QStringLiteral("Method throttle limit exceeded for stage %1, method %2").arg(m_stage, methodKey); });
            return decision;
        }
    }

    const QString key = m_keySource == model::ApiKeySource::Header
                            ? request.headerValue(QStringLiteral("x-api-key")).value_or(QString())
                            : authorizerKey;
    decision.apiKey = key;
    note([&] { return QStringLiteral("Verifying Usage Plan for request: %1. API Key: %2 API Stage: %3")
                            .arg(requestId, masked(key), apiStage); });
    if (!method.apiKeyRequired) {
        note([&] { return QStringLiteral("API Key %1 authorized because method '%2 %3' does not require API Key. Request will "
                                           "not contribute to throttle or quota limits")
                                .arg(masked(key), verb, resourcePath); });
        return decision;
    }
    const auto forbid = [&](auto &&why) {
        decision.outcome = AccessDecision::Outcome::Forbidden;
        note(why);
        return decision;
    };
    if (m_keySource == model::ApiKeySource::Authorizer && key.isEmpty())
        return forbid([&] { return QStringLiteral("API Key source AUTHORIZER: no authorizer supplied a usageIdentifierKey"); });
    if (key.isEmpty())
        return forbid([&] { return QStringLiteral("API Key not found in the x-api-key header for method '%1 %2', which requires one").arg(verb, resourcePath); });
    auto found = m_keysByValue.find(key);
    if (found == m_keysByValue.end())
        return forbid([&] { return QStringLiteral("API Key %1 not authorized: no such API key").arg(masked(key)); });
    const model::ApiKey &apiKey = found->second;
    decision.apiKeyId = apiKey.id;
    if (!apiKey.enabled)
        return forbid([&] { return QStringLiteral("API Key %1 not authorized: the key is disabled").arg(masked(key)); });
    auto plans = m_plansByKey.find(apiKey.id);
    if (plans == m_plansByKey.end() || plans->second.empty())
        return forbid([&] { return QStringLiteral("API Key %1 not authorized because it is not associated with a Usage Plan for API Stage %2")
                          .arg(masked(key), apiStage); });
    // A key in several plans for one stage: AWS refuses that configuration; use the first.
    const Plan &plan = plans->second.front();
    std::optional<model::ThrottleSettings> throttle = plan.plan.throttle;
    QString bucket = QStringLiteral("key|%1|%2|%3").arg(apiKey.id, plan.plan.id, m_stage);
    if (auto methodThrottle = plan.stage.throttle.find(methodKey); methodThrottle != plan.stage.throttle.end()) {
        throttle = methodThrottle->second;
        bucket += QLatin1Char('|') + methodKey;
    }
    if (throttle && !m_ledger->take(bucket, *throttle, nowMs)) {
        m_ledger->recordRefusal(plan.plan.id, apiKey.id, UsageLedger::Refusal::Throttled);
        decision.outcome = AccessDecision::Outcome::Throttled;
        note([&] { return QStringLiteral("API Key %1 throttle limit exceeded for Usage Plan %2 and API Stage %3")
                                .arg(masked(key), plan.plan.id, apiStage); });
        return decision;
    }
    const QDateTime now = QDateTime::fromMSecsSinceEpoch(nowMs, Qt::UTC);
    if (plan.plan.quota && !m_ledger->count(UsageLedger::quotaCounter(apiKey.id, plan.plan.id), *plan.plan.quota, now)) {
        m_ledger->recordRefusal(plan.plan.id, apiKey.id, UsageLedger::Refusal::OverQuota);
        decision.outcome = AccessDecision::Outcome::QuotaExceeded;
        note([&] { return QStringLiteral("API Key %1 quota exceeded for Usage Plan %2").arg(masked(key), plan.plan.id); });
        return decision;
    }
    m_ledger->recordUse(plan.plan.id, apiKey.id, now.date());
    note([&] { return QStringLiteral("Usage Plan check succeeded for API Key %1 and API Stage %2").arg(masked(key), apiStage); });
    return decision;
}

} // namespace portico::runtime
