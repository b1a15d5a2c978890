#include "functionhost.h"

#include "httpbackend.h"

#include "base/json.h"
#include "http/requesthandler.h"
#include "http/server.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <deque>
#include <map>

namespace portico::runtime {

namespace {

struct Pending
{
    QString functionName;
    QString requestId;
    QByteArray event;
    FunctionHost::Completion done;
};

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

// Everything below runs on the host's thread; the Runtime API server's threads post to it.
class FunctionHost::Core : public QObject, public http::RequestHandler
{
    struct Pool;

public:
    Core(QString projectDirectory, bool trusted) : m_projectDirectory(std::move(projectDirectory)), m_trusted(trusted) {}

    ~Core() override { stopAll(); }

    void setFunctions(std::vector<model::LocalFunction> functions)
    {
        std::map<QString, model::LocalFunction> next;
        for (model::LocalFunction &f : functions)
            next.emplace(f.name, std::move(f));
        std::vector<std::shared_ptr<Pending>> requeue;
        for (auto it = m_pools.begin(); it != m_pools.end();) {
            auto found = next.find(it->first);
            if (found == next.end() || !(found->second == it->second->function)) {
                retire(std::move(it->second), requeue);
                it = m_pools.erase(it);
            } else {
                ++it;
            }
        }
        m_functions = std::move(next);
        // What waited for a changed function runs on its new definition.
        for (auto &pending : requeue)
            enqueue(std::move(pending));
    }

    // A changed function's pool: invocations in flight finish on the old workers, which then
    // stop; nothing new is given to them.
    void retire(std::unique_ptr<Pool> pool, std::vector<std::shared_ptr<Pending>> &requeue)
    {
        pool->retiring = true;
        for (auto &pending : pool->queue)
            requeue.push_back(std::move(pending));
        pool->queue.clear();
        for (auto &worker : pool->workers) {
            if (!worker->current)
                worker->process->kill();
        }
        if (!pool->workers.empty())
            m_retired.push_back(std::move(pool));
    }

    void enqueue(std::shared_ptr<Pending> pending)
    {
        if (!m_trusted) {
            pending->done(notInvoked(QStringLiteral("local functions of this project are not trusted yet; "
                                                    "run with --trust (or trust the project in Portico) to let them run")));
            return;
        }
        auto it = m_functions.find(pending->functionName);
        if (it == m_functions.end()) {
            pending->done(notInvoked(QStringLiteral("no local function named \"%1\" in this project").arg(pending->functionName)));
            return;
        }
        const model::LocalFunction &function = it->second;
        switch (function.kind) {
        case model::LocalFunctionKind::Handler:
            invokeHandler(function, std::move(pending));
            return;
        case model::LocalFunctionKind::Command:
            runCommand(function, std::move(pending));
            return;
        case model::LocalFunctionKind::InvokeUrl:
            callInvokeUrl(function, std::move(pending));
            return;
        }
    }

    // http::RequestHandler: the Runtime API. The core lives in the API server's only worker
    // thread, so this runs where the pools live, without a hop between threads.
    void handle(http::Request request, http::Responder respond) override
    {
        if (thread() == QThread::currentThread()) {
            onRuntimeApi(request, respond);
            return;
        }
        QMetaObject::invokeMethod(
            this, [this, request = std::move(request), respond] { onRuntimeApi(request, respond); }, Qt::QueuedConnection);
    }

    void setApi(quint16 port, QString error)
    {
        m_apiPort = port;
        m_apiError = std::move(error);
    }

    void stopAll()
    {
        for (auto &[name, pool] : m_pools)
            stopPool(*pool);
        m_pools.clear();
        for (auto &pool : m_retired)
            stopPool(*pool);
        m_retired.clear();
    }

private:
    struct Worker
    {
        int id = 0;
        QProcess *process = nullptr;
        std::optional<http::Responder> waiting; // its pending GET .../invocation/next
        std::shared_ptr<Pending> current;
        QTimer *timer = nullptr;
    };
    struct Pool
    {
        model::LocalFunction function;
        std::vector<std::unique_ptr<Worker>> workers;
        std::deque<std::shared_ptr<Pending>> queue;
        QByteArray initError;
        bool retiring = false;
    };

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

    Pool &poolFor(const model::LocalFunction &function)
    {
        auto &pool = m_pools[function.name];
        if (!pool) {
            pool = std::make_unique<Pool>();
            pool->function = function;
        }
        return *pool;
    }

    void invokeHandler(const model::LocalFunction &function, std::shared_ptr<Pending> pending)
    {
        QString error;
        if (m_apiPort == 0) {
            pending->done(notInvoked(QStringLiteral("the Lambda Runtime API could not start: %1").arg(m_apiError)));
            return;
        }
        if (!ensureBootstrap(error)) {
            pending->done(notInvoked(error));
            return;
        }
        Pool &pool = poolFor(function);
        pool.queue.push_back(std::move(pending));
        dispatch(pool);
    }

