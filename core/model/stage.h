// Deployments (immutable snapshots of the API) and the stages that serve them.
#pragma once

#include "restapi.h"

#include <QDateTime>
#include <QString>

#include <map>
#include <optional>

namespace portico::model {

struct Deployment
{
    QString id;
    QDateTime createdDate;
    QString description;
    RestApi snapshot;

    friend bool operator==(const Deployment &, const Deployment &) = default;
};

struct MethodSetting
{
    std::optional<double> throttlingRateLimit;
    std::optional<int> throttlingBurstLimit;
    friend bool operator==(const MethodSetting &, const MethodSetting &) = default;
};

struct Stage
{
    QString stageName;
    QString deploymentId;
    QString description;
    std::map<QString, QString> variables;
    // "resourcePath/VERB" (e.g. "/pets/GET", "*/*" for the whole stage) -> settings, AWS's keys.
    std::map<QString, MethodSetting> methodSettings;

    friend bool operator==(const Stage &, const Stage &) = default;
};

} // namespace portico::model
