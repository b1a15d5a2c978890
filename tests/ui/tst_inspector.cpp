// The Inspector over the runtime embedded in the GUI: requests sent by a real curl process
// appear as rows, a selected row shows its steps, execution log, request and response; replay
// sends it again; HAR export parses and matches; pause and the filter work.
#include "../support/curl.h"

#include "running/exchangetablemodel.h"
#include "running/runtimecontroller.h"
#include "widgets/inspector/inspectorpanel.h"
#include "widgets/inspector/timelineview.h"

#include "model/projectfile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using portico::running::RuntimeController;
using portico::widgets::inspector::InspectorPanel;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

// The status a real curl saw.
int curl(const QStringList &arguments)
{
    return portico::test::runCurl(arguments).status;
}

} // namespace

class TestInspector : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!portico::test::haveCurl())
            QSKIP("curl is not installed");
    }
    void init()
    {
        m_runtime = std::make_unique<RuntimeController>();
        m_panel = std::make_unique<InspectorPanel>();
        m_panel->resize(1000, 500);
        m_panel->show();
        QSignalSpy loaded(m_runtime.get(), &RuntimeController::stagesChanged);
        QVERIFY(m_runtime->start({}).ok());
        m_runtime->setProject(portico::model::ProjectFile::load(kSample).value(), kSample);
        QVERIFY(loaded.wait(10000));
        m_panel->setBaseUrl(m_runtime->baseUrl());
        connect(m_runtime.get(), &RuntimeController::exchangesArrived, m_panel.get(), &InspectorPanel::addExchanges);
    }
    void cleanup()
    {
        m_panel.reset();
        m_runtime.reset();
    }

    void curlRequestsAppearWithTheirSteps()
    {
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/7"_s}), 200);
        QCOMPARE(curl({u"-X"_s, u"POST"_s, u"-H"_s, u"Content-Type: application/json"_s, u"-d"_s, u"{\"type\":\"dog\"}"_s,
                       m_runtime->baseUrl() + u"/dev/pets"_s}),
                 403); // no API key: the sample's POST requires one
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        QCOMPARE(m_panel->model()->index(0, portico::running::ExchangeTableModel::Resource).data().toString(), u"/pets/{petId}"_s);
        QCOMPARE(m_panel->model()->index(1, portico::running::ExchangeTableModel::Status).data().toInt(), 403);

        QVERIFY(m_panel->selectRow(0));
        QVERIFY(m_panel->timeline()->steps().size() > 5);
        QVERIFY(m_panel->logView()->toPlainText().contains(u"Method completed with status: 200"_s));
        QVERIFY(m_panel->requestView()->toPlainText().startsWith(u"GET /dev/pets/7 HTTP/1.1"_s));
        QVERIFY(m_panel->responseView()->toPlainText().startsWith(u"HTTP/1.1 200"_s));
        QVERIFY(m_panel->curlForSelection().startsWith(u"curl '"_s + m_runtime->baseUrl() + u"/dev/pets/7'"_s));
    }

    void replaySendsItAgain()
    {
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/3?x=1"_s}), 200);
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QVERIFY(m_panel->selectRow(0));
        m_panel->replaySelection();
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        const portico::runtime::ExchangePtr again = m_panel->model()->exchange(1);
        QCOMPARE(again->request.target, QByteArray("/dev/pets/3?x=1"));
        QCOMPARE(again->response.status, 200);
        QVERIFY(again->requestId != m_panel->model()->exchange(0)->requestId);
    }

    void harExportParsesAndMatches()
    {
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/1"_s}), 200);
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/2"_s}), 200);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        // Nothing selected: everything kept.
        const QJsonObject log = QJsonDocument::fromJson(m_panel->harForSelection()).object()[u"log"_s].toObject();
        const QJsonArray entries = log[u"entries"_s].toArray();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].toObject()[u"request"_s][u"url"_s].toString(), m_runtime->baseUrl() + u"/dev/pets/2"_s);
        QCOMPARE(entries[1].toObject()[u"response"_s][u"content"_s][u"text"_s].toString(),
                 QString::fromUtf8(m_panel->model()->exchange(1)->response.body));
        QVERIFY(m_panel->selectRow(0));
        QCOMPARE(QJsonDocument::fromJson(m_panel->harForSelection()).object()[u"log"_s][u"entries"_s].toArray().size(), 1);
    }

    void pauseAndFilter()
    {
        m_panel->setPaused(true);
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/1"_s}), 200);
        QTest::qWait(200);
        QCOMPARE(m_panel->model()->rowCount(), 0);
        m_panel->setPaused(false);
        QCOMPARE(curl({m_runtime->baseUrl() + u"/dev/pets/1"_s}), 200);
        QVERIFY(curl({m_runtime->baseUrl() + u"/prod/pets/1"_s}) > 0);
        QTRY_COMPARE(m_panel->model()->rowCount(), 2);
        m_panel->setFilterText(u"prod"_s);
        QCOMPARE(m_panel->table()->model()->rowCount(), 1);
        m_panel->setFilterText(QString());
        QCOMPARE(m_panel->table()->model()->rowCount(), 2);
    }

    void longBodiesAreCutUntilAsked()
    {
        // The draft's GET / answers whatever its template writes: 100 KB of it (API Gateway stops a
        // #foreach at 1,000 rounds, so each round writes 100 bytes).
        portico::model::Project project = portico::model::ProjectFile::load(kSample).value();
        auto &integration = *project.api.findResource(project.api.root()->id)->methods.at(u"GET"_s).integration;
        integration.integrationResponses.at(u"200"_s).responseTemplates[u"application/json"_s]
            = u"#foreach($i in [1..1000])%1#end"_s.arg(QString(100, u'x'));
        QSignalSpy loaded(m_runtime.get(), &RuntimeController::stagesChanged);
        m_runtime->setProject(project, kSample);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(curl({m_runtime->baseUrl() + u"/draft/"_s}), 200);
        QTRY_COMPARE(m_panel->model()->rowCount(), 1);
        QVERIFY(m_panel->selectRow(0));
        const qsizetype size = m_panel->model()->exchange(0)->response.body.size();
        QVERIFY(size >= 100000);
        auto *showAll = m_panel->findChild<QPushButton *>(u"inspectorShowAll"_s);
        QVERIFY(!showAll->isHidden());
        QVERIFY(m_panel->responseView()->toPlainText().contains(u"of %1 bytes shown"_s.arg(size)));
        QTest::mouseClick(showAll, Qt::LeftButton);
        QVERIFY(showAll->isHidden());
        QVERIFY(m_panel->responseView()->toPlainText().size() > size);
    }

private:
    std::unique_ptr<RuntimeController> m_runtime;
    std::unique_ptr<InspectorPanel> m_panel;
};

QTEST_MAIN(TestInspector)
#include "tst_inspector.moc"
