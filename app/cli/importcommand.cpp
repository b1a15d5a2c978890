#include "importcommand.h"

#include "projectloading.h"

#include "model/linter.h"
#include "model/projectfile.h"
#include "model/projectwriter.h"
#include "openapi/apimerge.h"
#include "openapi/importer.h"
#include "openapi/yamldocument.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <sys/resource.h>

#include <algorithm>

#include <cstdio>

namespace portico::cli {

const char kImportUsage[]
    = R"(Usage: portico-cli import FILE -o PROJECT [--basepath ignore|prepend|split]
                          [--fail-on-warnings]
       portico-cli import FILE --merge PROJECT [-o OUT] [...]
       portico-cli import FILE --overwrite PROJECT [-o OUT] [...]

Import an OpenAPI 3.0 or Swagger 2.0 definition (JSON or YAML; FILE "-" reads stdin) with API
Gateway's x-amazon-apigateway-* extensions, as API Gateway's own import does: paths become
resources, operations methods, schemas models (JSON Schema draft 4), security schemes
authorizers, and every extension the matching part of the API. A definition without extensions
imports with MOCK integrations ready to fill in.

  -o PROJECT        Write a new project file (NAME.portico.json). An existing file is replaced
                    only with --force.
  --merge PROJECT   Merge into an existing project (API Gateway's mode=merge): methods in the
                    file replace the project's methods of the same verb and path, everything
                    the file does not mention stays. Saved in place unless -o is given.
  --overwrite PROJECT
                    Replace the project's API with the file's (mode=overwrite); its stages,
                    deployments, API keys, usage plans and local functions stay.
  --basepath MODE   What becomes of the file's base path (Swagger basePath, the OpenAPI 3
                    server's path): ignore (default, as AWS), prepend it to every path, or split
                    (drop its first segment, prepend the rest).
  --fail-on-warnings
                    Exit 1 and write nothing when the import reports anything.
  --force           Allow -o to replace an existing file.

Real files are imperfect: the import never stops at the first problem. Each one is printed as
"warning: JSON-POINTER: what and what became of it", and the rest is imported. What Portico does
not model (summaries, tags, vendor extensions) is kept and written back by `portico-cli export`.

Exit status: 0 imported (warnings may have been printed), 1 --fail-on-warnings and there were
warnings, 2 the file is not OpenAPI/Swagger or cannot be read, or a project cannot be written.
)";

namespace {

int usageError(const QString &message, QTextStream &err)
{
    err << "portico-cli import: " << message << "\n\n" << kImportUsage;
    err.flush();
    return 2;
}

std::optional<QByteArray> readInput(const QString &file, QTextStream &err)
{
    QFile input;
    const bool ok = file == QLatin1String("-")
        ? input.open(stdin, QIODevice::ReadOnly)
        : (input.setFileName(file), input.open(QIODevice::ReadOnly));
    if (!ok) {
        err << "error: " << file << ": " << input.errorString() << Qt::endl;
        return std::nullopt;
    }
    return input.readAll();
}

} // namespace

int runImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kImportUsage;
        return 0;
    }
    QString file;
    QString output;
    QString mergeInto;
    QString overwriteInto;
    bool failOnWarnings = false;
    bool force = false;
    openapi::ImportOptions options;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        const bool takesValue = arg == QLatin1String("-o") || arg == QLatin1String("--merge")
            || arg == QLatin1String("--overwrite") || arg == QLatin1String("--basepath");
        QString value;
        if (takesValue) {
            if (i + 1 >= args.size())
                return usageError(QStringLiteral("%1 needs a value").arg(arg), err);
            value = args[++i];
        }
        if (arg == QLatin1String("-o")) {
            output = value;
        } else if (arg == QLatin1String("--merge")) {
            mergeInto = value;
        } else if (arg == QLatin1String("--overwrite")) {
            overwriteInto = value;
        } else if (arg == QLatin1String("--basepath")) {
            if (value == QLatin1String("ignore"))
                options.basePath = openapi::BasePathMode::Ignore;
            else if (value == QLatin1String("prepend"))
                options.basePath = openapi::BasePathMode::Prepend;
            else if (value == QLatin1String("split"))
                options.basePath = openapi::BasePathMode::Split;
            else
                return usageError(
                    QStringLiteral("--basepath is ignore, prepend or split, not \"%1\"").arg(value),
                    err);
        } else if (arg == QLatin1String("--fail-on-warnings")) {
            failOnWarnings = true;
        } else if (arg == QLatin1String("--force")) {
            force = true;
        } else if ((arg.startsWith(QLatin1Char('-')) && arg != QLatin1String("-"))
                   || !file.isEmpty()) {
            return usageError(QStringLiteral("unexpected argument \"%1\"").arg(arg), err);
        } else {
            file = arg;
        }
    }
    if (file.isEmpty())
        return usageError(QStringLiteral("no definition file given"), err);
    if (!mergeInto.isEmpty() && !overwriteInto.isEmpty())
        return usageError(QStringLiteral("--merge and --overwrite exclude each other"), err);
    const QString into = !mergeInto.isEmpty() ? mergeInto : overwriteInto;
    if (into.isEmpty() && output.isEmpty())
        return usageError(QStringLiteral("say where the project goes: -o PROJECT, --merge PROJECT "
                                         "or --overwrite PROJECT"),
                          err);
    if (output.isEmpty())
        output = into;
    if (into.isEmpty() && QFileInfo::exists(output) && !force) {
        err << "error: " << output
            << " exists; use --merge or --overwrite to import into it, or --force to replace it"
            << Qt::endl;
        return 2;
    }

    std::optional<model::Project> project;
    if (!into.isEmpty()) {
        project = loadProjectOrReport(into, err);
        if (!project)
            return 2;
        options.apiId = project->api.id;
    }
    const std::optional<QByteArray> text = readInput(file, err);
    if (!text)
        return 2;
    auto imported = openapi::importOpenApi(*text, options);
    if (!imported.ok()) {
        for (const base::Diagnostic &error : imported.errors())
            err << "error: " << file
                << (error.location.isEmpty() ? QString() : QStringLiteral(": ") + error.location)
                << ": " << error.message << Qt::endl;
        return 2;
    }
    // One flush for the whole report: a large file reports thousands of lines.
    for (const base::Diagnostic &problem : imported->report)
        err << problem.toString() << '\n';
    err.flush();
    if (failOnWarnings && !imported->report.empty()) {
        err << "portico-cli import: " << imported->report.size()
            << " warning(s) and --fail-on-warnings: nothing written" << Qt::endl;
        return 1;
    }

    if (!project) {
        project = model::Project();
        project->api = imported->api;
    } else if (!mergeInto.isEmpty()) {
        openapi::mergeApi(project->api, imported->api);
    } else {
        openapi::overwriteApi(project->api, imported->api);
    }
    const base::Status saved = model::ProjectFile::save(output, *project);
    if (!saved.ok()) {
        err << "portico-cli import: " << saved.error().toString() << Qt::endl;
        return 2;
    }
    int methods = 0;
    for (const model::Resource &resource : project->api.resources)
        methods += static_cast<int>(resource.methods.size());
    out << output << ": "
        << (mergeInto.isEmpty() ? (overwriteInto.isEmpty() ? "imported" : "overwritten") : "merged")
        << " \"" << project->api.name << "\" ("
        << (imported->specVersion == QLatin1String("2.0") ? "Swagger " : "OpenAPI ")
        << imported->specVersion << "): " << project->api.resources.size() << " resources, "
        << methods << " methods, " << project->api.models.size() << " models, "
        << project->api.authorizers.size() << " authorizers; " << imported->report.size()
        << " warning(s)" << Qt::endl;
    return 0;
}

