#include "connection.h"

#include "requesthandler.h"

#include <QHostAddress>
#include <QSocketNotifier>

#include <arpa/inet.h>
#include <cerrno>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

namespace portico::http {

namespace {

constexpr qsizetype kReadChunk = 64 * 1024;

QByteArray peerAddressOf(int fd)
{
    sockaddr_storage address = {};
    socklen_t length = sizeof(address);
    if (::getpeername(fd, reinterpret_cast<sockaddr *>(&address), &length) != 0)
        return {};
    QHostAddress host(reinterpret_cast<sockaddr *>(&address));
    bool v4 = false;
    const quint32 ipv4 = host.toIPv4Address(&v4);
    if (v4)
        host = QHostAddress(ipv4);
    return host.toString().toLatin1();
}

} // namespace

Connection::Connection(qintptr socketDescriptor, RequestHandler &handler, const ConnectionLimits &limits,
                       QObject *parent)
    : QObject(parent), m_fd(int(socketDescriptor)), m_handler(handler), m_limits(limits), m_parser(limits.parser)
{
    const int flags = ::fcntl(m_fd, F_GETFL);
    if (flags < 0 || ::fcntl(m_fd, F_SETFL, flags | O_NONBLOCK) < 0) {
        ::close(m_fd);
        m_fd = -1;
        m_closing = true;
        return;
    }
    const int one = 1;
    ::setsockopt(m_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
    m_peerAddress = peerAddressOf(m_fd);
    m_lastActivity.start();
    m_readNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Read, this);
    connect(m_readNotifier, &QSocketNotifier::activated, this, &Connection::onReadable);
    m_writeNotifier = new QSocketNotifier(m_fd, QSocketNotifier::Write, this);
    m_writeNotifier->setEnabled(false);
    connect(m_writeNotifier, &QSocketNotifier::activated, this, &Connection::onWritable);
}

Connection::~Connection()
{
    detachReply();
    delete m_readNotifier;
    delete m_writeNotifier;
    if (m_fd >= 0)
        ::close(m_fd);
}

void Connection::detachReply()
{
    if (!m_reply)
        return;
    std::lock_guard lock(m_reply->mutex);
    m_reply->connection = nullptr;
    m_reply.reset();
}

bool Connection::isOpen() const
{
    return !m_closing;
}

void Connection::onReadable()
{
    if (m_fd < 0)
        return;
    m_lastActivity.start();
    bool peerClosed = false;
    while (true) {
        const qsizetype old = m_buffer.size();
        m_buffer.resize(old + kReadChunk);
        const ssize_t n = ::read(m_fd, m_buffer.data() + old, size_t(kReadChunk));
        m_buffer.resize(old + std::max<qsizetype>(n, 0));
        if (n > 0 && n == kReadChunk)
            continue;
        if (n == 0)
            peerClosed = true;
        else if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            peerClosed = true;
        break;
    }
    if (m_closing) {
        // Waiting for the client to finish after "Connection: close": drop what it sends.
        m_buffer.clear();
        if (peerClosed)
            close();
        return;
    }
    if (!m_buffer.isEmpty() && !m_requestStarted.isValid())
        m_requestStarted.start();
    processBuffer();
    if (peerClosed)
        close();
}

void Connection::processBuffer()
{
    if (m_processing)
        return;
    m_processing = true;
    // Responses written while the buffer is processed (all the pipelined requests a handler
    // answers at once, such as a Lambda worker's POST .../response and GET .../next) leave in
    // one send: on a virtual machine each system call costs more than the bytes.
    m_batching = true;
    while (!m_closing && !m_awaitingResponse && !m_buffer.isEmpty()) {
        const RequestParser::Outcome outcome = m_parser.feed(m_buffer.constData(), m_buffer.size());
        m_buffer.remove(0, outcome.consumed);
        if (m_parser.takeContinueRequest())
            write("HTTP/1.1 100 Continue\r\n\r\n");
        if (outcome.state == RequestParser::State::Error) {
            failRequest(m_parser.errorStatus(), m_parser.errorMessage());
            break;
        }
        if (outcome.state == RequestParser::State::NeedMore)
            break;
        Request request = m_parser.takeRequest();
        request.peerAddress = m_peerAddress;
        m_keepAlive = request.keepAlive;
        m_headRequest = request.method == "HEAD";
        m_awaitingResponse = true;
        m_requestStarted.invalidate();
        m_reply = std::make_shared<Responder::Channel>();
        m_reply->connection = this;
        m_reply->thread = thread();
        m_handler.handle(std::move(request), Responder(m_reply));
    }
    // Bytes of the next request already waiting start its receive clock.
    if (!m_buffer.isEmpty() && !m_requestStarted.isValid())
        m_requestStarted.start();
    m_processing = false;
    flushBatch();
}

void Connection::flushBatch()
{
    m_batching = false;
    if (!m_batch.isEmpty())
        write(std::exchange(m_batch, QByteArray()));
}

void Connection::write(const QByteArray &bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    if (m_batching) {
        m_batch += bytes;
        return;
    }
    if (!m_unsent.isEmpty()) {
        m_unsent += bytes;
        return;
    }
    qsizetype sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(m_fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n > 0) {
            sent += n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            m_unsent = bytes.mid(sent);
            m_writeNotifier->setEnabled(true);
            return;
        }
        // The client is gone.
        close();
        return;
    }
}

