// The real main window under the offscreen platform, driven through its actions and found by
// objectName; the dialog seams answer instead of a person, so no modal dialog ever opens.
#include "editing/apidocument.h"
#include "editing/resourcetreemodel.h"
#include "model/projectfile.h"
#include "widgets/mainwindow.h"
#include "widgets/recentfiles.h"
#include "workbench/qscintilla.h"
#include "workbench/templateworkbench.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeView>
#include <QWindow>

using portico::editing::ResourceTreeModel;
using portico::model::Project;
using portico::model::ProjectFile;
using portico::widgets::MainWindow;
using portico::widgets::RecentFiles;
using portico::workbench::TemplateWorkbench;
using namespace Qt::StringLiterals;

namespace {

const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

struct ShownError
{
    QString title;
    QString text;
    QStringList lines;
};

// The window with every question answered by the test.
class TestWindow : public MainWindow
{
public:
    QString openAnswer;
    QString saveAnswer;
    std::optional<QString> pathPartAnswer;
    std::optional<QString> verbAnswer;
    QMessageBox::StandardButton saveChangesAnswer = QMessageBox::Cancel;

    int saveChangesAsked = 0;
    QStringList verbsOffered;
    std::vector<ShownError> errors;

protected:
    QString askOpenFileName() override { return openAnswer; }
    QString askSaveFileName() override { return saveAnswer; }
    std::optional<QString> askPathPart(const QString &) override { return pathPartAnswer; }
    std::optional<QString> askVerb(const QString &, const QStringList &verbs) override
    {
        verbsOffered = verbs;
        return verbAnswer;
    }
    QMessageBox::StandardButton askSaveChanges() override
    {
        ++saveChangesAsked;
        return saveChangesAnswer;
    }
    void showErrors(const QString &title, const QString &text,
                    const std::vector<portico::base::Diagnostic> &diagnostics) override
    {
        ShownError error {title, text, {}};
        for (const portico::base::Diagnostic &d : diagnostics)
            error.lines.append(d.toString());
        errors.push_back(error);
    }
};

QString idOf(const MainWindow &window, const QString &path)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    return resource ? resource->id : QString();
}

QTreeView *treeOf(const MainWindow &window)
{
    return window.findChild<QTreeView *>(u"resourceTree"_s);
}

QAction *actionOf(const MainWindow &window, const QString &name)
{
    return window.findChild<QAction *>(name);
}

QStringList childLabels(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList labels;
    for (int row = 0; row < model.rowCount(parent); ++row)
        labels.append(model.index(row, 0, parent).data().toString());
    return labels;
}

// "/pets" or "GET /pets" for the selected row.
QString selection(const MainWindow &window)
{
    const QString path = window.document()->api().pathOf(window.currentResourceId());
    return window.currentVerb().isEmpty() ? path : window.currentVerb() + u' ' + path;
}

bool exists(const MainWindow &window, const QString &what)
{
    const qsizetype space = what.indexOf(u' ');
    const auto &api = window.document()->api();
    if (space < 0)
        return api.findResourceByPath(what) != nullptr;
    const portico::model::Resource *resource = api.findResourceByPath(what.mid(space + 1));
    return resource && resource->methods.contains(what.left(space));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void newWindowShowsAnUntitledProject();
    void showsTheSampleTree();
    void addMethodActionMarksTheTitleModified();
    void editActions_data();
    void editActions();
    void refusedEditShowsItsError();
    void actionsFollowTheSelection();
    void detailsShowTheSelection();
    void loadErrorsAreListed();
    void closeWithUnsavedChanges_data();
    void closeWithUnsavedChanges();
    void saveAsAddsTheSuffixAndRenamesTheWindow();
    void recentFilesKeepEightExistingNewestFirst();
    void openRecentMenuListsOpenedFiles();
    void templateScratchpadOpensFromTheFileMenu();
    void editRequestTemplateGoesThroughUndo();
    void editResponseTemplateCreatesItAndUndoRemovesIt();

private:
    QTemporaryDir m_settingsDir;
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    // Never touch the real user's recent files or window geometry.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"PorticoTest"_s);
    QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
}

