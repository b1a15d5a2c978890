// The smaller named parts of a REST API that methods refer to by name or id: models (JSON Schema
// draft-04), authorizers, request validators and customised gateway responses.
#pragma once

#include "enums.h"
#include "method.h"

#include <QString>
#include <QStringList>

namespace portico::model {

struct Model
{
    QString id;
    QString name;
    QString description;
    QString contentType = QStringLiteral("application/json");
    // The JSON Schema text, as AWS stores it. Kept as text so that a half-typed schema in the
    // editor is never lost; the project file writes it as a JSON object when it parses.
    QString schema;

    friend bool operator==(const Model &, const Model &) = default;
};

struct Authorizer
{
    QString id;
    QString name;
    AuthorizerType type = AuthorizerType::Token;
    QString authType;
    QString authorizerUri;
    QString authorizerCredentials;
    // "method.request.header.Authorization", comma-separated for REQUEST authorizers.
    QString identitySource;
    QString identityValidationExpression;
    int authorizerResultTtlInSeconds = 300;
    QStringList providerARNs;
    // Relative to the security scheme object the authorizer came from.
    OpenApiExtras openApiExtras;

    friend bool operator==(const Authorizer &, const Authorizer &) = default;
};

struct RequestValidator
{
    QString id;
    QString name;
    bool validateRequestBody = false;
    bool validateRequestParameters = false;

    friend bool operator==(const RequestValidator &, const RequestValidator &) = default;
};

struct GatewayResponse
{
    // DEFAULT_4XX, MISSING_AUTHENTICATION_TOKEN, THROTTLED, ...
    QString responseType;
    // Empty means the type's default status.
    QString statusCode;
    // "gatewayresponse.header.X" -> source expression
    StringMap responseParameters;
    StringMap responseTemplates;

    friend bool operator==(const GatewayResponse &, const GatewayResponse &) = default;
};

} // namespace portico::model
