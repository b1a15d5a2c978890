// Lambda integrations through local functions, end to end: the real server, real node and
// python worker processes speaking the Lambda Runtime API, real commands. Covers the proxy event
// and response contract, non-proxy templates and errorMessage selection, and functions that
// fail, crash, hang or print garbage.
#include "runtime/gateway.h"
#include "runtime/projectstages.h"

#include "base/json.h"
#include "http/server.h"

#include "../../support/rawhttpclient.h"
#include "../../support/runtimefixtures.h"

#include <QTemporaryDir>
#include <QTest>

#include <numeric>
#include <thread>

using namespace portico;
using portico::test::json;
using portico::test::lambdaUri;
using portico::test::resource;
using portico::test::text;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

const char kNodeHandlers[] = R"JS(
exports.proxy = async (e) => ({
  statusCode: 201,
  headers: { 'X-Fn': 'yes', 'Set-Cookie': 'ignored=1' },
  multiValueHeaders: { 'Set-Cookie': ['a=1', 'b=2'] },
  body: JSON.stringify({ resource: e.resource, path: e.path, method: e.httpMethod, id: e.pathParameters.id,
    q: e.queryStringParameters, mq: e.multiValueQueryStringParameters, stage: e.requestContext.stage,
    stageVariables: e.stageVariables, body: e.body, base64: e.isBase64Encoded,
    requestId: e.requestContext.requestId, sourceIp: e.requestContext.identity.sourceIp }),
});
exports.item = async (e) => ({ id: e.id, n: 1 });
exports.slow = () => new Promise((r) => setTimeout(() => r({ statusCode: 200, body: process.env.VERSION || 'v1' }), 300));
exports.fail = async () => { throw new Error('Not found: thing 7'); };
exports.crash = async () => { process.exit(3); };
exports.hang = () => new Promise(() => {});
exports.garbage = async () => 'not a proxy response';
exports.badProxy = async () => ({ statusCode: 200, body: { obj: 1 } });
exports.cb = (e, c, cb) => cb(null, { cb: true, remaining: c.getRemainingTimeInMillis() > 0, name: c.functionName });
exports.binary = async () => ({ statusCode: 200, headers: { 'Content-Type': 'application/octet-stream' },
  body: Buffer.from([0, 1, 2, 255]).toString('base64'), isBase64Encoded: true });
)JS";

const char kPythonHandler[] = R"PY(
import json
def handler(event, context):
    return {"statusCode": 200, "body": json.dumps({"py": event["path"], "fn": context.function_name})}
)PY";

model::Method lambdaMethod(const QString &verb, const QString &function, bool proxy)
{
    model::Method m;
    m.httpMethod = verb;
    model::Integration integration;
    integration.type = proxy ? model::IntegrationType::AwsProxy : model::IntegrationType::Aws;
    integration.httpMethod = QStringLiteral("POST");
    integration.uri = lambdaUri(function);
    if (!proxy) {
        integration.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"id\":\"$input.params('id')\"}");
        model::IntegrationResponse ok;
        ok.statusCode = QStringLiteral("200");
        integration.integrationResponses[QStringLiteral("200")] = ok;
        model::IntegrationResponse notFound;
        notFound.statusCode = QStringLiteral("404");
        notFound.selectionPattern = QStringLiteral("Not found:.*");
        notFound.responseTemplates[QStringLiteral("application/json")] =
            QStringLiteral("{\"error\":\"$input.path('$.errorMessage')\",\"type\":\"$input.path('$.errorType')\"}");
        integration.integrationResponses[QStringLiteral("404")] = notFound;
        model::IntegrationResponse failed;
        failed.statusCode = QStringLiteral("500");
        failed.selectionPattern = QStringLiteral("(?s).*(oops|timed out|Runtime exited).*");
        failed.responseTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"failed\":\"$input.path('$.errorMessage')\"}");
        integration.integrationResponses[QStringLiteral("500")] = failed;
    }
    m.integration = integration;
    return m;
}

