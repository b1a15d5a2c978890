#include "functionhost.h"

#include "httpbackend.h"

#include "base/json.h"
#include "http/requesthandler.h"
#include "http/server.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <QDeadlineTimer>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <mutex>
#include <unordered_map>

namespace portico::runtime {

namespace {

struct Pending
{
    QString functionName;
    QString requestId;
    QByteArray event;
    FunctionHost::Completion done;
    // The thread that invoked: a worker on the same thread is preferred for it.
    QThread *origin = nullptr;
    // How often a worker took a later invocation (from its own thread) before this one.
    int passedOver = 0;
};

// Enough to keep most invocations on their own thread when the queue is long, few enough that
// a waiting invocation is delayed by at most that many others.
constexpr int kMaxPassedOver = 4;

InvocationResult notInvoked(const QString &detail)
{
    InvocationResult r;
    r.outcome = InvocationResult::Outcome::NotInvoked;
    r.detail = detail;
    return r;
}

// Lambda's error shape: {"errorMessage": ..., "errorType": ..., "stackTrace": [...]}.
InvocationResult functionError(const QString &message, const QString &type)
{
    InvocationResult r;
    r.outcome = InvocationResult::Outcome::FunctionError;
    r.errorMessage = message;
    r.errorType = type;
    base::Json error = {{"errorMessage", message.toStdString()}};
    if (!type.isEmpty())
        error["errorType"] = type.toStdString();
    r.payload = QByteArray::fromStdString(error.dump());
    return r;
}

InvocationResult functionErrorFromPayload(const QByteArray &payload)
{
    InvocationResult r;
    r.outcome = InvocationResult::Outcome::FunctionError;
    r.payload = payload;
    const auto json = base::Json::parse(payload.constData(), payload.constData() + payload.size(), nullptr, false);
    if (json.is_object()) {
        if (json.contains("errorMessage") && json["errorMessage"].is_string())
            r.errorMessage = base::toQString(json["errorMessage"].get<std::string>());
        if (json.contains("errorType") && json["errorType"].is_string())
            r.errorType = base::toQString(json["errorType"].get<std::string>());
    } else {
        r.errorMessage = QString::fromUtf8(payload);
    }
    return r;
}

InvocationResult success(QByteArray payload)
{
    InvocationResult r;
    r.payload = std::move(payload);
    return r;
}

QString timeoutMessage(const QString &requestId, int seconds)
{
    return QStringLiteral("%1 %2 Task timed out after %3 seconds")
        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs), requestId, QString::number(seconds, 'f', 2));
}

} // namespace

// The host's state, shared by the threads that use it under one mutex: the gateway's threads
// invoke, the Runtime API's threads (the same ones, given a shared server) take events and
// answers, and the core's own thread (the QObject's) starts, times out and reaps processes. Work
// that leaves the lock (a response to send, a completion to run, a process to start or kill) is
// gathered in Actions and done after unlocking.
class FunctionHost::Core : public QObject, public http::RequestHandler
{
    struct Pool;
    struct Worker;

    struct Actions
    {
        std::vector<std::pair<http::Responder, http::Response>> sends;
        std::vector<std::pair<std::shared_ptr<Pending>, InvocationResult>> completions;
        std::vector<int> spawns;
        std::vector<int> kills;
        std::vector<std::pair<model::LocalFunction, std::shared_ptr<Pending>>> runs;
    };

public:
    Core(QString projectDirectory, bool trusted) : m_projectDirectory(std::move(projectDirectory)), m_trusted(trusted) {}

    ~Core() override { stopAll(); }

    // Where workers reach the Runtime API: one port per thread that serves it, and (when the
    // server offers them) one Unix domain socket per thread, which our bootstraps prefer.
    void setApi(std::vector<quint16> ports, std::vector<QString> sockets, QString error)
    {
        std::lock_guard lock(m_mutex);
        m_apiPorts = std::move(ports);
        m_apiSockets = std::move(sockets);
        m_apiError = std::move(error);
    }

