// Sends integration requests to HTTP backends (HTTP and HTTP_PROXY integrations) through the
// calling thread's pool of kept-alive connections (http::ClientPool). Asynchronous: the
// completion runs later on the calling thread, which must run an event loop.
#pragma once

#include "methodrequest.h"

#include <QByteArray>
#include <QUrl>

#include <functional>

namespace portico::runtime {

struct BackendRequest
{
    QByteArray method;
    QUrl url;
    NamedStrings headers;
    QByteArray body;
    int timeoutMs = 29000;
    bool insecureSkipVerification = false;
};

struct BackendResponse
{
    enum class Outcome { Ok, TimedOut, Failed };
    Outcome outcome = Outcome::Ok;
    QString error;
    int status = 0;
    NamedStrings headers;
    QByteArray body;
};

class HttpBackend
{
public:
    using Completion = std::function<void(BackendResponse)>;
    // Starts the request; `done` is called exactly once, on this thread.
    static void send(const BackendRequest &request, Completion done);
};

// Hop-by-hop headers (RFC 7230 section 6.1) and those the transport sets itself: never copied
// between the client's and the backend's connections.
bool isHopByHopHeader(const QString &name);

} // namespace portico::runtime
