#include "servecommand.h"

#include "projectloading.h"
#include "serverregistry.h"

#include "base/json.h"
#include "http/server.h"
#include "runtime/controlapi.h"
#include "runtime/gateway.h"
#include "runtime/projectstages.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QScopeGuard>
#include <QSocketNotifier>
#include <QTimer>

#include <csignal>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

namespace portico::cli {

namespace {

const char kServeUsage[] = R"(Usage: portico-cli serve PROJECT [--port N] [--bind ADDR] [--draft]
                         [--stage-variables JSON] [--watch] [--log] [--trust]
                         [--threads N]

Serves every stage of the project at http://127.0.0.1:PORT/{stage}/{path}, each from its
deployment's snapshot, until Ctrl-C. The same stages answer LocalStack's URL forms:
  Host: {apiId}.execute-api.localhost.localstack.cloud   (then /{stage}/{path})
  /_aws/execute-api/{apiId}/{stage}/{path}
  /restapis/{apiId}/{stage}/_user_request_/{path}

Options:
  --port N                 Port to listen on; 0 (the default) picks a free one. The URL is printed.
  --bind ADDR              Address to bind (default 127.0.0.1, loopback only).
  --draft                  Also serve the current, undeployed definition as stage "draft".
  --stage-variables JSON   Stage variables of the draft stage, e.g. '{"env":"dev"}'.
  --watch                  Reload when the project file changes; requests in flight finish on
                           the snapshot they started with.
  --log                    Print each request's execution log (the console's test-invoke format).
  --trust                  Allow the project's local functions to run (they run commands).
  --threads N              Threads serving connections (default: one per core, at least two).
)";

struct ServeOptions
{
    QString project;
    quint16 port = 0;
    QHostAddress bind = QHostAddress::LocalHost;
    bool draft = false;
    runtime::NamedStrings draftVariables;
    bool watch = false;
    bool log = false;
    bool trust = false;
    int threads = 0;
};

bool parseOptions(QStringList args, ServeOptions &options, QTextStream &err)
{
    const auto fail = [&](const QString &message) {
        err << "portico-cli serve: " << message << "\n\n" << kServeUsage;
        return false;
    };
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        const auto value = [&](QString &into) {
            if (args.isEmpty())
                return false;
            into = args.takeFirst();
            return true;
        };
        QString v;
        if (arg == QLatin1String("--port")) {
            bool ok = false;
            if (!value(v))
                return fail(QStringLiteral("--port needs a value"));
            const int port = v.toInt(&ok);
            if (!ok || port < 0 || port > 65535)
                return fail(QStringLiteral("--port: \"%1\" is not a port number (0-65535)").arg(v));
            options.port = quint16(port);
        } else if (arg == QLatin1String("--bind")) {
            if (!value(v) || !options.bind.setAddress(v))
                return fail(QStringLiteral("--bind: \"%1\" is not an IP address").arg(v));
        } else if (arg == QLatin1String("--draft")) {
            options.draft = true;
        } else if (arg == QLatin1String("--stage-variables")) {
            if (!value(v))
                return fail(QStringLiteral("--stage-variables needs a JSON object"));
            base::Json json;
            base::JsonParseError error;
            if (!base::parseJson(v.toUtf8(), json, error) || !json.is_object())
                return fail(QStringLiteral("--stage-variables: expected a JSON object of strings%1")
                                .arg(error.message.isEmpty() ? QString() : QStringLiteral(" (") + error.message + QLatin1Char(')')));
            for (auto it = json.begin(); it != json.end(); ++it) {
                if (!it->is_string())
                    return fail(QStringLiteral("--stage-variables: \"%1\" must be a string").arg(base::toQString(it.key())));
                options.draftVariables.emplace_back(base::toQString(it.key()), base::toQString(it->get<std::string>()));
            }
        } else if (arg == QLatin1String("--watch")) {
            options.watch = true;
        } else if (arg == QLatin1String("--log")) {
            options.log = true;
        } else if (arg == QLatin1String("--trust")) {
            options.trust = true;
        } else if (arg == QLatin1String("--threads")) {
            bool ok = false;
            const int threads = value(v) ? v.toInt(&ok) : 0;
            if (!ok || threads < 1 || threads > 64)
                return fail(QStringLiteral("--threads: \"%1\" is not a number of threads (1-64)").arg(v));
            options.threads = threads;
        } else if (arg.startsWith(QLatin1String("--"))) {
            return fail(QStringLiteral("unknown option %1").arg(arg));
        } else if (options.project.isEmpty()) {
            options.project = arg;
        } else {
            return fail(QStringLiteral("only one project file can be served"));
        }
    }
    if (options.project.isEmpty())
        return fail(QStringLiteral("no project file given"));
    return true;
}