    // On the core's thread.
    void setFunctions(std::vector<model::LocalFunction> functions)
    {
        Actions actions;
        {
            std::lock_guard lock(m_mutex);
            std::map<QString, model::LocalFunction> next;
            for (model::LocalFunction &f : functions)
                next.emplace(f.name, std::move(f));
            std::vector<std::shared_ptr<Pending>> requeue;
            for (auto it = m_pools.begin(); it != m_pools.end();) {
                auto found = next.find(it->first);
                if (found == next.end() || !(found->second == it->second->function)) {
                    retire(std::move(it->second), requeue, actions);
                    it = m_pools.erase(it);
                } else {
                    ++it;
                }
            }
            m_functions = std::move(next);
            // What waited for a changed function runs on its new definition.
            for (auto &pending : requeue)
                enqueue(std::move(pending), actions);
        }
        perform(actions);
    }

    // From any thread.
    void invoke(std::shared_ptr<Pending> pending)
    {
        pending->origin = QThread::currentThread();
        Actions actions;
        {
            std::lock_guard lock(m_mutex);
            enqueue(std::move(pending), actions);
        }
        perform(actions);
    }

    // http::RequestHandler: the Runtime API, on whichever thread serves the worker's connection.
    void handle(http::Request request, http::Responder respond) override
    {
        Actions actions;
        std::optional<http::Response> reply = onRuntimeApi(request, respond, actions);
        // The function's answer reaches the client before the worker hears "accepted".
        perform(actions);
        if (reply)
            respond.send(std::move(*reply));
    }

    // On the core's thread.
    void stopAll()
    {
        std::vector<std::unique_ptr<Pool>> pools;
        {
            std::lock_guard lock(m_mutex);
            for (auto &[name, pool] : m_pools)
                pools.push_back(std::move(pool));
            m_pools.clear();
            for (auto &pool : m_retired)
                pools.push_back(std::move(pool));
            m_retired.clear();
            m_workers.clear();
        }
        for (auto &pool : pools)
            stopPool(*pool);
        delete m_sweep;
        m_sweep = nullptr;
    }

private:
    struct Worker
    {
        int id = 0;
        Pool *pool = nullptr;
        // Which of the Runtime API's ports (and so threads) the worker talks to.
        size_t apiIndex = 0;
        // Created and used on the core's thread only.
        QProcess *process = nullptr;
        // The thread its GET .../invocation/next arrived on, and that request's reply.
        QThread *thread = nullptr;
        std::optional<http::Responder> waiting;
        std::shared_ptr<Pending> current;
        // When `current` times out (QDeadlineTimer's clock), checked by the core's sweep.
        QDeadlineTimer deadline;
    };
    struct Pool
    {
        model::LocalFunction function;
        // The Lambda-Runtime-Invoked-Function-Arn of every invocation, made once.
        QByteArray invokedArn;
        std::vector<std::unique_ptr<Worker>> workers;
        std::deque<std::shared_ptr<Pending>> queue;
        QByteArray initError;
        bool retiring = false;
    };

    void perform(Actions &actions)
    {
        for (auto &[pending, result] : actions.completions)
            pending->done(std::move(result));
        for (auto &[responder, response] : actions.sends)
            responder.send(std::move(response));
        if (actions.spawns.empty() && actions.kills.empty() && actions.runs.empty())
            return;
        if (thread() == QThread::currentThread()) {
            onCoreThread(std::move(actions.spawns), std::move(actions.kills), std::move(actions.runs));
            return;
        }
        QMetaObject::invokeMethod(
            this,
            [this, spawns = std::move(actions.spawns), kills = std::move(actions.kills), runs = std::move(actions.runs)]() mutable {
                onCoreThread(std::move(spawns), std::move(kills), std::move(runs));
            },
            Qt::QueuedConnection);
    }

    void onCoreThread(std::vector<int> spawns, std::vector<int> kills,
                      std::vector<std::pair<model::LocalFunction, std::shared_ptr<Pending>>> runs)
    {
        for (int id : spawns)
            startProcess(id);
        for (int id : kills)
            killProcess(id);
        for (auto &[function, pending] : runs) {
            if (function.kind == model::LocalFunctionKind::Command)
                runCommand(function, std::move(pending));
            else
                callInvokeUrl(function, std::move(pending));
        }
    }

