#include "apimerge.h"

#include "base/ids.h"

#include <algorithm>
#include <map>

namespace portico::openapi {

using namespace portico::model;

namespace {

// Replaces the element whose key matches or appends it; returns the id the element ends up with
// (the existing one's when it replaced something).
template<typename T, typename Key> QString upsert(std::vector<T> &items, T incoming, Key key)
{
    for (T &item : items) {
        if (key(item) == key(incoming)) {
            incoming.id = item.id;
            item = std::move(incoming);
            return item.id;
        }
    }
    items.push_back(std::move(incoming));
    return items.back().id;
}

} // namespace

void mergeApi(RestApi &existing, const RestApi &imported)
{
    if (!imported.description.isEmpty())
        existing.description = imported.description;
    if (!imported.version.isEmpty())
        existing.version = imported.version;
    for (const QString &type : imported.binaryMediaTypes)
        if (!existing.binaryMediaTypes.contains(type))
            existing.binaryMediaTypes << type;
    if (imported.apiKeySource != ApiKeySource::Header)
        existing.apiKeySource = imported.apiKeySource;
    if (imported.minimumCompressionSize)
        existing.minimumCompressionSize = imported.minimumCompressionSize;
    if (!imported.policy.isEmpty())
        existing.policy = imported.policy;
    if (!imported.endpointConfiguration.vpcEndpointIds.isEmpty())
        existing.endpointConfiguration = imported.endpointConfiguration;
    existing.disableExecuteApiEndpoint
        = existing.disableExecuteApiEndpoint || imported.disableExecuteApiEndpoint;
    for (const auto &[pointer, value] : imported.openApiExtras)
        existing.openApiExtras[pointer] = value;

    for (const Model &model : imported.models)
        upsert(existing.models, model, [](const Model &m) { return m.name; });
    std::map<QString, QString> authorizerIds;
    for (const Authorizer &authorizer : imported.authorizers)
        authorizerIds[authorizer.id]
            = upsert(existing.authorizers, authorizer, [](const Authorizer &a) { return a.name; });
    std::map<QString, QString> validatorIds;
    for (const RequestValidator &validator : imported.requestValidators)
        validatorIds[validator.id] = upsert(existing.requestValidators, validator,
                                            [](const RequestValidator &v) { return v.name; });
    for (const GatewayResponse &response : imported.gatewayResponses) {
        const auto found = std::find_if(
            existing.gatewayResponses.begin(), existing.gatewayResponses.end(),
            [&](const GatewayResponse &g) { return g.responseType == response.responseType; });
        if (found != existing.gatewayResponses.end())
            *found = response;
        else
            existing.gatewayResponses.push_back(response);
    }

    // Resources in the imported order, which lists parents before children.
    std::map<QString, QString> resourceIds; // imported id -> id in existing
    for (const Resource &resource : imported.resources) {
        const QString path = imported.pathOf(resource.id);
        const Resource *match = existing.findResourceByPath(path);
        QString id;
        if (match) {
            id = match->id;
        } else {
            Resource added = resource;
            added.methods.clear();
            added.parentId = resourceIds[resource.parentId];
            while (existing.findResource(added.id))
                added.id = base::newResourceId();
            existing.resources.push_back(added);
            id = added.id;
        }
        resourceIds[resource.id] = id;
        Resource *target = existing.findResource(id);
        for (auto [verb, method] : resource.methods) {
            if (!method.authorizerId.isEmpty())
                method.authorizerId = authorizerIds[method.authorizerId];
            if (!method.requestValidatorId.isEmpty())
                method.requestValidatorId = validatorIds[method.requestValidatorId];
            target->methods[verb] = std::move(method);
        }
    }
}

void overwriteApi(RestApi &existing, const RestApi &imported)
{
    const QString id = existing.id;
    existing = imported;
    existing.id = id;
}

} // namespace portico::openapi
