// Everything one project file holds: the API definition and what surrounds it in AWS (stages,
// deployments, API keys, usage plans), plus Portico's local functions and user pools.
#pragma once

#include "access.h"
#include "localfunction.h"
#include "localuserpool.h"
#include "savedrequest.h"
#include "restapi.h"
#include "stage.h"

#include <vector>

namespace portico::model {

struct Project
{
    static constexpr int kFormatVersion = 1;

    RestApi api;
    std::vector<Deployment> deployments;
    std::vector<Stage> stages;
    std::vector<ApiKey> apiKeys;
    std::vector<UsagePlan> usagePlans;
    std::vector<LocalFunction> localFunctions;
    std::vector<LocalUserPool> localUserPools;
    // The composer's saved requests with their expectations, for every method.
    std::vector<SavedRequest> savedRequests;

    const Deployment *findDeployment(const QString &id) const;
    const Stage *findStage(const QString &name) const;
    const ApiKey *findApiKey(const QString &id) const;

    // A new project: an API with only its root resource.
    static Project createEmpty(const QString &apiName);

    friend bool operator==(const Project &, const Project &) = default;
};

} // namespace portico::model
