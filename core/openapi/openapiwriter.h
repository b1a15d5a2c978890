// One REST API definition as an OpenAPI 3.0 or Swagger 2.0 document in the form of API Gateway's
// own export (aws-extensions.md section 8): info, the execute-api server (the stage as base path),
// paths sorted by path with one operation per method (OperationWriter), models as
// definitions / components.schemas with their references rewritten back to the document, the
// security schemes, the root x-amazon-apigateway-* extensions, and what the importer kept without
// modelling put back where it came from.
#pragma once

#include "writecontext.h"

#include "model/restapi.h"

#include <map>

namespace portico::openapi {

struct DocumentOptions
{
    OpenApiVersion version = OpenApiVersion::OpenApi3;
    bool extensions = true;
    bool examples = false;
    // The exported stage, used as base path; empty for the working definition.
    QString stageName;
    // info.version when the API has no version (AWS writes a timestamp there). Empty rather
    // than invented: OpenAPI requires the field, and a file without a version imports back
    // without one.
    QString fallbackVersion;
};

class OpenApiWriter
{
public:
    OpenApiWriter(const model::RestApi &api, const DocumentOptions &options);

    base::Json write();
    // What could not be exported as it is, each with where it is in the model.
    const std::vector<base::Diagnostic> &warnings() const { return m_context.warnings; }

private:
    base::Json info() const;
    void writeServer(base::Json &doc) const;
    base::Json paths();
    base::Json models();
    void addBuiltInModels(base::Json &out, std::map<QString, base::Json> &schemas);
    base::Json securitySchemes();
    base::Json endpointConfiguration() const;
    void writeRootExtensions(base::Json &doc) const;
    void optOutOfRootSecurity(base::Json &doc) const;
    QString region() const;

    const model::RestApi &m_api;
    DocumentOptions m_options;
    WriteContext m_context;
};

} // namespace portico::openapi
