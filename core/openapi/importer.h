// Turns an OpenAPI 3.0 or Swagger 2.0 document (JSON or YAML) into a REST API model, as API
// Gateway's import does (docs/openapi.md, ../shared/docs/aws-extensions.md §7): paths become
// resources, operations methods, schemas models, security schemes authorizers, and every
// x-amazon-apigateway-* extension the matching part of the model.
//
// Real files are imperfect, so the import never stops at the first problem: each one is reported
// with its JSON pointer and the rest is imported. What Portico does not model (summaries, tags,
// vendor extensions, HTTP-API-only fields...) is kept in the model's openApiExtras so an export
// writes it back. Only a file that is not OpenAPI or Swagger at all gives no API.
#pragma once

#include "base/diagnostic.h"
#include "base/json.h"
#include "base/result.h"
#include "model/restapi.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace portico::openapi {

// What becomes of the file's base path (Swagger basePath, or the OpenAPI 3 server's), as AWS's
// `basepath` import parameter: ignore it (AWS's default), prepend it to every path, or drop its
// first segment and prepend the rest.
enum class BasePathMode { Ignore, Prepend, Split };

struct ImportOptions
{
    BasePathMode basePath = BasePathMode::Ignore;
    // The id of the API being created; model references inside schemas contain it. Empty: a new
    // random id.
    QString apiId;
};

struct ImportResult
{
    model::RestApi api;
    // Warnings (and errors for parts that could not be imported), each with the JSON pointer of
    // the place in the file.
    std::vector<base::Diagnostic> report;
    // "2.0", "3.0.1"...
    QString specVersion;
};

base::Result<ImportResult> importOpenApi(const QByteArray &text, const ImportOptions &options = {});
base::Result<ImportResult> importOpenApi(const base::Json &document,
                                         const ImportOptions &options = {});

} // namespace portico::openapi
