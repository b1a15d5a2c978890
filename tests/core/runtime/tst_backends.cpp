// The gateway against backends that misbehave in the ways real ones do: chunked bodies, bodies
// read until close, kept-alive connections closed between requests, garbage, silence. The
// backend is a raw TCP server on its own thread that writes exactly the scripted bytes.
#include "runtime/gateway.h"
#include "runtime/projectstages.h"

#include "http/server.h"

#include "../../support/rawhttpclient.h"

#include <QTcpServer>
#include <QTest>
#include <QThread>

using namespace portico;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

// Answers each request with bytes chosen by its path, then keeps or closes the connection.
class ScriptedBackend : public QTcpServer
{
public:
    std::atomic_int connections{0};

protected:
    void incomingConnection(qintptr descriptor) override
    {
        ++connections;
        auto *socket = new QTcpSocket(this);
        socket->setSocketDescriptor(descriptor);
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, buffer] {
            *buffer += socket->readAll();
            while (true) {
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                buffer->remove(0, end + 4);
                const QByteArray path = head.split(' ').value(1);
                answer(socket, path);
                if (socket->state() != QAbstractSocket::ConnectedState)
                    return;
            }
        });
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    }

private:
    static void answer(QTcpSocket *socket, const QByteArray &path)
    {
        if (path == "/chunked") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        } else if (path == "/until-close") {
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nread until the end");
            socket->disconnectFromHost();
        } else if (path == "/stale") {
            // Answers, then closes the kept-alive connection: the next request must not fail.
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nstale");
            socket->flush();
            socket->disconnectFromHost();
        } else if (path == "/garbage") {
            socket->write("THIS IS NOT HTTP\r\n\r\n");
            socket->disconnectFromHost();
        } else if (path == "/silence") {
            socket->abort();
        } else if (path == "/interim") {
            socket->write("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok");
        } else {
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Path: " + path + "\r\n\r\nok");
        }
        socket->flush();
    }
};

model::Project proxyProject(quint16 backendPort)
{
    model::Project p;
    p.api.id = QStringLiteral("backends01");
    model::Resource root;
    root.id = QStringLiteral("root");
    p.api.resources.push_back(root);
    model::Resource greedy;
    greedy.id = QStringLiteral("greedy");
    greedy.parentId = QStringLiteral("root");
    greedy.pathPart = QStringLiteral("{proxy+}");
    model::Method any;
    any.httpMethod = QStringLiteral("ANY");
    model::Integration integration;
    integration.type = model::IntegrationType::HttpProxy;
    integration.httpMethod = QStringLiteral("ANY");
    integration.uri = QStringLiteral("http://127.0.0.1:%1/{proxy}").arg(backendPort);
    integration.timeoutInMillis = 1000;
    any.integration = integration;
    greedy.methods[QStringLiteral("ANY")] = any;
    p.api.resources.push_back(greedy);
    return p;
}

} // namespace

class TestBackends : public QObject
{
    Q_OBJECT

private:
    QThread m_backendThread;
    ScriptedBackend *m_backend = nullptr;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;

    RawResponse get(const QByteArray &target)
    {
        RawHttpClient client(m_server->port());
        return client.request(rawRequest("GET", target)).value_or(RawResponse());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_backend = new ScriptedBackend();
        m_backend->moveToThread(&m_backendThread);
        m_backendThread.start();
        quint16 port = 0;
        QMetaObject::invokeMethod(
            m_backend, [&] { port = m_backend->listen(QHostAddress::LocalHost) ? m_backend->serverPort() : 0; },
            Qt::BlockingQueuedConnection);
        QVERIFY(port != 0);
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(proxyProject(port), runtime::DraftStage{QStringLiteral("s"), {}}, problems);
        m_gateway = std::make_unique<runtime::Gateway>(QStringLiteral("backends01"));
        m_gateway->setStages(std::move(stages));
        http::ServerOptions options = http::ServerOptions::defaults();
        // One worker thread, so that consecutive requests share its backend connections.
        options.workerThreads = 1;
        m_server = std::make_unique<http::Server>(*m_gateway, options);
        QVERIFY(m_server->start().ok());
    }
    void cleanupTestCase()
    {
        m_server.reset();
        QMetaObject::invokeMethod(m_backend, [this] { delete m_backend; }, Qt::BlockingQueuedConnection);
        m_backendThread.quit();
        m_backendThread.wait();
    }

    void keptAliveConnectionsAreReused()
    {
        const int before = m_backend->connections.load();
        for (int i = 0; i < 5; ++i) {
            RawResponse r = get("/s/plain" + QByteArray::number(i));
            QCOMPARE(r.status, 200);
            QCOMPARE(r.header("X-Path"), "/plain" + QByteArray::number(i));
        }
        QVERIFY2(m_backend->connections.load() - before <= 1, qPrintable(QString::number(m_backend->connections.load() - before)));
    }

    void chunkedBodyIsJoined()
    {
        RawResponse r = get("/s/chunked");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("hello world"));
        QVERIFY(r.header("Transfer-Encoding").isEmpty());
    }

    void bodyUntilCloseIsRead()
    {
        RawResponse r = get("/s/until-close");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("read until the end"));
    }

    void closedKeepAliveConnectionIsRetriedOnce()
    {
        QCOMPARE(get("/s/stale").body, QByteArray("stale"));
        // The pooled connection is closed now; the next request finds out and reconnects.
        RawResponse r = get("/s/after-stale");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Path"), QByteArray("/after-stale"));
    }

    void interimResponsesAreSkipped()
    {
        RawResponse r = get("/s/interim");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.body, QByteArray("ok"));
    }

    void garbageAndSilenceAreIntegrationFailures_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("not HTTP") << QByteArray("/s/garbage");
        QTest::newRow("connection dropped") << QByteArray("/s/silence");
    }
    void garbageAndSilenceAreIntegrationFailures()
    {
        QFETCH(QByteArray, path);
        RawResponse r = get(path);
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
        // And the next request is fine.
        QCOMPARE(get("/s/fine").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestBackends)
#include "tst_backends.moc"
