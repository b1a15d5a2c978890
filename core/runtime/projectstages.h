// Which stages a project serves: each stage with its deployment's snapshot (never the unsaved
// draft, as on AWS), plus, when asked, the current definition as stage "draft".
#pragma once

#include "servedstage.h"

#include "base/diagnostic.h"
#include "model/project.h"

#include <optional>
#include <vector>

namespace portico::runtime {

struct DraftStage
{
    QString name = QStringLiteral("draft");
    NamedStrings variables;
};

// Compiles every snapshot once. Problems (a stage without a deployment, a template that does not
// parse) come back as diagnostics; what can be served is served.
// `ledger` keeps throttle and quota counters across reloads; a new one when null.
// `projectDirectory` resolves the project's relative paths (the user pools' JWKS files).
std::vector<ServedStage> stagesFromProject(const model::Project &project, const std::optional<DraftStage> &draft,
                                           std::vector<base::Diagnostic> &problems,
                                           std::shared_ptr<UsageLedger> ledger = nullptr,
                                           const QString &projectDirectory = QString());

} // namespace portico::runtime
