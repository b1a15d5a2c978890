// A deliberately small HTTP/1.1 client for tests: writes exactly the bytes it is given over a
// real TCP socket and reads responses with its own parser, so tests see what is on the wire
// (status line, header case, Content-Length, connection close) and can send malformed input.
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QString>
#include <QTcpSocket>

#include <optional>
#include <utility>
#include <vector>

namespace portico::test {

struct RawResponse
{
    int status = 0;
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
};

class RawHttpClient
{
public:
    explicit RawHttpClient(quint16 port) : m_port(port) {}

    bool connect()
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), m_port);
        return m_socket.waitForConnected(5000);
    }
    void send(const QByteArray &bytes)
    {
        m_socket.write(bytes);
        m_socket.flush();
        m_socket.waitForBytesWritten(5000);
    }
    // Reads one response (waits up to timeoutMs); nothing when the connection closes first.
    std::optional<RawResponse> read(int timeoutMs = 10000)
    {
        QElapsedTimer timer;
        timer.start();
        while (true) {
            if (std::optional<RawResponse> response = parse())
                return response;
            if (timer.hasExpired(timeoutMs))
                return std::nullopt;
            if (m_socket.state() != QAbstractSocket::ConnectedState && m_socket.bytesAvailable() == 0)
                return std::nullopt;
            if (m_socket.waitForReadyRead(50))
                m_buffer += m_socket.readAll();
        }
    }
    // True when the server closed the connection within timeoutMs.
    bool waitForClose(int timeoutMs = 5000)
    {
        QElapsedTimer timer;
        timer.start();
        while (!timer.hasExpired(timeoutMs)) {
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
            m_socket.waitForReadyRead(50);
            m_buffer += m_socket.readAll();
            if (m_socket.state() == QAbstractSocket::UnconnectedState)
                return true;
        }
        return false;
    }
    std::optional<RawResponse> request(const QByteArray &bytes, int timeoutMs = 10000)
    {
        if (m_socket.state() != QAbstractSocket::ConnectedState && !connect())
            return std::nullopt;
        send(bytes);
        return read(timeoutMs);
    }
    QTcpSocket &socket() { return m_socket; }

private:
    std::optional<RawResponse> parse()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        RawResponse response;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
        response.status = statusLine.value(1).toInt();
        qsizetype length = 0;
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue;
            response.headers.emplace_back(line.left(colon), line.mid(colon + 1).trimmed());
            if (line.left(colon).compare("Content-Length", Qt::CaseInsensitive) == 0)
                length = line.mid(colon + 1).trimmed().toLongLong();
        }
        // An interim response (100 Continue) has no body.
        const bool interim = response.status >= 100 && response.status < 200;
        if (!interim && m_buffer.size() < end + 4 + length)
            return std::nullopt;
        if (!interim)
            response.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + (interim ? 0 : length));
        return response;
    }

    quint16 m_port;
    QTcpSocket m_socket;
    QByteArray m_buffer;
};

// "GET /path HTTP/1.1" with Host and the given extra header lines and body.
inline QByteArray rawRequest(const QByteArray &method, const QByteArray &target, const QByteArray &extraHeaders = {},
                             const QByteArray &body = {})
{
    QByteArray out = method + ' ' + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.isEmpty() || method == "POST" || method == "PUT")
        out += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    return out;
}

} // namespace portico::test