void TestMainWindow::init()
{
    RecentFiles().clear();
}

void TestMainWindow::newWindowShowsAnUntitledProject()
{
    TestWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.windowHandle()->title(), u"Untitled — Portico"_s);
    QTreeView *tree = treeOf(window);
    QVERIFY(tree);
    QCOMPARE(childLabels(*tree->model(), QModelIndex()), QStringList {u"/"_s});
    QCOMPARE(tree->model()->rowCount(tree->model()->index(0, 0)), 0);
    QCOMPARE(selection(window), u"/"_s);
}

void TestMainWindow::showsTheSampleTree()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QTreeView *tree = treeOf(window);
    QVERIFY(tree);
    const QAbstractItemModel &model = *tree->model();
    QCOMPARE(childLabels(model, QModelIndex()), QStringList {u"/"_s});
    const QModelIndex root = model.index(0, 0);
    QCOMPARE(childLabels(model, root), (QStringList {u"GET"_s, u"pets"_s, u"{proxy+}"_s}));
    const QModelIndex pets = model.index(1, 0, root);
    QCOMPARE(childLabels(model, pets), (QStringList {u"GET"_s, u"POST"_s, u"{petId}"_s}));
    QVERIFY(tree->isExpanded(root));
    QVERIFY(tree->isExpanded(pets));

    QVERIFY(window.windowTitle().contains(u"petstore.portico.json"_s));
    QVERIFY(!window.isWindowModified());
    QCOMPARE(window.windowHandle()->title(), u"petstore.portico.json — Portico"_s);
}

void TestMainWindow::addMethodActionMarksTheTitleModified()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Project original = window.document()->project();

    QVERIFY(window.select(idOf(window, u"/pets"_s)));
    window.verbAnswer = u"PUT"_s;
    actionOf(window, u"actionAddMethod"_s)->trigger();

    QCOMPARE(window.verbsOffered,
             (QStringList {u"PUT"_s, u"PATCH"_s, u"DELETE"_s, u"HEAD"_s, u"OPTIONS"_s, u"ANY"_s}));
    QVERIFY(window.isWindowModified());
    QTRY_COMPARE(window.windowHandle()->title(), u"petstore.portico.json* — Portico"_s);
    QCOMPARE(selection(window), u"PUT /pets"_s);
    const QAbstractItemModel &model = *treeOf(window)->model();
    const QModelIndex pets = model.index(1, 0, model.index(0, 0));
    QCOMPARE(childLabels(model, pets), (QStringList {u"GET"_s, u"POST"_s, u"PUT"_s, u"{petId}"_s}));

    actionOf(window, u"actionUndo"_s)->trigger();
    QVERIFY(!window.isWindowModified());
    QTRY_COMPARE(window.windowHandle()->title(), u"petstore.portico.json — Portico"_s);
    QVERIFY(window.document()->project() == original);
}

void TestMainWindow::editActions_data()
{
    QTest::addColumn<QString>("action");
    QTest::addColumn<QString>("selected"); // "/pets" or "GET /pets"
    QTest::addColumn<QString>("answer");
    QTest::addColumn<QString>("present"); // must exist afterwards, and be selected
    QTest::addColumn<QString>("absent"); // must be gone afterwards

    QTest::newRow("add child resource")
        << u"actionAddResource"_s << u"/pets"_s << u"owners"_s << u"/pets/owners"_s << QString();
    QTest::newRow("a leading slash is dropped")
        << u"actionAddResource"_s << u"/"_s << u" /orders"_s << u"/orders"_s << QString();
    QTest::newRow("add method") << u"actionAddMethod"_s << u"/pets/{petId}"_s << u"DELETE"_s
                                << u"DELETE /pets/{petId}"_s << QString();
    QTest::newRow("delete method selects its resource")
        << u"actionDelete"_s << u"GET /pets"_s << QString() << u"/pets"_s << u"GET /pets"_s;
    QTest::newRow("delete resource selects its parent")
        << u"actionDelete"_s << u"/pets/{petId}"_s << QString() << u"/pets"_s << u"/pets/{petId}"_s;
}

