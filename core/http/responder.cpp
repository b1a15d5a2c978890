#include "responder.h"

#include "connection.h"

#include <QThread>

namespace portico::http {

void Responder::send(Response response) const
{
    if (!m_channel)
        return;
    std::unique_lock lock(m_channel->mutex);
    if (m_channel->sent)
        return;
    if (!m_channel->connection) {
        if (!m_channel->deliver)
            return;
        m_channel->sent = true;
        const std::function<void(Response)> deliver = std::move(m_channel->deliver);
        m_channel->deliver = nullptr;
        lock.unlock();
        deliver(std::move(response));
        return;
    }
    m_channel->sent = true;
    Connection *connection = m_channel->connection;
    if (m_channel->thread == QThread::currentThread()) {
        lock.unlock();
        connection->sendResponse(response);
        return;
    }
    // Posted while the lock is held: the connection cannot be deleted before the event is queued,
    // and Qt drops queued events of an object when it is deleted.
    QMetaObject::invokeMethod(
        connection, [connection, response = std::move(response)] { connection->sendResponse(response); },
        Qt::QueuedConnection);
}

bool Responder::clientConnected() const
{
    if (!m_channel)
        return false;
    std::lock_guard lock(m_channel->mutex);
    return m_channel->connection != nullptr || m_channel->deliver != nullptr;
}

Responder Responder::toCallback(std::function<void(Response)> deliver)
{
    auto channel = std::make_shared<Channel>();
    channel->deliver = std::move(deliver);
    return Responder(std::move(channel));
}

} // namespace portico::http
