// portico-cli: the Portico engine without a window, for scripts and CI.
#include "corscommand.h"
#include "exportcommand.h"
#include "formatcommand.h"
#include "importcommand.h"
#include "keyscommand.h"
#include "lintcommand.h"
#include "rendercommand.h"
#include "servecommand.h"
#include "testcommand.h"
#include "usagecommand.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

const char kUsage[] = R"(Usage: portico-cli COMMAND [ARGS...]

Design and run Amazon API Gateway REST APIs locally: the headless half of Portico.

Commands:
  lint FILE...     Check project files the way API Gateway would. Prints one finding per line
                   ("error: /pets GET integration: uri is required"). Exit status 0 when there
                   are no errors, 1 when there are, 2 when a file is not a readable project.
  format [--check] FILE...
                   Rewrite project files in canonical form (stable key order, 2-space indent),
                   atomically. With --check, change nothing and exit 1 if a file would change.
  render --case CASE.json
  render --template FILE [--body FILE] [--params JSON] [--context JSON]
         [--stage-variables JSON]
                   Render a mapping template as API Gateway would (Velocity with $input, $util,
                   $context, $stageVariables) and print exactly its output, no newline added.
                   Exit status 0, or 1 with the error's line and column on stderr.
  serve PROJECT [--port N] [--bind ADDR] [--draft] [--stage-variables JSON] [--watch]
        [--log] [--trust]
                   Serve the project's stages on http://127.0.0.1:PORT/{stage}/{path} as API
                   Gateway would (also LocalStack's URL forms) until Ctrl-C. See serve --help.
  test PROJECT [--stage S] [--junit FILE] [--trust] [--filter TEXT]
                   Run every saved request of the project through the gateway in-process and
                   check its expectations (status, headers, body, JSONPath): PASS or FAIL per
                   request with the differences, JUnit XML for CI. Exit status 0 when all pass,
                   1 when any fails, 2 when the project cannot be read. See test --help.
  keys PROJECT list | generate [NAME] [--plan ID]... | enable KEY | disable KEY
             | import FILE.csv
                   Manage the project's API keys: generate AWS-like keys, turn them on and off,
                   import API Gateway's CSV key files (bad rows reported by line). See keys --help.
  usage PROJECT [--server URL] [--json]
                   Each API key's requests per day and the quota it has left, per usage plan,
                   from the running serve of PROJECT.
  cors PROJECT --resource PATH [--methods VERB,...] [--headers NAME,...] [--origin ORIGIN]
       [--gateway-responses]
                   Enable CORS on a resource as the API Gateway console does (an OPTIONS MOCK
                   method answering preflights, Access-Control-Allow-Origin on the methods'
                   200 responses) and save the project. See cors --help.
  import FILE -o PROJECT | --merge PROJECT | --overwrite PROJECT [--basepath MODE]
                   Import an OpenAPI 3.0 / Swagger 2.0 definition (JSON or YAML) with API
                   Gateway's extensions; every problem is reported with its JSON pointer and
                   the rest imported. See import --help.
  export PROJECT --format openapi3|swagger2|cloudformation|sam [--yaml] [--stage S]
         [--no-extensions] [--examples] [-o FILE]
                   Export the project as OpenAPI 3.0 or Swagger 2.0 with API Gateway's
                   extensions (or a clean public spec), or as a CloudFormation / SAM template
                   with its stages, API keys and usage plans. See export --help.
  bench-render --case CASE.json --template T.vm [--warmup-sec S] [--samples N]
               [--sample-sec S] [--out FILE]
                   Time renders in-process and print renders_per_sec= (the contract of the
                   VTL benchmark in ../shared/bench).
  bench-import [--runs N] FILE...
                   Time each phase of importing OpenAPI files in-process (bench/import).

Options:
  -h, --help       Show this help and exit.
  -v, --version    Show the version and exit.

Project files are JSON files named NAME.portico.json; see docs/project-file.md.
)";

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own event dispatcher: the GLib one costs several system calls per socket event, which
    // shows in the runtime's requests per second. Set before the application exists; the user's
    // environment still wins.
    if (!qEnvironmentVariableIsSet("QT_NO_GLIB"))
        qputenv("QT_NO_GLIB", "1");
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("portico-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QStringList args = QCoreApplication::arguments().mid(1);

    if (args.isEmpty()) {
        err << kUsage;
        return 2;
    }
    const QString command = args.takeFirst();
    if (command == QLatin1String("-h") || command == QLatin1String("--help")
        || command == QLatin1String("help")) {
        out << kUsage;
        return 0;
    }
    if (command == QLatin1String("-v") || command == QLatin1String("--version")) {
        out << "portico-cli " << QCoreApplication::applicationVersion() << Qt::endl;
        return 0;
    }
    if (command == QLatin1String("lint")) {
        if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
            out << "Usage: portico-cli lint FILE...\n";
            return 0;
        }
        if (args.isEmpty()) {
            err << "portico-cli lint: no project file given\nUsage: portico-cli lint FILE...\n";
            return 2;
        }
        return portico::cli::runLint(args, out, err);
    }
    if (command == QLatin1String("render"))
        return portico::cli::runRender(args, out, err);
    if (command == QLatin1String("keys"))
        return portico::cli::runKeys(args, out, err);
    if (command == QLatin1String("usage"))
        return portico::cli::runUsage(args, out, err);
    if (command == QLatin1String("cors"))
        return portico::cli::runCors(args, out, err);
    if (command == QLatin1String("import"))
        return portico::cli::runImport(args, out, err);
    if (command == QLatin1String("bench-import"))
        return portico::cli::runBenchImport(args, out, err);
    if (command == QLatin1String("export"))
        return portico::cli::runExport(args, out, err);
    if (command == QLatin1String("serve"))
        return portico::cli::runServe(args, out, err);
    if (command == QLatin1String("test"))
        return portico::cli::runTest(args, out, err);
    if (command == QLatin1String("bench-render"))
        return portico::cli::runBenchRender(args, out, err);
    if (command == QLatin1String("format")) {
        const bool checkOnly = args.removeAll(QStringLiteral("--check")) > 0;
        if (args.isEmpty()) {
            err << "portico-cli format: no project file given\nUsage: portico-cli format [--check] FILE...\n";
            return 2;
        }
        return portico::cli::runFormat(args, checkOnly, out, err);
    }
    err << "portico-cli: unknown command \"" << command << "\"\n\n" << kUsage;
    return 2;
}