void TestMainWindow::editActions()
{
    QFETCH(QString, action);
    QFETCH(QString, selected);
    QFETCH(QString, answer);
    QFETCH(QString, present);
    QFETCH(QString, absent);

    TestWindow window;
    QVERIFY(window.openFile(kSample));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const Project original = window.document()->project();

    const qsizetype space = selected.indexOf(u' ');
    const QString path = space < 0 ? selected : selected.mid(space + 1);
    const QString verb = space < 0 ? QString() : selected.left(space);
    QVERIFY(window.select(idOf(window, path), verb));
    window.pathPartAnswer = answer;
    window.verbAnswer = answer;

    QAction *edit = actionOf(window, action);
    QVERIFY(edit);
    QVERIFY(edit->isEnabled());
    edit->trigger();

    QVERIFY(window.errors.empty());
    QVERIFY(exists(window, present));
    QVERIFY(absent.isEmpty() || !exists(window, absent));
    QCOMPARE(selection(window), present);
    QVERIFY(window.isWindowModified());

    actionOf(window, u"actionUndo"_s)->trigger();
    QVERIFY(window.document()->project() == original);
    QVERIFY(!window.isWindowModified());
    actionOf(window, u"actionRedo"_s)->trigger();
    QVERIFY(exists(window, present));
    QVERIFY(window.isWindowModified());
}

void TestMainWindow::refusedEditShowsItsError()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    const Project original = window.document()->project();
    QVERIFY(window.select(idOf(window, u"/"_s)));
    window.pathPartAnswer = u"pets"_s;

    actionOf(window, u"actionAddResource"_s)->trigger();

    QCOMPARE(window.errors.size(), size_t(1));
    QCOMPARE(window.errors.front().title, u"Cannot add resource"_s);
    QCOMPARE(window.errors.front().lines, QStringList {u"error: /: /pets already exists"_s});
    QVERIFY(window.document()->project() == original);
    QVERIFY(!window.isWindowModified());

    // Cancelling the question changes nothing and shows nothing.
    window.pathPartAnswer.reset();
    actionOf(window, u"actionAddResource"_s)->trigger();
    QCOMPARE(window.errors.size(), size_t(1));
    QCOMPARE(window.document()->undoStack()->count(), 0);
}

void TestMainWindow::actionsFollowTheSelection()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    QAction *addResource = actionOf(window, u"actionAddResource"_s);
    QAction *addMethod = actionOf(window, u"actionAddMethod"_s);
    QAction *remove = actionOf(window, u"actionDelete"_s);

    QVERIFY(window.select(idOf(window, u"/"_s)));
    QVERIFY(addResource->isEnabled());
    QVERIFY(addMethod->isEnabled());
    QVERIFY(!remove->isEnabled()); // the root stays

    QVERIFY(window.select(idOf(window, u"/"_s), u"GET"_s));
    QVERIFY(remove->isEnabled());

    QVERIFY(window.select(idOf(window, u"/{proxy+}"_s)));
    QVERIFY(!addResource->isEnabled()); // nothing under a greedy parameter
    QVERIFY(remove->isEnabled());

    QVERIFY(actionOf(window, u"actionUndo"_s));
    QVERIFY(!actionOf(window, u"actionUndo"_s)->isEnabled());
}

