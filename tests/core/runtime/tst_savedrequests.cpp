// Saved requests from end to end without a socket: the HTTP request built from one (target,
// encoding, API key, the authorizer's identity header, Content-Length), the expectations checked
// against a response with messages that say what differed, and requests run in-process through
// the gateway with the draft's stage variables replaced.
#include "model/projectfile.h"
#include "runtime/expectationcheck.h"
#include "runtime/inprocesscall.h"
#include "runtime/projectstages.h"
#include "runtime/savedrequestbuilder.h"

#include <QTest>

using namespace portico;

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

// Resources /items/{itemId} (a TOKEN authorizer reading X-Token), /files/{proxy+} (a REQUEST
// authorizer reading the query string), /open (no authorizer); one API key; a deployed stage
// "prod" whose snapshot has /items/{itemId} without its authorizer.
model::Project builderProject()
{
    model::Project p = model::Project::createEmpty(s("Builder"));
    const QString rootId = p.api.resources.front().id;
    const auto add = [&](const char *id, const QString &parent, const char *part, const char *verb,
                         const char *authorizer) {
        model::Resource r;
        r.id = s(id);
        r.parentId = parent;
        r.pathPart = s(part);
        if (verb) {
            model::Method m;
            m.httpMethod = s(verb);
            if (authorizer) {
                m.authorizationType = model::AuthorizationType::Custom;
                m.authorizerId = s(authorizer);
            }
            r.methods[m.httpMethod] = m;
        }
        p.api.resources.push_back(r);
    };
    add("items00001", rootId, "items", nullptr, nullptr);
    add("item000001", s("items00001"), "{itemId}", "PUT", "tokenauth1");
    add("files00001", rootId, "files", nullptr, nullptr);
    add("proxy00001", s("files00001"), "{proxy+}", "ANY", "queryauth1");
    add("open000001", rootId, "open", "GET", nullptr);
    model::Authorizer token;
    token.id = s("tokenauth1");
    token.name = s("Token");
    token.type = model::AuthorizerType::Token;
    token.identitySource = s("method.request.header.X-Token");
    model::Authorizer query;
    query.id = s("queryauth1");
    query.name = s("Query");
    query.type = model::AuthorizerType::Request;
    query.identitySource = s("method.request.querystring.token, method.request.header.X-Other");
    p.api.authorizers = {token, query};
    model::ApiKey key;
    key.id = s("key0000001");
    key.name = s("partner");
    key.value = s("abcdefghijABCDEFGHIJ0123456789");
    p.apiKeys = {key};

    model::Deployment deployment;
    deployment.id = s("deploy0001");
    deployment.snapshot = p.api;
    deployment.snapshot.findResource(s("item000001"))->methods[s("PUT")].authorizerId.clear();
    p.deployments = {deployment};
    model::Stage prod;
    prod.stageName = s("prod");
    prod.deploymentId = deployment.id;
    p.stages = {prod};
    return p;
}

model::SavedRequest saved(const char *resource, const char *verb)
{
    model::SavedRequest r;
    r.name = s("try");
    r.resourcePath = s(resource);
    r.httpMethod = s(verb);
    return r;
}

QByteArray headersText(const http::HeaderList &headers)
{
    QByteArrayList lines;
    for (const auto &[name, value] : headers)
        lines.append(name + ": " + value);
    return lines.join('\n');
}

QString failuresText(const std::vector<runtime::ExpectationFailure> &failures)
{
    QStringList lines;
    for (const runtime::ExpectationFailure &failure : failures)
        lines.append(failure.toString());
    return lines.join(QLatin1Char('\n'));
}

http::Response jsonResponse(int status, const QByteArray &body)
{
    http::Response r;
    r.status = status;
    r.headers = {{"Content-Type", "application/json"}, {"X-Many", "one"}, {"x-many", "two"}};
    r.body = body;
    return r;
}

} // namespace

Q_DECLARE_METATYPE(model::SavedRequest)
Q_DECLARE_METATYPE(model::RequestExpectations)

