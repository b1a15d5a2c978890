#include "exportcommand.h"

#include "projectloading.h"

#include "base/atomicfile.h"
#include "openapi/exporter.h"

namespace portico::cli {

const char kExportUsage[]
    = R"(Usage: portico-cli export PROJECT --format openapi3|swagger2|cloudformation|sam
                          [--yaml] [--stage STAGE] [--no-extensions] [--examples] [-o FILE]

Export the project in the form API Gateway's own export has, which AWS's import accepts back.

  --format FORMAT   openapi3        OpenAPI 3.0.1 with the x-amazon-apigateway-* extensions
                    swagger2        Swagger 2.0 with the same extensions
                    cloudformation  a CloudFormation template: AWS::ApiGateway::RestApi with the
                                    OpenAPI 3 definition as Body, a Deployment, the Stages
                                    (variables, method throttling), ApiKeys, UsagePlans and
                                    UsagePlanKeys; deploy it with `aws cloudformation deploy`
                    sam             the same as an AWS SAM template (AWS::Serverless::Api with
                                    DefinitionBody, StageName and Variables); `sam deploy`
  --yaml            YAML instead of JSON.
  --stage STAGE     Export the definition that stage serves (its deployment) instead of the
                    current one, with the stage name as base path; a template then creates
                    that stage only.
  --no-extensions   A clean public spec: no x-amazon-apigateway-* key (integrations,
                    authorizers, validators...); ANY is listed as the verbs it stands for.
  --examples        Add example payloads generated from the models (Postman shows them).
  -o, --output FILE Write FILE (atomically) instead of standard output.

Stage variables stay as ${stageVariables.name} text. What cannot be exported as it is (a
model that is not JSON, content kept from an import that the chosen version has no place for)
is reported on standard error as a warning; the export still succeeds. Exit status 0, or 2 on
a usage error, an unreadable project, an unknown stage or a file that cannot be written.
)";

namespace {

int usageError(const QString &message, QTextStream &err)
{
    err << "portico-cli export: " << message << "\n\n" << kExportUsage;
    err.flush();
    return 2;
}

} // namespace

int runExport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kExportUsage;
        return 0;
    }
    QString file;
    QString output;
    QString format;
    openapi::ExportOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        const bool takesValue = arg == QLatin1String("--format") || arg == QLatin1String("--stage")
            || arg == QLatin1String("-o") || arg == QLatin1String("--output");
        if (takesValue) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a value").arg(arg), err);
            value = args[++i];
        } else if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
        }
        if (arg == QLatin1String("--format"))
            format = value;
        else if (arg == QLatin1String("--stage"))
            options.stage = value;
        else if (arg == QLatin1String("-o") || arg == QLatin1String("--output"))
            output = value;
        else if (arg == QLatin1String("--yaml"))
            options.yaml = true;
        else if (arg == QLatin1String("--no-extensions"))
            options.extensions = false;
        else if (arg == QLatin1String("--examples"))
            options.postmanExamples = true;
        else if (!arg.startsWith(QLatin1Char('-')) && file.isEmpty())
            file = arg;
        else
            return usageError(QStringLiteral("unexpected argument \"%1\"").arg(args[i]), err);
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("no project file given"), err);
    if (format.isEmpty())
        return usageError(QStringLiteral("--format is required (%1)")
                              .arg(openapi::exportFormatNames().join(QLatin1Char('|'))),
                          err);
    const std::optional<openapi::ExportFormat> chosen = openapi::exportFormatFromName(format);
    if (!chosen)
        return usageError(QStringLiteral("unknown format \"%1\" (expected %2)")
                              .arg(format, openapi::exportFormatNames().join(QLatin1Char('|'))),
                          err);
    options.format = *chosen;

    const std::optional<model::Project> project = loadProjectOrReport(file, err);
    if (!project)
        return 2;
    const base::Result<openapi::ExportedDocument> exported
        = openapi::exportProject(*project, options);
    if (!exported.ok()) {
        for (const base::Diagnostic &d : exported.errors())
            err << "portico-cli export: " << d.toString() << Qt::endl;
        return 2;
    }
    for (const base::Diagnostic &d : exported->warnings)
        err << d.toString() << '\n';
    err.flush();
    if (output.isEmpty()) {
        out << QString::fromUtf8(exported->text);
        out.flush();
        return 0;
    }
    const base::Status saved = base::writeFileAtomically(output, exported->text);
    if (!saved.ok()) {
        err << "portico-cli export: " << saved.error().toString() << Qt::endl;
        return 2;
    }
    return 0;
}

} // namespace portico::cli
