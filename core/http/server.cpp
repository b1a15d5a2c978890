#include "server.h"

#include "requesthandler.h"

#include "base/limits.h"

#include <QThread>
#include <QTcpServer>
#include <QTimer>

#include <unistd.h>

#include <atomic>
#include <unordered_set>

namespace portico::http {

ServerOptions ServerOptions::defaults()
{
    ServerOptions options;
    options.connection.parser.maxHeaderBytes = base::limits::kRequestHeaderMaxBytes;
    options.connection.parser.maxBodyBytes = base::limits::kPayloadMaxBytes;
    options.connection.requestReceiveTimeoutMs = base::limits::kRequestReceiveTimeoutMs;
    options.connection.idleTimeoutMs = base::limits::kConnectionIdleTimeoutMs;
    return options;
}

namespace {

// Lives in one worker thread and owns the connections handed to it.
class Worker : public QObject
{
public:
    Worker(RequestHandler &handler, const ConnectionLimits &limits, std::atomic_int &open)
        : m_handler(handler), m_limits(limits), m_open(open)
    {
    }

    void start()
    {
        m_sweep = new QTimer(this);
        m_sweep->setInterval(500);
        QObject::connect(m_sweep, &QTimer::timeout, this, [this] {
            // Copy: enforcing a timeout may close (and so remove) a connection.
            const std::vector<Connection *> all(m_connections.begin(), m_connections.end());
            for (Connection *c : all)
                c->enforceTimeouts();
        });
        m_sweep->start();
    }

    void adopt(qintptr descriptor)
    {
        auto *connection = new Connection(descriptor, m_handler, m_limits, this);
        if (!connection->isOpen()) {
            delete connection;
            m_open.fetch_sub(1);
            return;
        }
        m_connections.insert(connection);
        QObject::connect(connection, &Connection::closed, this, [this](Connection *c) {
            if (m_connections.erase(c) > 0) {
                m_open.fetch_sub(1);
                c->deleteLater();
            }
        });
    }

    void closeAll()
    {
        for (Connection *c : m_connections) {
            m_open.fetch_sub(1);
            delete c;
        }
        m_connections.clear();
        delete m_sweep;
        m_sweep = nullptr;
    }

private:
    RequestHandler &m_handler;
    ConnectionLimits m_limits;
    std::atomic_int &m_open;
    std::unordered_set<Connection *> m_connections;
    QTimer *m_sweep = nullptr;
};

// Accepts on its own thread and deals connections out to the workers in turn.
class Listener : public QTcpServer
{
public:
    Listener(std::vector<Worker *> workers, int maxConnections, std::atomic_int &open)
        : m_workers(std::move(workers)), m_maxConnections(maxConnections), m_open(open)
    {
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        if (m_open.load() >= m_maxConnections) {
            ::close(int(descriptor));
            return;
        }
        m_open.fetch_add(1);
        Worker *worker = m_workers[m_next++ % m_workers.size()];
        QMetaObject::invokeMethod(worker, [worker, descriptor] { worker->adopt(descriptor); }, Qt::QueuedConnection);
    }

private:
    std::vector<Worker *> m_workers;
    size_t m_next = 0;
    int m_maxConnections;
    std::atomic_int &m_open;
};

} // namespace

struct Server::Private
{
    RequestHandler &handler;
    ServerOptions options;
    std::atomic_int open{0};
    std::vector<std::unique_ptr<QThread>> threads;
    std::vector<Worker *> workers;
    std::unique_ptr<QThread> acceptThread;
    Listener *listener = nullptr;
    quint16 port = 0;
    bool running = false;

    Private(RequestHandler &h, ServerOptions o) : handler(h), options(std::move(o)) {}
};

Server::Server(RequestHandler &handler, ServerOptions options)
    : d(std::make_unique<Private>(handler, std::move(options)))
{
}

Server::~Server()
{
    stop();
}

base::Status Server::start()
{
    if (d->running)
        return base::success();
    int count = d->options.workerThreads;
    if (count <= 0)
        count = std::max(2, QThread::idealThreadCount());
    for (int i = 0; i < count; ++i) {
        auto thread = std::make_unique<QThread>();
        thread->setObjectName(QStringLiteral("portico-http-%1").arg(i));
        auto *worker = new Worker(d->handler, d->options.connection, d->open);
        worker->moveToThread(thread.get());
        QObject::connect(thread.get(), &QThread::finished, worker, [worker] { worker->closeAll(); });
        thread->start();
        QMetaObject::invokeMethod(worker, [worker] { worker->start(); }, Qt::BlockingQueuedConnection);
        d->workers.push_back(worker);
        d->threads.push_back(std::move(thread));
    }
    d->acceptThread = std::make_unique<QThread>();
    d->acceptThread->setObjectName(QStringLiteral("portico-http-accept"));
    d->acceptThread->start();
    d->listener = new Listener(d->workers, d->options.maxConnections, d->open);
    d->listener->moveToThread(d->acceptThread.get());
    QString error;
    bool listening = false;
    QMetaObject::invokeMethod(
        d->listener,
        [&] {
            d->listener->setMaxPendingConnections(1024);
            listening = d->listener->listen(d->options.address, d->options.port);
            if (!listening)
                error = d->listener->errorString();
            else
                d->port = d->listener->serverPort();
        },
        Qt::BlockingQueuedConnection);
    d->running = true;
    if (!listening) {
        stop();
        return base::Diagnostic::error(QStringLiteral("%1:%2").arg(d->options.address.toString()).arg(d->options.port),
                                       QStringLiteral("cannot listen: %1").arg(error));
    }
    return base::success();
}

void Server::stop()
{
    if (!d->running)
        return;
    d->running = false;
    if (d->listener) {
        QMetaObject::invokeMethod(d->listener, [this] { d->listener->close(); }, Qt::BlockingQueuedConnection);
        d->acceptThread->quit();
        d->acceptThread->wait();
        delete d->listener;
        d->listener = nullptr;
    }
    for (auto &thread : d->threads) {
        thread->quit();
        thread->wait();
    }
    for (Worker *worker : d->workers)
        delete worker;
    d->workers.clear();
    d->threads.clear();
}

quint16 Server::port() const
{
    return d->port;
}

QHostAddress Server::address() const
{
    return d->options.address;
}

QThread *Server::workerThread(int index) const
{
    if (index < 0 || size_t(index) >= d->threads.size())
        return nullptr;
    return d->threads[size_t(index)].get();
}

int Server::openConnections() const
{
    return d->open.load();
}

} // namespace portico::http
