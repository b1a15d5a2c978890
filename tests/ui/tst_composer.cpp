// Issue 7's composer in the window: Run > Test Method opens it on the selected method with its
// saved requests; Send starts the runtime when it is stopped and sends in process to the draft
// (with the composer's own stage variables) or over real HTTP to a deployed stage; the answer
// shows with its steps and its expectations checked, and the request is in the Inspector with
// the same request id. Saving a request is an undoable edit of the project. A request caught
// from curl comes back into the composer with "Edit and Resend".
#include "../support/curl.h"
#include "../support/rawhttpclient.h"

#include "editing/apidocument.h"
#include "running/exchangetablemodel.h"
#include "running/runtimecontroller.h"
#include "running/trustedprojects.h"
#include "widgets/composer/requestcomposer.h"
#include "widgets/composer/requestform.h"
#include "widgets/composer/responseview.h"
#include "widgets/inspector/inspectorpanel.h"
#include "widgets/inspector/timelineview.h"
#include "widgets/mainwindow.h"
#include "widgets/methodexecution/rowtable.h"
#include "widgets/parts/liveusageview.h"
#include "widgets/parts/partsview.h"
#include "widgets/parts/simpleforms.h"
#include "widgets/runcontrols.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QToolButton>
#include <QTreeWidget>
#include <QUndoStack>
#include <QUrl>

using portico::running::SentRequest;
using portico::widgets::MainWindow;
using portico::widgets::RunControls;
using portico::widgets::composer::RequestComposer;
using namespace Qt::StringLiterals;

namespace {

// The window with View > Inspector Memory answered by the test.
class MemoryWindow : public MainWindow
{
public:
    int answer = 0;

protected:
    std::optional<int> askKeptWhole(int) override { return answer; }
};

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

// Clicks Send and waits for the answer the composer shows.
SentRequest sendAndWait(RequestComposer *composer)
{
    QSignalSpy shown(composer, &RequestComposer::responseShown);
    QTest::mouseClick(composer->sendButton(), Qt::LeftButton);
    if (!shown.wait(15000))
        return SentRequest{{}, {}, 0, false, nullptr, u"no answer within 15 s"_s};
    return shown.takeFirst().at(0).value<SentRequest>();
}

QString resourceIdOf(MainWindow &window, const QString &path)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    return resource ? resource->id : QString();
}

} // namespace