    // A changed function's pool: invocations in flight finish on the old workers, which then
    // stop; nothing new is given to them.
    void retire(std::unique_ptr<Pool> pool, std::vector<std::shared_ptr<Pending>> &requeue, Actions &actions)
    {
        pool->retiring = true;
        for (auto &pending : pool->queue)
            requeue.push_back(std::move(pending));
        pool->queue.clear();
        for (auto &worker : pool->workers) {
            if (!worker->current)
                actions.kills.push_back(worker->id);
        }
        if (!pool->workers.empty())
            m_retired.push_back(std::move(pool));
    }

    void enqueue(std::shared_ptr<Pending> pending, Actions &actions)
    {
        if (!m_trusted) {
            actions.completions.emplace_back(std::move(pending),
                                             notInvoked(QStringLiteral("local functions of this project are not trusted yet; "
                                                                       "run with --trust (or trust the project in Portico) to let them run")));
            return;
        }
        auto it = m_functions.find(pending->functionName);
        if (it == m_functions.end()) {
            const QString detail = QStringLiteral("no local function named \"%1\" in this project").arg(pending->functionName);
            actions.completions.emplace_back(std::move(pending), notInvoked(detail));
            return;
        }
        const model::LocalFunction &function = it->second;
        if (function.kind != model::LocalFunctionKind::Handler) {
            actions.runs.emplace_back(function, std::move(pending));
            return;
        }
        if (m_apiPorts.empty()) {
            const QString detail = QStringLiteral("the Lambda Runtime API could not start: %1").arg(m_apiError);
            actions.completions.emplace_back(std::move(pending), notInvoked(detail));
            return;
        }
        Pool &pool = poolFor(function);
        pool.queue.push_back(std::move(pending));
        dispatch(pool, actions);
    }

    Pool &poolFor(const model::LocalFunction &function)
    {
        auto &pool = m_pools[function.name];
        if (!pool) {
            pool = std::make_unique<Pool>();
            pool->function = function;
            pool->invokedArn = "arn:aws:lambda:us-east-1:000000000000:function:" + function.name.toUtf8();
        }
        return *pool;
    }

    // Gives queued invocations to idle workers, preferring a worker and an invocation on the same
    // thread; asks for new workers while the pool may grow.
    void dispatch(Pool &pool, Actions &actions)
    {
        QThread *here = QThread::currentThread();
        while (!pool.queue.empty()) {
            Worker *idle = nullptr;
            for (auto &worker : pool.workers) {
                if (worker->waiting && !worker->current && (!idle || worker->thread == here)) {
                    idle = worker.get();
                    if (worker->thread == here)
                        break;
                }
            }
            if (!idle) {
                int starting = 0;
                for (auto &worker : pool.workers) {
                    if (!worker->waiting && !worker->current)
                        ++starting;
                }
                // One new worker per queued invocation not already covered by one starting up.
                const int wanted = int(pool.queue.size()) - starting;
                for (int i = 0; i < wanted && int(pool.workers.size()) < std::max(1, pool.function.concurrency); ++i)
                    actions.spawns.push_back(addWorker(pool));
                return;
            }
            // The oldest invocation from the worker's own thread, unless one before it has been
            // passed over often enough: locality must not starve another thread's requests.
            auto next = pool.queue.begin();
            for (auto it = pool.queue.begin(); it != pool.queue.end(); ++it) {
                if ((*it)->passedOver >= kMaxPassedOver) {
                    next = it;
                    break;
                }
                if ((*it)->origin == idle->thread) {
                    next = it;
                    break;
                }
            }
            for (auto it = pool.queue.begin(); it != next; ++it)
                ++(*it)->passedOver;
            std::shared_ptr<Pending> pending = std::move(*next);
            pool.queue.erase(next);
            assign(pool, *idle, std::move(pending), actions);
        }
    }

