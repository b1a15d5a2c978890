// A small, fast HTTP/1.1 server: one thread accepts, a few worker threads (each with its own
// event loop) own the connections. Generic: the application plugs in through RequestHandler.
// Binds 127.0.0.1 unless told otherwise.
#pragma once

#include "connection.h"

#include "base/result.h"

#include <QHostAddress>

class QThread;

#include <memory>

namespace portico::http {

class RequestHandler;

struct ServerOptions
{
    QHostAddress address = QHostAddress::LocalHost;
    // 0 picks a free port.
    quint16 port = 0;
    // 0: one per core, at least two.
    int workerThreads = 0;
    // Beyond this many open connections new ones are closed at once.
    int maxConnections = 8192;
    ConnectionLimits connection;

    static ServerOptions defaults();
};

class Server
{
public:
    Server(RequestHandler &handler, ServerOptions options = ServerOptions::defaults());
    ~Server();
    Server(const Server &) = delete;
    Server &operator=(const Server &) = delete;

    // Starts the threads and listens; the error names the address and why it failed.
    base::Status start();
    // Stops accepting, closes every connection and joins the threads. Called by the destructor.
    void stop();

    // Listens on a further address for another handler, whose connections the same worker threads
    // serve (all by worker `workerIndex`, or dealt in turn when it is -1): that handler and the
    // main one can then answer each other's requests without a hop between threads (the Lambda
    // Runtime API does this). Returns the port. Only while the server runs.
    base::Result<quint16> listenAlso(RequestHandler &handler, const QHostAddress &address, quint16 port,
                                     const ConnectionLimits &limits, int workerIndex = -1);
    // The same on a Unix domain socket at `path` (replaced if it exists, readable by this user
    // only): cheaper than TCP on loopback, for Portico's own processes.
    base::Status listenLocalAlso(RequestHandler &handler, const QString &path, const ConnectionLimits &limits,
                                 int workerIndex = -1);
    // Closes the listeners of `handler` and its open connections; blocks until done.
    void stopListening(RequestHandler &handler);

    quint16 port() const;
    // The worker threads' objects live in (after start()), so that an application object can move
    // to one and handle that thread's requests without a hop between threads.
    QThread *workerThread(int index) const;
    int workerCount() const;
    QHostAddress address() const;
    int openConnections() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace portico::http
