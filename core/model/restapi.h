// A REST API's definition: its settings and everything a deployment snapshots (resources and
// methods, models, authorizers, validators, gateway responses). Stages, deployments, keys and
// usage plans live beside it in Project, as they do beside the API in AWS.
#pragma once

#include "apiparts.h"
#include "enums.h"
#include "resource.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace portico::model {

struct EndpointConfiguration
{
    EndpointType type = EndpointType::Edge;
    QStringList vpcEndpointIds;
    friend bool operator==(const EndpointConfiguration &, const EndpointConfiguration &) = default;
};

struct RestApi
{
    QString id;
    QString name;
    QString description;
    QString version;
    EndpointConfiguration endpointConfiguration;
    QStringList binaryMediaTypes;
    ApiKeySource apiKeySource = ApiKeySource::Header;
    std::optional<int> minimumCompressionSize;
    // The resource policy as JSON text (AWS stores it as a string).
    QString policy;
    bool disableExecuteApiEndpoint = false;

    std::vector<Resource> resources;
    std::vector<Model> models;
    std::vector<Authorizer> authorizers;
    std::vector<RequestValidator> requestValidators;
    std::vector<GatewayResponse> gatewayResponses;
    // Relative to the OpenAPI document's root.
    OpenApiExtras openApiExtras;

    // Lookups over the flat resource list. Pointers stay valid until resources changes.
    const Resource *root() const;
    const Resource *findResource(const QString &id) const;
    Resource *findResource(const QString &id);
    const Resource *findResourceByPath(const QString &path) const;
    std::vector<const Resource *> children(const QString &parentId) const;
    // "/pets/{petId}", computed from the parent chain; "/" for the root, empty for an unknown id.
    QString pathOf(const QString &resourceId) const;
    // The ids of a resource and all its descendants, parents before children.
    QStringList subtreeIds(const QString &resourceId) const;

    const Model *findModel(const QString &name) const;
    const Authorizer *findAuthorizer(const QString &id) const;
    const RequestValidator *findRequestValidator(const QString &id) const;

    friend bool operator==(const RestApi &, const RestApi &) = default;
};

} // namespace portico::model
