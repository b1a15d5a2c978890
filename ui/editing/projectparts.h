// The named parts of a project beside the resource tree (models, authorizers, request validators,
// gateway responses, local functions, stages, deployments, API keys, usage plans), described once
// so that one undo command, one navigator model and one set of lookups serve all of them. Each
// part is a list of items with a unique key: the name where AWS refers to the item by name
// (models, stages, functions), the id where it refers to it by id, and the response type for
// gateway responses.
#pragma once

#include "model/project.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <vector>

namespace portico::editing {

template<typename T>
struct PartTraits;

#define PORTICO_PART_TRAITS(T, KIND, NOUN, LIST, KEY)                                              \
    template<>                                                                                     \
    struct PartTraits<T>                                                                           \
    {                                                                                              \
        static constexpr int kind = KIND;                                                          \
        static QString noun() { return QStringLiteral(NOUN); }                                     \
        static std::vector<T> &list(model::Project &p) { return LIST; }                            \
        static const std::vector<T> &list(const model::Project &p) { return LIST; }                \
        static QString keyOf(const T &item) { return item.KEY; }                                   \
    };

PORTICO_PART_TRAITS(model::Model, 0, "model", p.api.models, name)
PORTICO_PART_TRAITS(model::Authorizer, 1, "authorizer", p.api.authorizers, id)
PORTICO_PART_TRAITS(model::RequestValidator, 2, "request validator", p.api.requestValidators, id)
PORTICO_PART_TRAITS(model::GatewayResponse, 3, "gateway response", p.api.gatewayResponses, responseType)
PORTICO_PART_TRAITS(model::LocalFunction, 4, "local function", p.localFunctions, name)
PORTICO_PART_TRAITS(model::Stage, 5, "stage", p.stages, stageName)
PORTICO_PART_TRAITS(model::Deployment, 6, "deployment", p.deployments, id)
PORTICO_PART_TRAITS(model::ApiKey, 7, "API key", p.apiKeys, id)
PORTICO_PART_TRAITS(model::UsagePlan, 8, "usage plan", p.usagePlans, id)
PORTICO_PART_TRAITS(model::SavedRequest, 9, "saved request", p.savedRequests, key())

#undef PORTICO_PART_TRAITS

// The item of a part with `key`, or nullptr.
template<typename T>
const T *findPart(const model::Project &project, const QString &key)
{
    for (const T &item : PartTraits<T>::list(project)) {
        if (PartTraits<T>::keyOf(item) == key)
            return &item;
    }
    return nullptr;
}

// Where the project refers to an item, in words ("GET /pets method request", "usage plan Gold"),
// so that deleting something still in use can be refused as AWS refuses it (a model or
// authorizer in use, a stage in a usage plan, a deployment a stage serves).
QStringList referencesTo(const model::Project &project, const model::Model &item);
QStringList referencesTo(const model::Project &project, const model::Authorizer &item);
QStringList referencesTo(const model::Project &project, const model::RequestValidator &item);
QStringList referencesTo(const model::Project &project, const model::Stage &item);
QStringList referencesTo(const model::Project &project, const model::Deployment &item);
QStringList referencesTo(const model::Project &project, const model::ApiKey &item);
// Nothing refers to these by key in a way AWS guards.
inline QStringList referencesTo(const model::Project &, const model::GatewayResponse &) { return {}; }
inline QStringList referencesTo(const model::Project &, const model::LocalFunction &) { return {}; }
inline QStringList referencesTo(const model::Project &, const model::UsagePlan &) { return {}; }
inline QStringList referencesTo(const model::Project &, const model::SavedRequest &) { return {}; }

} // namespace portico::editing
