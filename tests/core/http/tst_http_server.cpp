// The HTTP server over real sockets: keep-alive, pipelining, chunked bodies, limits, malformed
// input, slow clients, many connections, replies from other threads and after the client left.
#include "http/requesthandler.h"
#include "http/server.h"

#include "../../support/rawhttpclient.h"

#include <QTest>

#include <thread>

using namespace portico;
using portico::test::RawHttpClient;
using portico::test::rawRequest;

namespace {

// Answers with what it received; "/later" answers from another thread after 50 ms, "/never"
// keeps the responder and answers only when told.
class EchoHandler : public http::RequestHandler
{
public:
    void handle(http::Request request, http::Responder respond) override
    {
        http::Response response;
        response.setHeader("Content-Type", "text/plain");
        response.setHeader("X-Method", request.method);
        response.setHeader("X-Path", request.path);
        response.setHeader("X-Query", request.query);
        response.body = request.body;
        if (request.path == "/later") {
            std::thread([respond, response] {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                respond.send(response);
            }).detach();
            return;
        }
        if (request.path == "/never") {
            std::lock_guard lock(m_mutex);
            m_held.push_back(respond);
            return;
        }
        respond.send(response);
    }

    size_t heldCount()
    {
        std::lock_guard lock(m_mutex);
        return m_held.size();
    }

    std::vector<http::Responder> takeHeld()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_held, {});
    }

