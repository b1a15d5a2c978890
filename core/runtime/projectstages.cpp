#include "projectstages.h"

#include <set>

namespace portico::runtime {

std::vector<ServedStage> stagesFromProject(const model::Project &project, const std::optional<DraftStage> &draft,
                                           std::vector<base::Diagnostic> &problems, std::shared_ptr<UsageLedger> ledger,
                                           const QString &projectDirectory)
{
    if (!ledger)
        ledger = std::make_shared<UsageLedger>();
    // The pools' keys are read once and shared; each stage keeps its own cache of authorizer results.
    const auto userPools = std::make_shared<const CognitoUserPools>(project.localUserPools, projectDirectory, problems);
    std::set<QString> reportedAuthorizers;
    const auto authorizersFor = [&](const CompiledApi &api, const QString &where) {
        std::vector<base::Diagnostic> found;
        auto authorizers = std::make_shared<Authorizers>(api.api(), userPools, found);
        // Stages on one deployment would repeat the same problems.
        if (reportedAuthorizers.insert(where).second) {
            for (base::Diagnostic &d : found) {
                d.location = QStringLiteral("%1: %2").arg(where, d.location);
                problems.push_back(std::move(d));
            }
        }
        return authorizers;
    };
    std::vector<ServedStage> out;
    // Stages on one deployment share its compiled snapshot.
    std::map<QString, std::shared_ptr<const CompiledApi>> compiled;
    for (const model::Stage &stage : project.stages) {
        const model::Deployment *deployment = project.findDeployment(stage.deploymentId);
        if (!deployment) {
            problems.push_back(base::Diagnostic::warning(
                QStringLiteral("stage %1").arg(stage.stageName),
                QStringLiteral("not served: deployment \"%1\" does not exist").arg(stage.deploymentId)));
            continue;
        }
        auto &api = compiled[deployment->id];
        if (!api) {
            std::vector<base::Diagnostic> found;
            api = CompiledApi::compile(deployment->snapshot, found);
            for (base::Diagnostic &d : found) {
                d.location = QStringLiteral("deployment %1: %2").arg(deployment->id, d.location);
                problems.push_back(std::move(d));
            }
        }
        ServedStage served;
        served.name = stage.stageName;
        served.deploymentId = deployment->id;
        served.api = api;
        served.variables.assign(stage.variables.begin(), stage.variables.end());
        served.usagePlans = std::make_shared<const UsagePlans>(project, stage.stageName, ledger);
        served.authorizers = authorizersFor(*api, QStringLiteral("deployment ") + deployment->id);
        out.push_back(std::move(served));
    }
    if (draft) {
        std::vector<base::Diagnostic> found;
        ServedStage served;
        served.name = draft->name;
        served.api = CompiledApi::compile(project.api, found);
        served.variables = draft->variables;
        served.usagePlans = std::make_shared<const UsagePlans>(project, draft->name, ledger, true);
        served.authorizers = authorizersFor(*served.api, QStringLiteral("draft"));
        for (base::Diagnostic &d : found) {
            d.location = QStringLiteral("draft: %1").arg(d.location);
            problems.push_back(std::move(d));
        }
        // The draft replaces a stage of the same name.
        std::erase_if(out, [&](const ServedStage &s) { return s.name == served.name; });
        out.push_back(std::move(served));
    }
    return out;
}

} // namespace portico::runtime