    void assign(Pool &pool, Worker &worker, std::shared_ptr<Pending> pending, Actions &actions)
    {
        const int timeoutMs = std::max(1, pool.function.timeoutSeconds) * 1000;
        http::Response response;
        response.headers.reserve(5);
        response.headers.emplace_back("Content-Type", "application/json");
        response.headers.emplace_back("Lambda-Runtime-Aws-Request-Id", pending->requestId.toUtf8());
        response.headers.emplace_back("Lambda-Runtime-Deadline-Ms", QByteArray::number(QDateTime::currentMSecsSinceEpoch() + timeoutMs));
        response.headers.emplace_back("Lambda-Runtime-Invoked-Function-Arn", pool.invokedArn);
        response.headers.emplace_back("Lambda-Runtime-Trace-Id", "Root=1-" + pending->requestId.left(8).toUtf8());
        response.body = pending->event;
        worker.current = std::move(pending);
        worker.deadline = QDeadlineTimer(timeoutMs, Qt::PreciseTimer);
        actions.sends.emplace_back(std::move(*worker.waiting), std::move(response));
        worker.waiting.reset();
    }

    // A worker entry now, so that the pool counts it; its process starts on the core's thread.
    int addWorker(Pool &pool)
    {
        auto worker = std::make_unique<Worker>();
        worker->id = ++m_nextWorkerId;
        worker->pool = &pool;
        // Spread each pool over the Runtime API's threads.
        std::vector<int> perThread(m_apiPorts.size(), 0);
        for (const auto &other : pool.workers)
            ++perThread[other->apiIndex];
        worker->apiIndex = size_t(std::min_element(perThread.begin(), perThread.end()) - perThread.begin());
        m_workers.emplace(worker->id, worker.get());
        pool.workers.push_back(std::move(worker));
        return pool.workers.back()->id;
    }

    Worker *findWorker(int id) const
    {
        const auto it = m_workers.find(id);
        return it == m_workers.end() ? nullptr : it->second;
    }

