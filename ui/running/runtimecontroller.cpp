#include "runtimecontroller.h"

#include "running/trustedprojects.h"

#include "http/server.h"
#include "runtime/controlapi.h"
#include "runtime/functionhost.h"
#include "runtime/gateway.h"
#include "runtime/inprocesscall.h"
#include "runtime/usageplans.h"

#include <QDir>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>

namespace portico::running {

namespace {

constexpr int kBatchMs = 50;

struct Compiled
{
    std::vector<runtime::ServedStage> stages;
    std::vector<base::Diagnostic> problems;
};

} // namespace

RuntimeController::RuntimeController(QObject *parent)
    : QObject(parent)
    , m_ledger(std::make_shared<runtime::UsageLedger>())
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(kBatchMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &RuntimeController::deliverExchanges);
}

RuntimeController::~RuntimeController()
{
    stop();
}

base::Status RuntimeController::start(const Settings &settings)
{
    stop();
    m_settings = settings;
    m_gateway = std::make_unique<runtime::Gateway>();
    m_control = std::make_unique<runtime::ControlApi>(m_ledger);
    http::ServerOptions options = http::ServerOptions::defaults();
    options.address = settings.bind;
    options.port = settings.port;
    m_server = std::make_unique<http::Server>(*m_gateway, options);
    if (base::Status started = m_server->start(); !started.ok()) {
        m_server.reset();
        m_control.reset();
        m_gateway.reset();
        return started;
    }
    // In-process requests run on a server thread, like a request from a socket: the gateway's
    // backends and functions answer on the thread that asked, which must run an event loop.
    m_invoker = std::make_unique<QObject>();
    m_invoker->moveToThread(m_server->workerThread(0));
    m_traces = m_gateway->traces().subscribe();
    // From a server thread, when the queue goes from empty to not: gather for a moment, then take.
    connect(m_traces.get(), &runtime::TraceSubscription::available, this, [this] {
        if (!m_batchTimer.isActive())
            m_batchTimer.start();
    }, Qt::QueuedConnection);
    Q_EMIT runningChanged(true);
    if (m_project)
        compile();
    return base::success();
}

void RuntimeController::stop()
{
    if (!m_server)
        return;
    ++m_generation; // a compile still running is for a server that is gone
    m_server->stop();
    // The stages hold the function host; the host must go before the server it was listening on.
    m_gateway->setStages({});
    m_functions.reset();
    m_gateway->traces().unsubscribe(m_traces);
    m_traces.reset();
    m_batchTimer.stop();
    m_server.reset();
    // Its thread has ended: nothing can be queued for it any more.
    m_invoker.reset();
    m_control.reset();
    m_gateway.reset();
    Q_EMIT runningChanged(false);
}

bool RuntimeController::isRunning() const
{
    return m_server != nullptr;
}

QString RuntimeController::baseUrl() const
{
    if (!m_server)
        return {};
    const QHostAddress &bind = m_settings.bind;
    const QString host = bind.protocol() == QAbstractSocket::IPv6Protocol ? QLatin1Char('[') + bind.toString() + QLatin1Char(']')
                                                                           : bind.toString();
    return QStringLiteral("http://%1:%2").arg(host).arg(m_server->port());
}

base::Status RuntimeController::invoke(http::Request request, const std::optional<runtime::NamedStrings> &stageVariables,
                                      std::function<void(http::Response)> done)
{
    if (!m_server)
        return base::Diagnostic::error(QString(), tr("The runtime is not running."));
    if (request.peerAddress.isEmpty())
        request.peerAddress = "127.0.0.1";
    // The answer comes from whichever thread finishes the request; `done` runs on ours. The
    // server's threads are joined in stop(), before this object can go.
    auto toThisThread = [this, done = std::move(done)](http::Response response) {
        QMetaObject::invokeMethod(this, [done, response = std::move(response)]() mutable { done(std::move(response)); },
                                  Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
        m_invoker.get(),
        [gateway = m_gateway.get(), request = std::move(request), stageVariables, toThisThread]() mutable {
            runtime::sendInProcess(*gateway, std::move(request), toThisThread, stageVariables);
        },
        Qt::QueuedConnection);
    return base::success();
}

void RuntimeController::setDraft(bool serveDraft, const runtime::NamedStrings &variables)
{
    m_settings.serveDraft = serveDraft;
    m_settings.draftVariables = variables;
    if (m_server && m_project)
        compile();
}

void RuntimeController::setHiddenStages(const QStringList &stages)
{
    m_settings.hiddenStages = stages;
    if (m_server && m_project)
        compile();
}

void RuntimeController::setProject(const model::Project &project, const QString &projectPath)
{
    m_project = std::make_shared<const model::Project>(project);
    m_projectPath = projectPath;
    if (m_server)
        compile();
}

QStringList RuntimeController::stageNames() const
{
    QStringList names;
    if (m_gateway) {
        for (const QString &name : m_gateway->stageNames())
            names << name;
    }
    return names;
}

void RuntimeController::compile()
{
    const quint64 generation = ++m_generation;
    const bool trusted = running::TrustedProjects::isTrusted(m_projectPath);
    const QString directory = m_projectPath.isEmpty() ? QDir::currentPath() : QFileInfo(m_projectPath).absolutePath();
    // One function host per project directory and trust; its warm workers survive edits.
    if (!m_functions || trusted != m_trusted) {
        if (m_functions)
            m_gateway->setStages({});
        m_functions = std::make_shared<runtime::FunctionHost>(directory, trusted, m_server.get());
        m_trusted = trusted;
    }
    m_functions->setFunctions(m_project->localFunctions);
    m_control->setProject(m_project);

    std::optional<runtime::DraftStage> draft;
    if (m_settings.serveDraft) {
        draft.emplace();
        draft->variables = m_settings.draftVariables;
    }
    auto *watcher = new QFutureWatcher<Compiled>(this);
    connect(watcher, &QFutureWatcher<Compiled>::finished, this, [this, watcher, generation] {
        watcher->deleteLater();
        if (generation != m_generation || !m_server)
            return;
        Compiled compiled = watcher->result();
        for (runtime::ServedStage &stage : compiled.stages)
            stage.functions = m_functions;
        m_gateway->setApiId(m_project->api.id);
        m_gateway->setStages(std::move(compiled.stages));
        m_problems = std::move(compiled.problems);
        Q_EMIT stagesChanged();
    });
    watcher->setFuture(QtConcurrent::run([project = m_project, draft, ledger = m_ledger, directory,
                                          hidden = m_settings.hiddenStages] {
        Compiled compiled;
        compiled.stages = runtime::stagesFromProject(*project, draft, compiled.problems, ledger, directory);
        std::erase_if(compiled.stages, [&](const runtime::ServedStage &stage) {
            return hidden.contains(stage.name) && !(draft && stage.name == draft->name);
        });
        return compiled;
    }));
}

void RuntimeController::deliverExchanges()
{
    if (!m_traces)
        return;
    std::vector<runtime::ExchangePtr> batch = m_traces->take();
    if (!batch.empty())
        Q_EMIT exchangesArrived(batch);
}

} // namespace portico::running
