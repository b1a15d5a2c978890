#include "exporter.h"

#include "cloudformationwriter.h"
#include "openapiwriter.h"
#include "yamlwriter.h"

#include <Qt>

namespace portico::openapi {

using base::Json;

namespace {

struct FormatName
{
    ExportFormat format;
    const char *name;
};
constexpr FormatName kFormatNames[] = {{ExportFormat::OpenApi3, "openapi3"},
                                       {ExportFormat::Swagger2, "swagger2"},
                                       {ExportFormat::CloudFormation, "cloudformation"},
                                       {ExportFormat::Sam, "sam"}};

QByteArray serialise(const Json &doc, bool yaml)
{
    if (yaml)
        return toYaml(doc);
    // Invalid UTF-8 cannot come from QStrings; "replace" only keeps dump() from ever throwing.
    return QByteArray::fromStdString(doc.dump(2, ' ', false, Json::error_handler_t::replace)
                                     + '\n');
}

} // namespace

std::optional<ExportFormat> exportFormatFromName(const QString &name)
{
    for (const FormatName &f : kFormatNames) {
        if (name == QLatin1String(f.name))
            return f.format;
    }
    return std::nullopt;
}

QStringList exportFormatNames()
{
    QStringList names;
    for (const FormatName &f : kFormatNames)
        names.append(QLatin1String(f.name));
    return names;
}

base::Result<ExportedDocument> exportProject(const model::Project &project,
                                             const ExportOptions &options)
{
    const model::RestApi *api = &project.api;
    DocumentOptions document;
    std::vector<const model::Stage *> stages;
    if (!options.stage.isEmpty()) {
        const model::Stage *stage = project.findStage(options.stage);
        if (!stage) {
            QStringList known;
            for (const model::Stage &s : project.stages)
                known.append(s.stageName);
            return base::Diagnostic::error(
                QStringLiteral("stage"),
                QStringLiteral("no stage \"%1\" in the project (stages: %2)")
                    .arg(options.stage,
                         known.isEmpty() ? QStringLiteral("none")
                                         : known.join(QStringLiteral(", "))));
        }
        const model::Deployment *deployment = project.findDeployment(stage->deploymentId);
        if (!deployment) {
            return base::Diagnostic::error(
                QStringLiteral("stage ") + options.stage,
                QStringLiteral("deployment \"%1\" does not exist").arg(stage->deploymentId));
        }
        api = &deployment->snapshot;
        document.stageName = stage->stageName;
        // What AWS writes when the API has no version: a timestamp, here the deployment's.
        if (deployment->createdDate.isValid())
            document.fallbackVersion = deployment->createdDate.toUTC().toString(Qt::ISODate);
        stages.push_back(stage);
    } else {
        for (const model::Stage &s : project.stages)
            stages.push_back(&s);
    }

    const bool isTemplate
        = options.format == ExportFormat::CloudFormation || options.format == ExportFormat::Sam;
    document.version = options.format == ExportFormat::Swagger2 ? OpenApiVersion::Swagger2
                                                                : OpenApiVersion::OpenApi3;
    document.extensions = options.extensions;
    document.examples = options.postmanExamples;
    // A template's body is deployed to the stages, so its base path is not one stage's.
    if (isTemplate)
        document.stageName.clear();

    OpenApiWriter writer(*api, document);
    Json body = writer.write();
    ExportedDocument out;
    out.warnings = writer.warnings();
    if (!isTemplate) {
        out.text = serialise(body, options.yaml);
        return out;
    }
    if (!options.extensions)
        out.warnings.push_back(base::Diagnostic::warning(
            QString(),
            QStringLiteral("the template's body has no integrations without the "
                           "x-amazon-apigateway-* extensions; AWS cannot deploy it as it is")));
    CloudFormationWriter templateWriter(project, *api, std::move(body), stages,
                                        options.format == ExportFormat::Sam);
    const Json doc = templateWriter.write();
    out.warnings.insert(out.warnings.end(), templateWriter.warnings().begin(),
                        templateWriter.warnings().end());
    out.text = serialise(doc, options.yaml);
    return out;
}

} // namespace portico::openapi
