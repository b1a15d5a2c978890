// The editor tabs of the main window: "Designer" first, then a tab per template workbench (one
// per template, closed with Ctrl+W or when the method goes away), and the workbench's template
// bar, which switches a tab between the method's templates and adds one for another content
// type. Driven under the offscreen platform through keys, the window's functions and the seams.
//
// With PORTICO_SCREENSHOT_DIR set (and a real display, such as xvfb-run), screenshot() saves the
// documentation's docs/screenshots/template-workbench.png.
#include "editing/apidocument.h"
#include "editing/methodtemplates.h"
#include "model/method.h"
#include "model/projectfile.h"
#include "widgets/mainwindow.h"
#include "widgets/navigator.h"
#include "workbench/qscintilla.h"
#include "workbench/templateworkbench.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QPointer>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

using portico::editing::TemplateSlot;
using portico::widgets::MainWindow;
using portico::workbench::TemplateWorkbench;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

class TestWindow : public MainWindow
{
public:
    std::optional<QString> contentTypeAnswer;
    QString askedPart;
    QStringList askedExisting;
    QStringList errors;

protected:
    std::optional<QString> askContentType(const QString &part, const QStringList &existing) override
    {
        askedPart = part;
        askedExisting = existing;
        return contentTypeAnswer;
    }
    QMessageBox::StandardButton askSaveChanges() override { return QMessageBox::Discard; }
    void showErrors(const QString &title, const QString &, const std::vector<portico::base::Diagnostic> &) override
    {
        errors.append(title);
    }
};

QString idOf(const MainWindow &window, const QString &path)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    return resource ? resource->id : QString();
}

const portico::model::Integration &integrationOf(const MainWindow &window, const QString &path, const QString &verb)
{
    return *window.document()->api().findResourceByPath(path)->methods.at(verb).integration;
}

QStringList tabTitles(const QTabWidget *tabs)
{
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i)
        titles.append(tabs->tabText(i));
    return titles;
}

QStringList choices(const TemplateWorkbench *bench)
{
    QStringList labels;
    const QComboBox *combo = bench->templateChoice();
    for (int i = 0; i < combo->count(); ++i)
        labels.append(combo->itemText(i));
    return labels;
}

// As a person picking an entry of the template bar's list.
bool choose(TemplateWorkbench *bench, const QString &label)
{
    QComboBox *combo = bench->templateChoice();
    const int index = combo->findText(label);
    if (index < 0 || !combo->isVisible())
        return false;
    combo->setCurrentIndex(index);
    Q_EMIT combo->activated(index);
    return true;
}

} // namespace

class TestEditorTabs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void templatesOfListsRequestThenResponses();
    void templateOpensInATabOnce();
    void designerTabCannotBeClosed();
    void ctrlWClosesTheCurrentEditorTab();
    void ctrlPageDownAndUpSwitchTabs();
    void navigatorSelectionBringsTheDesignerForward();
    void deletingTheMethodClosesItsTabs();
    void newProjectClosesTemplateTabsButNotScratchpads();
    void templateBarSwitchesTheTab();
    void choosingATemplateOpenElsewhereGoesToItsTab();
    void addContentTypeAddsAnEmptyTemplate();
    void addContentTypeRefusesANonContentType();
    void scratchpadHasNoTemplateBar();
    void screenshot();

private:
    TestWindow &window() { return *m_window; }
    QTabWidget *tabs() { return m_window->editorTabs(); }
    TemplateWorkbench *editPetRequest()
    {
        return m_window->editRequestTemplate(idOf(*m_window, u"/pets/{petId}"_s), u"GET"_s);
    }

    QTemporaryDir m_settingsDir;
    std::unique_ptr<TestWindow> m_window;
};

void TestEditorTabs::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QStandardPaths::setTestModeEnabled(true);
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    QCoreApplication::setOrganizationName(u"PorticoTest"_s);
    QCoreApplication::setApplicationName(u"tst_editortabs"_s);
}

