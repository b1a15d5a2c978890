// The Problems dock in the real window: lint findings follow edits (linted off the GUI thread a
// moment later), undo clears them, and a click on a row selects the method it names.
#include "editing/apidocument.h"
#include "widgets/mainwindow.h"
#include "widgets/problemspanel.h"

#include <QAction>
#include <QDockWidget>
#include <QTest>
#include <QTreeWidget>

using portico::widgets::MainWindow;
using portico::widgets::ProblemsPanel;
using namespace Qt::StringLiterals;

namespace {
const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");
}

class TestProblemsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findingsFollowEditsAndGoToThePlace()
    {
        MainWindow window;
        window.show();
        QVERIFY(window.openFile(kSample));
        ProblemsPanel *panel = window.problemsPanel();
        QVERIFY(panel);
        QTRY_COMPARE(panel->problems().size(), size_t(0));
        QCOMPARE(window.findChild<QDockWidget *>(u"problemsDock"_s)->windowTitle(),
                 u"Problems (0)"_s);

        // A method without an integration is what API Gateway refuses to deploy.
        const auto added
            = window.addChildResource(window.document()->api().root()->id, u"orders"_s);
        QVERIFY(added.ok());
        QVERIFY(window.addMethod(added.value(), u"GET"_s).ok());
        portico::model::RestApi api = window.document()->api();
        portico::model::Method method = api.findResource(added.value())->methods.at(u"GET"_s);
        method.integration.reset();
        QVERIFY(window.document()
                    ->replaceApi(
                        [&] {
                            api.findResource(added.value())->methods[u"GET"_s] = method;
                            return api;
                        }(),
                        u"drop the integration"_s)
                    .ok());
        QTRY_VERIFY(!panel->problems().empty());
        QTRY_VERIFY(panel->list()->topLevelItemCount() > 0);
        QTreeWidgetItem *row = panel->list()->topLevelItem(0);
        QVERIFY2(row->text(0).startsWith(u"/orders GET"_s), qPrintable(row->text(0)));
        QCOMPARE(window.findChild<QDockWidget *>(u"problemsDock"_s)->windowTitle(),
                 u"Problems (%1)"_s.arg(panel->problems().size()));

        window.select(window.document()->api().root()->id);
        QTest::mouseClick(panel->list()->viewport(), Qt::LeftButton, {},
                          panel->list()->visualItemRect(row).center());
        QCOMPARE(window.currentVerb(), u"GET"_s);
        QCOMPARE(window.document()->api().pathOf(window.currentResourceId()), u"/orders"_s);

        window.document()->undoStack()->undo();
        QTRY_COMPARE(panel->problems().size(), size_t(0));
    }

    void viewMenuTogglesTheDock()
    {
        MainWindow window;
        window.show();
        auto *dock = window.findChild<QDockWidget *>(u"problemsDock"_s);
        QVERIFY(dock->isVisible());
        window.findChild<QAction *>(u"actionShowProblems"_s)->trigger();
        QVERIFY(!dock->isVisible());
    }
};

QTEST_MAIN(TestProblemsPanel)
#include "tst_problemspanel.moc"