class TestComposer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        qRegisterMetaType<SentRequest>();
        portico::running::TrustedProjects::forget(kSample);
    }

    void sendFromComposer()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kSample));
        RunControls *run = window.runControls();
        run->askTrust = [](const QString &) { return false; };
        run->setPort(0);
        run->setServeDraft(true);
        QVERIFY(!run->isRunning());

        // Run > Test Method on the selected method: its first saved request.
        QVERIFY(window.select(resourceIdOf(window, u"/pets/{petId}"_s), u"GET"_s));
        QTest::keyClick(&window, Qt::Key_F6); // Run > Test Method
        auto *composer = window.findChild<RequestComposer *>();
        QVERIFY(composer);
        QVERIFY(composer->isVisible());
        QCOMPARE(composer->methodBox()->currentText(), u"GET /pets/{petId}"_s);
        QCOMPARE(composer->savedBox()->currentText(), u"get pet 1"_s);
        QLineEdit *petId = composer->form()->pathField(u"petId"_s);
        QVERIFY(petId);
        QCOMPARE(petId->text(), u"1"_s);
        QCOMPARE(composer->currentStage(), u"draft"_s);
        QVERIFY(!composer->overHttp());

        // Send starts the runtime and goes in process to the draft once it is served.
        SentRequest sent = sendAndWait(composer);
        QVERIFY2(sent.error.isEmpty(), qPrintable(sent.error));
        QVERIFY(run->isRunning());
        QVERIFY(!sent.overHttp);
        QCOMPARE(sent.response.status, 200);
        QVERIFY(sent.exchange);
        QCOMPARE(sent.exchange->stage, u"draft"_s);
        QCOMPARE(sent.exchange->resourcePath, u"/pets/{petId}"_s);
        portico::widgets::composer::ResponseView *response = composer->responseView();
        QCOMPARE(response->statusLabel()->text(), u"200 OK"_s);
        QVERIFY2(response->checksLabel()->text().contains(u"met"_s), qPrintable(response->checksLabel()->text()));
        QVERIFY(response->bodyView()->toPlainText().contains(u"\"type\": \"dog\""_s)); // indented JSON
        QVERIFY(response->stepsView()->topLevelItemCount() > 3);
        QVERIFY(!response->timeline()->steps().empty());
        QVERIFY(response->logView()->toPlainText().contains(u"Method request path: {petId=1}"_s));
        // The Inspector has it, under the same request id.
        auto *inspector = run->inspector();
        QTRY_COMPARE(inspector->model()->rowCount(), 1);
        QCOMPARE(inspector->model()->exchange(0)->requestId, sent.exchange->requestId);

        // Another pet, typed in: the saved expectations now fail, and say how.
        petId->setText(u"0"_s);
        sent = sendAndWait(composer);
        QCOMPARE(sent.response.status, 404);
        QVERIFY2(response->checksLabel()->text().contains(u"failed"_s), qPrintable(response->checksLabel()->text()));
        QStringList failures;
        for (int i = 0; i < response->checksView()->topLevelItemCount(); ++i)
            failures << response->checksView()->topLevelItem(i)->text(0);
        QVERIFY2(failures.join(u'\n').contains(u"status: expected 200, got 404"_s), qPrintable(failures.join(u'\n')));

        // Saved under a new name: one undoable edit of the project.
        const size_t savedBefore = window.document()->project().savedRequests.size();
        composer->askRequestName = [](const QString &) { return std::optional<QString>(u"pet 0 from the composer"_s); };
        QTest::mouseClick(composer->findChild<QPushButton *>(u"composerSaveAs"_s), Qt::LeftButton);
        QCOMPARE(window.document()->project().savedRequests.size(), savedBefore + 1);
        const portico::model::SavedRequest &saved = window.document()->project().savedRequests.back();
        QCOMPARE(saved.name, u"pet 0 from the composer"_s);
        QCOMPARE(saved.pathParameters.at(u"petId"_s), u"0"_s);
        QCOMPARE(composer->savedBox()->currentText(), u"pet 0 from the composer"_s);
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->project().savedRequests.size(), savedBefore);

        // The draft in process carries the composer's own stage variables.
        QVERIFY(composer->openMethod(u"/"_s, u"GET"_s));
        auto *variables = composer->form()->findChild<portico::widgets::methodexecution::RowTable *>(u"composerStageVariablesTable"_s);
        QVERIFY(variables);
        variables->setRows({{u"env"_s, u"from-the-composer"_s}});
        sent = sendAndWait(composer);
        QCOMPARE(sent.response.status, 200);
        QVERIFY2(sent.response.body.contains("environment: from-the-composer"), sent.response.body.constData());

        // Over real HTTP to a deployed stage: dev serves its own variables.
        composer->setTarget(u"dev"_s, true);
        sent = sendAndWait(composer);
        QVERIFY(sent.overHttp);
        QCOMPARE(sent.response.status, 200);
        QVERIFY(sent.exchange);
        QCOMPARE(sent.exchange->stage, u"dev"_s);
        QVERIFY(!sent.response.body.contains("from-the-composer"));

        // A request caught from curl, edited and sent again from the composer.
        if (portico::test::haveCurl()) {
            const int rows = inspector->model()->rowCount();
            QCOMPARE(portico::test::runCurl({run->invokeUrl() + u"/prod/pets/2?color=brown"_s}).status, 200);
            QTRY_COMPARE(inspector->model()->rowCount(), rows + 1);
            QVERIFY(inspector->selectRow(rows));
            QTest::mouseClick(window.findChild<QToolButton *>(u"inspectorEditResend"_s), Qt::LeftButton);
            QCOMPARE(composer->methodBox()->currentText(), u"GET /pets/{petId}"_s);
            QCOMPARE(composer->form()->pathField(u"petId"_s)->text(), u"2"_s);
            QCOMPARE(composer->currentStage(), u"prod"_s);
            QCOMPARE(composer->currentRequest().query.at(0), std::make_pair(u"color"_s, u"brown"_s));
            composer->form()->pathField(u"petId"_s)->setText(u"3"_s);
            sent = sendAndWait(composer);
            QCOMPARE(sent.response.status, 200);
            QVERIFY(sent.exchange);
            QCOMPARE(sent.exchange->path, u"/pets/3"_s);
            QCOMPARE(QString::fromUtf8(sent.exchange->request.query), u"color=brown"_s);
        }

        // The token goes where the method's authorizer reads it (untrusted, the authorizer's
        // function does not run: a broken Lambda's 500, but the header was sent).
        QVERIFY(composer->openMethod(u"/pets/{petId}"_s, u"PATCH"_s));
        composer->setTarget(u"draft"_s, false);
        composer->form()->pathField(u"petId"_s)->setText(u"1"_s);
        QVERIFY2(composer->form()->findChild<QLabel *>(u"composerTokenHint"_s)->text().contains(u"Authorization header"_s),
                 qPrintable(composer->form()->findChild<QLabel *>(u"composerTokenHint"_s)->text()));
        composer->form()->tokenField()->setText(u"Bearer owner-sam"_s);
        sent = sendAndWait(composer);
        QCOMPARE(sent.response.status, 500);
        QVERIFY(sent.exchange);
        QCOMPARE(sent.exchange->request.header("Authorization"), QByteArray("Bearer owner-sam"));

        // Back to a saved request with a JSON body, for the screenshot.
        QVERIFY(composer->openMethod(u"/pets/{petId}"_s, u"GET"_s, u"get pet 1"_s));
        composer->setTarget(u"draft"_s, false);
        sent = sendAndWait(composer);
        QCOMPARE(sent.response.status, 200);
        const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            response->tabs()->setCurrentIndex(0);
            QTest::qWait(150);
            QVERIFY(window.grab().save(QDir(screenshots).filePath(u"composer.png"_s)));
            response->tabs()->setCurrentIndex(2);
            QTest::qWait(150);
            QVERIFY(window.grab().save(QDir(screenshots).filePath(u"composer-steps.png"_s)));
        }

        // Stopped, the runtime refuses: the composer says so instead of waiting.
        run->stop();
        window.document()->undoStack()->setClean();
    }

    // The API key's form counts its requests as they happen: passed, throttled, quota left.
    void liveUsagePerKey()
    {
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QVERIFY(window.openFile(kSample));
        RunControls *run = window.runControls();
        run->askTrust = [](const QString &) { return false; };
        run->setPort(0);
        QVERIFY(window.selectPart(portico::editing::PartKind::ApiKey, u"k3ydemo001"_s));
        auto *form = qobject_cast<portico::widgets::parts::ApiKeyForm *>(
            window.partsView()->form(portico::editing::PartKind::ApiKey));
        QVERIFY(form);
        QTreeWidget *usage = form->usageView()->table();
        QVERIFY(!usage->isVisible()); // stopped: nothing counts
        QVERIFY(form->findChild<QLabel *>(u"liveUsageNote"_s)->text().contains(u"Start the runtime"_s));

        QSignalSpy served(run->runtime(), &portico::running::RuntimeController::stagesChanged);
        QVERIFY(run->start());
        QVERIFY(served.wait(10000));
        const quint16 port = quint16(QUrl(run->invokeUrl()).port());
        // dev throttles POST /pets to a burst of 2 at 1 request a second for this key's plan.
        int passed = 0, throttled = 0;
        portico::test::RawHttpClient client(port);
        for (int i = 0; i < 6; ++i) {
            const portico::test::RawResponse r = client.request(portico::test::rawRequest(
                "POST", "/dev/pets", "Content-Type: application/json\r\nx-api-key: PorticoDemoKey0123456789abcdefABCDEF0123\r\n",
                "{\"type\":\"cat\",\"price\":1}")).value_or(portico::test::RawResponse());
            if (r.status == 200)
                ++passed;
            else if (r.status == 429)
                ++throttled;
            else
                QFAIL(qPrintable(u"unexpected status %1"_s.arg(r.status)));
        }
        QVERIFY2(passed >= 2 && throttled >= 3, qPrintable(u"passed %1, throttled %2"_s.arg(passed).arg(throttled)));
        // Within a refresh or two, while the form is visible.
        QTRY_VERIFY(usage->isVisible() && usage->topLevelItemCount() == 1);
        QTreeWidgetItem *row = usage->topLevelItem(0);
        QTRY_COMPARE(row->text(2), QString::number(passed));
        QCOMPARE(row->text(0), u"Basic"_s);
        QCOMPARE(row->text(3), QString::number(throttled));
        QCOMPARE(row->text(4), u"0"_s);
        QCOMPARE(row->text(5), QString::number(1000 - passed));
        const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
        if (!screenshots.isEmpty())
            QVERIFY(window.grab().save(QDir(screenshots).filePath(u"live-usage.png"_s)));
        run->stop();
        window.document()->undoStack()->setClean();
    }

    // View > Inspector Memory: the latest N requests whole, older ones as summaries; remembered.
    void inspectorMemoryIsConfigurable()
    {
        {
            MemoryWindow window;
            window.show();
            QVERIFY(window.openFile(kSample));
            RunControls *run = window.runControls();
            run->askTrust = [](const QString &) { return false; };
            run->setPort(0);
            window.answer = 5; // below the floor: raised to it
            window.findChild<QAction *>(u"actionInspectorMemory"_s)->trigger();
            QCOMPARE(run->keptWhole(), RunControls::kMinKeptWhole);
            window.answer = 100;
            window.findChild<QAction *>(u"actionInspectorMemory"_s)->trigger();
            QCOMPARE(run->keptWhole(), 100);

            QSignalSpy served(run->runtime(), &portico::running::RuntimeController::stagesChanged);
            QVERIFY(run->start());
            QVERIFY(served.wait(10000));
            portico::test::RawHttpClient client(quint16(QUrl(run->invokeUrl()).port()));
            for (int i = 0; i < 130; ++i)
                QCOMPARE(client.request(portico::test::rawRequest("GET", "/dev/pets/1")).value_or(portico::test::RawResponse()).status, 200);
            portico::running::ExchangeTableModel *model = run->inspector()->model();
            QTRY_COMPARE(model->rowCount(), 130);
            QVERIFY(!model->exchange(29)); // a summary row now
            QVERIFY(model->exchange(30));
            QVERIFY(model->exchange(129));
            run->stop();
            window.document()->undoStack()->setClean();
        }
        MainWindow again;
        QCOMPARE(again.runControls()->keptWhole(), 100);
        again.runControls()->setKeptWhole(10000); // the default, for the next test run
    }

    // The composer follows its method through a rename and leaves it when it is deleted.
    void followsTheMethodThroughEdits()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kSample));
        RequestComposer *composer = window.openComposer(resourceIdOf(window, u"/pets/{petId}"_s), u"GET"_s);
        composer->form()->pathField(u"petId"_s)->setText(u"5"_s);
        QVERIFY(window.document()->renameResource(resourceIdOf(window, u"/pets"_s), u"animals"_s).ok());
        QCOMPARE(composer->methodBox()->currentText(), u"GET /animals/{petId}"_s);
        QCOMPARE(composer->form()->pathField(u"petId"_s)->text(), u"5"_s);
        QCOMPARE(composer->savedBox()->currentText(), u"get pet 1"_s); // the saved requests followed
        QCOMPARE(composer->currentRequest().resourcePath, u"/animals/{petId}"_s);

        QVERIFY(window.document()->deleteMethod(resourceIdOf(window, u"/animals/{petId}"_s), u"GET"_s).ok());
        QVERIFY(composer->methodBox()->currentText() != u"GET /animals/{petId}"_s);
        QCOMPARE(composer->currentRequest().resourcePath, composer->methodBox()->currentText().section(u' ', 1));
        window.document()->undoStack()->setClean();
    }

    // Run toolbar > Stages: an unticked stage is not served (403, as a stage that does not exist).
    void stagesCanBeLeftOut()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kSample));
        RunControls *run = window.runControls();
        run->askTrust = [](const QString &) { return false; };
        run->setPort(0);
        QSignalSpy served(run->runtime(), &portico::running::RuntimeController::stagesChanged);
        QVERIFY(run->start());
        QVERIFY(served.wait(10000));
        const quint16 port = quint16(QUrl(run->invokeUrl()).port());
        const auto status = [port](const QByteArray &path) {
            portico::test::RawHttpClient client(port);
            return client.request(portico::test::rawRequest("GET", path)).value_or(portico::test::RawResponse()).status;
        };
        QCOMPARE(status("/prod/pets/1"), 200);

        QMenu *menu = run->stagesButton()->menu();
        QVERIFY(QMetaObject::invokeMethod(menu, "aboutToShow"));
        QStringList names;
        for (QAction *action : menu->actions())
            names << action->text();
        QCOMPARE(names, QStringList({u"dev"_s, u"prod"_s}));
        menu->actions().at(1)->setChecked(false); // prod
        QVERIFY(served.wait(10000));
        QCOMPARE(status("/prod/pets/1"), 403);
        QCOMPARE(status("/dev/pets/1"), 200);
        QCOMPARE(status("/draft/pets/1"), 200);
        QVERIFY(!run->runtime()->stageNames().contains(u"prod"_s));
        QCOMPARE(run->hiddenStages(), QStringList({u"prod"_s}));

        run->setStageServed(u"prod"_s, true); // also the remembered setting, for the next run
        QVERIFY(served.wait(10000));
        QCOMPARE(status("/prod/pets/1"), 200);
        run->stop();
        window.document()->undoStack()->setClean();
    }

    void missingPathParameterIsExplained()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kSample));
        window.runControls()->askTrust = [](const QString &) { return false; };
        window.runControls()->setPort(0);
        RequestComposer *composer = window.openComposer(resourceIdOf(window, u"/pets/{petId}"_s), u"GET"_s);
        QVERIFY(composer);
        composer->form()->pathField(u"petId"_s)->setText(QString());
        const SentRequest sent = sendAndWait(composer);
        QVERIFY(!sent.error.isEmpty());
        QVERIFY2(sent.error.contains(u"petId"_s), qPrintable(sent.error));
        QCOMPARE(composer->responseView()->statusLabel()->text(), u"No response"_s);
        window.runControls()->stop();
        window.document()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