    // On the core's thread.
    void startProcess(int id)
    {
        QString error;
        if (!ensureBootstrap(error)) {
            Actions actions;
            {
                std::lock_guard lock(m_mutex);
                if (Worker *worker = findWorker(id))
                    failPool(*worker->pool, notInvoked(error), actions);
            }
            perform(actions);
            return;
        }
        ensureSweep();
        std::lock_guard lock(m_mutex);
        Worker *worker = findWorker(id);
        if (!worker || worker->process)
            return;
        const model::LocalFunction &function = worker->pool->function;
        worker->process = new QProcess(this);
        QProcessEnvironment env = environmentFor(function);
        env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"),
                   QStringLiteral("127.0.0.1:%1/w/%2").arg(m_apiPorts[worker->apiIndex]).arg(worker->id));
        // The same API on a Unix domain socket: less work for the kernel than TCP on loopback.
        // AWS_LAMBDA_RUNTIME_API stays as AWS writes it, for runtimes that read only that.
        if (worker->apiIndex < m_apiSockets.size())
            env.insert(QStringLiteral("PORTICO_RUNTIME_API_SOCKET"), m_apiSockets[worker->apiIndex]);
        env.insert(QStringLiteral("_HANDLER"), function.handler);
        worker->process->setProcessEnvironment(env);
        worker->process->setWorkingDirectory(workingDirectory(function));
        // The function's console output (console.log, print) goes where Portico's goes.
        worker->process->setProcessChannelMode(QProcess::ForwardedChannels);
        const QString name = function.name;
        QObject::connect(worker->process, &QProcess::finished, this, [this, name, id](int code, QProcess::ExitStatus status) {
            onWorkerExit(name, id, status == QProcess::CrashExit ? QStringLiteral("signal") : QStringLiteral("exit status %1").arg(code));
        });
        QObject::connect(worker->process, &QProcess::errorOccurred, this, [this, name, id](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                onWorkerExit(name, id, QStringLiteral("failed to start"));
        });
        const bool node = function.runtime == model::LocalRuntime::NodeJs;
        const QString program = node ? QStringLiteral("node") : QStringLiteral("python3");
        const QString script = m_bootstrapDir->filePath(node ? QStringLiteral("bootstrap.js") : QStringLiteral("bootstrap.py"));
        worker->process->start(program, {script});
    }

    // On the core's thread.
    void killProcess(int id)
    {
        std::lock_guard lock(m_mutex);
        if (Worker *worker = findWorker(id); worker && worker->process)
            worker->process->kill();
    }

    // The timeouts of running invocations, checked often enough that a function's timeout (whole
    // seconds) is kept to within a few percent, without a timer per invocation (which would have
    // to be started on this thread, a hop from the thread that invokes).
    void ensureSweep()
    {
        if (m_sweep)
            return;
        m_sweep = new QTimer(this);
        m_sweep->setInterval(25);
        QObject::connect(m_sweep, &QTimer::timeout, this, [this] { sweepTimeouts(); });
        m_sweep->start();
    }

    void sweepTimeouts()
    {
        Actions actions;
        {
            std::lock_guard lock(m_mutex);
            for (const auto &[id, worker] : m_workers) {
                if (!worker->current || !worker->deadline.hasExpired())
                    continue;
                const QString requestId = worker->current->requestId;
                actions.completions.emplace_back(std::move(worker->current),
                                                 functionError(timeoutMessage(requestId, worker->pool->function.timeoutSeconds), QString()));
                worker->current.reset();
                // The worker may still be running the handler: replace it.
                if (worker->process)
                    worker->process->kill();
            }
        }
        perform(actions);
    }

    std::optional<http::Response> onRuntimeApi(const http::Request &request, const http::Responder &respond, Actions &actions)
    {
        // /w/{worker}/2018-06-01/runtime/...
        const QList<QByteArray> parts = request.path.split('/');
        const auto reply = [](int status, const QByteArray &body) {
            http::Response response;
            response.status = status;
            response.headers.emplace_back("Content-Type", "application/json");
            response.body = body;
            return response;
        };
        std::lock_guard lock(m_mutex);
        Worker *worker = parts.size() >= 6 && parts[1] == "w" ? findWorker(parts[2].toInt()) : nullptr;
        if (!worker || parts[3] != "2018-06-01" || parts[4] != "runtime")
            return reply(404, R"({"errorMessage":"Unknown runtime API path","errorType":"InvalidRequest"})");
        Pool &pool = *worker->pool;
        if (parts.size() == 7 && parts[5] == "invocation" && parts[6] == "next" && request.method == "GET") {
            worker->waiting = respond;
            worker->thread = QThread::currentThread();
            if (pool.retiring)
                actions.kills.push_back(worker->id);
            else
                dispatch(pool, actions);
            return std::nullopt;
        }
        if (parts.size() == 7 && parts[5] == "init" && parts[6] == "error") {
            pool.initError = request.body;
            return reply(202, R"({"status":"OK"})");
        }
        if (parts.size() == 8 && parts[5] == "invocation" && request.method == "POST") {
            if (!worker->current || worker->current->requestId != QLatin1String(parts[6]))
                return reply(400, R"({"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"})");
            if (parts[7] == "response" || parts[7] == "error") {
                actions.completions.emplace_back(std::move(worker->current), parts[7] == "response" ? success(request.body)
                                                                                               : functionErrorFromPayload(request.body));
                worker->current.reset();
                return reply(202, R"({"status":"OK"})");
            }
        }
        return reply(404, R"({"errorMessage":"Unknown runtime API path","errorType":"InvalidRequest"})");
    }

    // On the core's thread.
    void onWorkerExit(const QString &name, int id, const QString &how)
    {
        Actions actions;
        QProcess *process = nullptr;
        {
            std::lock_guard lock(m_mutex);
            Worker *worker = findWorker(id);
            if (!worker)
                return;
            Pool *pool = worker->pool;
            if (worker->current) {
                const QString requestId = worker->current->requestId;
                actions.completions.emplace_back(
                    std::move(worker->current),
                    pool->initError.isEmpty()
                        ? functionError(QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2").arg(requestId, how),
                                        QStringLiteral("Runtime.ExitError"))
                        : functionErrorFromPayload(pool->initError));
            }
            if (worker->waiting)
                actions.sends.emplace_back(std::move(*worker->waiting), http::Response());
            process = worker->process;
            m_workers.erase(id);
            std::erase_if(pool->workers, [id](const auto &w) { return w->id == id; });
            if (pool->retiring) {
                if (pool->workers.empty())
                    std::erase_if(m_retired, [pool](const auto &p) { return p.get() == pool; });
            } else if (!pool->initError.isEmpty() || how == QLatin1String("failed to start")) {
                // A handler that cannot even load fails what waits for it, instead of restarting
                // forever.
                const InvocationResult failure =
                    pool->initError.isEmpty()
                        ? notInvoked(QStringLiteral("cannot start the %1 runtime for %2")
                                         .arg(pool->function.runtime == model::LocalRuntime::NodeJs ? QStringLiteral("node") : QStringLiteral("python3"), name))
                        : functionErrorFromPayload(pool->initError);
                pool->initError.clear();
                failPool(*pool, failure, actions);
            } else {
                dispatch(*pool, actions);
            }
        }
        if (process)
            process->deleteLater();
        perform(actions);
    }

    // Under the lock: everything queued for the pool fails with `failure`.
    void failPool(Pool &pool, const InvocationResult &failure, Actions &actions)
    {
        for (auto &pending : pool.queue)
            actions.completions.emplace_back(std::move(pending), failure);
        pool.queue.clear();
    }

    // On the core's thread, with the pool already out of the shared state.
    void stopPool(Pool &pool)
    {
        for (auto &worker : pool.workers) {
            if (worker->process) {
                worker->process->disconnect(this);
                worker->process->kill();
                worker->process->waitForFinished(2000);
                delete worker->process;
            }
            if (worker->current)
                worker->current->done(notInvoked(QStringLiteral("the runtime stopped")));
        }
        pool.workers.clear();
        for (auto &pending : pool.queue)
            pending->done(notInvoked(QStringLiteral("the runtime stopped")));
        pool.queue.clear();
    }

    QString workingDirectory(const model::LocalFunction &function) const
    {
        const QString dir = function.workingDirectory.isEmpty() ? QStringLiteral(".") : function.workingDirectory;
        return QDir(m_projectDirectory).absoluteFilePath(dir);
    }

    QProcessEnvironment environmentFor(const model::LocalFunction &function) const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_NAME"), function.name);
        env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_VERSION"), QStringLiteral("$LATEST"));
        env.insert(QStringLiteral("AWS_LAMBDA_FUNCTION_MEMORY_SIZE"), QStringLiteral("128"));
        env.insert(QStringLiteral("AWS_LAMBDA_LOG_GROUP_NAME"), QStringLiteral("/aws/lambda/") + function.name);
        env.insert(QStringLiteral("AWS_LAMBDA_LOG_STREAM_NAME"), QStringLiteral("portico/[$LATEST]local"));
        env.insert(QStringLiteral("AWS_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_DEFAULT_REGION"), QStringLiteral("us-east-1"));
        env.insert(QStringLiteral("AWS_EXECUTION_ENV"), QStringLiteral("Portico_local"));
        env.insert(QStringLiteral("LAMBDA_TASK_ROOT"), workingDirectory(function));
        env.insert(QStringLiteral("TZ"), QStringLiteral(":UTC"));
        for (const auto &[name, value] : function.environment)
            env.insert(name, value);
        return env;
    }

    bool ensureBootstrap(QString &error)
    {
        if (m_bootstrapDir)
            return true;
        auto dir = std::make_unique<QTemporaryDir>();
        if (!dir->isValid()) {
            error = QStringLiteral("cannot create a temporary directory for the Lambda bootstrap");
            return false;
        }
        for (const char *file : {"bootstrap.js", "bootstrap.py"}) {
            QFile source(QStringLiteral(":/portico/lambda/") + QLatin1String(file));
            QFile target(dir->filePath(QLatin1String(file)));
            if (!source.open(QIODevice::ReadOnly) || !target.open(QIODevice::WriteOnly) || target.write(source.readAll()) < 0) {
                error = QStringLiteral("cannot write the Lambda bootstrap %1").arg(QLatin1String(file));
                return false;
            }
        }
        m_bootstrapDir = std::move(dir);
        return true;
    }

    void runCommand(const model::LocalFunction &function, std::shared_ptr<Pending> pending)
    {
        auto *process = new QProcess(this);
        process->setProcessEnvironment(environmentFor(function));
        process->setWorkingDirectory(workingDirectory(function));
        auto *timer = new QTimer(process);
        timer->setSingleShot(true);
        auto timedOut = std::make_shared<bool>(false);
        const int seconds = std::max(1, function.timeoutSeconds);
        QObject::connect(timer, &QTimer::timeout, process, [process, timedOut] {
            *timedOut = true;
            process->kill();
        });
        auto finished = std::make_shared<bool>(false);
        const auto finish = [process, pending, timedOut, finished, seconds](const QString &startError) {
            if (*finished)
                return;
            *finished = true;
            if (!startError.isEmpty())
                pending->done(notInvoked(startError));
            else if (*timedOut)
                pending->done(functionError(timeoutMessage(pending->requestId, seconds), QString()));
            else if (process->exitStatus() == QProcess::NormalExit && process->exitCode() == 0)
                pending->done(success(process->readAllStandardOutput().trimmed()));
            else {
                const QByteArray err = process->readAllStandardError().trimmed();
                const QString detail = process->exitStatus() == QProcess::CrashExit ? QStringLiteral("signal")
                                                                                     : QStringLiteral("exit status %1").arg(process->exitCode());
                pending->done(functionError(err.isEmpty() ? QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2").arg(pending->requestId, detail)
                                                          : QString::fromUtf8(err.split('\n').last()),
                                            QStringLiteral("Runtime.ExitError")));
            }
            process->deleteLater();
        };
        QObject::connect(process, &QProcess::finished, process, [finish] { finish(QString()); });
        QObject::connect(process, &QProcess::errorOccurred, process, [finish, process](QProcess::ProcessError error) {
            if (error == QProcess::FailedToStart)
                finish(QStringLiteral("cannot run the command: %1").arg(process->errorString()));
        });
        process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), function.command});
        process->write(pending->event);
        process->closeWriteChannel();
        timer->start(seconds * 1000);
    }

    void callInvokeUrl(const model::LocalFunction &function, std::shared_ptr<Pending> pending)
    {
        BackendRequest request;
        request.method = "POST";
        QString url = function.invokeUrl;
        if (!url.contains(QLatin1String("/invocations"))) {
            while (url.endsWith(QLatin1Char('/')))
                url.chop(1);
            url += QStringLiteral("/2015-03-31/functions/%1/invocations").arg(function.name);
        }
        request.url = QUrl(url);
        request.headers = {{QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                           {QStringLiteral("X-Amz-Invocation-Type"), QStringLiteral("RequestResponse")}};
        request.body = pending->event;
        request.timeoutMs = std::max(1, function.timeoutSeconds) * 1000 + 1000;
        HttpBackend::send(request, [pending, url](BackendResponse response) {
            if (response.outcome != BackendResponse::Outcome::Ok) {
                pending->done(notInvoked(QStringLiteral("invoke URL %1: %2").arg(url, response.error)));
                return;
            }
            if (response.status < 200 || response.status >= 300) {
                pending->done(notInvoked(QStringLiteral("invoke URL %1 answered %2: %3")
                                             .arg(url)
                                             .arg(response.status)
                                             .arg(QString::fromUtf8(response.body.left(500)))));
                return;
            }
            for (const auto &[name, value] : response.headers) {
                if (name.compare(QLatin1String("X-Amz-Function-Error"), Qt::CaseInsensitive) == 0) {
                    pending->done(functionErrorFromPayload(response.body));
                    return;
                }
            }
            pending->done(success(response.body));
        });
    }

    QString m_projectDirectory;
    bool m_trusted;
    std::mutex m_mutex;
    std::map<QString, model::LocalFunction> m_functions;
    std::map<QString, std::unique_ptr<Pool>> m_pools;
    std::vector<std::unique_ptr<Pool>> m_retired;
    std::unordered_map<int, Worker *> m_workers;
    std::vector<quint16> m_apiPorts;
    std::vector<QString> m_apiSockets;
    QString m_apiError;
    int m_nextWorkerId = 0;
    // The core's thread only.
    std::unique_ptr<QTemporaryDir> m_bootstrapDir;
    QTimer *m_sweep = nullptr;
};