model::LocalFunction handlerFunction(const QString &name, const QString &handler, model::LocalRuntime runtime = model::LocalRuntime::NodeJs)
{
    model::LocalFunction f;
    f.name = name;
    f.kind = model::LocalFunctionKind::Handler;
    f.runtime = runtime;
    f.handler = handler;
    f.timeoutSeconds = 1;
    f.concurrency = 2;
    return f;
}

model::LocalFunction commandFunction(const QString &name, const QString &command)
{
    model::LocalFunction f;
    f.name = name;
    f.kind = model::LocalFunctionKind::Command;
    f.command = command;
    f.timeoutSeconds = 1;
    return f;
}

model::Project project()
{
    model::Project p;
    p.api.id = QStringLiteral("lambdaapi1");
    p.api.binaryMediaTypes = {QStringLiteral("application/octet-stream")};
    p.api.resources.push_back(resource(QStringLiteral("root"), {}, {}));
    struct Route
    {
        const char *path;
        const char *function;
        bool proxy;
    };
    const Route routes[] = {
        {"proxy", "fn-proxy", true},       {"item", "fn-item", false},        {"fail", "fn-fail", false},
        {"crash", "fn-crash", true},       {"crash-plain", "fn-crash", false}, {"hang", "fn-hang", true},
        {"hang-plain", "fn-hang", false},  {"garbage", "fn-garbage", true},   {"badproxy", "fn-badproxy", true},
        {"cb", "fn-cb", false},            {"binary", "fn-binary", true},     {"python", "fn-python", true},
        {"command", "fn-cat", false},      {"command-garbage", "fn-echo", true}, {"command-fail", "fn-oops", false},
        {"missing", "fn-missing", true},   {"remote", "fn-remote", true},     {"remote-error", "fn-remote-error", false},
        {"slow", "fn-slow", true},
    };
    for (const Route &route : routes) {
        const QString id = QLatin1String(route.path);
        model::Resource parent = resource(id, QStringLiteral("root"), id);
        p.api.resources.push_back(parent);
        model::Resource child = resource(id + QStringLiteral("-id"), id, QStringLiteral("{id}"));
        child.methods[QStringLiteral("POST")] = lambdaMethod(QStringLiteral("POST"), QLatin1String(route.function), route.proxy);
        p.api.resources.push_back(child);
    }
    p.localFunctions = {
        handlerFunction(QStringLiteral("fn-proxy"), QStringLiteral("handlers.proxy")),
        handlerFunction(QStringLiteral("fn-item"), QStringLiteral("handlers.item")),
        handlerFunction(QStringLiteral("fn-fail"), QStringLiteral("handlers.fail")),
        handlerFunction(QStringLiteral("fn-crash"), QStringLiteral("handlers.crash")),
        handlerFunction(QStringLiteral("fn-hang"), QStringLiteral("handlers.hang")),
        handlerFunction(QStringLiteral("fn-garbage"), QStringLiteral("handlers.garbage")),
        handlerFunction(QStringLiteral("fn-badproxy"), QStringLiteral("handlers.badProxy")),
        handlerFunction(QStringLiteral("fn-cb"), QStringLiteral("handlers.cb")),
        handlerFunction(QStringLiteral("fn-slow"), QStringLiteral("handlers.slow")),
        handlerFunction(QStringLiteral("fn-binary"), QStringLiteral("handlers.binary")),
        handlerFunction(QStringLiteral("fn-python"), QStringLiteral("pyhandler.handler"), model::LocalRuntime::Python),
        commandFunction(QStringLiteral("fn-cat"), QStringLiteral("cat")),
        commandFunction(QStringLiteral("fn-echo"), QStringLiteral("echo hello")),
        commandFunction(QStringLiteral("fn-oops"), QStringLiteral("echo oops >&2; exit 1")),
    };
    return p;
}

} // namespace