// Ctrl-C and SIGTERM end the event loop through a socket pair, the one async-signal-safe way in.
int g_signalFds[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const auto written = ::write(g_signalFds[0], &byte, 1);
}

void installSignalHandlers()
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_signalFds) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_signalFds[1], QSocketNotifier::Read, QCoreApplication::instance());
    QObject::connect(notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] {
        char byte = 0;
        [[maybe_unused]] const auto read = ::read(g_signalFds[1], &byte, 1);
        QCoreApplication::quit();
    });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
}

// Many clients at once need many descriptors: raise the soft limit to the hard one.
void raiseDescriptorLimit()
{
    rlimit limit = {};
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur < limit.rlim_max) {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
    }
}

// `ledger`: throttle and quota counters survive reloads, as they survive redeploys on AWS.
std::optional<std::vector<runtime::ServedStage>> loadStages(const ServeOptions &options, QString &apiId, QString &apiName,
                                                            const std::shared_ptr<runtime::FunctionHost> &functions,
                                                            const std::shared_ptr<runtime::UsageLedger> &ledger,
                                                            runtime::ControlApi &control, QTextStream &err)
{
    std::optional<model::Project> project = loadProjectOrReport(options.project, err);
    if (!project)
        return std::nullopt;
    apiId = project->api.id;
    apiName = project->api.name;
    std::optional<runtime::DraftStage> draft;
    if (options.draft) {
        draft.emplace();
        draft->variables = options.draftVariables;
    }
    std::vector<base::Diagnostic> problems;
    // Relative paths in the project (the user pools' JWKS files) are relative to the project file.
    std::vector<runtime::ServedStage> stages = runtime::stagesFromProject(*project, draft, problems, ledger,
                                                                          QFileInfo(options.project).absolutePath());
    for (const base::Diagnostic &problem : problems)
        err << problem.toString() << '\n';
    err.flush();
    functions->setFunctions(project->localFunctions);
    for (runtime::ServedStage &stage : stages)
        stage.functions = functions;
    control.setProject(std::make_shared<const model::Project>(std::move(*project)));
    return stages;
}

} // namespace