void TestEditorTabs::init()
{
    m_window = std::make_unique<TestWindow>();
    QVERIFY(m_window->openFile(kSample));
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(tabs());
    QCOMPARE(tabs()->objectName(), u"editorTabs"_s);
}

void TestEditorTabs::cleanup()
{
    m_window.reset();
}

void TestEditorTabs::templatesOfListsRequestThenResponses()
{
    portico::model::Method method;
    QVERIFY(portico::editing::templatesOf(method).empty()); // no integration, no templates
    method.integration.emplace();
    method.integration->requestTemplates[u"application/xml"_s] = u"<a/>"_s;
    method.integration->requestTemplates[u"application/json"_s] = u"{}"_s;
    method.integration->integrationResponses[u"400"_s].responseTemplates[u"application/xml"_s] = QString();
    method.integration->integrationResponses[u"200"_s].responseTemplates[u"application/json"_s] = QString();
    method.integration->integrationResponses[u"500"_s]; // a response without templates lists none

    QStringList labels;
    for (const TemplateSlot &slot : portico::editing::templatesOf(method))
        labels.append(slot.label());
    QCOMPARE(labels, (QStringList {u"request · application/json"_s, u"request · application/xml"_s,
                                   u"200 · application/json"_s, u"400 · application/xml"_s}));

    // A template the method does not hold yet is offered in its place.
    labels.clear();
    for (const TemplateSlot &slot : portico::editing::templateChoices(method, {u"500"_s, u"application/json"_s}))
        labels.append(slot.label());
    QCOMPARE(labels, (QStringList {u"request · application/json"_s, u"request · application/xml"_s,
                                   u"200 · application/json"_s, u"400 · application/xml"_s,
                                   u"500 · application/json"_s}));
    QCOMPARE(portico::editing::templateChoices(method, {QString(), u"application/xml"_s}).size(), size_t(4));

    QVERIFY(portico::editing::hasTemplatePart(method, {QString(), u"text/plain"_s}));
    QVERIFY(portico::editing::hasTemplatePart(method, {u"500"_s, u"text/plain"_s}));
    QVERIFY(!portico::editing::hasTemplatePart(method, {u"404"_s, u"application/json"_s}));
}

void TestEditorTabs::templateOpensInATabOnce()
{
    QCOMPARE(tabTitles(tabs()), QStringList {u"Designer"_s});
    TemplateWorkbench *request = editPetRequest();
    QVERIFY(request);
    QCOMPARE(request->objectName(), u"requestTemplateWorkbench"_s);
    QVERIFY(!request->isWindow());
    QCOMPARE(tabs()->currentWidget(), request);
    QCOMPARE(tabTitles(tabs()),
             (QStringList {u"Designer"_s, u"GET /pets/{petId} · request · application/json"_s}));
    QCOMPARE(tabs()->tabToolTip(1), u"GET /pets/{petId}: integration request template, application/json"_s);

    // Again: the same tab comes forward.
    tabs()->setCurrentIndex(0);
    QCOMPARE(editPetRequest(), request);
    QCOMPARE(tabs()->count(), 2);
    QCOMPARE(tabs()->currentWidget(), request);

    TemplateWorkbench *response = window().editIntegrationResponseTemplate(
        idOf(window(), u"/pets/{petId}"_s), u"GET"_s, u"200"_s, u"application/json"_s);
    QVERIFY(response);
    QVERIFY(response != request);
    QCOMPARE(response->objectName(), u"responseTemplateWorkbench"_s);
    QCOMPARE(tabs()->count(), 3);
    QCOMPARE(tabs()->currentWidget(), response);
    QCOMPARE(tabs()->tabText(2), u"GET /pets/{petId} · 200 · application/json"_s);
    QCOMPARE(response->templateText(),
             integrationOf(window(), u"/pets/{petId}"_s, u"GET"_s).integrationResponses.at(u"200"_s).responseTemplates.at(
                 u"application/json"_s));

    // No tab for what does not exist.
    QVERIFY(!window().editIntegrationResponseTemplate(idOf(window(), u"/pets/{petId}"_s), u"GET"_s, u"418"_s,
                                                      u"application/json"_s));
    QVERIFY(!window().editRequestTemplate(idOf(window(), u"/pets/{petId}"_s), u"PUT"_s));
    QCOMPARE(tabs()->count(), 3);
}