class TestLambda : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::shared_ptr<runtime::FunctionHost> m_functions;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;

    RawResponse post(const QByteArray &target, const QByteArray &body = "{}", const QByteArray &headers = "Content-Type: application/json\r\n")
    {
        RawHttpClient client(m_server->port());
        return client.request(rawRequest("POST", target, headers, body), 15000).value_or(RawResponse());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QFile node(m_dir.filePath(QStringLiteral("handlers.js")));
        QVERIFY(node.open(QIODevice::WriteOnly));
        node.write(kNodeHandlers);
        node.close();
        QFile python(m_dir.filePath(QStringLiteral("pyhandler.py")));
        QVERIFY(python.open(QIODevice::WriteOnly));
        python.write(kPythonHandler);
        python.close();

        model::Project p = project();
        runtime::DraftStage draft;
        draft.name = QStringLiteral("dev");
        draft.variables = {{QStringLiteral("color"), QStringLiteral("blue")}};
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(p, draft, problems);
        QVERIFY(problems.empty());
        m_gateway = std::make_unique<runtime::Gateway>(p.api.id);
        m_server = std::make_unique<http::Server>(*m_gateway);
        QVERIFY(m_server->start().ok());
        // As `portico-cli serve` runs it: the Runtime API on the gateway's own threads.
        m_functions = std::make_shared<runtime::FunctionHost>(m_dir.path(), true, m_server.get());
        m_functions->setFunctions(p.localFunctions);
        for (auto &stage : stages)
            stage.functions = m_functions;
        m_gateway->setStages(std::move(stages));
    }
    void cleanupTestCase()
    {
        // The host goes before the server it listens on.
        m_server->stop();
        m_gateway->setStages({});
        m_functions.reset();
        m_server.reset();
        m_gateway.reset();
    }

    void proxyEventAndResponseContract()
    {
        RawResponse r = post("/dev/proxy/42?a=1&a=2&b=x", R"({"hello":"world"})");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("X-Fn"), QByteArray("yes"));
        // multiValueHeaders win over headers for the same name.
        int cookies = 0;
        for (const auto &[name, value] : r.headers)
            cookies += name.compare("Set-Cookie", Qt::CaseInsensitive) == 0 ? 1 : 0;
        QCOMPARE(cookies, 2);
        const base::Json event = json(r.body);
        QCOMPARE(text(event["resource"]), QStringLiteral("/proxy/{id}"));
        QCOMPARE(text(event["path"]), QStringLiteral("/proxy/42"));
        QCOMPARE(text(event["method"]), QStringLiteral("POST"));
        QCOMPARE(text(event["id"]), QStringLiteral("42"));
        QCOMPARE(text(event["q"]), QStringLiteral(R"({"a":"2","b":"x"})"));
        QCOMPARE(text(event["mq"]), QStringLiteral(R"({"a":["1","2"],"b":["x"]})"));
        QCOMPARE(text(event["stage"]), QStringLiteral("dev"));
        QCOMPARE(text(event["stageVariables"]), QStringLiteral(R"({"color":"blue"})"));
        QCOMPARE(text(event["body"]), QStringLiteral(R"({"hello":"world"})"));
        QCOMPARE(text(event["base64"]), QStringLiteral("false"));
        QCOMPARE(text(event["requestId"]), QString::fromLatin1(r.header("x-amzn-RequestId")));
        QCOMPARE(text(event["sourceIp"]), QStringLiteral("127.0.0.1"));
    }

    void warmWorkerIsReused()
    {
        // Many invocations in a row on a pool of two workers: all succeed, none starts cold.
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < 50; ++i)
            QCOMPARE(post("/dev/proxy/" + QByteArray::number(i)).status, 201);
        QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
    }

    void nonProxyUsesTemplatesAndDefaultResponse()
    {
        RawResponse r = post("/dev/item/7");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"id":"7","n":1})"));
        RawResponse cb = post("/dev/cb/1");
        QCOMPARE(cb.status, 200);
        QCOMPARE(cb.body, QByteArray(R"({"cb":true,"remaining":true,"name":"fn-cb"})"));
    }

    void functionErrorIsSelectedByErrorMessage()
    {
        RawResponse r = post("/dev/fail/1");
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray(R"({"error":"Not found: thing 7","type":"Error"})"));
    }

    void crashingFunctionGives502AndIsRestarted()
    {
        RawResponse proxy = post("/dev/crash/1");
        QCOMPARE(proxy.status, 502);
        QCOMPARE(proxy.body, QByteArray(R"({"message":"Internal server error"})"));
        RawResponse plain = post("/dev/crash-plain/1");
        QCOMPARE(plain.status, 500);
        QVERIFY2(json(plain.body)["failed"].get<std::string>().find("Runtime exited with error: exit status 3") != std::string::npos,
                 plain.body.constData());
        // A crashed worker is replaced: the other functions keep working, this one keeps answering.
        QCOMPARE(post("/dev/item/2").status, 200);
        QCOMPARE(post("/dev/crash/2").status, 502);
    }

    void hangingFunctionTimesOut()
    {
        QElapsedTimer timer;
        timer.start();
        RawResponse proxy = post("/dev/hang/1");
        QCOMPARE(proxy.status, 502);
        QVERIFY(timer.elapsed() < 4000);
        RawResponse plain = post("/dev/hang-plain/1");
        QCOMPARE(plain.status, 500);
        QVERIFY2(json(plain.body)["failed"].get<std::string>().find("Task timed out after 1.00 seconds") != std::string::npos,
                 plain.body.constData());
    }

    void malformedProxyResultsGive502_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("string result") << QByteArray("/dev/garbage/1");
        QTest::newRow("object body") << QByteArray("/dev/badproxy/1");
        QTest::newRow("command prints text") << QByteArray("/dev/command-garbage/1");
    }
    void malformedProxyResultsGive502()
    {
        QFETCH(QByteArray, path);
        RawResponse r = post(path);
        QCOMPARE(r.status, 502);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
    }

    void base64ProxyBodyIsDecoded()
    {
        RawResponse r = post("/dev/binary/1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("\x00\x01\x02\xff", 4));
    }

    void pythonHandler()
    {
        RawResponse r = post("/dev/python/5");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"py": "/python/5", "fn": "fn-python"})"));
    }

    void commandFunctions()
    {
        RawResponse echo = post("/dev/command/9");
        QCOMPARE(echo.status, 200);
        QCOMPARE(echo.body, QByteArray(R"({"id":"9"})"));
        RawResponse fail = post("/dev/command-fail/9");
        QCOMPARE(fail.status, 500);
        QCOMPARE(fail.body, QByteArray(R"({"failed":"oops"})"));
    }

    void invokeUrlFunctions()
    {
        // A stand-in for another emulator's Lambda invoke API.
        struct InvokeApi : http::RequestHandler
        {
            QByteArray lastPath;
            void handle(http::Request request, http::Responder respond) override
            {
                lastPath = request.path;
                http::Response response;
                response.setHeader("Content-Type", "application/json");
                if (request.path.contains("fn-remote-error")) {
                    response.setHeader("X-Amz-Function-Error", "Unhandled");
                    response.body = R"({"errorMessage":"Not found: remote","errorType":"NotFound"})";
                } else {
                    response.body = R"({"statusCode":200,"body":"from the invoke API"})";
                }
                respond.send(response);
            }
        } api;
        http::Server server(api);
        QVERIFY(server.start().ok());
        model::Project p = project();
        for (const char *name : {"fn-remote", "fn-remote-error"}) {
            model::LocalFunction f;
            f.name = QLatin1String(name);
            f.kind = model::LocalFunctionKind::InvokeUrl;
            f.invokeUrl = QStringLiteral("http://127.0.0.1:%1/").arg(server.port());
            p.localFunctions.push_back(f);
        }
        m_functions->setFunctions(p.localFunctions);
        RawResponse ok = post("/dev/remote/1");
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.body, QByteArray("from the invoke API"));
        QCOMPARE(api.lastPath, QByteArray("/2015-03-31/functions/fn-remote/invocations"));
        RawResponse error = post("/dev/remote-error/1");
        QCOMPARE(error.status, 404);
        QCOMPARE(error.body, QByteArray(R"({"error":"Not found: remote","type":"NotFound"})"));
        m_functions->setFunctions(project().localFunctions);
    }

    void redefiningAFunctionLetsInFlightInvocationsFinish()
    {
        QCOMPARE(post("/dev/slow/1").body, QByteArray("v1"));
        RawResponse inFlight;
        std::thread client([&] { inFlight = post("/dev/slow/2"); });
        QTest::qWait(150);
        // As `serve --watch` does when the project file changes.
        model::Project changed = project();
        for (auto &f : changed.localFunctions) {
            if (f.name == QLatin1String("fn-slow"))
                f.environment[QStringLiteral("VERSION")] = QStringLiteral("v2");
        }
        m_functions->setFunctions(changed.localFunctions);
        client.join();
        QCOMPARE(inFlight.status, 200);
        QCOMPARE(inFlight.body, QByteArray("v1"));
        QCOMPARE(post("/dev/slow/3").body, QByteArray("v2"));
        m_functions->setFunctions(project().localFunctions);
    }

    // One worker, on one of the server's two threads, and clients on both: the worker prefers
    // invocations from its own thread, but must not starve the other thread's clients.
    void oneWorkerServesClientsOfEveryThreadFairly()
    {
        model::Project single = project();
        for (auto &f : single.localFunctions) {
            if (f.name == QLatin1String("fn-item"))
                f.concurrency = 1;
        }
        m_functions->setFunctions(single.localFunctions);
        constexpr int kClients = 16;
        std::vector<int> served(kClients, 0);
        std::vector<int> failed(kClients, 0);
        std::vector<std::thread> clients;
        const quint16 port = m_server->port();
        for (int i = 0; i < kClients; ++i) {
            clients.emplace_back([&, i] {
                RawHttpClient client(port);
                QElapsedTimer clock;
                clock.start();
                while (!clock.hasExpired(1500)) {
                    const std::optional<RawResponse> r =
                        client.request(rawRequest("POST", "/dev/item/" + QByteArray::number(i), "Content-Type: application/json\r\n", "{}"), 5000);
                    (r && r->status == 200 ? served : failed)[size_t(i)]++;
                    if (!r)
                        break;
                }
            });
        }
        for (std::thread &t : clients)
            t.join();
        m_functions->setFunctions(project().localFunctions);
        const int total = std::accumulate(served.begin(), served.end(), 0);
        QVERIFY2(std::accumulate(failed.begin(), failed.end(), 0) == 0, "a request failed or timed out");
        for (int i = 0; i < kClients; ++i)
            QVERIFY2(served[size_t(i)] * kClients * 4 >= total,
                     qPrintable(QStringLiteral("client %1 got %2 of %3 answers").arg(i).arg(served[size_t(i)]).arg(total)));
    }

    void unknownFunctionIsAnIntegrationFailure()
    {
        RawResponse r = post("/dev/missing/1");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":"Internal server error"})"));
    }

    void untrustedProjectRunsNothing()
    {
        model::Project p = project();
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(p, runtime::DraftStage{QStringLiteral("dev"), {}}, problems);
        auto untrusted = std::make_shared<runtime::FunctionHost>(m_dir.path(), false);
        untrusted->setFunctions(p.localFunctions);
        for (auto &stage : stages)
            stage.functions = untrusted;
        runtime::Gateway gateway(p.api.id);
        gateway.setStages(std::move(stages));
        auto subscription = gateway.traces().subscribe();
        http::Server server(gateway);
        QVERIFY(server.start().ok());
        RawHttpClient client(server.port());
        auto r = client.request(rawRequest("POST", "/dev/command/1", "Content-Type: application/json\r\n", "{}"));
        QVERIFY(r);
        QCOMPARE(r->status, 500);
        std::vector<runtime::ExchangePtr> exchanges;
        // take() empties the queue and QTRY evaluates its condition more than once: collect.
        const auto collect = [&] {
            for (auto &e : subscription->take())
                exchanges.push_back(e);
            return !exchanges.empty();
        };
        QTRY_VERIFY(collect());
        QVERIFY2(exchanges.front()->executionLog().contains(QStringLiteral("not trusted")), qPrintable(exchanges.front()->executionLog()));
    }
};

QTEST_GUILESS_MAIN(TestLambda)
#include "tst_lambda.moc"
