// A Method of a Resource with its four parts: method request (the fields here), integration
// request and integration response (Integration), method response (MethodResponse). AWS names.
#pragma once

#include "enums.h"
#include "openapiextras.h"

#include <QString>
#include <QStringList>

#include <map>
#include <optional>

namespace portico::model {

using StringMap = std::map<QString, QString>;

struct MethodResponse
{
    QString statusCode;
    // "method.response.header.X" -> required
    std::map<QString, bool> responseParameters;
    // content type -> model name
    StringMap responseModels;

    friend bool operator==(const MethodResponse &, const MethodResponse &) = default;
};

struct IntegrationResponse
{
    QString statusCode;
    // Regex over the backend status code (HTTP, AWS) or Lambda errorMessage; empty is the default.
    QString selectionPattern;
    // "method.response.header.X" -> source expression
    StringMap responseParameters;
    // content type -> VTL template
    StringMap responseTemplates;
    std::optional<ContentHandling> contentHandling;

    friend bool operator==(const IntegrationResponse &, const IntegrationResponse &) = default;
};

struct TlsConfig
{
    bool insecureSkipVerification = false;
    friend bool operator==(const TlsConfig &, const TlsConfig &) = default;
};

struct Integration
{
    IntegrationType type = IntegrationType::Mock;
    QString httpMethod;
    QString uri;
    QString credentials;
    std::optional<ConnectionType> connectionType;
    QString connectionId;
    // "integration.request.header|querystring|path.X" -> source expression
    StringMap requestParameters;
    // content type -> VTL template
    StringMap requestTemplates;
    PassthroughBehavior passthroughBehavior = PassthroughBehavior::WhenNoMatch;
    std::optional<ContentHandling> contentHandling;
    int timeoutInMillis = 29000;
    QString cacheNamespace;
    QStringList cacheKeyParameters;
    std::optional<TlsConfig> tlsConfig;
    // status code -> response
    std::map<QString, IntegrationResponse> integrationResponses;
    // Relative to the x-amazon-apigateway-integration object.
    OpenApiExtras openApiExtras;

    bool needsUri() const
    {
        return type != IntegrationType::Mock;
    }

    friend bool operator==(const Integration &, const Integration &) = default;
};

struct Method
{
    QString httpMethod;
    AuthorizationType authorizationType = AuthorizationType::None;
    QString authorizerId;
    QStringList authorizationScopes;
    bool apiKeyRequired = false;
    QString operationName;
    // "method.request.querystring|header|path.NAME" -> required
    std::map<QString, bool> requestParameters;
    // content type -> model name
    StringMap requestModels;
    QString requestValidatorId;
    // status code -> response
    std::map<QString, MethodResponse> methodResponses;
    std::optional<Integration> integration;
    // Relative to the OpenAPI operation object.
    OpenApiExtras openApiExtras;

    friend bool operator==(const Method &, const Method &) = default;
};

} // namespace portico::model
