// Route matching over a resource tree, without sockets: API Gateway's precedence (literal,
// {param}, {proxy+}), backtracking, ANY, decoding, and what matches nothing.
#include "runtime/routetable.h"

#include <QTest>

using namespace portico;

namespace {

model::RestApi api()
{
    model::RestApi a;
    const auto add = [&](const QString &id, const QString &parent, const QString &part, QStringList verbs) {
        model::Resource r;
        r.id = id;
        r.parentId = parent;
        r.pathPart = part;
        for (const QString &verb : verbs)
            r.methods[verb].httpMethod = verb;
        a.resources.push_back(r);
    };
    add(QStringLiteral("root"), {}, {}, {QStringLiteral("GET")});
    add(QStringLiteral("pets"), QStringLiteral("root"), QStringLiteral("pets"), {QStringLiteral("GET"), QStringLiteral("POST")});
    add(QStringLiteral("pet"), QStringLiteral("pets"), QStringLiteral("{petId}"), {QStringLiteral("GET"), QStringLiteral("ANY")});
    add(QStringLiteral("mine"), QStringLiteral("pets"), QStringLiteral("mine"), {QStringLiteral("GET")});
    add(QStringLiteral("toys"), QStringLiteral("pet"), QStringLiteral("toys"), {QStringLiteral("GET")});
    add(QStringLiteral("files"), QStringLiteral("root"), QStringLiteral("files"), {});
    add(QStringLiteral("greedy"), QStringLiteral("files"), QStringLiteral("{path+}"), {QStringLiteral("GET")});
    add(QStringLiteral("empty"), QStringLiteral("root"), QStringLiteral("empty"), {});
    return a;
}

} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QString>("resourcePath");
        QTest::addColumn<QString>("method");     // empty: the resource has no method for the verb
        QTest::addColumn<QString>("parameters"); // "name=value;..."

        QTest::newRow("root") << "GET" << QByteArray("/") << "/" << "GET" << "";
        QTest::newRow("empty path is the root") << "GET" << QByteArray("") << "/" << "GET" << "";
        QTest::newRow("literal") << "POST" << QByteArray("/pets") << "/pets" << "POST" << "";
        QTest::newRow("literal before parameter") << "GET" << QByteArray("/pets/mine") << "/pets/mine" << "GET" << "";
        QTest::newRow("parameter") << "GET" << QByteArray("/pets/42") << "/pets/{petId}" << "GET" << "petId=42";
        QTest::newRow("parameter decoded") << "GET" << QByteArray("/pets/a%2Fb%20c") << "/pets/{petId}" << "GET" << "petId=a/b c";
        QTest::newRow("ANY for other verbs") << "DELETE" << QByteArray("/pets/42") << "/pets/{petId}" << "ANY" << "petId=42";
        QTest::newRow("backtrack from literal into parameter") << "GET" << QByteArray("/pets/mine/toys") << "/pets/{petId}/toys" << "GET" << "petId=mine";
        QTest::newRow("greedy takes the rest") << "GET" << QByteArray("/files/a/b/c.txt") << "/files/{path+}" << "GET" << "path=a/b/c.txt";
        QTest::newRow("duplicate slashes ignored") << "GET" << QByteArray("//pets//42/") << "/pets/{petId}" << "GET" << "petId=42";
        QTest::newRow("resource without that verb") << "PUT" << QByteArray("/pets") << "/pets" << "" << "";
        QTest::newRow("resource without methods") << "GET" << QByteArray("/empty") << "/empty" << "" << "";
    }
    void matches()
    {
        QFETCH(QString, verb);
        QFETCH(QByteArray, path);
        QFETCH(QString, resourcePath);
        QFETCH(QString, method);
        QFETCH(QString, parameters);
        const model::RestApi a = api();
        const runtime::RouteTable table(a);
        const std::optional<runtime::RouteMatch> match = table.match(verb, path);
        QVERIFY(match);
        QCOMPARE(match->resourcePath, resourcePath);
        QCOMPARE(match->method ? match->method->httpMethod : QString(), method);
        QStringList found;
        for (const auto &[name, value] : match->pathParameters)
            found.append(name + QLatin1Char('=') + value);
        QCOMPARE(found.join(QLatin1Char(';')), parameters);
    }

    void matchesNothing_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::newRow("unknown literal") << QByteArray("/nothing");
        QTest::newRow("too deep") << QByteArray("/pets/1/toys/2");
        QTest::newRow("greedy needs at least one part") << QByteArray("/files");
    }
    void matchesNothing()
    {
        QFETCH(QByteArray, path);
        const model::RestApi a = api();
        const runtime::RouteTable table(a);
        const std::optional<runtime::RouteMatch> match = table.match(QStringLiteral("GET"), path);
        // "/files" exists as a resource (without methods); the others do not exist at all.
        if (path == "/files") {
            QVERIFY(match);
            QVERIFY(!match->method);
            return;
        }
        QVERIFY(!match);
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
