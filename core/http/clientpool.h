// An HTTP/1.1 client for the gateway's backends: keep-alive connections pooled per thread and
// per origin, requests written and responses parsed on the calling thread (no hop to another
// thread, unlike QNetworkAccessManager), a timeout per request, TLS through QSslSocket.
// Redirects are not followed: API Gateway passes them on.
#pragma once

#include "httpmessage.h"

#include <QUrl>

#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace portico::http {

struct ClientRequest
{
    QByteArray method;
    QUrl url;
    HeaderList headers;
    QByteArray body;
    int timeoutMs = 29000;
    bool verifyTls = true;
};

struct ClientResult
{
    enum class Outcome { Ok, TimedOut, Failed };
    Outcome outcome = Outcome::Ok;
    QString error;
    Response response;
};

class ClientPool
{
public:
    using Completion = std::function<void(ClientResult)>;

    // The calling thread's pool; the thread must run an event loop.
    static ClientPool &forThisThread();

    ClientPool();
    ~ClientPool();
    ClientPool(const ClientPool &) = delete;
    ClientPool &operator=(const ClientPool &) = delete;

    // `done` runs exactly once, later, on this thread.
    void send(ClientRequest request, Completion done);

    struct Connection;
    struct Exchange;

private:
    void start(std::shared_ptr<Exchange> exchange, bool allowReuse);
    void finishExchange(Connection *connection, ClientResult result);
    void release(Connection *connection);
    void discard(Connection *connection);
    void onReadyRead(Connection *connection);
    void onClosed(Connection *connection, const QString &why);

    std::map<QString, std::vector<Connection *>> m_idle;
};

} // namespace portico::http
