// The one-shot reply channel of one request. Copyable and callable from any thread: the response
// travels to the connection's thread, and is dropped if the client has gone away meanwhile.
#pragma once

#include "httpmessage.h"

#include <functional>
#include <memory>
#include <mutex>

class QThread;

namespace portico::http {

class Connection;

class Responder
{
public:
    // The state shared by a connection and the copies of its current request's Responder. The
    // connection detaches itself under the mutex before it is deleted, so a send from another
    // thread never reaches a deleted connection.
    struct Channel
    {
        std::mutex mutex;
        Connection *connection = nullptr;
        QThread *thread = nullptr;
        bool sent = false;
        // Set instead of a connection for a request run in-process (no socket): taken out and
        // called on the first send.
        std::function<void(Response)> deliver;
    };

    Responder() = default;
    explicit Responder(std::shared_ptr<Channel> channel) : m_channel(std::move(channel)) {}

    // A responder with no connection behind it: the response goes to `deliver`, called once, on
    // the thread that sends it (any thread; the caller hops back to its own if it needs to).
    // clientConnected() stays true until then. For requests run in-process: the composer, tests.
    static Responder toCallback(std::function<void(Response)> deliver);

    // Sends the response; only the first call among the copies of one Responder has an effect.
    void send(Response response) const;
    // False once the client closed the connection: slow work may stop early.
    bool clientConnected() const;

private:
    std::shared_ptr<Channel> m_channel;
};

} // namespace portico::http
