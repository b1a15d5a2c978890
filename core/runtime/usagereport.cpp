#include "usagereport.h"

#include "base/json.h"

namespace portico::runtime {

base::Json usageReport(const model::Project &project, const UsageLedger &ledger, const QDateTime &now)
{
    const std::vector<UsageLedger::DailyUse> daily = ledger.dailyUse();
    base::Json plans = base::Json::array();
    for (const model::UsagePlan &plan : project.usagePlans) {
        base::Json entry;
        entry["id"] = plan.id.toStdString();
        entry["name"] = plan.name.toStdString();
        base::Json stages = base::Json::array();
        for (const model::UsagePlanStage &stage : plan.apiStages)
            stages.push_back(stage.stage.toStdString());
        entry["stages"] = stages;
        if (plan.throttle)
            entry["throttle"] = {{"rateLimit", plan.throttle->rateLimit}, {"burstLimit", plan.throttle->burstLimit}};
        if (plan.quota)
            entry["quota"] = {{"limit", plan.quota->limit},
                              {"period", model::enumName(plan.quota->period).toStdString()},
                              {"offset", plan.quota->offset}};
        base::Json keys = base::Json::array();
        for (const QString &keyId : plan.apiKeyIds) {
            const model::ApiKey *key = project.findApiKey(keyId);
            base::Json k;
            k["id"] = keyId.toStdString();
            k["name"] = key ? key->name.toStdString() : std::string();
            k["enabled"] = key && key->enabled;
            k["value"] = key ? UsagePlans::masked(key->value).toStdString() : std::string();
            base::Json days = base::Json::array();
            qint64 today = 0;
            for (const UsageLedger::DailyUse &use : daily) {
                if (use.planId != plan.id || use.keyId != keyId)
                    continue;
                days.push_back({{"date", use.day.toString(Qt::ISODate).toStdString()}, {"requests", use.requests}});
                if (use.day == now.toUTC().date())
                    today = use.requests;
            }
            k["today"] = today;
            const UsageLedger::Refusals refused = ledger.refusals(plan.id, keyId);
            k["throttled"] = refused.throttled;
            k["overQuota"] = refused.overQuota;
            k["days"] = days;
            if (plan.quota && plan.quota->limit > 0) {
                // Before the first request of a period nothing is counted: all of it remains
                // (less the offset in the very first period, as the ledger will apply it).
                const QDateTime periodStart = UsageLedger::periodStart(plan.quota->period, now);
                const std::optional<UsageLedger::QuotaState> state = ledger.quotaState(UsageLedger::quotaCounter(keyId, plan.id));
                qint64 used = 0;
                qint64 limit = std::max(0, plan.quota->limit - plan.quota->offset);
                if (state) {
                    limit = state->periodStart == periodStart ? state->limit : plan.quota->limit;
                    used = state->periodStart == periodStart ? state->used : 0;
                }
                k["quota"] = {{"used", used},
                              {"remaining", std::max<qint64>(0, limit - used)},
                              {"periodStart", periodStart.toString(Qt::ISODate).toStdString()}};
            }
            keys.push_back(k);
        }
        entry["keys"] = keys;
        plans.push_back(entry);
    }
    return base::Json{{"generatedAt", now.toUTC().toString(Qt::ISODate).toStdString()}, {"usagePlans", plans}};
}

} // namespace portico::runtime
