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

namespace {

// `path` with its `from` prefix (the whole path, or a parent of it) replaced by `to`; empty when
// `from` is not a prefix of it.
QString replacedPrefix(const QString &path, const QString &from, const QString &to)
{
    if (path == from)
        return to;
    const QString parent = from == QLatin1String("/") ? from : from + QLatin1Char('/');
    if (!path.startsWith(parent))
        return {};
    return (to == QLatin1String("/") ? to : to + QLatin1Char('/')) + path.mid(parent.size());
}

} // namespace

std::vector<size_t> retargetSavedRequests(std::vector<SavedRequest> &requests, const QString &oldPath,
                                          const QString &newPath)
{
    std::vector<size_t> changed;
    if (oldPath == newPath)
        return changed;
    for (size_t i = 0; i < requests.size(); ++i) {
        const QString moved = replacedPrefix(requests[i].resourcePath, oldPath, newPath);
        if (!moved.isEmpty()) {
            requests[i].resourcePath = moved;
            changed.push_back(i);
        }
    }
    return changed;
}

void restoreSavedRequests(std::vector<SavedRequest> &requests, const std::vector<size_t> &indexes,
                          const QString &oldPath, const QString &newPath)
{
    for (size_t i : indexes) {
        if (i < requests.size()) {
            const QString back = replacedPrefix(requests[i].resourcePath, newPath, oldPath);
            if (!back.isEmpty())
                requests[i].resourcePath = back;
        }
    }
}

} // namespace portico::model