void TestMainWindow::detailsShowTheSelection()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    auto *details = window.findChild<QTextBrowser *>(u"details"_s);
    QVERIFY(details);

    // Badges pad the verb with non-breaking spaces.
    const auto plainText
        = [details] { return details->toPlainText().replace(QChar::Nbsp, u' ').simplified(); };
    // A method opens the method-execution view instead (tst_methodexecution drives it).
    const auto integrationField = [&window](const QString &name) {
        return window.findChild<QWidget *>(u"methodExecution"_s)->findChild<QWidget *>(name);
    };
    QVERIFY(window.select(idOf(window, u"/pets"_s), u"GET"_s));
    QVERIFY(!details->isVisibleTo(&window));
    QCOMPARE(static_cast<QComboBox *>(integrationField(u"integrationType"_s))->currentText(), u"HTTP"_s);
    QCOMPARE(static_cast<QLineEdit *>(integrationField(u"integrationUri"_s))->text(),
             u"http://petstore-demo-endpoint.execute-api.com/petstore/pets"_s);

    QVERIFY(window.select(idOf(window, u"/{proxy+}"_s), u"ANY"_s));
    QCOMPARE(static_cast<QComboBox *>(integrationField(u"integrationType"_s))->currentText(), u"HTTP_PROXY"_s);
    QCOMPARE(static_cast<QLineEdit *>(integrationField(u"integrationUri"_s))->text(),
             u"${stageVariables.backendUrl}/{proxy}"_s);

    QVERIFY(window.select(idOf(window, u"/pets/{petId}"_s)));
    QVERIFY(details->isVisibleTo(&window));
    QString text = plainText();
    QVERIFY2(text.contains(u"/pets/{petId}"_s), qPrintable(text));
    QVERIFY2(text.contains(u"petId"_s), qPrintable(text));
}

void TestMainWindow::loadErrorsAreListed()
{
    const QString path = m_dir.filePath(u"broken.portico.json"_s);
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("{\"formatVersion\": 1, \"api\": {\"name\": 7}}");
    }
    const portico::base::Result<Project> expected = ProjectFile::load(path);
    QVERIFY(!expected.ok());
    QStringList expectedLines;
    for (const portico::base::Diagnostic &d : expected.errors())
        expectedLines.append(d.toString());

    TestWindow window;
    QVERIFY(window.openFile(kSample));
    QVERIFY(!window.openFile(path));

    QCOMPARE(window.errors.size(), size_t(1));
    QCOMPARE(window.errors.front().title, u"Cannot open project"_s);
    QCOMPARE(window.errors.front().lines, expectedLines);
    QVERIFY(window.windowTitle().contains(u"petstore.portico.json"_s));
    QCOMPARE(window.document()->filePath(), QFileInfo(kSample).absoluteFilePath());
    QVERIFY(!RecentFiles().files().contains(path));
}

void TestMainWindow::closeWithUnsavedChanges_data()
{
    QTest::addColumn<bool>("edited");
    QTest::addColumn<QMessageBox::StandardButton>("answer");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("savedToFile");

    QTest::newRow("clean closes without asking") << false << QMessageBox::Cancel << true << false;
    QTest::newRow("cancel keeps the window") << true << QMessageBox::Cancel << false << false;
    QTest::newRow("discard closes") << true << QMessageBox::Discard << true << false;
    QTest::newRow("save saves and closes") << true << QMessageBox::Save << true << true;
}

void TestMainWindow::closeWithUnsavedChanges()
{
    QFETCH(bool, edited);
    QFETCH(QMessageBox::StandardButton, answer);
    QFETCH(bool, closes);
    QFETCH(bool, savedToFile);

    const QString path = m_dir.filePath(u"close.portico.json"_s);
    QFile::remove(path);
    QVERIFY(QFile::copy(kSample, path));
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    TestWindow window;
    QVERIFY(window.openFile(path));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    if (edited)
        QVERIFY(window.addMethod(idOf(window, u"/pets"_s), u"PUT"_s).ok());
    window.saveChangesAnswer = answer;

    QCOMPARE(window.close(), closes);
    QCOMPARE(window.saveChangesAsked, edited ? 1 : 0);
    QCOMPARE(window.isVisible(), !closes);
    QCOMPARE(window.isWindowModified(), edited && !savedToFile);
    const Project onDisk = ProjectFile::load(path).value();
    QCOMPARE(onDisk.api.findResourceByPath(u"/pets"_s)->methods.contains(u"PUT"_s), savedToFile);
}

