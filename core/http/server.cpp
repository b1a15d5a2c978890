#include "server.h"

#include "epolldispatcher.h"
#include "requesthandler.h"

#include "base/limits.h"

#include <QThread>
#include <QLocalServer>
#include <QTcpServer>
#include <QTimer>

#include <unistd.h>

#include <atomic>
#include <unordered_map>

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

// Lives in one worker thread and owns the connections handed to it, whichever listener accepted
// them.
class Worker : public QObject
{
public:
    explicit Worker(std::atomic_int &open) : m_open(open) {}

    void start()
    {
        m_sweep = new QTimer(this);
        m_sweep->setInterval(500);
        QObject::connect(m_sweep, &QTimer::timeout, this, [this] {
            // Copy: enforcing a timeout may close (and so remove) a connection.
            std::vector<Connection *> all;
            all.reserve(m_connections.size());
            for (const auto &[connection, handler] : m_connections)
                all.push_back(connection);
            for (Connection *c : all)
                c->enforceTimeouts();
        });
        m_sweep->start();
    }

    void adopt(qintptr descriptor, RequestHandler *handler, const ConnectionLimits &limits)
    {
        auto *connection = new Connection(descriptor, *handler, limits, this);
        if (!connection->isOpen()) {
            delete connection;
            m_open.fetch_sub(1);
            return;
        }
        m_connections.emplace(connection, handler);
        QObject::connect(connection, &Connection::closed, this, [this](Connection *c) {
            if (m_connections.erase(c) > 0) {
                m_open.fetch_sub(1);
                c->deleteLater();
            }
        });
    }

    // Every connection of one handler (nullptr: all of them).
    void closeAll(RequestHandler *handler = nullptr)
    {
        for (auto it = m_connections.begin(); it != m_connections.end();) {
            if (handler && it->second != handler) {
                ++it;
                continue;
            }
            m_open.fetch_sub(1);
            delete it->first;
            it = m_connections.erase(it);
        }
        if (!handler) {
            delete m_sweep;
            m_sweep = nullptr;
        }
    }

private:
    std::atomic_int &m_open;
    std::unordered_map<Connection *, RequestHandler *> m_connections;
    QTimer *m_sweep = nullptr;
};

// Deals accepted connections out to the workers in turn (or all to one of them).
class Dealer
{
public:
    Dealer(RequestHandler &handler, ConnectionLimits limits, std::vector<Worker *> workers, int maxConnections,
           std::atomic_int &open)
        : m_handler(handler), m_limits(std::move(limits)), m_workers(std::move(workers)),
          m_maxConnections(maxConnections), m_open(open)
    {
    }

    RequestHandler &handler() const { return m_handler; }

    void deal(qintptr descriptor)
    {
        if (m_open.load() >= m_maxConnections) {
            ::close(int(descriptor));
            return;
        }
        m_open.fetch_add(1);
        Worker *worker = m_workers[m_next++ % m_workers.size()];
        RequestHandler *handler = &m_handler;
        QMetaObject::invokeMethod(
            worker, [worker, descriptor, handler, limits = m_limits] { worker->adopt(descriptor, handler, limits); },
            Qt::QueuedConnection);
    }

private:
    RequestHandler &m_handler;
    ConnectionLimits m_limits;
    std::vector<Worker *> m_workers;
    size_t m_next = 0;
    int m_maxConnections;
    std::atomic_int &m_open;
};

// Accept on the server's accept thread: TCP, or a Unix domain socket (cheaper than TCP on
// loopback, for Portico's own processes).
class TcpListener : public QTcpServer
{
public:
    explicit TcpListener(Dealer dealer) : m_dealer(std::move(dealer)) {}
    Dealer &dealer() { return m_dealer; }

protected:
    void incomingConnection(qintptr descriptor) override { m_dealer.deal(descriptor); }

private:
    Dealer m_dealer;
};

class LocalListener : public QLocalServer
{
public:
    explicit LocalListener(Dealer dealer) : m_dealer(std::move(dealer)) {}
    Dealer &dealer() { return m_dealer; }

protected:
    void incomingConnection(quintptr descriptor) override { m_dealer.deal(qintptr(descriptor)); }

private:
    Dealer m_dealer;
};

struct Listening
{
    QObject *listener = nullptr;
    RequestHandler *handler = nullptr;
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
    // The main listener first, then those of listenAlso() and listenLocalAlso().
    std::vector<Listening> listeners;
    quint16 port = 0;
    bool running = false;

    Private(RequestHandler &h, ServerOptions o) : handler(h), options(std::move(o)) {}

    Dealer dealer(RequestHandler &h, const ConnectionLimits &limits, std::vector<Worker *> dealTo)
    {
        return Dealer(h, limits, std::move(dealTo), options.maxConnections, open);
    }

