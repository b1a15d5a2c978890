// The runtime embedded in the GUI, without a window: started on a free loopback port, serving
// the sample's stages and the draft, reloaded with an edited project without a restart (the next
// request sees the edit), traces delivered in batches, and stopped so that the port refuses.
#include "../support/rawhttpclient.h"

#include "model/apieditor.h"
#include "model/projectfile.h"
#include "running/capturedsample.h"
#include "running/exchangeexport.h"
#include "running/exchangetablemodel.h"
#include "running/runtimecontroller.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using portico::running::RuntimeController;
using portico::test::RawHttpClient;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

std::optional<portico::test::RawResponse> get(quint16 port, const QByteArray &path)
{
    RawHttpClient client(port);
    if (!client.connect())
        return std::nullopt;
    return client.request("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
}

quint16 portOf(const RuntimeController &runtime)
{
    return quint16(runtime.baseUrl().section(u':', -1).toUInt());
}

} // namespace

class TestRuntimeController : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void servesStagesAndDraftOnLoopback()
    {
        const portico::base::Result<portico::model::Project> sample = portico::model::ProjectFile::load(kSample);
        QVERIFY(sample.ok());
        RuntimeController runtime;
        QSignalSpy loaded(&runtime, &RuntimeController::stagesChanged);
        runtime.setProject(sample.value(), kSample);
        QVERIFY(runtime.start({}).ok());
        QVERIFY(runtime.isRunning());
        QVERIFY(runtime.baseUrl().startsWith(u"http://127.0.0.1:"_s));
        QVERIFY(loaded.wait(10000));
        QCOMPARE(runtime.stageNames(), (QStringList {u"dev"_s, u"draft"_s, u"prod"_s}));

        const auto pet = get(portOf(runtime), "/dev/pets/7");
        QVERIFY(pet);
        QCOMPARE(pet->status, 200);
        // An unknown stage (every path of a known one goes to the sample's greedy {proxy+}).
        const auto missing = get(portOf(runtime), "/nostage/pets");
        QVERIFY(missing);
        QCOMPARE(missing->status, 403);
        QCOMPARE(missing->body, QByteArray(R"({"message":"Forbidden"})")); // as AWS answers an unknown stage
    }

    void editsReachTheDraftWithoutARestart()
    {
        portico::model::Project project = portico::model::ProjectFile::load(kSample).value();
        RuntimeController runtime;
        QSignalSpy loaded(&runtime, &RuntimeController::stagesChanged);
        QVERIFY(runtime.start({}).ok());
        runtime.setProject(project, kSample);
        QVERIFY(loaded.wait(10000));
        const quint16 port = portOf(runtime);
        QCOMPARE(get(port, "/draft/")->status, 200);

        // GET / answers 418 in the draft now; the deployed dev stage still answers as deployed.
        const QString root = project.api.root()->id;
        portico::model::Method &get = project.api.findResource(root)->methods.at(u"GET"_s);
        get.integration->requestTemplates[u"application/json"_s] = u"{\"statusCode\": 418}"_s;
        get.integration->integrationResponses[u"418"_s].statusCode = u"418"_s;
        get.integration->integrationResponses[u"418"_s].selectionPattern = u"418"_s;
        get.methodResponses[u"418"_s].statusCode = u"418"_s;
        runtime.setProject(project, kSample);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(::get(port, "/draft/")->status, 418);
        QCOMPARE(::get(port, "/dev/")->status, 200);
        QCOMPARE(portOf(runtime), port);

        // No draft: only the deployed stages answer.
        runtime.setDraft(false, {});
        QVERIFY(loaded.wait(10000));
        QCOMPARE(::get(port, "/draft/")->status, 403);
    }

    void tracesArriveInBatches()
    {
        RuntimeController runtime;
        QSignalSpy loaded(&runtime, &RuntimeController::stagesChanged);
        QVERIFY(runtime.start({}).ok());
        runtime.setProject(portico::model::ProjectFile::load(kSample).value(), kSample);
        QVERIFY(loaded.wait(10000));
        std::vector<portico::runtime::ExchangePtr> seen;
        int batches = 0;
        connect(&runtime, &RuntimeController::exchangesArrived, this,
                [&](const std::vector<portico::runtime::ExchangePtr> &batch) {
                    ++batches;
                    seen.insert(seen.end(), batch.begin(), batch.end());
                });
        for (int i = 0; i < 20; ++i)
            QVERIFY(get(portOf(runtime), "/dev/pets/" + QByteArray::number(i)));
        QTRY_COMPARE(seen.size(), size_t(20));
        QVERIFY2(batches < 20, "one update per request");
        QCOMPARE(seen.front()->path, u"/pets/0"_s);
        QCOMPARE(seen.front()->resourcePath, u"/pets/{petId}"_s);
        QCOMPARE(seen.front()->stage, u"dev"_s);
        QCOMPARE(seen.back()->response.status, 200);
        // Pet 0 does not exist in the sample's MOCK: its log ends in the 404 it answered.
        QCOMPARE(seen.front()->response.status, 404);
        QVERIFY2(seen.front()->executionLog().contains(u"Method completed with status: 404"_s),
                 qPrintable(seen.front()->executionLog()));
    }

    void stoppedRuntimeRefusesAndPortInUseIsAnError()
    {
        RuntimeController first;
        QVERIFY(first.start({}).ok());
        const quint16 port = portOf(first);
        RuntimeController second;
        RuntimeController::Settings settings;
        settings.port = port;
        const portico::base::Status clash = second.start(settings);
        QVERIFY(!clash.ok());
        QVERIFY(!second.isRunning());
        first.stop();
        QVERIFY(!first.isRunning());
        QVERIFY(first.baseUrl().isEmpty());
        RawHttpClient client(port);
        QVERIFY(!client.connect());
        // The same port again, once free.
        QVERIFY(second.start(settings).ok());
        QCOMPARE(portOf(second), port);
    }

    // Requests captured from the running runtime: the table's limits, HAR, and curl run for real.
    void capturedRequestsExportAsHarAndCurl()
    {
        RuntimeController runtime;
        QSignalSpy loaded(&runtime, &RuntimeController::stagesChanged);
        QVERIFY(runtime.start({}).ok());
        runtime.setProject(portico::model::ProjectFile::load(kSample).value(), kSample);
        QVERIFY(loaded.wait(10000));
        portico::running::ExchangeTableModel table;
        table.setLimits(10, 20);
        connect(&runtime, &RuntimeController::exchangesArrived, &table, &portico::running::ExchangeTableModel::append);
        for (int i = 1; i <= 24; ++i)
            QVERIFY(get(portOf(runtime), "/dev/pets/" + QByteArray::number(i) + "?trace=" + QByteArray::number(i)));
        QTRY_COMPARE(table.rowCount(), 20);
        // The oldest four went; of the rest the newest ten are whole, the others summaries.
        QCOMPARE(table.index(0, portico::running::ExchangeTableModel::Path).data().toString(), u"/pets/5"_s);
        QVERIFY(!table.exchange(9));
        QVERIFY(table.exchange(10));
        QCOMPARE(table.allExchanges().size(), size_t(10));
        QCOMPARE(table.index(19, portico::running::ExchangeTableModel::Status).data().toInt(), 200);

        // HAR 1.2: what was sent and what came back.
        RawHttpClient client(portOf(runtime));
        QVERIFY(client.connect());
        QVERIFY(client.request("POST /dev/pets HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                               "x-api-key: PorticoDemoKey0123456789abcdefABCDEF0123\r\nContent-Length: 25\r\n"
                               "Connection: close\r\n\r\n{\"type\":\"dog\",\"price\":25}"));
        QTRY_VERIFY(table.exchange(table.rowCount() - 1) && table.exchange(table.rowCount() - 1)->httpMethod == u"POST"_s);
        const portico::runtime::ExchangePtr post = table.exchange(table.rowCount() - 1);
        const QJsonObject har = QJsonDocument::fromJson(portico::running::harLog({post}, runtime.baseUrl())).object();
        QCOMPARE(har[u"log"_s][u"version"_s].toString(), u"1.2"_s);
        const QJsonObject entry = har[u"log"_s][u"entries"_s].toArray().at(0).toObject();
        QCOMPARE(entry[u"request"_s][u"method"_s].toString(), u"POST"_s);
        QCOMPARE(entry[u"request"_s][u"url"_s].toString(), runtime.baseUrl() + u"/dev/pets"_s);
        QCOMPARE(entry[u"request"_s][u"postData"_s][u"text"_s].toString(), u"{\"type\":\"dog\",\"price\":25}"_s);
        QCOMPARE(entry[u"response"_s][u"status"_s].toInt(), post->response.status);
        QCOMPARE(entry[u"response"_s][u"content"_s][u"text"_s].toString(), QString::fromUtf8(post->response.body));
        QVERIFY(entry[u"startedDateTime"_s].toString().endsWith(u'Z'));

        // Copy as curl: the command, run by a shell, gets the same answer.
        if (QStandardPaths::findExecutable(u"curl"_s).isEmpty())
            QSKIP("curl is not installed");
        const QString command = portico::running::curlCommand(*post, runtime.baseUrl());
        QProcess shell;
        shell.start(u"sh"_s, {u"-c"_s, command + u" -s -o /dev/null -w '%{http_code}'"_s});
        QVERIFY(shell.waitForFinished(10000));
        QCOMPARE(shell.readAllStandardOutput().toInt(), post->response.status);
    }

    void pathParametersAreReadBackFromTheResource()
    {
        using portico::running::pathParameters;
        using Map = std::map<QString, QString>;
        QCOMPARE(pathParameters(u"/pets/{petId}"_s, u"/pets/7"_s), (Map {{u"petId"_s, u"7"_s}}));
        QCOMPARE(pathParameters(u"/{proxy+}"_s, u"/a/b%20c/d"_s), (Map {{u"proxy"_s, u"a/b c/d"_s}}));
        QCOMPARE(pathParameters(u"/users/{id}/orders/{orderId}"_s, u"/users/u1/orders/o%2F2"_s),
                 (Map {{u"id"_s, u"u1"_s}, {u"orderId"_s, u"o/2"_s}}));
        QCOMPARE(pathParameters(u"/pets"_s, u"/pets"_s), Map {});
    }
};

QTEST_MAIN(TestRuntimeController)
#include "tst_runtimecontroller.moc"