int runServe(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kServeUsage;
        return 0;
    }
    ServeOptions options;
    if (!parseOptions(args, options, err))
        return 2;
    raiseDescriptorLimit();
    // Declared before the server, so that they outlive its threads.
    const auto ledger = std::make_shared<runtime::UsageLedger>();
    runtime::ControlApi control(ledger);
    runtime::Gateway gateway;
    http::ServerOptions serverOptions = http::ServerOptions::defaults();
    serverOptions.address = options.bind;
    serverOptions.port = options.port;
    serverOptions.workerThreads = options.threads;
    http::Server server(gateway, serverOptions);
    if (base::Status started = server.start(); !started.ok()) {
        err << "portico-cli serve: " << started.error().toString() << '\n';
        return 1;
    }
    // The Lambda Runtime API on the server's own threads (loopback only, whatever --bind says):
    // a warm invocation then stays on the thread of the request that made it.
    auto functions = std::make_shared<runtime::FunctionHost>(QFileInfo(options.project).absolutePath(), options.trust, &server);
    // The host must go before the server it listens on: stages hold it too.
    const auto stopFunctions = qScopeGuard([&] {
        server.stop();
        gateway.setStages({});
        functions.reset();
    });
    QString apiId;
    QString apiName;
    std::optional<std::vector<runtime::ServedStage>> stages = loadStages(options, apiId, apiName, functions, ledger, control, err);
    if (!stages)
        return 2;
    if (stages->empty()) {
        err << "portico-cli serve: " << options.project
            << ": no stage to serve (deploy the API to a stage, or pass --draft)\n";
        return 1;
    }
    gateway.setApiId(apiId);
    gateway.setStages(std::move(*stages));

    // Portico's own API (usage counters) on loopback, whatever --bind says.
    http::ConnectionLimits controlLimits = http::ServerOptions::defaults().connection;
    const base::Result<quint16> controlPort = server.listenAlso(control, QHostAddress::LocalHost, 0, controlLimits);
    QString controlUrl;
    if (controlPort.ok()) {
        controlUrl = QStringLiteral("http://127.0.0.1:%1").arg(controlPort.value());
        ServerRegistry::publish(options.project, controlUrl);
    } else {
        err << "portico-cli serve: no control API (portico-cli usage will not find this server): "
            << controlPort.error().toString() << '\n';
    }
    const auto withdraw = qScopeGuard([&] { ServerRegistry::withdraw(options.project); });

    // Subscribed before the URL is printed: a client that starts on the banner must be logged.
    std::shared_ptr<runtime::TraceSubscription> traces;
    if (options.log) {
        traces = gateway.traces().subscribe();
        QObject::connect(traces.get(), &runtime::TraceSubscription::available, QCoreApplication::instance(),
                         [&out, traces] {
                             for (const runtime::ExchangePtr &exchange : traces->take())
                                 out << exchange->executionLog() << '\n';
                             out.flush();
                         }, Qt::QueuedConnection);
    }

    const QString host = options.bind.protocol() == QAbstractSocket::IPv6Protocol
                             ? QLatin1Char('[') + options.bind.toString() + QLatin1Char(']')
                             : options.bind.toString();
    const QString base = QStringLiteral("http://%1:%2").arg(host).arg(server.port());
    out << "Serving " << (apiName.isEmpty() ? QStringLiteral("the API") : apiName) << " (id " << apiId << ") on " << base << '\n';
    for (const QString &stage : gateway.stageNames())
        out << "  " << stage << "  " << base << '/' << stage << "/\n";
    out << "LocalStack URL forms: " << base << "/_aws/execute-api/" << apiId << "/{stage}/... and Host "
        << apiId << ".execute-api.localhost.localstack.cloud\n";
    if (!controlUrl.isEmpty())
        out << "Usage counters: portico-cli usage " << options.project << "  (" << controlUrl << "/usage)\n";
    out << "Press Ctrl-C to stop.\n";
    out.flush();

    QFileSystemWatcher watcher;
    QTimer reloadTimer;
    if (options.watch) {
        const QString path = QFileInfo(options.project).absoluteFilePath();
        watcher.addPath(path);
        reloadTimer.setSingleShot(true);
        reloadTimer.setInterval(150);
        // Atomic saves replace the file, which drops it from the watcher: watch it again each time.
        QObject::connect(&watcher, &QFileSystemWatcher::fileChanged, &reloadTimer, [&] { reloadTimer.start(); });
        QObject::connect(&reloadTimer, &QTimer::timeout, &watcher, [&, path] {
            if (!watcher.files().contains(path))
                watcher.addPath(path);
            QString newId;
            QString newName;
            std::optional<std::vector<runtime::ServedStage>> reloaded = loadStages(options, newId, newName, functions, ledger, control, err);
            if (!reloaded) {
                err << "portico-cli serve: kept serving the previous version\n";
                err.flush();
                return;
            }
            gateway.setApiId(newId);
            gateway.setStages(std::move(*reloaded));
            out << "Reloaded " << options.project << '\n';
            out.flush();
        });
    }

    installSignalHandlers();
    const int status = QCoreApplication::exec();
    server.stop();
    if (traces)
        gateway.traces().unsubscribe(traces);
    out << "Stopped.\n";
    return status;
}

} // namespace portico::cli