FunctionHost::FunctionHost(QString projectDirectory, bool trusted, http::Server *runtimeApiServer)
    : m_projectDirectory(std::move(projectDirectory)), m_trusted(trusted),
      m_processThread(std::make_unique<QThread>()), m_core(std::make_unique<Core>(m_projectDirectory, trusted)),
      m_sharedServer(runtimeApiServer)
{
    m_processThread->setObjectName(QStringLiteral("portico-functions"));
    m_processThread->start();
    m_core->moveToThread(m_processThread.get());

    http::ConnectionLimits limits = http::ServerOptions::defaults().connection;
    // A worker waits in GET .../next for as long as there is nothing to do.
    limits.idleTimeoutMs = 24 * 3600 * 1000;
    limits.requestReceiveTimeoutMs = 60000;
    // Lambda's payload limit is 6 MB.
    limits.parser.maxBodyBytes = 6 * 1024 * 1024 + 1024;

    std::vector<quint16> ports;
    std::vector<QString> sockets;
    QString error;
    if (m_sharedServer) {
        // One port (and socket) per thread, so that each worker's connection lands on a known
        // thread.
        static std::atomic_int hosts{0};
        const QString socketDir = QDir::temp().filePath(QStringLiteral("portico-%1").arg(::getuid()));
        const bool haveSocketDir = QDir().mkpath(socketDir);
        QFile::setPermissions(socketDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const int host = ++hosts;
        for (int i = 0; i < m_sharedServer->workerCount(); ++i) {
            base::Result<quint16> port = m_sharedServer->listenAlso(*m_core, QHostAddress::LocalHost, 0, limits, i);
            if (!port.ok()) {
                error = port.error().toString();
                ports.clear();
                break;
            }
            ports.push_back(port.value());
            const QString socket =
                QDir(socketDir).filePath(QStringLiteral("runtime-%1-%2-%3.sock").arg(QCoreApplication::applicationPid()).arg(host).arg(i));
            if (haveSocketDir && m_sharedServer->listenLocalAlso(*m_core, socket, limits, i).ok())
                sockets.push_back(socket);
        }
        // All threads or none: a worker must find its thread's socket. PORTICO_RUNTIME_API_TCP=1
        // keeps workers on TCP (to compare, or for a runtime that cannot use the socket).
        if (sockets.size() != ports.size() || qEnvironmentVariableIntValue("PORTICO_RUNTIME_API_TCP") == 1)
            sockets.clear();
    } else {
        http::ServerOptions options = http::ServerOptions::defaults();
        options.workerThreads = 1;
        options.connection = limits;
        m_ownServer = std::make_unique<http::Server>(*m_core, options);
        if (base::Status started = m_ownServer->start(); started.ok())
            ports.push_back(m_ownServer->port());
        else
            error = started.error().toString();
    }
    m_core->setApi(std::move(ports), std::move(sockets), error);
}

FunctionHost::~FunctionHost()
{
    Core *core = m_core.get();
    QMetaObject::invokeMethod(core, [core] { core->stopAll(); }, Qt::BlockingQueuedConnection);
    if (m_sharedServer)
        m_sharedServer->stopListening(*m_core);
    if (m_ownServer)
        m_ownServer->stop();
    m_processThread->quit();
    m_processThread->wait();
    m_core.reset();
}

void FunctionHost::setFunctions(std::vector<model::LocalFunction> functions)
{
    Core *core = m_core.get();
    QMetaObject::invokeMethod(
        core, [core, functions = std::move(functions)]() mutable { core->setFunctions(std::move(functions)); },
        Qt::BlockingQueuedConnection);
}

void FunctionHost::invoke(const QString &functionName, QByteArray event, QString requestId, Completion done)
{
    auto pending = std::make_shared<Pending>();
    pending->functionName = functionName;
    pending->requestId = std::move(requestId);
    pending->event = std::move(event);
    pending->done = std::move(done);
    m_core->invoke(std::move(pending));
}

QString FunctionHost::functionNameFromUri(const QString &uri)
{
    // ".../functions/arn:aws:lambda:region:account:function:NAME[:qualifier]/invocations" or a
    // bare function ARN.
    static const QString marker = QStringLiteral(":function:");
    const qsizetype at = uri.indexOf(marker);
    if (at < 0)
        return {};
    QString rest = uri.mid(at + marker.size());
    const qsizetype end = rest.indexOf(QLatin1Char('/'));
    if (end >= 0)
        rest.truncate(end);
    return rest.section(QLatin1Char(':'), 0, 0);
}

} // namespace portico::runtime
