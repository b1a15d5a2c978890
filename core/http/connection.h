// One client connection on one of the server's worker threads: reads bytes into the request
// parser, hands each complete request to the handler, writes responses in order (keep-alive,
// pipelining), and closes on errors, on the client's wish and on timeouts.
//
// It works on the socket descriptor directly (non-blocking read/send, two QSocketNotifiers)
// rather than through QTcpSocket: on a virtual machine every system call is expensive, and
// QTcpSocket adds an ioctl and a buffer copy to each read.
#pragma once

#include "httpmessage.h"
#include "requestparser.h"
#include "responder.h"

#include <QElapsedTimer>
#include <QObject>

class QSocketNotifier;

namespace portico::http {

class RequestHandler;

struct ConnectionLimits
{
    RequestParser::Limits parser;
    // A request must arrive whole within this time of its first byte (stops slow trickles).
    int requestReceiveTimeoutMs;
    // A keep-alive connection with nothing in flight is closed after this long.
    int idleTimeoutMs;
};

class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(qintptr socketDescriptor, RequestHandler &handler, const ConnectionLimits &limits,
               QObject *parent = nullptr);
    ~Connection() override;

    bool isOpen() const;
    // Called by the worker's periodic sweep: closes the connection if a timeout has passed.
    void enforceTimeouts();
    // Called through Responder on this object's thread.
    void sendResponse(const Response &response);

Q_SIGNALS:
    void closed(portico::http::Connection *connection);

private:
    void onReadable();
    void onWritable();
    void processBuffer();
    void failRequest(int status, const QByteArray &message);
    // Sends what it can now; the rest waits for the socket to be writable.
    void write(const QByteArray &bytes);
    // Sends the responses gathered while processing the buffer.
    void flushBatch();
    // Closes after everything written has been sent (HTTP "Connection: close").
    void closeAfterWriting();
    void close();
    // Cuts the current request's Responder loose: a late send is then dropped.
    void detachReply();

    int m_fd = -1;
    QSocketNotifier *m_readNotifier = nullptr;
    QSocketNotifier *m_writeNotifier = nullptr;
    RequestHandler &m_handler;
    ConnectionLimits m_limits;
    RequestParser m_parser;
    QByteArray m_buffer;
    QByteArray m_unsent;
    QByteArray m_batch;
    QByteArray m_peerAddress;
    QElapsedTimer m_requestStarted;
    QElapsedTimer m_lastActivity;
    bool m_awaitingResponse = false;
    bool m_processing = false;
    bool m_batching = false;
    bool m_keepAlive = true;
    bool m_headRequest = false;
    bool m_closing = false;
    bool m_closeAfterWriting = false;
    bool m_closedEmitted = false;
    std::shared_ptr<Responder::Channel> m_reply;
};

} // namespace portico::http
