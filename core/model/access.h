// API keys and the usage plans that give them throttling and quotas on stages.
#pragma once

#include "enums.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>
#include <vector>

namespace portico::model {

struct ApiKey
{
    QString id;
    QString name;
    QString value;
    bool enabled = true;
    QString description;

    friend bool operator==(const ApiKey &, const ApiKey &) = default;
};

struct ThrottleSettings
{
    double rateLimit = 0;
    int burstLimit = 0;
    friend bool operator==(const ThrottleSettings &, const ThrottleSettings &) = default;
};

struct QuotaSettings
{
    int limit = 0;
    QuotaPeriod period = QuotaPeriod::Day;
    int offset = 0;
    friend bool operator==(const QuotaSettings &, const QuotaSettings &) = default;
};

struct UsagePlanStage
{
    QString stage;
    // "/pets/GET" -> throttle for that method
    std::map<QString, ThrottleSettings> throttle;
    friend bool operator==(const UsagePlanStage &, const UsagePlanStage &) = default;
};

struct UsagePlan
{
    QString id;
    QString name;
    QString description;
    std::optional<ThrottleSettings> throttle;
    std::optional<QuotaSettings> quota;
    std::vector<UsagePlanStage> apiStages;
    QStringList apiKeyIds;

    friend bool operator==(const UsagePlan &, const UsagePlan &) = default;
};

} // namespace portico::model
