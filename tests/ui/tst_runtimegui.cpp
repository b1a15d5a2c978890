// Issue 7 in the window: F5 starts the embedded runtime, the invoke URL shows in the status bar,
// a request from a real curl appears in the Inspector with its steps, an edit of the draft
// answers the next request without a restart, a deploy changes what the stage serves, and F5
// stops it. A project with local functions asks for trust first.
#include "../support/curl.h"

#include "editing/apidocument.h"
#include "running/exchangetablemodel.h"
#include "running/runtimecontroller.h"
#include "running/trustedprojects.h"
#include "widgets/inspector/inspectorpanel.h"
#include "widgets/inspector/timelineview.h"
#include "widgets/mainwindow.h"
#include "widgets/runcontrols.h"
#include "workbench/templateworkbench.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTest>
#include <QUndoStack>

using portico::widgets::MainWindow;
using portico::widgets::RunControls;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

QByteArray curlBody(const QString &url, int *status = nullptr)
{
    const portico::test::CurlResult result = portico::test::runCurl({url});
    if (status)
        *status = result.status;
    return result.body;
}

} // namespace

class TestRuntimeGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        if (!portico::test::haveCurl())
            QSKIP("curl is not installed");
    }

    void runSendInspectEditStop()
    {
        portico::running::TrustedProjects::forget(kSample);
        MainWindow window;
        window.resize(1300, 850);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kSample));
        RunControls *run = window.runControls();
        int trustAsked = 0;
        run->askTrust = [&](const QString &) {
            ++trustAsked;
            return false; // not trusted: the runtime runs, the functions do not
        };
        run->setPort(0);
        run->setServeDraft(true);
        QSignalSpy loaded(run->runtime(), &portico::running::RuntimeController::stagesChanged);

        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(run->isRunning());
        QCOMPARE(trustAsked, 1);
        QVERIFY(loaded.wait(10000));
        auto *url = window.findChild<QLabel *>(u"runtimeUrl"_s);
        QVERIFY2(url->text().contains(run->invokeUrl()), qPrintable(url->text()));
        QVERIFY(url->text().contains(u"dev, draft, prod"_s));
        QVERIFY(window.findChild<QDockWidget *>(u"inspectorDock"_s)->isVisible());

        int status = 0;
        curlBody(run->invokeUrl() + u"/dev/pets/7"_s, &status);
        QCOMPARE(status, 200);
        auto *inspector = run->inspector();
        QTRY_COMPARE(inspector->model()->rowCount(), 1);
        QVERIFY(inspector->selectRow(0));
        QVERIFY(!inspector->timeline()->steps().empty());

        // PATCH /pets/{petId} is behind the PetOwner authorizer, a local function the project
        // is not trusted to run: the authorizer fails as a broken Lambda would.
        QCOMPARE(portico::test::runCurl({u"-X"_s, u"PATCH"_s, u"-H"_s, u"Authorization: Bearer owner-sam"_s,
                                         run->invokeUrl() + u"/dev/pets/7"_s})
                     .status,
                 500);

        // The draft follows an edit, without a restart; the deployed stage does not.
        const QString before = QString::fromUtf8(curlBody(run->invokeUrl() + u"/dev/"_s));
        const QString rootId = window.document()->api().root()->id;
        QVERIFY(window.document()
                    ->setTemplate(rootId, u"GET"_s, u"200"_s, u"application/json"_s, u"{\"edited\": true}"_s)
                    .ok());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(curlBody(run->invokeUrl() + u"/draft/"_s), QByteArray("{\"edited\": true}"));
        QCOMPARE(QString::fromUtf8(curlBody(run->invokeUrl() + u"/dev/"_s)), before);
        // Deployed to dev: dev answers the edit too.
        QVERIFY(window.deployTo(u"dev"_s, u"edited root"_s).ok());
        QVERIFY(loaded.wait(10000));
        QCOMPARE(curlBody(run->invokeUrl() + u"/dev/"_s), QByteArray("{\"edited\": true}"));
        QTRY_VERIFY(inspector->model()->rowCount() >= 6);

        // A failed request, opened in the workbench: its template renders against what was sent.
        curlBody(run->invokeUrl() + u"/dev/pets/0?color=brown"_s, &status);
        QCOMPARE(status, 404);
        QTRY_VERIFY(inspector->model()->rowCount() >= 7);
        const int failed = inspector->model()->rowCount() - 1;
        QCOMPARE(inspector->model()->exchange(failed)->response.status, 404);
        QVERIFY(inspector->selectRow(failed));
        QTest::mouseClick(window.findChild<QToolButton *>(u"inspectorOpenInWorkbench"_s), Qt::LeftButton);
        auto *bench = window.findChild<portico::workbench::TemplateWorkbench *>(u"requestTemplateWorkbench"_s);
        QVERIFY(bench);
        QVERIFY(bench->isVisible());
        const portico::workbench::TemplateWorkbench::SampleRequest sample = bench->sampleRequest();
        QVERIFY2(sample.path.contains(u"\"petId\": \"0\""_s), qPrintable(sample.path));
        QVERIFY(sample.query.contains(u"\"color\": \"brown\""_s));
        QVERIFY(sample.stageVariables.contains(u"backendUrl"_s));
        QVERIFY(sample.context.contains(u"\"stage\": \"dev\""_s));
        QTRY_VERIFY(bench->previewText().contains(u"404"_s));

        const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            QTest::qWait(100);
            QVERIFY(window.grab().save(QDir(screenshots).filePath(u"failed-request-in-workbench.png"_s)));
            window.findChild<QTabWidget *>(u"editorTabs"_s)->setCurrentIndex(0);
        }

        if (!screenshots.isEmpty()) {
            QVERIFY(inspector->selectRow(1)); // the PATCH the authorizer could not run for
            QTest::qWait(100);
            QVERIFY(window.grab().save(QDir(screenshots).filePath(u"inspector.png"_s)));
        }

        const QString base = run->invokeUrl();
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(!run->isRunning());
        QVERIFY(url->text().startsWith(u"Runtime stopped"_s));
        curlBody(base + u"/dev/"_s, &status);
        QCOMPARE(status, 0); // refused
        window.document()->undoStack()->setClean();
    }
};

QTEST_MAIN(TestRuntimeGui)
#include "tst_runtimegui.moc"
