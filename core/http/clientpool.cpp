#include "clientpool.h"

#include "responseparser.h"

#include "base/limits.h"

#include <QSslSocket>
#include <QTimer>

namespace portico::http {

struct ClientPool::Exchange
{
    ClientRequest request;
    Completion done;
    QByteArray bytes;
    bool retried = false;
};

struct ClientPool::Connection
{
    QString origin;
    std::unique_ptr<QTcpSocket> socket;
    ResponseParser parser{base::limits::kPayloadMaxBytes};
    std::shared_ptr<Exchange> exchange;
    std::unique_ptr<QTimer> timer;
    bool reused = false;
    bool receivedAny = false;
};

namespace {

QString originOf(const QUrl &url)
{
    return url.scheme().toLower() + QStringLiteral("://") + url.host().toLower() + QLatin1Char(':')
           + QString::number(url.port(url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0 ? 443 : 80));
}

bool sameName(const QByteArray &a, const char *b)
{
    return a.compare(QByteArray(b), Qt::CaseInsensitive) == 0;
}

QByteArray serialize(const ClientRequest &request)
{
    QByteArray out;
    out.reserve(256 + request.body.size());
    out += request.method;
    out += ' ';
    QByteArray target = request.url.path(QUrl::FullyEncoded).toLatin1();
    if (target.isEmpty())
        target = "/";
    out += target;
    if (request.url.hasQuery()) {
        out += '?';
        out += request.url.query(QUrl::FullyEncoded).toLatin1();
    }
    out += " HTTP/1.1\r\nHost: ";
    out += request.url.host(QUrl::FullyEncoded).toLatin1();
    if (request.url.port() > 0) {
        out += ':';
        out += QByteArray::number(request.url.port());
    }
    out += "\r\n";
    for (const auto &[name, value] : request.headers) {
        if (sameName(name, "Host") || sameName(name, "Content-Length") || sameName(name, "Connection")
            || sameName(name, "Transfer-Encoding"))
            continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    if (!request.body.isEmpty() || (request.method != "GET" && request.method != "HEAD" && request.method != "DELETE"
                                    && request.method != "OPTIONS")) {
        out += "Content-Length: ";
        out += QByteArray::number(request.body.size());
        out += "\r\n";
    }
    out += "\r\n";
    out += request.body;
    return out;
}

constexpr size_t kMaxIdlePerOrigin = 64;

} // namespace

ClientPool &ClientPool::forThisThread()
{
    thread_local ClientPool pool;
    return pool;
}

ClientPool::ClientPool() = default;

ClientPool::~ClientPool()
{
    // A socket still open closes in its destructor and signals `disconnected`, whose handler
    // would discard the connection from the very lists torn down here (a crash at the exit of a
    // thread, or of portico-cli test, that kept a backend connection alive).
    for (auto &[origin, connections] : m_idle) {
        for (Connection *c : connections) {
            c->socket->disconnect();
            delete c;
        }
    }
}

void ClientPool::send(ClientRequest request, Completion done)
{
    auto exchange = std::make_shared<Exchange>();
    exchange->bytes = serialize(request);
    exchange->request = std::move(request);
    exchange->done = std::move(done);
    start(std::move(exchange), true);
}

void ClientPool::start(std::shared_ptr<Exchange> exchange, bool allowReuse)
{
    const QUrl &url = exchange->request.url;
    const QString origin = originOf(url);
    Connection *connection = nullptr;
    auto &idle = m_idle[origin];
    while (allowReuse && !idle.empty() && !connection) {
        Connection *candidate = idle.back();
        idle.pop_back();
        if (candidate->socket->state() == QAbstractSocket::ConnectedState)
            connection = candidate;
        else
            delete candidate;
    }
    if (!connection) {
        connection = new Connection();
        connection->origin = origin;
        const bool tls = url.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0;
        if (tls) {
            auto *ssl = new QSslSocket();
            if (!exchange->request.verifyTls)
                ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
            connection->socket.reset(ssl);
            ssl->connectToHostEncrypted(url.host(), quint16(url.port(443)));
        } else {
            connection->socket = std::make_unique<QTcpSocket>();
            connection->socket->connectToHost(url.host(), quint16(url.port(80)));
        }
        connection->socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
        QTcpSocket *socket = connection->socket.get();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, connection] { onReadyRead(connection); });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, [this, connection] {
            onClosed(connection, QStringLiteral("the backend closed the connection"));
        });
        QObject::connect(socket, &QTcpSocket::errorOccurred, socket, [this, connection](QAbstractSocket::SocketError error) {
            if (error != QAbstractSocket::RemoteHostClosedError)
                onClosed(connection, connection->socket->errorString());
        });
        connection->timer = std::make_unique<QTimer>();
        connection->timer->setSingleShot(true);
        QObject::connect(connection->timer.get(), &QTimer::timeout, connection->timer.get(), [this, connection] {
            ClientResult result;
            result.outcome = ClientResult::Outcome::TimedOut;
            result.error = QStringLiteral("timed out");
            finishExchange(connection, std::move(result));
        });
    } else {
        connection->reused = true;
    }
    connection->exchange = std::move(exchange);
    connection->receivedAny = false;
    connection->parser.reset(connection->exchange->request.method == "HEAD");
    connection->timer->start(connection->exchange->request.timeoutMs);
    connection->socket->write(connection->exchange->bytes);
}