const char kBenchImportUsage[] = R"(Usage: portico-cli bench-import [--runs N] FILE...

Time the import of each OpenAPI/Swagger file in-process, phase by phase (read and parse the JSON
or YAML, build the API model, write the project file's JSON), and print one line per file with
the median of N runs (default 5) and the peak resident memory of the process. Used by
bench/import/run.sh.
)";

int runBenchImport(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kBenchImportUsage;
        return 0;
    }
    int runs = 5;
    QStringList files;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--runs") && i + 1 < args.size())
            runs = std::max(1, args[++i].toInt());
        else
            files << args[i];
    }
    if (files.isEmpty()) {
        err << kBenchImportUsage;
        return 2;
    }
    out << "file\tbytes\tparse_ms\timport_ms\tserialize_ms\ttotal_ms\tresources\tmethods\tmodels"
        << Qt::endl;
    for (const QString &file : files) {
        std::vector<double> parse, build, serialize, total;
        qsizetype bytes = 0;
        model::RestApi api;
        for (int run = 0; run < runs; ++run) {
            QElapsedTimer clock;
            clock.start();
            const std::optional<QByteArray> text = readInput(file, err);
            if (!text)
                return 2;
            bytes = text->size();
            auto document = openapi::readJsonOrYaml(*text);
            const double parsed = clock.nsecsElapsed() / 1e6;
            if (!document.ok()) {
                err << "error: " << file << ": " << document.error().toString() << Qt::endl;
                return 2;
            }
            auto imported = openapi::importOpenApi(document.value());
            const double built = clock.nsecsElapsed() / 1e6;
            if (!imported.ok()) {
                err << "error: " << file << ": " << imported.error().toString() << Qt::endl;
                return 2;
            }
            model::Project project;
            project.api = imported->api;
            const QByteArray written = model::ProjectWriter::toBytes(project);
            const double done = clock.nsecsElapsed() / 1e6;
            parse.push_back(parsed);
            build.push_back(built - parsed);
            serialize.push_back(done - built);
            total.push_back(done);
            api = std::move(imported->api);
            if (written.isEmpty())
                return 2;
        }
        auto median = [](std::vector<double> v) {
            std::sort(v.begin(), v.end());
            return v[v.size() / 2];
        };
        int methods = 0;
        for (const model::Resource &resource : api.resources)
            methods += static_cast<int>(resource.methods.size());
        out << QFileInfo(file).fileName() << '\t' << bytes << '\t'
            << QString::number(median(parse), 'f', 1) << '\t'
            << QString::number(median(build), 'f', 1) << '\t'
            << QString::number(median(serialize), 'f', 1) << '\t'
            << QString::number(median(total), 'f', 1) << '\t' << api.resources.size() << '\t'
            << methods << '\t' << api.models.size() << Qt::endl;
    }
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    out << "peak_rss_mb\t" << QString::number(usage.ru_maxrss / 1024.0, 'f', 1) << Qt::endl;
    return 0;
}

} // namespace portico::cli
