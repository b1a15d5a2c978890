#include "connection.h"

#include "requesthandler.h"

#include <QTcpSocket>

namespace portico::http {

Connection::Connection(qintptr socketDescriptor, RequestHandler &handler, const ConnectionLimits &limits,
                       QObject *parent)
    : QObject(parent), m_socket(new QTcpSocket(this)), m_handler(handler), m_limits(limits),
      m_parser(limits.parser)
{
    if (!m_socket->setSocketDescriptor(socketDescriptor)) {
        m_closing = true;
        return;
    }
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_peerAddress = m_socket->peerAddress().toString().toLatin1();
    m_lastActivity.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &Connection::close);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &Connection::close);
}

Connection::~Connection()
{
    detachReply();
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

void Connection::onReadyRead()
{
    if (m_closing)
        return;
    m_lastActivity.start();
    if (!m_requestStarted.isValid())
        m_requestStarted.start();
    m_buffer.append(m_socket->readAll());
    processBuffer();
}

void Connection::processBuffer()
{
    if (m_processing)
        return;
    m_processing = true;
    while (!m_closing && !m_awaitingResponse && !m_buffer.isEmpty()) {
        const RequestParser::Outcome outcome = m_parser.feed(m_buffer.constData(), m_buffer.size());
        m_buffer.remove(0, outcome.consumed);
        if (m_parser.takeContinueRequest()) {
            m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            m_socket->flush();
        }
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
}

void Connection::sendResponse(const Response &response)
{
    if (m_closing || !m_awaitingResponse)
        return;
    m_awaitingResponse = false;
    m_reply.reset();
    m_lastActivity.start();
    m_socket->write(response.serialize(m_keepAlive, m_headRequest));
    m_socket->flush();
    if (!m_keepAlive) {
        m_closing = true;
        m_socket->disconnectFromHost();
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
    m_socket->write(response.serialize(false, false));
    m_socket->flush();
    m_closing = true;
    m_socket->disconnectFromHost();
}

void Connection::enforceTimeouts()
{
    // A client that never reads what it asked for keeps a closing connection alive: cut it.
    if (m_closing) {
        if (m_lastActivity.hasExpired(m_limits.idleTimeoutMs))
            m_socket->abort();
        return;
    }
    if (m_awaitingResponse)
        return;
    if (m_parser.inProgress() || !m_buffer.isEmpty()) {
        if (m_requestStarted.isValid() && m_requestStarted.hasExpired(m_limits.requestReceiveTimeoutMs))
            failRequest(408, "Request Timeout");
        return;
    }
    if (m_lastActivity.hasExpired(m_limits.idleTimeoutMs)) {
        m_closing = true;
        m_socket->disconnectFromHost();
    }
}

void Connection::close()
{
    detachReply();
    if (m_closedEmitted)
        return;
    m_closedEmitted = true;
    if (m_socket->state() != QAbstractSocket::UnconnectedState && m_socket->state() != QAbstractSocket::ClosingState) {
        m_closing = true;
        m_socket->abort();
    }
    m_closing = true;
    Q_EMIT closed(this);
}

} // namespace portico::http
