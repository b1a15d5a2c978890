#include "deploymentorder.h"

#include <QCoreApplication>

#include <algorithm>

namespace portico::widgets {

std::vector<const model::Deployment *> deploymentsOldestFirst(const model::Project &project)
{
    std::vector<const model::Deployment *> ordered;
    ordered.reserve(project.deployments.size());
    for (const model::Deployment &deployment : project.deployments)
        ordered.push_back(&deployment);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const model::Deployment *a, const model::Deployment *b) {
                         return a->createdDate < b->createdDate;
                     });
    return ordered;
}

const model::Deployment *newestDeployment(const model::Project &project)
{
    const auto ordered = deploymentsOldestFirst(project);
    return ordered.empty() ? nullptr : ordered.back();
}

const model::Deployment *previousDeployment(const model::Project &project, const QString &id)
{
    const auto ordered = deploymentsOldestFirst(project);
    const auto it = std::find_if(ordered.begin(), ordered.end(),
                                 [&](const model::Deployment *d) { return d->id == id; });
    return it == ordered.end() || it == ordered.begin() ? nullptr : *(it - 1);
}

QStringList stagesServing(const model::Project &project, const QString &id)
{
    QStringList names;
    for (const model::Stage &stage : project.stages) {
        if (stage.deploymentId == id)
            names.append(stage.stageName);
    }
    return names;
}

QString deploymentDate(const model::Deployment &deployment)
{
    return deployment.createdDate.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString changeCount(size_t count)
{
    return count == 1 ? QCoreApplication::translate("portico::widgets", "1 change")
                      : QCoreApplication::translate("portico::widgets", "%1 changes").arg(count);
}

QString deploymentLabel(const model::Deployment &deployment)
{
    return QStringLiteral("%1 (%2)").arg(deployment.id, deploymentDate(deployment));
}

} // namespace portico::widgets