private:
    std::mutex m_mutex;
    std::vector<http::Responder> m_held;
};

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        http::ServerOptions options = http::ServerOptions::defaults();
        options.connection.requestReceiveTimeoutMs = 400;
        options.connection.idleTimeoutMs = 2000;
        m_server = std::make_unique<http::Server>(m_handler, options);
        QVERIFY(m_server->start().ok());
        QVERIFY(m_server->port() != 0);
    }
    void cleanup() { m_server.reset(); }

    void bindsLoopbackByDefault() { QCOMPARE(m_server->address(), QHostAddress(QHostAddress::LocalHost)); }

    void keepAliveServesSeveralRequests()
    {
        RawHttpClient client(m_server->port());
        for (int i = 0; i < 3; ++i) {
            auto response = client.request(rawRequest("POST", "/echo?i=" + QByteArray::number(i), {}, "body" + QByteArray::number(i)));
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            QCOMPARE(response->header("X-Query"), "i=" + QByteArray::number(i));
            QCOMPARE(response->body, "body" + QByteArray::number(i));
            QCOMPARE(response->header("Connection"), QByteArray("keep-alive"));
        }
    }

    void pipelinedRequestsAnswerInOrder()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        client.send(rawRequest("GET", "/later") + rawRequest("GET", "/a") + rawRequest("GET", "/b"));
        for (const QByteArray path : {"/later", "/a", "/b"}) {
            auto response = client.read();
            QVERIFY(response);
            QCOMPARE(response->header("X-Path"), path);
        }
    }

    void chunkedBodyIsJoined()
    {
        RawHttpClient client(m_server->port());
        auto response = client.request("POST /c HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                                       "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("hello world"));
    }

    void requestSentByteByByte()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        const QByteArray bytes = rawRequest("PUT", "/slowly?x=1", "X-A: b\r\n", "payload");
        for (char c : bytes) {
            client.send(QByteArray(1, c));
        }
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->body, QByteArray("payload"));
        QCOMPARE(response->header("X-Method"), QByteArray("PUT"));
    }

    void malformedInputGetsAnErrorAndClose_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("status");
        QTest::newRow("garbage request line") << QByteArray("HELLO\r\n\r\n") << 400;
        QTest::newRow("bad version") << QByteArray("GET / HTTP/9.x\r\n\r\n") << 400;
        QTest::newRow("bad chunk size") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n") << 400;
        QTest::newRow("bad content length") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n") << 400;
        QTest::newRow("header without colon") << QByteArray("GET / HTTP/1.1\r\nHost x\r\n\r\n") << 400;
        QTest::newRow("headers over 10 KB") << (QByteArray("GET / HTTP/1.1\r\nX-Big: ") + QByteArray(11000, 'a') + "\r\n\r\n") << 431;
        QTest::newRow("body over 10 MB") << QByteArray("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10485761\r\n\r\n") << 413;
        QTest::newRow("CONNECT") << QByteArray("CONNECT a:443 HTTP/1.1\r\nHost: a\r\n\r\n") << 501;
    }
    void malformedInputGetsAnErrorAndClose()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, status);
        RawHttpClient client(m_server->port());
        auto response = client.request(bytes);
        QVERIFY(response);
        QCOMPARE(response->status, status);
        QCOMPARE(response->header("Connection"), QByteArray("close"));
        QVERIFY(client.waitForClose());
        // The server still serves others.
        RawHttpClient other(m_server->port());
        auto ok = other.request(rawRequest("GET", "/after"));
        QVERIFY(ok);
        QCOMPARE(ok->status, 200);
    }

    void chunkedBodyOverTheLimitIsRefused()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        client.send("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
        const QByteArray chunk = QByteArray::number(1024 * 1024, 16) + "\r\n" + QByteArray(1024 * 1024, 'x') + "\r\n";
        for (int i = 0; i < 11 && client.socket().state() == QAbstractSocket::ConnectedState; ++i)
            client.send(chunk);
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 413);
        QCOMPARE(response->body, QByteArray("{\"message\":\"Request Too Long\"}"));
    }

    void expectContinueGetsAnInterimResponse()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        client.send("POST /e HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nExpect: 100-continue\r\n\r\n");
        auto interim = client.read();
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        client.send("data");
        auto response = client.read();
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, QByteArray("data"));
    }

    void headRequestHasNoBody()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        client.send("HEAD /h HTTP/1.1\r\nHost: x\r\n\r\n" + rawRequest("POST", "/next", {}, "xyz"));
        auto head = client.read();
        QVERIFY(head);
        QCOMPARE(head->status, 200);
        // Content-Length 0 here because the echo body is empty; the next response must parse.
        auto next = client.read();
        QVERIFY(next);
        QCOMPARE(next->body, QByteArray("xyz"));
    }

    void slowTrickleIsCutOff()
    {
        RawHttpClient slow(m_server->port());
        QVERIFY(slow.connect());
        slow.send("GET /slow HTTP/1.1\r\nHost: x\r\n");
        // The rest never comes; the receive timeout (400 ms here) answers 408 and closes.
        auto response = slow.read(5000);
        QVERIFY(response);
        QCOMPARE(response->status, 408);
        QVERIFY(slow.waitForClose());
    }

    void idleKeepAliveConnectionIsClosed()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.request(rawRequest("GET", "/x")));
        QVERIFY(client.waitForClose(6000));
    }

    void tenThousandConnectionsOpenedAndDropped()
    {
        // In waves of 500 at once, as a burst of clients that give up would.
        int opened = 0;
        for (int wave = 0; wave < 20; ++wave) {
            std::vector<std::unique_ptr<QTcpSocket>> sockets;
            for (int i = 0; i < 500; ++i) {
                auto socket = std::make_unique<QTcpSocket>();
                socket->connectToHost(QStringLiteral("127.0.0.1"), m_server->port());
                sockets.push_back(std::move(socket));
            }
            for (auto &socket : sockets) {
                if (socket->waitForConnected(5000))
                    ++opened;
                if (opened % 3 == 0)
                    socket->write("GET /half");
                socket->flush();
                socket->abort();
            }
        }
        QCOMPARE(opened, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), 0, 10000);
        RawHttpClient client(m_server->port());
        auto response = client.request(rawRequest("GET", "/still-alive"));
        QVERIFY(response);
        QCOMPARE(response->status, 200);
    }

    void replyAfterTheClientLeftIsDropped()
    {
        {
            RawHttpClient client(m_server->port());
            QVERIFY(client.connect());
            client.send(rawRequest("GET", "/never"));
            QTRY_COMPARE(m_handler.heldCount(), size_t(1));
            client.socket().abort();
        }
        QTRY_COMPARE(m_server->openConnections(), 0);
        std::vector<http::Responder> held = m_handler.takeHeld();
        QCOMPARE(held.size(), size_t(1));
        QVERIFY(!held[0].clientConnected());
        held[0].send(http::Response());
        // A second send on the same responder is ignored too.
        held[0].send(http::Response());
    }

    void stopWithConnectionsOpen()
    {
        RawHttpClient client(m_server->port());
        QVERIFY(client.connect());
        client.send(rawRequest("GET", "/never"));
        QTRY_COMPARE(m_handler.heldCount(), size_t(1));
        m_server->stop();
        std::vector<http::Responder> held = m_handler.takeHeld();
        QCOMPARE(held.size(), size_t(1));
        held[0].send(http::Response());
        QVERIFY(client.waitForClose());
    }

private:
    EchoHandler m_handler;
    std::unique_ptr<http::Server> m_server;
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "tst_http_server.moc"