void ClientPool::onReadyRead(Connection *connection)
{
    const QByteArray bytes = connection->socket->readAll();
    if (!connection->exchange) {
        // Bytes on an idle connection: the backend is confused; do not reuse it.
        discard(connection);
        return;
    }
    connection->receivedAny = true;
    const ResponseParser::State state = connection->parser.feed(bytes.constData(), bytes.size());
    if (state == ResponseParser::State::NeedMore)
        return;
    ClientResult result;
    if (state == ResponseParser::State::Error) {
        result.outcome = ClientResult::Outcome::Failed;
        result.error = QString::fromUtf8(connection->parser.errorMessage());
    } else {
        result.response = connection->parser.takeResponse();
    }
    finishExchange(connection, std::move(result));
}

void ClientPool::onClosed(Connection *connection, const QString &why)
{
    if (!connection->exchange) {
        discard(connection);
        return;
    }
    // A kept-alive connection the backend closed before answering: try once on a new one.
    if (connection->reused && !connection->receivedAny && !connection->exchange->retried) {
        std::shared_ptr<Exchange> exchange = std::move(connection->exchange);
        exchange->retried = true;
        connection->exchange.reset();
        connection->timer->stop();
        discard(connection);
        start(std::move(exchange), false);
        return;
    }
    ClientResult result;
    if (connection->receivedAny && connection->parser.finish() == ResponseParser::State::Complete) {
        result.response = connection->parser.takeResponse();
    } else {
        result.outcome = ClientResult::Outcome::Failed;
        result.error = why;
    }
    finishExchange(connection, std::move(result));
}

void ClientPool::finishExchange(Connection *connection, ClientResult result)
{
    std::shared_ptr<Exchange> exchange = std::move(connection->exchange);
    connection->exchange.reset();
    connection->timer->stop();
    const bool reusable = result.outcome == ClientResult::Outcome::Ok && connection->parser.keepAlive()
                          && connection->socket->state() == QAbstractSocket::ConnectedState;
    if (reusable)
        release(connection);
    else
        discard(connection);
    if (exchange)
        exchange->done(std::move(result));
}

void ClientPool::release(Connection *connection)
{
    auto &idle = m_idle[connection->origin];
    if (idle.size() >= kMaxIdlePerOrigin) {
        discard(connection);
        return;
    }
    idle.push_back(connection);
}

void ClientPool::discard(Connection *connection)
{
    auto &idle = m_idle[connection->origin];
    std::erase(idle, connection);
    connection->socket->disconnect();
    connection->socket->abort();
    // Deleted later: this may run inside one of the socket's own signals.
    QTimer *timer = connection->timer.release();
    if (timer) {
        timer->stop();
        timer->disconnect();
    }
    QTcpSocket *socket = connection->socket.release();
    socket->deleteLater();
    if (timer)
        timer->deleteLater();
    delete connection;
}

} // namespace portico::http
