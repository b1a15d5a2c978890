// Ctrl+P in the real window on the sample: the ranking, then typing and Enter select the method.
#include "editing/apidocument.h"
#include "editing/quickopenindex.h"
#include "model/projectfile.h"
#include "widgets/mainwindow.h"
#include "widgets/navigator.h"
#include "widgets/quickopen.h"

#include <QLineEdit>
#include <QListWidget>
#include <QTest>

using portico::editing::QuickOpenIndex;
using portico::widgets::MainWindow;
using namespace Qt::StringLiterals;

namespace {

const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

QStringList labels(const std::vector<portico::editing::QuickOpenEntry> &entries)
{
    QStringList out;
    for (const auto &entry : entries)
        out << entry.label;
    return out;
}

} // namespace

class TestQuickOpen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ranking()
    {
        QCOMPARE(QuickOpenIndex::score(u"xyz"_s, u"GET /pets"_s), -1);
        QVERIFY(QuickOpenIndex::score(u"pets get"_s, u"GET /pets"_s) > 0); // words in any order
        // Runs and word starts beat scattered letters.
        QVERIFY(QuickOpenIndex::score(u"pets"_s, u"GET /pets"_s)
                > QuickOpenIndex::score(u"pets"_s, u"GET /people/tests"_s));
        // Equal matches: the shorter entry first.
        QVERIFY(QuickOpenIndex::score(u"pets"_s, u"/pets"_s)
                > QuickOpenIndex::score(u"pets"_s, u"/pets/{petId}"_s));

        const auto project = portico::model::ProjectFile::load(kSample);
        QVERIFY(project.ok());
        const QuickOpenIndex index(project->api);
        QVERIFY(index.size() > 5);
        const QStringList found = labels(index.search(u"petid pat"_s));
        QCOMPARE(found.value(0), u"PATCH /pets/{petId}"_s);
        QCOMPARE(labels(index.search(QString())).value(0), u"/"_s);
        QVERIFY(index.search(u"nothing matches this"_s).empty());
    }

    void ctrlPTypeEnterSelects()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kSample));
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        auto *quickOpen = window.findChild<portico::widgets::QuickOpen *>(u"quickOpen"_s);
        QVERIFY(quickOpen);
        QTRY_VERIFY(quickOpen->isVisible());
        QTest::keyClicks(quickOpen->input(), u"pets post"_s);
        QCOMPARE(quickOpen->list()->currentItem()->text(), u"POST /pets"_s);
        QTest::keyClick(quickOpen->input(),
                        Qt::Key_Down); // moves in the list, focus stays in the box
        QVERIFY(quickOpen->input()->hasFocus() || !quickOpen->isVisible());
        QTest::keyClick(quickOpen->input(), Qt::Key_Up);
        QTest::keyClick(quickOpen->input(), Qt::Key_Return);
        QCOMPARE(window.currentVerb(), u"POST"_s);
        QCOMPARE(window.document()->api().pathOf(window.currentResourceId()), u"/pets"_s);
    }

    void partsAreFoundByName()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openFile(kSample));
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier);
        auto *quickOpen = window.findChild<portico::widgets::QuickOpen *>(u"quickOpen"_s);
        QTRY_VERIFY(quickOpen && quickOpen->isVisible());
        QTest::keyClicks(quickOpen->input(), u"stage prod"_s);
        QCOMPARE(quickOpen->list()->currentItem()->text(), u"stage prod"_s);
        QTest::keyClick(quickOpen->input(), Qt::Key_Return);
        QVERIFY(window.currentResourceId().isEmpty());
        QCOMPARE(window.navigator()->currentPart()->kind, portico::editing::PartKind::Stage);
        QCOMPARE(window.navigator()->currentPart()->key, u"prod"_s);

        // A model by its name, the usage plan by its name though its key is an id.
        const QuickOpenIndex index(window.document()->project());
        QCOMPARE(index.search(u"model pet"_s).front().partKey, u"Pet"_s);
        QCOMPARE(index.search(u"basic"_s).front().partKey, u"p1anbasic1"_s);
        QCOMPARE(index.search(u"basic"_s).front().label, u"usage plan Basic"_s);
    }
};

QTEST_MAIN(TestQuickOpen)
#include "tst_quickopen.moc"