void TestEditorTabs::designerTabCannotBeClosed()
{
    QVERIFY(editPetRequest());
    QTabBar *bar = tabs()->tabBar();
    QVERIFY(!bar->tabButton(0, QTabBar::RightSide) && !bar->tabButton(0, QTabBar::LeftSide));
    QVERIFY(bar->tabButton(1, QTabBar::RightSide) || bar->tabButton(1, QTabBar::LeftSide));
    Q_EMIT tabs()->tabCloseRequested(0);
    QCOMPARE(tabs()->count(), 2);
    tabs()->setCurrentIndex(0);
    auto *close = window().findChild<QAction *>(u"actionCloseTab"_s);
    QVERIFY(close);
    QVERIFY(!close->isEnabled());
    close->trigger();
    QCOMPARE(tabs()->count(), 2);

    // The close button of a template tab closes it.
    QPointer<QWidget> bench = tabs()->widget(1);
    Q_EMIT tabs()->tabCloseRequested(1);
    QCOMPARE(tabs()->count(), 1);
    QTRY_VERIFY(bench.isNull());
}

void TestEditorTabs::ctrlWClosesTheCurrentEditorTab()
{
    TemplateWorkbench *request = editPetRequest();
    QVERIFY(request);
    TemplateWorkbench *scratchpad = window().openTemplateScratchpad();
    QCOMPARE(tabs()->tabText(2), u"Scratchpad"_s);
    QCOMPARE(scratchpad->objectName(), u"templateScratchpad"_s);
    QPointer<TemplateWorkbench> closedScratchpad(scratchpad);
    QPointer<TemplateWorkbench> closedRequest(request);

    // From inside the editor, where the focus is after opening.
    QTRY_VERIFY(scratchpad->editor()->hasFocus());
    QTest::keyClick(scratchpad->editor(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs()->count(), 2);
    QCOMPARE(tabs()->currentWidget(), request);
    QTRY_VERIFY(closedScratchpad.isNull());

    request->editor()->setFocus();
    QTest::keyClick(request->editor(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs()->count(), 1);
    QTRY_VERIFY(closedRequest.isNull());

    // The Designer stays.
    QTest::keyClick(window().navigator()->resourceTree(), Qt::Key_W, Qt::ControlModifier);
    QCOMPARE(tabs()->count(), 1);
    QVERIFY(!window().document()->isDirty());
}

void TestEditorTabs::ctrlPageDownAndUpSwitchTabs()
{
    TemplateWorkbench *request = editPetRequest();
    TemplateWorkbench *scratchpad = window().openTemplateScratchpad();
    QCOMPARE(tabs()->currentIndex(), 2);
    QTest::keyClick(scratchpad->editor(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs()->currentWidget(), request);
    QTest::keyClick(request->editor(), Qt::Key_PageUp, Qt::ControlModifier);
    QCOMPARE(tabs()->currentIndex(), 0);
    QTest::keyClick(&window(), Qt::Key_PageUp, Qt::ControlModifier); // round to the last
    QCOMPARE(tabs()->currentWidget(), scratchpad);
    QTest::keyClick(&window(), Qt::Key_PageDown, Qt::ControlModifier); // and back to the first
    QCOMPARE(tabs()->currentIndex(), 0);
    QTest::keyClick(&window(), Qt::Key_Tab, Qt::ControlModifier);
    QCOMPARE(tabs()->currentWidget(), request);
    QTest::keyClick(request->editor(), Qt::Key_Backtab, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(tabs()->currentIndex(), 0);
    // None of it typed into a template.
    QVERIFY(!window().document()->isDirty());
}

void TestEditorTabs::navigatorSelectionBringsTheDesignerForward()
{
    QVERIFY(window().select(idOf(window(), u"/pets/{petId}"_s), u"GET"_s));
    QVERIFY(editPetRequest());
    QCOMPARE(tabs()->currentIndex(), 1);
    // An edit rebuilds the tree, which selects the same row again: the tab stays.
    TemplateWorkbench *bench = editPetRequest();
    bench->editor()->setFocus();
    QTest::keyClicks(bench->editor(), u"x"_s);
    QVERIFY(window().document()->isDirty());
    QCOMPARE(tabs()->currentIndex(), 1);
    // Another row, or a click on the same one, is about the Designer.
    QVERIFY(window().select(idOf(window(), u"/pets"_s)));
    QCOMPARE(tabs()->currentIndex(), 0);
    tabs()->setCurrentIndex(1);
    QTreeView *tree = window().navigator()->resourceTree();
    const QRect row = tree->visualRect(tree->currentIndex());
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, row.center());
    QCOMPARE(tabs()->currentIndex(), 0);
}

void TestEditorTabs::deletingTheMethodClosesItsTabs()
{
    const QString petId = idOf(window(), u"/pets/{petId}"_s);
    QPointer<TemplateWorkbench> request = editPetRequest();
    QPointer<TemplateWorkbench> response
        = window().editIntegrationResponseTemplate(petId, u"GET"_s, u"404"_s, u"application/json"_s);
    TemplateWorkbench *other = window().editRequestTemplate(idOf(window(), u"/pets"_s), u"POST"_s);
    QVERIFY(request && response && other);
    QCOMPARE(tabs()->count(), 4);

    QVERIFY(window().deleteNode(petId, u"GET"_s).ok());
    QTRY_VERIFY(request.isNull() && response.isNull());
    QCOMPARE(tabTitles(tabs()), (QStringList {u"Designer"_s, u"POST /pets · request · application/json"_s}));

    // And the project going away closes the rest.
    QPointer<TemplateWorkbench> last(other);
    QVERIFY(window().newProject());
    QTRY_VERIFY(last.isNull());
    QCOMPARE(tabs()->count(), 1);
}

void TestEditorTabs::newProjectClosesTemplateTabsButNotScratchpads()
{
    QVERIFY(editPetRequest());
    TemplateWorkbench *scratchpad = window().openTemplateScratchpad();
    QVERIFY(window().newProject());
    QCOMPARE(tabTitles(tabs()), (QStringList {u"Designer"_s, u"Scratchpad"_s}));
    QCOMPARE(tabs()->widget(1), scratchpad);
}

void TestEditorTabs::templateBarSwitchesTheTab()
{
    TemplateWorkbench *bench = editPetRequest();
    QVERIFY(bench->templateChoice()->isVisible());
    QCOMPARE(choices(bench), (QStringList {u"request · application/json"_s, u"200 · application/json"_s,
                                           u"404 · application/json"_s, QString(), u"Add content type…"_s}));
    QCOMPARE(bench->templateChoice()->currentText(), u"request · application/json"_s);
    const auto integration = [this] { return integrationOf(window(), u"/pets/{petId}"_s, u"GET"_s); };
    const portico::model::Integration before = integration();

    QVERIFY(choose(bench, u"404 · application/json"_s));
    QCOMPARE(tabs()->count(), 2); // the same tab, re-targeted
    QCOMPARE(tabs()->currentWidget(), bench);
    QCOMPARE(tabs()->tabText(1), u"GET /pets/{petId} · 404 · application/json"_s);
    QCOMPARE(tabs()->tabToolTip(1), u"GET /pets/{petId}: integration response 404 template, application/json"_s);
    QCOMPARE(bench->objectName(), u"responseTemplateWorkbench"_s);
    const QString notFound = before.integrationResponses.at(u"404"_s).responseTemplates.at(u"application/json"_s);
    QCOMPARE(bench->templateText(), notFound);
    QTRY_VERIFY(bench->previewText().contains(u"Pet 7 not found"_s));

    // Typing edits the 404 template, and only it.
    bench->editor()->setFocus();
    bench->editor()->setCursorPosition(0, 0);
    QTest::keyClicks(bench->editor(), u"## gone"_s);
    QTest::keyClick(bench->editor(), Qt::Key_Return);
    QCOMPARE(integration().integrationResponses.at(u"404"_s).responseTemplates.at(u"application/json"_s),
             u"## gone\n"_s + notFound);
    QCOMPARE(integration().requestTemplates, before.requestTemplates);
    QCOMPARE(integration().integrationResponses.at(u"200"_s), before.integrationResponses.at(u"200"_s));

    // Undo goes to the document and shows in the tab.
    window().findChild<QAction *>(u"actionUndo"_s)->trigger();
    QCOMPARE(integration(), before);
    QCOMPARE(bench->templateText(), notFound);
    QVERIFY(!window().document()->isDirty());

    // And back to the request template.
    QVERIFY(choose(bench, u"request · application/json"_s));
    QCOMPARE(bench->objectName(), u"requestTemplateWorkbench"_s);
    QCOMPARE(bench->templateText(), before.requestTemplates.at(u"application/json"_s));
    QCOMPARE(bench->templateChoice()->currentText(), u"request · application/json"_s);
}

void TestEditorTabs::choosingATemplateOpenElsewhereGoesToItsTab()
{
    const QString petId = idOf(window(), u"/pets/{petId}"_s);
    TemplateWorkbench *response = window().editIntegrationResponseTemplate(petId, u"GET"_s, u"200"_s, u"application/json"_s);
    TemplateWorkbench *request = editPetRequest();
    QCOMPARE(tabs()->count(), 3);
    QVERIFY(choose(request, u"200 · application/json"_s));
    QCOMPARE(tabs()->count(), 3);
    QCOMPARE(tabs()->currentWidget(), response);
    // The request tab still shows, and offers, its own template.
    QCOMPARE(request->templateChoice()->currentText(), u"request · application/json"_s);
    QCOMPARE(tabs()->tabText(tabs()->indexOf(request)), u"GET /pets/{petId} · request · application/json"_s);
}

void TestEditorTabs::addContentTypeAddsAnEmptyTemplate()
{
    TemplateWorkbench *bench = window().editIntegrationResponseTemplate(idOf(window(), u"/pets/{petId}"_s), u"GET"_s,
                                                                       u"404"_s, u"application/json"_s);
    const auto templates = [this] {
        return integrationOf(window(), u"/pets/{petId}"_s, u"GET"_s).integrationResponses.at(u"404"_s).responseTemplates;
    };
    QCOMPARE(templates().size(), size_t(1));

    // Cancelled: nothing happens.
    window().contentTypeAnswer = std::nullopt;
    QVERIFY(choose(bench, u"Add content type…"_s));
    QCOMPARE(window().askedPart, u"integration response 404"_s);
    QCOMPARE(window().askedExisting, QStringList {u"application/json"_s});
    QCOMPARE(templates().size(), size_t(1));
    QCOMPARE(bench->templateChoice()->currentText(), u"404 · application/json"_s);
    QVERIFY(!window().document()->isDirty());

    window().contentTypeAnswer = u"application/xml"_s;
    QVERIFY(choose(bench, u"Add content type…"_s));
    QCOMPARE(templates().at(u"application/xml"_s), QString());
    QCOMPARE(tabs()->tabText(tabs()->currentIndex()), u"GET /pets/{petId} · 404 · application/xml"_s);
    QCOMPARE(bench->contentType(), u"application/xml"_s);
    QCOMPARE(bench->templateText(), QString());
    QCOMPARE(choices(bench), (QStringList {u"request · application/json"_s, u"200 · application/json"_s,
                                           u"404 · application/json"_s, u"404 · application/xml"_s, QString(),
                                           u"Add content type…"_s}));
    QCOMPARE(bench->templateChoice()->currentText(), u"404 · application/xml"_s);

    // Typing in it is a step of its own after the one that added it.
    bench->editor()->setFocus();
    QTest::keyClicks(bench->editor(), u"<error/>"_s);
    QCOMPARE(templates().at(u"application/xml"_s), u"<error/>"_s);
    QUndoStack *undo = window().document()->undoStack();
    undo->undo();
    QCOMPARE(templates().at(u"application/xml"_s), QString());
    QCOMPARE(bench->templateText(), QString());
    undo->undo();
    QVERIFY(!templates().contains(u"application/xml"_s));
    QVERIFY(!window().document()->isDirty());
    // The tab stays on the template it showed, listed as one still to be written.
    QCOMPARE(bench->templateChoice()->currentText(), u"404 · application/xml"_s);
    undo->redo();
    QCOMPARE(templates().at(u"application/xml"_s), QString());

    // A content type the part already has is shown, not added again.
    const int steps = undo->index();
    window().contentTypeAnswer = u"application/json"_s;
    QVERIFY(choose(bench, u"Add content type…"_s));
    QCOMPARE(undo->index(), steps);
    QCOMPARE(bench->templateChoice()->currentText(), u"404 · application/json"_s);
    QVERIFY(window().errors.isEmpty());
}

void TestEditorTabs::addContentTypeRefusesANonContentType()
{
    TemplateWorkbench *bench = editPetRequest();
    window().contentTypeAnswer = u"json"_s;
    QVERIFY(choose(bench, u"Add content type…"_s));
    QCOMPARE(window().askedPart, u"the integration request"_s);
    QCOMPARE(window().errors, QStringList {u"Cannot add the template"_s});
    QCOMPARE(integrationOf(window(), u"/pets/{petId}"_s, u"GET"_s).requestTemplates.size(), size_t(1));
    QVERIFY(!window().document()->isDirty());
    QCOMPARE(bench->templateChoice()->currentText(), u"request · application/json"_s);
}

void TestEditorTabs::scratchpadHasNoTemplateBar()
{
    TemplateWorkbench *scratchpad = window().openTemplateScratchpad();
    QVERIFY(!scratchpad->templateChoice()->isVisible());
    QCOMPARE(tabs()->currentWidget(), scratchpad);
    // Two scratchpads are two tabs.
    QVERIFY(window().openTemplateScratchpad() != scratchpad);
    QCOMPARE(tabs()->count(), 3);
}

void TestEditorTabs::screenshot()
{
    const QString directory = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
    if (directory.isEmpty())
        QSKIP("set PORTICO_SCREENSHOT_DIR to save the documentation's screenshots");
    QVERIFY(QDir().mkpath(directory));
    window().resize(1440, 860);
    const QString petId = idOf(window(), u"/pets/{petId}"_s);
    QVERIFY(window().select(petId, u"GET"_s));
    QVERIFY(editPetRequest());
    TemplateWorkbench *bench = window().editIntegrationResponseTemplate(petId, u"GET"_s, u"200"_s, u"application/json"_s);
    QVERIFY(bench);
    // A response template that renders, then fails at run time once edited: the error is
    // underlined where it is, the last good output stays beside it, greyed.
    const QString good = u"#set($pet = $input.path('$'))\n"
                         "## the pet, as the client sees it\n"
                         "{\n"
                         "  \"id\": $input.params('petId'),\n"
                         "  \"name\": \"$util.escapeJavaScript($pet.name)\",\n"
                         "  \"type\": \"dog\"\n"
                         "}\n"_s;
    bench->editor()->selectAll();
    bench->editor()->replaceSelectedText(good);
    QTRY_VERIFY(bench->previewText().contains(u"Rex"_s));
    bench->editor()->selectAll();
    bench->editor()->replaceSelectedText(QString(good).replace(u"$pet.name)"_s, u"$pet.name.substring(9))"_s));
    QTRY_COMPARE(bench->errorLine(), 5);
    QTRY_VERIFY(!bench->isRendering());
    QTest::qWait(100);
    QVERIFY(window().grab().save(QDir(directory).filePath(u"template-workbench.png"_s)));
}

QTEST_MAIN(TestEditorTabs)
#include "tst_editortabs.moc"