void Connection::onWritable()
{
    if (m_fd < 0)
        return;
    const QByteArray pending = std::exchange(m_unsent, QByteArray());
    m_writeNotifier->setEnabled(false);
    m_lastActivity.start();
    write(pending);
    if (m_unsent.isEmpty() && m_closeAfterWriting && m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void Connection::closeAfterWriting()
{
    flushBatch();
    m_closing = true;
    m_closeAfterWriting = true;
    // The client sees the end of the stream once everything is sent, then closes its side (read
    // returns 0 here), or the sweep closes after the idle timeout.
    if (m_unsent.isEmpty() && m_fd >= 0)
        ::shutdown(m_fd, SHUT_WR);
}

void Connection::sendResponse(const Response &response)
{
    if (m_closing || !m_awaitingResponse)
        return;
    m_awaitingResponse = false;
    m_reply.reset();
    m_lastActivity.start();
    write(response.serialize(m_keepAlive, m_headRequest));
    if (m_fd < 0)
        return;
    if (!m_keepAlive) {
        closeAfterWriting();
        return;
    }
    // Pipelined requests wait in the buffer until the one before them is answered.
    if (!m_buffer.isEmpty())
        processBuffer();
}

void Connection::failRequest(int status, const QByteArray &message)
{
    Response response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    response.body = "{\"message\":\"" + message + "\"}";
    write(response.serialize(false, false));
    closeAfterWriting();
}

void Connection::enforceTimeouts()
{
    if (m_fd < 0)
        return;
    // A client that never reads what it asked for, or never closes after "Connection: close".
    if (m_closing) {
        if (m_lastActivity.hasExpired(std::min(m_limits.idleTimeoutMs, 5000)))
            close();
        return;
    }
    if (m_awaitingResponse)
        return;
    if (m_parser.inProgress() || !m_buffer.isEmpty()) {
        if (m_requestStarted.isValid() && m_requestStarted.hasExpired(m_limits.requestReceiveTimeoutMs))
            failRequest(408, "Request Timeout");
        return;
    }
    if (m_lastActivity.hasExpired(m_limits.idleTimeoutMs))
        close();
}

void Connection::close()
{
    detachReply();
    m_closing = true;
    if (m_fd >= 0) {
        // Disabled first (which unregisters the descriptor) and deleted later: this may run
        // inside one of their own signals.
        for (QSocketNotifier **notifier : {&m_readNotifier, &m_writeNotifier}) {
            (*notifier)->setEnabled(false);
            (*notifier)->deleteLater();
            *notifier = nullptr;
        }
        ::close(m_fd);
        m_fd = -1;
    }
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    Q_EMIT closed(this);
}

} // namespace portico::http