    // Moves `listener` to the accept thread and calls `listenThere(*listener)` there; on failure
    // closes it and returns the error, naming `where`.
    template<typename Listener, typename Listen>
    base::Status start(Listener *listener, RequestHandler &h, const QString &where, Listen listenThere)
    {
        listener->moveToThread(acceptThread.get());
        QString error;
        bool listening = false;
        QMetaObject::invokeMethod(
            listener,
            [&] {
                listener->setMaxPendingConnections(1024);
                listening = listenThere(*listener);
                if (!listening)
                    error = listener->errorString();
            },
            Qt::BlockingQueuedConnection);
        if (!listening) {
            close(listener);
            return base::Diagnostic::error(where, QStringLiteral("cannot listen: %1").arg(error));
        }
        listeners.push_back({listener, &h});
        return base::success();
    }

    base::Result<quint16> listen(RequestHandler &h, const QHostAddress &address, quint16 listenPort,
                                 const ConnectionLimits &limits, std::vector<Worker *> dealTo)
    {
        auto *listener = new TcpListener(dealer(h, limits, std::move(dealTo)));
        const base::Status started = start(listener, h, QStringLiteral("%1:%2").arg(address.toString()).arg(listenPort),
                                           [&](TcpListener &l) { return l.listen(address, listenPort); });
        if (!started.ok())
            return started.errors();
        return listener->serverPort();
    }

    base::Status listenLocal(RequestHandler &h, const QString &path, const ConnectionLimits &limits,
                             std::vector<Worker *> dealTo)
    {
        return start(new LocalListener(dealer(h, limits, std::move(dealTo))), h, path, [&](LocalListener &l) {
            l.setSocketOptions(QLocalServer::UserAccessOption);
            QLocalServer::removeServer(path);
            return l.listen(path);
        });
    }

    // Closed and deleted on the accept thread, which is still running: its socket engine has
    // events queued there, and an object is deleted only on its own thread.
    void close(QObject *listener)
    {
        QMetaObject::invokeMethod(
            listener,
            [listener] {
                if (auto *tcp = qobject_cast<QTcpServer *>(listener))
                    tcp->close();
                else if (auto *local = qobject_cast<QLocalServer *>(listener))
                    local->close();
                delete listener;
            },
            Qt::BlockingQueuedConnection);
    }
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
        if (auto dispatcher = std::make_unique<EpollEventDispatcher>(); dispatcher->isValid())
            thread->setEventDispatcher(dispatcher.release());
        auto *worker = new Worker(d->open);
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
    d->running = true;
    base::Result<quint16> port = d->listen(d->handler, d->options.address, d->options.port, d->options.connection, d->workers);
    if (!port.ok()) {
        stop();
        return port.errors();
    }
    d->port = port.value();
    return base::success();
}

base::Result<quint16> Server::listenAlso(RequestHandler &handler, const QHostAddress &address, quint16 port,
                                         const ConnectionLimits &limits, int workerIndex)
{
    if (!d->running)
        return base::Diagnostic::error(QStringLiteral("%1:%2").arg(address.toString()).arg(port),
                                       QStringLiteral("cannot listen: the server is not running"));
    std::vector<Worker *> dealTo = d->workers;
    if (workerIndex >= 0 && size_t(workerIndex) < d->workers.size())
        dealTo = {d->workers[size_t(workerIndex)]};
    return d->listen(handler, address, port, limits, std::move(dealTo));
}

base::Status Server::listenLocalAlso(RequestHandler &handler, const QString &path, const ConnectionLimits &limits,
                                     int workerIndex)
{
    if (!d->running)
        return base::Diagnostic::error(path, QStringLiteral("cannot listen: the server is not running"));
    std::vector<Worker *> dealTo = d->workers;
    if (workerIndex >= 0 && size_t(workerIndex) < d->workers.size())
        dealTo = {d->workers[size_t(workerIndex)]};
    return d->listenLocal(handler, path, limits, std::move(dealTo));
}

void Server::stopListening(RequestHandler &handler)
{
    if (!d->running)
        return;
    // The main listener stays: it goes with stop().
    for (auto it = d->listeners.begin() + 1; it != d->listeners.end();) {
        if (it->handler != &handler) {
            ++it;
            continue;
        }
        d->close(it->listener);
        it = d->listeners.erase(it);
    }
    for (Worker *worker : d->workers)
        QMetaObject::invokeMethod(worker, [worker, &handler] { worker->closeAll(&handler); }, Qt::BlockingQueuedConnection);
}

void Server::stop()
{
    if (!d->running)
        return;
    d->running = false;
    for (const Listening &listening : d->listeners)
        d->close(listening.listener);
    d->listeners.clear();
    if (d->acceptThread) {
        d->acceptThread->quit();
        d->acceptThread->wait();
        d->acceptThread.reset();
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

int Server::workerCount() const
{
    return int(d->threads.size());
}

int Server::openConnections() const
{
    return d->open.load();
}

} // namespace portico::http