    void dispatch(Pool &pool)
    {
        while (!pool.queue.empty()) {
            Worker *idle = nullptr;
            for (auto &worker : pool.workers) {
                if (worker->waiting && !worker->current) {
                    idle = worker.get();
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
                    spawnWorker(pool);
                return;
            }
            std::shared_ptr<Pending> next = std::move(pool.queue.front());
            pool.queue.pop_front();
            assign(pool, *idle, std::move(next));
        }
    }

    void assign(Pool &pool, Worker &worker, std::shared_ptr<Pending> pending)
    {
        const int timeoutMs = std::max(1, pool.function.timeoutSeconds) * 1000;
        http::Response response;
        response.setHeader("Content-Type", "application/json");
        response.setHeader("Lambda-Runtime-Aws-Request-Id", pending->requestId.toUtf8());
        response.setHeader("Lambda-Runtime-Deadline-Ms", QByteArray::number(QDateTime::currentMSecsSinceEpoch() + timeoutMs));
        response.setHeader("Lambda-Runtime-Invoked-Function-Arn",
                           "arn:aws:lambda:us-east-1:000000000000:function:" + pool.function.name.toUtf8());
        response.setHeader("Lambda-Runtime-Trace-Id", "Root=1-" + pending->requestId.left(8).toUtf8());
        response.body = pending->event;
        worker.current = std::move(pending);
        http::Responder waiting = *worker.waiting;
        worker.waiting.reset();
        worker.timer->start(timeoutMs);
        waiting.send(std::move(response));
    }

    void spawnWorker(Pool &pool)
    {
        auto worker = std::make_unique<Worker>();
        worker->id = ++m_nextWorkerId;
        worker->process = new QProcess(this);
        worker->timer = new QTimer(worker->process);
        worker->timer->setSingleShot(true);
        const model::LocalFunction &function = pool.function;
        QProcessEnvironment env = environmentFor(function);
        env.insert(QStringLiteral("AWS_LAMBDA_RUNTIME_API"), QStringLiteral("127.0.0.1:%1/w/%2").arg(m_apiPort).arg(worker->id));
        env.insert(QStringLiteral("_HANDLER"), function.handler);
        worker->process->setProcessEnvironment(env);
        worker->process->setWorkingDirectory(workingDirectory(function));
        // The function's console output (console.log, print) goes where Portico's goes.
        worker->process->setProcessChannelMode(QProcess::ForwardedChannels);
        const int id = worker->id;
        const QString name = function.name;
        QObject::connect(worker->timer, &QTimer::timeout, this, [this, name, id] { onTimeout(name, id); });
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
        pool.workers.push_back(std::move(worker));
        pool.workers.back()->process->start(program, {script});
    }

    Worker *findWorker(int id, Pool **poolOut)
    {
        for (auto &[name, pool] : m_pools) {
            for (auto &worker : pool->workers) {
                if (worker->id == id) {
                    *poolOut = pool.get();
                    return worker.get();
                }
            }
        }
        for (auto &pool : m_retired) {
            for (auto &worker : pool->workers) {
                if (worker->id == id) {
                    *poolOut = pool.get();
                    return worker.get();
                }
            }
        }
        return nullptr;
    }

    void complete(Worker &worker, InvocationResult result)
    {
        worker.timer->stop();
        std::shared_ptr<Pending> pending = std::move(worker.current);
        worker.current.reset();
        if (pending)
            pending->done(std::move(result));
    }

    void onRuntimeApi(const http::Request &request, const http::Responder &respond)
    {
        // /w/{worker}/2018-06-01/runtime/...
        const QList<QByteArray> parts = request.path.split('/');
        const auto reply = [&](int status, const QByteArray &body) {
            http::Response response;
            response.status = status;
            response.setHeader("Content-Type", "application/json");
            response.body = body;
            respond.send(response);
        };
        Pool *pool = nullptr;
        Worker *worker = parts.size() >= 6 && parts[1] == "w" ? findWorker(parts[2].toInt(), &pool) : nullptr;
        if (!worker || parts[3] != "2018-06-01" || parts[4] != "runtime") {
            reply(404, R"({"errorMessage":"Unknown runtime API path","errorType":"InvalidRequest"})");
            return;
        }
        if (parts.size() == 7 && parts[5] == "invocation" && parts[6] == "next" && request.method == "GET") {
            worker->waiting = respond;
            if (pool->retiring)
                worker->process->kill();
            else
                dispatch(*pool);
            return;
        }
        if (parts.size() == 7 && parts[5] == "init" && parts[6] == "error") {
            pool->initError = request.body;
            reply(202, R"({"status":"OK"})");
            return;
        }
        if (parts.size() == 8 && parts[5] == "invocation" && request.method == "POST") {
            const QString id = QString::fromUtf8(parts[6]);
            if (!worker->current || worker->current->requestId != id) {
                reply(400, R"({"errorMessage":"Invalid request ID","errorType":"InvalidRequestID"})");
                return;
            }
            if (parts[7] == "response") {
                complete(*worker, success(request.body));
                reply(202, R"({"status":"OK"})");
                return;
            }
            if (parts[7] == "error") {
                complete(*worker, functionErrorFromPayload(request.body));
                reply(202, R"({"status":"OK"})");
                return;
            }
        }
        reply(404, R"({"errorMessage":"Unknown runtime API path","errorType":"InvalidRequest"})");
    }

    void onTimeout(const QString &name, int id)
    {
        Pool *pool = nullptr;
        Worker *worker = findWorker(id, &pool);
        if (!worker || !worker->current)
            return;
        const QString requestId = worker->current->requestId;
        complete(*worker, functionError(timeoutMessage(requestId, pool->function.timeoutSeconds), QString()));
        // The worker may still be running the handler: replace it.
        worker->process->kill();
        Q_UNUSED(name);
    }

    void onWorkerExit(const QString &name, int id, const QString &how)
    {
        Pool *pool = nullptr;
        Worker *worker = findWorker(id, &pool);
        if (!worker)
            return;
        if (worker->current) {
            const QString requestId = worker->current->requestId;
            complete(*worker, pool->initError.isEmpty()
                                  ? functionError(QStringLiteral("RequestId: %1 Error: Runtime exited with error: %2").arg(requestId, how),
                                                  QStringLiteral("Runtime.ExitError"))
                                  : functionErrorFromPayload(pool->initError));
        }
        if (worker->waiting)
            worker->waiting->send(http::Response());
        worker->process->deleteLater();
        std::erase_if(pool->workers, [id](const auto &w) { return w->id == id; });
        if (pool->retiring) {
            if (pool->workers.empty())
                std::erase_if(m_retired, [pool](const auto &p) { return p.get() == pool; });
            return;
        }
        // A handler that cannot even load fails what waits for it, instead of restarting forever.
        if (!pool->initError.isEmpty() || how == QLatin1String("failed to start")) {
            const InvocationResult failure =
                pool->initError.isEmpty()
                    ? notInvoked(QStringLiteral("cannot start the %1 runtime for %2")
                                     .arg(pool->function.runtime == model::LocalRuntime::NodeJs ? QStringLiteral("node") : QStringLiteral("python3"), name))
                    : functionErrorFromPayload(pool->initError);
            std::deque<std::shared_ptr<Pending>> queue = std::move(pool->queue);
            pool->queue.clear();
            pool->initError.clear();
            for (auto &pending : queue)
                pending->done(failure);
            return;
        }
        dispatch(*pool);
    }

    void stopPool(Pool &pool)
    {
        for (auto &worker : pool.workers) {
            worker->process->disconnect(this);
            worker->timer->stop();
            worker->process->kill();
            worker->process->waitForFinished(2000);
            if (worker->current)
                worker->current->done(notInvoked(QStringLiteral("the runtime stopped")));
            delete worker->process;
        }
        pool.workers.clear();
        for (auto &pending : pool.queue)
            pending->done(notInvoked(QStringLiteral("the runtime stopped")));
        pool.queue.clear();
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
    std::map<QString, model::LocalFunction> m_functions;
    std::map<QString, std::unique_ptr<Pool>> m_pools;
    std::vector<std::unique_ptr<Pool>> m_retired;
    std::unique_ptr<QTemporaryDir> m_bootstrapDir;
    quint16 m_apiPort = 0;
    QString m_apiError;
    int m_nextWorkerId = 0;
};

FunctionHost::FunctionHost(QString projectDirectory, bool trusted)
    : m_projectDirectory(std::move(projectDirectory)), m_trusted(trusted),
      m_core(std::make_unique<Core>(m_projectDirectory, trusted))
{
    // The Runtime API server, with one worker thread that the core moves into.
    http::ServerOptions options = http::ServerOptions::defaults();
    options.workerThreads = 1;
    // A worker waits in GET .../next for as long as there is nothing to do.
    options.connection.idleTimeoutMs = 24 * 3600 * 1000;
    options.connection.requestReceiveTimeoutMs = 60000;
    // Lambda's payload limit is 6 MB.
    options.connection.parser.maxBodyBytes = 6 * 1024 * 1024 + 1024;
    m_api = std::make_unique<http::Server>(*m_core, options);
    if (base::Status started = m_api->start(); started.ok()) {
        m_core->setApi(m_api->port(), QString());
        m_core->moveToThread(m_api->workerThread(0));
    } else {
        m_core->setApi(0, started.error().toString());
        m_ownThread = std::make_unique<QThread>();
        m_ownThread->setObjectName(QStringLiteral("portico-functions"));
        m_ownThread->start();
        m_core->moveToThread(m_ownThread.get());
    }
}

FunctionHost::~FunctionHost()
{
    Core *core = m_core.get();
    QMetaObject::invokeMethod(core, [core] { core->stopAll(); }, Qt::BlockingQueuedConnection);
    m_api->stop();
    if (m_ownThread) {
        m_ownThread->quit();
        m_ownThread->wait();
    }
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
    Core *core = m_core.get();
    QMetaObject::invokeMethod(core, [core, pending] { core->enqueue(pending); }, Qt::QueuedConnection);
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
