// The questions the deploy dialog and the deployment history both ask of a project's deployments:
// their order in time, the newest, the one before, which stages serve one, and how one (and a
// number of changes) is named to a person.
#pragma once

#include "model/project.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace portico::widgets {

// Oldest first, by creation date; deployments created in the same instant keep the project's
// order (which is the order they were made in).
std::vector<const model::Deployment *> deploymentsOldestFirst(const model::Project &project);
const model::Deployment *newestDeployment(const model::Project &project);
// The deployment made just before `id`, or null for the first one (or an unknown id).
const model::Deployment *previousDeployment(const model::Project &project, const QString &id);
// The names of the stages that serve deployment `id`, in the project's order.
QStringList stagesServing(const model::Project &project, const QString &id);
// "2026-11-24 10:00", local time, for lists and summaries.
QString deploymentDate(const model::Deployment &deployment);
// "1 change", "3 changes": English plurals without a translation loaded.
QString changeCount(size_t count);
// "dep1oy0003 (2026-11-24 10:00)"
QString deploymentLabel(const model::Deployment &deployment);

} // namespace portico::widgets
