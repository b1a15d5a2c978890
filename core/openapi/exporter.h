// Export of a project to the formats people deploy with: OpenAPI 3.0 or Swagger 2.0 with API
// Gateway's x-amazon-apigateway-* extensions in the form of AWS's own export (one that AWS's
// import accepts back), or a CloudFormation / SAM template defining the REST API from that body
// with its stages, deployment, API keys and usage plans. JSON or YAML. The output is
// deterministic: the same project gives the same bytes.
//
// Stage variables stay as the ${stageVariables.x} text the definition holds; nothing is
// substituted. See docs/openapi.md, "Export".
#pragma once

#include "base/diagnostic.h"
#include "base/result.h"

#include "model/project.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace portico::openapi {

enum class ExportFormat { OpenApi3, Swagger2, CloudFormation, Sam };

// "openapi3", "swagger2", "cloudformation", "sam": the names the CLI takes.
std::optional<ExportFormat> exportFormatFromName(const QString &name);
QStringList exportFormatNames();

struct ExportOptions
{
    ExportFormat format = ExportFormat::OpenApi3;
    bool yaml = false;
    // Empty: the project's current definition (project.api). Otherwise the definition that
    // stage serves (its deployment's snapshot), with the stage name as base path; a template
    // then creates that stage only.
    QString stage;
    // false: a clean public spec without any x-amazon-apigateway-* key (ANY is then listed as
    // the verbs it stands for).
    bool extensions = true;
    // Example payloads generated from the models (schemas, request bodies, responses).
    bool postmanExamples = false;
};

struct ExportedDocument
{
    QByteArray text;
    // What could not be exported as it is (a non-JSON model, kept content with no place in the
    // target version...), each saying where it is in the project.
    std::vector<base::Diagnostic> warnings;
};

// Fails only when the stage is unknown or has no deployment.
base::Result<ExportedDocument> exportProject(const model::Project &project,
                                             const ExportOptions &options);

} // namespace portico::openapi