void TestMainWindow::saveAsAddsTheSuffixAndRenamesTheWindow()
{
    TestWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.addChildResource(window.document()->api().root()->id, u"things"_s).ok());
    QVERIFY(window.isWindowModified());

    window.saveAnswer = m_dir.filePath(u"mine"_s);
    actionOf(window, u"actionSave"_s)->trigger(); // never saved: Save asks for a name

    const QString saved = m_dir.filePath(u"mine.portico.json"_s);
    QVERIFY(window.errors.empty());
    QVERIFY(QFile::exists(saved));
    QCOMPARE(window.document()->filePath(), saved);
    QVERIFY(!window.isWindowModified());
    QTRY_COMPARE(window.windowHandle()->title(), u"mine.portico.json — Portico"_s);
    QCOMPARE(RecentFiles().files().value(0), saved);
}

void TestMainWindow::recentFilesKeepEightExistingNewestFirst()
{
    QStringList paths;
    for (int i = 0; i < 10; ++i) {
        const QString path = m_dir.filePath(u"recent%1.portico.json"_s.arg(i));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        paths.append(path);
    }
    RecentFiles recent;
    for (const QString &path : paths)
        recent.add(path);
    recent.add(paths.at(5)); // again: moves to the front, no duplicate

    QStringList expected {paths.at(5), paths.at(9), paths.at(8), paths.at(7),
                          paths.at(6), paths.at(4), paths.at(3), paths.at(2)};
    QCOMPARE(recent.files(), expected);

    QVERIFY(QFile::remove(paths.at(8)));
    expected.removeAll(paths.at(8));
    QCOMPARE(recent.files(), expected);
    // The missing file is gone from the settings too, not just hidden.
    QCOMPARE(QSettings().value(u"recentFiles"_s).toStringList(), expected);
}

void TestMainWindow::openRecentMenuListsOpenedFiles()
{
    TestWindow window;
    QVERIFY(window.openFile(kSample));
    auto *menu = window.findChild<QMenu *>(u"menuRecent"_s);
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();

    QStringList listed;
    for (QAction *action : menu->actions()) {
        if (action->data().isValid())
            listed.append(action->data().toString());
    }
    QCOMPARE(listed, QStringList {QFileInfo(kSample).absoluteFilePath()});

    // Choosing it again with nothing to save reopens it.
    QSignalSpy changed(window.document(), &portico::editing::ApiDocument::changed);
    menu->actions().constFirst()->trigger();
    QCOMPARE(changed.count(), 1);
    QVERIFY(window.errors.empty());
}

void TestMainWindow::templateScratchpadOpensFromTheFileMenu()
{
    TestWindow window;
    window.show();
    QAction *action = actionOf(window, u"actionNewTemplateScratchpad"_s);
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *bench = window.findChild<TemplateWorkbench *>(u"templateScratchpad"_s);
    QVERIFY(bench);
    // A tab beside the Designer, made current.
    QCOMPARE(window.editorTabs()->currentWidget(), bench);
    QCOMPARE(window.editorTabs()->tabText(window.editorTabs()->currentIndex()), u"Scratchpad"_s);
    // The sample template over the sample body.
    QTRY_COMPARE(bench->previewText(), u"{\n  \"id\": 7,\n  \"name\": \"Rex\"\n}"_s);
    QCOMPARE(bench->statusText(), u"Valid JSON"_s);
    // Scratchpad edits never touch the project.
    bench->editor()->setFocus();
    QTest::keyClicks(bench->editor(), u"x"_s);
    QVERIFY(!window.document()->isDirty());
    actionOf(window, u"actionCloseTab"_s)->trigger();
    QCOMPARE(window.editorTabs()->count(), 1);
}

