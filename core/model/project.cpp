#include "project.h"

#include "base/ids.h"

#include <algorithm>

namespace portico::model {

const Deployment *Project::findDeployment(const QString &id) const
{
    const auto it = std::find_if(deployments.begin(), deployments.end(),
                                 [&](const Deployment &d) { return d.id == id; });
    return it == deployments.end() ? nullptr : &*it;
}

const Stage *Project::findStage(const QString &name) const
{
    const auto it = std::find_if(stages.begin(), stages.end(),
                                 [&](const Stage &s) { return s.stageName == name; });
    return it == stages.end() ? nullptr : &*it;
}

const ApiKey *Project::findApiKey(const QString &id) const
{
    const auto it = std::find_if(apiKeys.begin(), apiKeys.end(),
                                 [&](const ApiKey &k) { return k.id == id; });
    return it == apiKeys.end() ? nullptr : &*it;
}

Project Project::createEmpty(const QString &apiName)
{
    Project project;
    project.api.id = base::newResourceId();
    project.api.name = apiName;
    Resource root;
    root.id = base::newResourceId();
    project.api.resources.push_back(root);
    return project;
}

} // namespace portico::model