class TestSavedRequests : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void buildsTheRequestAClientWouldSend_data()
    {
        QTest::addColumn<model::SavedRequest>("request");
        QTest::addColumn<QString>("stage");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headers");

        model::SavedRequest put = saved("/items/{itemId}", "PUT");
        put.pathParameters = {{s("itemId"), s("a b/c?d")}};
        put.query = {{s("tag"), s("x y")}, {s("tag"), s("1+1=2")}, {s("é"), s("&")}};
        put.headers = {{s("Content-Type"), s("application/json")}, {s("Content-Length"), s("999")}};
        put.body = s("{\"name\": \"ünï\"}");
        put.apiKeyId = s("key0000001");
        put.authorizationToken = s("allow");
        QTest::newRow("path and query encoded, key, token in the authorizer's header, length fixed")
            << put << s("draft") << QByteArray("PUT")
            << QByteArray("/draft/items/a%20b%2Fc%3Fd?tag=x%20y&tag=1%2B1%3D2&%C3%A9=%26")
            << QByteArray(
                   "Content-Type: application/json\nHost: localhost\n"
                   "x-api-key: abcdefghijABCDEFGHIJ0123456789\nX-Token: allow\nContent-Length: 17");

        QTest::newRow("a deployed stage's snapshot decides the identity header")
            << put << s("prod") << QByteArray("PUT")
            << QByteArray("/prod/items/a%20b%2Fc%3Fd?tag=x%20y&tag=1%2B1%3D2&%C3%A9=%26")
            << QByteArray("Content-Type: application/json\nHost: localhost\n"
                          "x-api-key: abcdefghijABCDEFGHIJ0123456789\nAuthorization: "
                          "allow\nContent-Length: 17");

        model::SavedRequest greedy = saved("/files/{proxy+}", "ANY");
        greedy.sendMethod = s("DELETE");
        greedy.pathParameters = {{s("proxy"), s("a/b c/ü")}};
        greedy.query = {{s("token"), s("old")}, {s("keep"), s("1")}};
        greedy.authorizationToken = s("secret");
        greedy.headers = {{s("host"), s("example.com")}};
        QTest::newRow("greedy keeps slashes, ANY sends its verb, token in the query string")
            << greedy << s("draft") << QByteArray("DELETE")
            << QByteArray("/draft/files/a/b%20c/%C3%BC?keep=1&token=secret")
            << QByteArray("host: example.com");

        model::SavedRequest open = saved("/open", "GET");
        open.authorizationToken = s("Bearer t");
        QTest::newRow("no authorizer: the token goes in Authorization")
            << open << s("draft") << QByteArray("GET") << QByteArray("/draft/open")
            << QByteArray("Host: localhost\nAuthorization: Bearer t");

        model::SavedRequest root = saved("/", "POST");
        QTest::newRow("root, a POST without a body still says its length")
            << root << s("draft") << QByteArray("POST") << QByteArray("/draft/")
            << QByteArray("Host: localhost\nContent-Length: 0");
    }
    void buildsTheRequestAClientWouldSend()
    {
        QFETCH(model::SavedRequest, request);
        QFETCH(QString, stage);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headers);
        const base::Result<http::Request> built
            = runtime::buildRequest(request, builderProject(), stage);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().toString()));
        QCOMPARE(built->method, method);
        QCOMPARE(built->target, target);
        const qsizetype question = target.indexOf('?');
        QCOMPARE(built->path, question < 0 ? target : target.left(question));
        QCOMPARE(built->query, question < 0 ? QByteArray() : target.mid(question + 1));
        QCOMPARE(headersText(built->headers), headers);
        QCOMPARE(built->body, request.body.toUtf8());
    }

    void refusesWhatCannotBeSent_data()
    {
        QTest::addColumn<model::SavedRequest>("request");
        QTest::addColumn<QString>("error");
        QTest::newRow("missing path parameter")
            << saved("/items/{itemId}", "PUT")
            << s("error: /items/{itemId} PUT request \"try\": path parameter itemId has no value");
        model::SavedRequest empty = saved("/files/{proxy+}", "ANY");
        empty.pathParameters = {{s("proxy"), QString()}};
        QTest::newRow("empty greedy parameter")
            << empty
            << s("error: /files/{proxy+} ANY request \"try\": path parameter proxy has no value");
        model::SavedRequest keyless = saved("/open", "GET");
        keyless.apiKeyId = s("gone000001");
        QTest::newRow("API key that does not exist")
            << keyless << s("error: /open GET request \"try\": API key gone000001 does not exist");
    }
    void refusesWhatCannotBeSent()
    {
        QFETCH(model::SavedRequest, request);
        QFETCH(QString, error);
        const base::Result<http::Request> built
            = runtime::buildRequest(request, builderProject(), s("draft"));
        QVERIFY(!built.ok());
        QCOMPARE(built.error().toString(), error);
    }

    void checksExpectations_data()
    {
        QTest::addColumn<model::RequestExpectations>("expect");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("failures");

        const QByteArray items
            = "{\"items\": [{\"id\": 1, \"name\": \"Rex\", \"tags\": [\"a\"]}, {\"id\": 2.0}], "
              "\"total\": 2, \"odd key\": null}";
        model::RequestExpectations none;
        QTest::newRow("no expectations") << none << items << QString();

        model::RequestExpectations status;
        status.status = 404;
        QTest::newRow("status") << status << items << s("status: expected 404, got 200");

        model::RequestExpectations headers;
        headers.headers = {{s("content-type"), s("application/json")},
                           {s("X-MANY"), s("two")},
                           {s("X-Many "), s("x")},
                           {s("Cache-Control"), s("no-cache")}};
        headers.headers[s("x-many")] = s("three");
        QTest::newRow("headers: any case, any of the values")
            << headers << items
            << s("header Cache-Control: expected \"no-cache\", got no such header\n"
                 "header X-Many : expected \"x\", got no such header\n"
                 "header x-many: expected \"three\", got \"one\", \"two\"");

        model::RequestExpectations equals;
        equals.bodyMode = model::BodyExpectation::Equals;
        equals.body = s("{\"items\": []}");
        QTest::newRow("body equals") << equals << QByteArray("{\"items\": [1]}")
                                     << s("body: expected \"{\\\"items\\\": []}\", got "
                                          "\"{\\\"items\\\": [1]}\" (differs from byte 11)");
        QTest::newRow("body equals, same bytes")
            << equals << QByteArray("{\"items\": []}") << QString();

        model::RequestExpectations subset;
        subset.bodyMode = model::BodyExpectation::JsonSubset;
        subset.body = s(
            "{\"total\": 2.0, \"items\": [{\"name\": \"Rex\"}, {\"id\": 2}], \"odd key\": null}");
        QTest::newRow("subset holds: members in any order, numbers by value, longer arrays")
            << subset << items << QString();

        model::RequestExpectations differs;
        differs.bodyMode = model::BodyExpectation::JsonSubset;
        differs.body
            = s("{\"items\": [{\"id\": 2, \"tags\": [\"a\", \"b\"]}, {\"id\": \"2\"}, {}], "
                "\"odd key\": {\"x\": 1}, \"missing\": true}");
        QTest::newRow("subset differs: each difference at its path")
            << differs << items
            << s("body: JSON subset: $.items[0].id: expected 2, got 1\n"
                 "body: JSON subset: $.items[0].tags[1]: expected \"b\", got nothing\n"
                 "body: JSON subset: $.items[1].id: expected \"2\", got 2.0\n"
                 "body: JSON subset: $.items[2]: expected {}, got nothing\n"
                 "body: JSON subset: $.missing: expected true, got nothing\n"
                 "body: JSON subset: $['odd key']: expected {\"x\":1}, got null");
        QTest::newRow("subset of a body that is not JSON")
            << subset << QByteArray("oops")
            << s("body: JSON subset: expected {\"items\":[{\"name\":\"Rex\"},{\"id\":2}],\"odd "
                 "key\":null,\"total\":2.0}, "
                 "got a body that is not JSON: \"oops\"");

        model::RequestExpectations paths;
        paths.jsonPaths = {{s("$.items[0].name"), s("\"Rex\"")},
                           {s("$.items[1].id"), s("2")},
                           {s("$.items[*].id"), s("1.0")},
                           {s("$.items[0].tags"), s("[\"a\"]")},
                           {s("$.total"), std::nullopt}};
        QTest::newRow("JSONPath holds: first match, numbers by value")
            << paths << items << QString();

        model::RequestExpectations pathsDiffer;
        pathsDiffer.jsonPaths = {{s("$.items[0].name"), s("\"Tom\"")},
                                 {s("$.name"), std::nullopt},
                                 {s("$.items[?(@.id > 5)]"), s("1")},
                                 {s("$.items[0"), std::nullopt},
                                 {s("$.total"), s("two")}};
        QTest::newRow("JSONPath differs")
            << pathsDiffer << items
            << s("$.items[0].name: expected \"Tom\", got \"Rex\"\n"
                 "$.name: expected a match, got no match\n"
                 "$.items[?(@.id > 5)]: expected 1, got no match\n"
                 "$.items[0: expected a match, got an invalid JSONPath (PARSE)\n"
                 "$.total: expected \"two\", got nothing to compare: the expected value is not "
                 "JSON");
    }
    void checksExpectations()
    {
        QFETCH(model::RequestExpectations, expect);
        QFETCH(QByteArray, body);
        QFETCH(QString, failures);
        QString found = failuresText(runtime::checkExpectations(expect, jsonResponse(200, body)));
        // The parser's own wording is tested with the parser; here only that it is passed on.
        static const QRegularExpression parseMessage(
            QStringLiteral("an invalid JSONPath \\(([^)]*)\\)"));
        found.replace(parseMessage, QStringLiteral("an invalid JSONPath (PARSE)"));
        QCOMPARE(found, failures);
    }

    void runsInProcessWithTheRequestsStageVariables()
    {
        auto loaded = model::ProjectFile::load(
            QStringLiteral(PORTICO_TEST_DATA_DIR "/saved-requests.portico.json"));
        QVERIFY(loaded.ok());
        const model::Project &project = loaded.value();
        std::vector<base::Diagnostic> problems;
        runtime::Gateway gateway(project.api.id);
        gateway.setStages(runtime::stagesFromProject(project, runtime::DraftStage {}, problems));
        QVERIFY(problems.empty());

        int checked = 0;
        for (const model::SavedRequest &saved : project.savedRequests) {
            if (saved.resourcePath.startsWith(QLatin1String("/echo")))
                continue; // needs a backend: tst_cli runs it
            base::Result<http::Request> request = runtime::buildRequest(saved, project, s("draft"));
            QVERIFY(request.ok());
            const runtime::NamedStrings variables(saved.stageVariables.begin(),
                                                  saved.stageVariables.end());
            const std::optional<http::Response> response
                = runtime::sendInProcessAndWait(gateway, request.value(), variables);
            QVERIFY(response);
            QVERIFY2(
                runtime::checkExpectations(saved.expect, *response).empty(),
                qPrintable(saved.name + QLatin1Char('\n')
                           + failuresText(runtime::checkExpectations(saved.expect, *response))));
            ++checked;
        }
        QCOMPARE(checked, 4);

        // Without the override the draft has no "env": the same expectation fails, saying so.
        const model::SavedRequest &list = project.savedRequests.front();
        const std::optional<http::Response> plain = runtime::sendInProcessAndWait(
            gateway, runtime::buildRequest(list, project, s("draft")).value());
        QVERIFY(plain);
        QCOMPARE(failuresText(runtime::checkExpectations(list.expect, *plain)),
                 s("$.env: expected \"test\", got \"\""));
    }

    void callbackResponderAnswersOnceAndTellsTheClientIsThere()
    {
        std::vector<int> statuses;
        const http::Responder respond
            = http::Responder::toCallback([&](http::Response r) { statuses.push_back(r.status); });
        QVERIFY(respond.clientConnected());
        http::Response first;
        first.status = 201;
        respond.send(first);
        const http::Responder copy = respond;
        copy.send(http::Response());
        QCOMPARE(statuses, std::vector<int> {201});
        QVERIFY(!respond.clientConnected());
    }
};

QTEST_GUILESS_MAIN(TestSavedRequests)
#include "tst_savedrequests.moc"
