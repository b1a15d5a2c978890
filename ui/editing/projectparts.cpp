#include "projectparts.h"

namespace portico::editing {

namespace {

// Calls `visit(where, method)` for every method of the API, `where` being "GET /pets".
template<typename Visit>
void forEachMethod(const model::RestApi &api, Visit visit)
{
    for (const model::Resource &resource : api.resources) {
        const QString path = api.pathOf(resource.id);
        for (const auto &[verb, method] : resource.methods)
            visit(verb + QLatin1Char(' ') + path, method);
    }
}

} // namespace

QStringList referencesTo(const model::Project &project, const model::Model &item)
{
    QStringList where;
    forEachMethod(project.api, [&](const QString &method, const model::Method &m) {
        for (const auto &[contentType, name] : m.requestModels) {
            if (name == item.name)
                where << QStringLiteral("%1 method request (%2)").arg(method, contentType);
        }
        for (const auto &[status, response] : m.methodResponses) {
            for (const auto &[contentType, name] : response.responseModels) {
                if (name == item.name)
                    where << QStringLiteral("%1 method response %2 (%3)").arg(method, status, contentType);
            }
        }
    });
    // Another model's schema that refers to it by its model URL, as AWS's $ref form does.
    const QString url = QStringLiteral("/models/%1\"").arg(item.name);
    for (const model::Model &other : project.api.models) {
        if (other.name != item.name && other.schema.contains(url))
            where << QStringLiteral("model %1").arg(other.name);
    }
    return where;
}

QStringList referencesTo(const model::Project &project, const model::Authorizer &item)
{
    QStringList where;
    forEachMethod(project.api, [&](const QString &method, const model::Method &m) {
        if (m.authorizerId == item.id)
            where << method;
    });
    return where;
}

QStringList referencesTo(const model::Project &project, const model::RequestValidator &item)
{
    QStringList where;
    forEachMethod(project.api, [&](const QString &method, const model::Method &m) {
        if (m.requestValidatorId == item.id)
            where << method;
    });
    return where;
}

QStringList referencesTo(const model::Project &project, const model::Stage &item)
{
    QStringList where;
    for (const model::UsagePlan &plan : project.usagePlans) {
        for (const model::UsagePlanStage &stage : plan.apiStages) {
            if (stage.stage == item.stageName)
                where << QStringLiteral("usage plan %1").arg(plan.name);
        }
    }
    return where;
}

QStringList referencesTo(const model::Project &project, const model::Deployment &item)
{
    QStringList where;
    for (const model::Stage &stage : project.stages) {
        if (stage.deploymentId == item.id)
            where << QStringLiteral("stage %1").arg(stage.stageName);
    }
    return where;
}

QStringList referencesTo(const model::Project &project, const model::ApiKey &item)
{
    QStringList where;
    for (const model::UsagePlan &plan : project.usagePlans) {
        if (plan.apiKeyIds.contains(item.id))
            where << QStringLiteral("usage plan %1").arg(plan.name);
    }
    return where;
}

} // namespace portico::editing
