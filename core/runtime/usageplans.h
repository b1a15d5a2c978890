// API keys and usage plans at run time, as API Gateway applies them before a method runs:
// which key a request carries (x-api-key), whether the method requires one, whether the key is
// enabled and in a usage plan for this stage, the plan's throttle (token bucket: burst capacity,
// refilled at the steady rate; per method where the plan says so) and quota (per day, week or
// month, with the first period's offset), and the stage's own method throttling.
#pragma once

#include "methodrequest.h"

#include "model/project.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <tuple>
#include <vector>

namespace portico::runtime {

// The counters: token buckets and quota counts, per key, plan and stage. Shared by every
// snapshot a server serves (a redeploy does not refill buckets) and by all its threads.
class UsageLedger
{
public:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastRefillMs = 0;
        bool started = false;
    };

    // Takes one token from the named bucket; false when it is empty. Starts full (the burst).
    bool take(const QString &bucket, const model::ThrottleSettings &throttle, qint64 nowMs);
    // Counts one request against a quota period; false when the period's limit is used up (the
    // request is then not counted).
    bool count(const QString &counter, const model::QuotaSettings &quota, const QDateTime &now);

    struct QuotaState
    {
        qint64 used = 0;
        qint64 limit = 0;
        QDateTime periodStart;
    };
    std::optional<QuotaState> quotaState(const QString &counter) const;

    // A request a key made through a plan that passed its checks, on a UTC day: what AWS's
    // GetUsage reports.
    void recordUse(const QString &planId, const QString &keyId, QDate day);
    struct DailyUse
    {
        QString planId;
        QString keyId;
        QDate day;
        qint64 requests = 0;
    };
    std::vector<DailyUse> dailyUse() const;

    // A request of a key through a plan that its throttle or its quota refused, for the live
    // usage the GUI shows beside the requests that passed.
    enum class Refusal { Throttled, OverQuota };
    void recordRefusal(const QString &planId, const QString &keyId, Refusal refusal);
    struct Refusals
    {
        qint64 throttled = 0;
        qint64 overQuota = 0;
    };
    Refusals refusals(const QString &planId, const QString &keyId) const;

    // The counter of a key's quota in a plan, for quotaState().
    static QString quotaCounter(const QString &keyId, const QString &planId);

    // The start of the quota period that contains `now` (UTC days; weeks from Monday; calendar months).
    static QDateTime periodStart(model::QuotaPeriod period, const QDateTime &now);

private:
    struct Quota
    {
        QDateTime periodStart;
        qint64 used = 0;
        qint64 limit = 0;
        bool firstPeriod = true;
    };
    mutable std::mutex m_mutex;
    std::map<QString, Bucket> m_buckets;
    std::map<QString, Quota> m_quotas;
    std::map<std::tuple<QString, QString, QDate>, qint64> m_dailyUse;
    std::map<std::pair<QString, QString>, Refusals> m_refusals;
};

struct AccessDecision
{
    enum class Outcome { Allowed, Forbidden, Throttled, QuotaExceeded };
    Outcome outcome = Outcome::Allowed;
    // The execution log's lines for this check, in order.
    QStringList log;
    QString apiKeyId;
    QString apiKey;
};

// The keys and plans of one project as they apply to one stage. Immutable; the ledger is shared.
class UsagePlans
{
public:
    // `anyStage`: plans apply whatever stage they name (for the undeployed draft, which no plan
    // can name).
    UsagePlans(const model::Project &project, const QString &stage, std::shared_ptr<UsageLedger> ledger,
               bool anyStage = false);

    // `methodKey` is AWS's "resourcePath/VERB" ("/pets/{id}/GET"); `verb` and `resourcePath` name the
    // method in the log lines.
    // `detailed`: write the log lines (only when someone reads the execution log).
    // `authorizerKey`: the usageIdentifierKey a Lambda authorizer returned, the key when the API's
    // key source is AUTHORIZER.
    AccessDecision check(const model::Method &method, const QString &verb, const QString &resourcePath,
                         const MethodRequest &request, const QString &apiId, const QString &requestId,
                         bool detailed = true, const QString &authorizerKey = QString()) const;

    // "**********************************bMZHBg": AWS's log masking, the last 6 characters shown.
    static QString masked(const QString &secret);

private:
    struct Plan
    {
        model::UsagePlan plan;
        model::UsagePlanStage stage;
    };
    QString m_stage;
    model::ApiKeySource m_keySource = model::ApiKeySource::Header;
    std::map<QString, model::ApiKey> m_keysByValue;
    // Key id -> the plans that give it this stage.
    std::map<QString, std::vector<Plan>> m_plansByKey;
    std::map<QString, model::MethodSetting> m_stageSettings;
    std::shared_ptr<UsageLedger> m_ledger;
};

} // namespace portico::runtime