void TestMainWindow::editRequestTemplateGoesThroughUndo()
{
    TestWindow window;
    window.show();
    QVERIFY(window.openFile(kSample));
    const QString petId = idOf(window, u"/pets/{petId}"_s);
    QVERIFY(window.select(idOf(window, u"/pets"_s)));
    QVERIFY(!actionOf(window, u"actionEditRequestTemplate"_s)->isEnabled());
    QVERIFY(window.select(petId, u"GET"_s));
    QAction *action = actionOf(window, u"actionEditRequestTemplate"_s);
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *bench = window.findChild<TemplateWorkbench *>(u"requestTemplateWorkbench"_s);
    QVERIFY(bench);
    const QString original = u"#if($input.params('petId') == \"0\")\n{\"statusCode\": 404}\n#else\n{\"statusCode\": 200}\n#end"_s;
    QCOMPARE(bench->templateText(), original);
    // The sample's petId is 7.
    QTRY_COMPARE(bench->previewText(), u"{\n  \"statusCode\": 200\n}"_s);
    QVERIFY(!window.document()->isDirty());

    const auto stored = [&] {
        return window.document()->api().findResource(petId)->methods.at(u"GET"_s).integration->requestTemplates.at(
            u"application/json"_s);
    };
    QsciScintilla *editor = bench->editor();
    editor->setFocus();
    editor->setCursorPosition(3, 17); // before the last 0 of 200
    QTest::keyClicks(editor, u"1"_s);
    QTest::keyClick(editor, Qt::Key_Delete);
    QCOMPARE(stored(), QString(original).replace(u"200"_s, u"201"_s));
    QTRY_COMPARE(bench->previewText(), u"{\n  \"statusCode\": 201\n}"_s);
    QVERIFY(window.document()->isDirty());

    // Both keystrokes are one undo step, and undo shows in the workbench.
    actionOf(window, u"actionUndo"_s)->trigger();
    QCOMPARE(stored(), original);
    QCOMPARE(bench->templateText(), original);
    QTRY_COMPARE(bench->previewText(), u"{\n  \"statusCode\": 200\n}"_s);
    QVERIFY(!window.document()->isDirty());
    actionOf(window, u"actionRedo"_s)->trigger();
    QCOMPARE(bench->templateText(), QString(original).replace(u"200"_s, u"201"_s));

    // Deleting the method closes its template.
    QPointer<TemplateWorkbench> guard(bench);
    QVERIFY(window.deleteNode(petId, u"GET"_s).ok());
    QTRY_VERIFY(guard.isNull());
}

void TestMainWindow::editResponseTemplateCreatesItAndUndoRemovesIt()
{
    TestWindow window;
    window.show();
    QVERIFY(window.openFile(kSample));
    const QString pets = idOf(window, u"/pets"_s);
    QVERIFY(window.select(pets, u"GET"_s));
    QAction *action = actionOf(window, u"actionEditResponseTemplate"_s);
    QVERIFY(action->isEnabled());
    action->trigger();
    auto *bench = window.findChild<TemplateWorkbench *>(u"responseTemplateWorkbench"_s);
    QVERIFY(bench);
    QCOMPARE(bench->templateText(), QString()); // the 200 response has no template yet
    QVERIFY(bench->windowTitle().contains(u"integration response 200"_s));

    const auto templates = [&] {
        return window.document()->api().findResource(pets)->methods.at(u"GET"_s).integration->integrationResponses.at(
            u"200"_s).responseTemplates;
    };
    bench->editor()->setFocus();
    QTest::keyClicks(bench->editor(), u"$input.json('$')"_s);
    QCOMPARE(templates().at(u"application/json"_s), u"$input.json('$')"_s);
    QTRY_COMPARE(bench->previewText(), u"{\n  \"id\": 7,\n  \"name\": \"Rex\"\n}"_s);

    actionOf(window, u"actionUndo"_s)->trigger();
    QVERIFY(templates().empty());
    QCOMPARE(bench->templateText(), QString());
    QVERIFY(!window.document()->isDirty());
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
