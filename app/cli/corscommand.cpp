#include "corscommand.h"

#include "projectloading.h"

#include "model/corsconfigurator.h"
#include "model/projectfile.h"

namespace portico::cli {

const char kCorsUsage[] = R"(Usage: portico-cli cors PROJECT --resource PATH [--methods VERB,...] [--headers NAME,...]
                        [--origin ORIGIN] [--gateway-responses]

Enable CORS on one resource as the API Gateway console's "Enable CORS" does:

  - an OPTIONS method with a MOCK integration ({"statusCode": 200}) whose 200 response returns
    Access-Control-Allow-Headers, Access-Control-Allow-Methods and Access-Control-Allow-Origin,
    to answer browsers' preflight requests;
  - Access-Control-Allow-Origin on the 200 method response and integration response of each
    chosen method. Proxy integrations (HTTP_PROXY, AWS_PROXY) pass the backend's response
    through: their backend must send the header itself, and a note says so.

  --resource PATH   The resource, by path (/pets/{petId}) or id.
  --methods LIST    The methods to enable, comma-separated; default: every method of the
                    resource. Access-Control-Allow-Methods lists them and OPTIONS (ANY stands
                    for every verb).
  --headers LIST    Headers to allow besides the console's default list
                    Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token.
  --origin ORIGIN   Access-Control-Allow-Origin: * (default) or one origin such as
                    https://app.example.com.
  --gateway-responses
                    Also put the three headers on the DEFAULT_4XX and DEFAULT_5XX gateway
                    responses, so that the gateway's own errors reach the page too.

Running it again with the same options changes nothing; with other options it updates the
values. The project file is saved atomically. Stages serve their deployments, so redeploy (or
try it with `portico-cli serve PROJECT --draft`).
)";

namespace {

int usageError(const QString &message, QTextStream &err)
{
    err << "portico-cli cors: " << message << "\n\n" << kCorsUsage;
    err.flush();
    return 2;
}

QStringList commaList(const QString &value)
{
    QStringList items = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (QString &item : items)
        item = item.trimmed();
    items.removeAll(QString());
    return items;
}

} // namespace

int runCors(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kCorsUsage;
        return 0;
    }
    QString file;
    QString resourceArg;
    model::CorsOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        QString arg = args[i];
        QString value;
        const bool takesValue = arg == QLatin1String("--resource") || arg == QLatin1String("--methods")
                                || arg == QLatin1String("--headers") || arg == QLatin1String("--origin");
        if (takesValue) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a value").arg(arg), err);
            value = args[++i];
        } else if (arg.startsWith(QLatin1String("--")) && arg.contains(QLatin1Char('='))) {
            value = arg.section(QLatin1Char('='), 1);
            arg = arg.section(QLatin1Char('='), 0, 0);
        }
        if (arg == QLatin1String("--resource"))
            resourceArg = value;
        else if (arg == QLatin1String("--methods"))
            options.methods = commaList(value);
        else if (arg == QLatin1String("--headers"))
            options.extraAllowHeaders = commaList(value);
        else if (arg == QLatin1String("--origin"))
            options.allowOrigin = value;
        else if (arg == QLatin1String("--gateway-responses"))
            options.gatewayResponses = true;
        else if (arg.startsWith(QLatin1Char('-')) || !file.isEmpty())
            return usageError(QStringLiteral("unexpected argument \"%1\"").arg(args[i]), err);
        else
            file = arg;
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("no project file given"), err);
    if (resourceArg.isEmpty())
        return usageError(QStringLiteral("--resource is required"), err);

    std::optional<model::Project> project = loadProjectOrReport(file, err);
    if (!project)
        return 2;
    const model::Resource *resource = resourceArg.startsWith(QLatin1Char('/'))
                                          ? project->api.findResourceByPath(resourceArg)
                                          : project->api.findResource(resourceArg);
    if (!resource) {
        err << "error: " << resourceArg << ": no such resource in " << file << Qt::endl;
        return 1;
    }
    const model::RestApi before = project->api;
    const auto result = model::CorsConfigurator(project->api).enable(resource->id, options);
    if (!result.ok()) {
        err << result.error().toString() << Qt::endl;
        return 1;
    }
    const QString path = project->api.pathOf(resource->id);
    for (const QString &note : result->notes)
        out << "note: " << note << '\n';
    if (project->api == before) {
        out << path << ": CORS is already enabled with these settings; " << file << " is unchanged" << Qt::endl;
        return 0;
    }
    const base::Status saved = model::ProjectFile::save(file, *project);
    if (!saved.ok()) {
        err << "portico-cli cors: " << saved.error().toString() << Qt::endl;
        return 2;
    }
    out << path << ": CORS enabled, " << file << " saved\n"
        << "  Access-Control-Allow-Methods: " << result->allowMethods << '\n'
        << "  Access-Control-Allow-Headers: " << result->allowHeaders << '\n'
        << "  Access-Control-Allow-Origin: " << result->allowOrigin << '\n'
        << "Stages serve their deployments: redeploy to serve the change (portico-cli serve --draft serves it now)."
        << Qt::endl;
    return 0;
}

} // namespace portico::cli
