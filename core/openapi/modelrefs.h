// How a model's schema refers to other models. API Gateway stores a reference as the model's URL
// ("https://apigateway.amazonaws.com/restapis/{apiId}/models/Pet"); an OpenAPI file writes
// "#/definitions/Pet" (Swagger 2.0) or "#/components/schemas/Pet" (OpenAPI 3). Import rewrites the
// file's form to the URL, export rewrites it back, so a model never depends on the file it came
// from.
#pragma once

#include "base/json.h"

#include <QString>

#include <functional>

namespace portico::openapi {

QString modelUrl(const QString &apiId, const QString &modelName);

// The model a reference names, or an empty string when `ref` is not a reference to a model in any
// of the three forms above (an external file, a JSON pointer into something else).
QString referencedModelName(const QString &ref);

// Every "$ref" in `schema` that names a model replaced by target(name), unless that is empty.
void rewriteModelRefs(base::Json &schema, const std::function<QString(const QString &)> &target);

// Every "$ref" in `schema` that names a model, rewritten to modelUrl(apiId, name). Other "$ref"s
// are left as they are.
void rewriteRefsToModelUrls(base::Json &schema, const QString &apiId);

// Every "$ref" in `schema` that names a model, rewritten to localPrefix + name (localPrefix is
// "#/definitions/" or "#/components/schemas/").
void rewriteRefsToLocal(base::Json &schema, const QString &localPrefix);

} // namespace portico::openapi
