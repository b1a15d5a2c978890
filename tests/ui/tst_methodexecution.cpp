// The method-execution view in the real main window under the offscreen platform: boxes opened by
// mouse and keyboard, fields typed into, rows added, and every edit undone and redone through the
// window's own Ctrl+Z and Ctrl+Shift+Z.
#include "editing/apidocument.h"
#include "model/method.h"
#include "widgets/mainwindow.h"
#include "widgets/methodexecution/methodexecutionview.h"
#include "widgets/methodexecution/methodflowdiagram.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTest>
#include <QUndoStack>

using portico::model::IntegrationType;
using portico::model::Method;
using portico::widgets::MainWindow;
using portico::widgets::methodexecution::MethodExecutionView;
using portico::widgets::methodexecution::MethodFlowDiagram;
using Box = MethodFlowDiagram::Box;
using namespace Qt::StringLiterals;

namespace {

const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

QString idOf(const MainWindow &window, const QString &path)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    return resource ? resource->id : QString();
}

const Method &methodOf(const MainWindow &window, const QString &path, const QString &verb)
{
    return window.document()->api().findResource(idOf(window, path))->methods.at(verb);
}

template<typename T> T *find(const QWidget &parent, const QString &name)
{
    auto *child = parent.findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

void clickBox(MethodFlowDiagram *diagram, Box box)
{
    QTest::mouseClick(diagram, Qt::LeftButton, {}, diagram->boxRect(box).center());
}

// The window's Edit > Undo and Redo, by their keys, wherever the focus is.
void pressUndo(QWidget *focus)
{
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
}

void pressRedo(QWidget *focus)
{
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
}

} // namespace

class TestMethodExecution : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void selectingAMethodShowsTheView();
    void clickingABoxShowsItsForm_data();
    void clickingABoxShowsItsForm();
    void keyboardMovesBetweenBoxes();
    void boxesSummarizeTheMethod();
    void typingTheUriIsOneUndoStep();
    void uriHintsNameStageVariablesAndParameters();
    void addRequestParameter();
    void invalidParameterIsShownNotSaved();
    void switchIntegrationType();
    void apiKeyAndAuthorizer();
    void addMethodResponseHeader();
    void renameAndAddMethodResponse();
    void integrationResponsePatternAndHeaderMapping();
    void requestTemplateOpensTheWorkbench();
    void replaceMethodCommandMergesOnlyOneField();

private:
    MethodExecutionView *openMethod(const QString &path, const QString &verb);

    std::unique_ptr<MainWindow> m_window;
};

void TestMethodExecution::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestMethodExecution::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1300, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openFile(kSample));
}

void TestMethodExecution::cleanup()
{
    // Discard: the window must not ask about the unsaved edits of a test.
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

MethodExecutionView *TestMethodExecution::openMethod(const QString &path, const QString &verb)
{
    if (!m_window->select(idOf(*m_window, path), verb))
        return nullptr;
    auto *view = m_window->findChild<MethodExecutionView *>(u"methodExecution"_s);
    return view && view->isVisible() ? view : nullptr;
}

void TestMethodExecution::selectingAMethodShowsTheView()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    QCOMPARE(view->verb(), u"GET"_s);
    const QString title = find<QLabel>(*view, u"methodExecutionTitle"_s)->text();
    QVERIFY2(title.contains(u"/pets/{petId}"_s) && title.contains(u"GetPet"_s), qPrintable(title));

    // A resource shows the resource details again.
    QVERIFY(m_window->select(idOf(*m_window, u"/pets"_s)));
    QVERIFY(!view->isVisible());
    QVERIFY(find<QWidget>(*m_window, u"details"_s)->isVisible());
}

void TestMethodExecution::clickingABoxShowsItsForm_data()
{
    QTest::addColumn<int>("boxIndex");
    QTest::addColumn<QString>("form");
    QTest::addColumn<QString>("field");
    QTest::newRow("method request")
        << int(Box::MethodRequest) << u"methodRequestForm"_s << u"authorizationType"_s;
    QTest::newRow("integration request")
        << int(Box::IntegrationRequest) << u"integrationRequestForm"_s << u"integrationUri"_s;
    QTest::newRow("integration") << int(Box::Integration) << u"integrationRequestForm"_s
                                 << u"integrationType"_s;
    QTest::newRow("integration response")
        << int(Box::IntegrationResponse) << u"integrationResponseForm"_s << u"selectionPattern"_s;
    QTest::newRow("method response")
        << int(Box::MethodResponse) << u"methodResponseForm"_s << u"methodResponseStatus"_s;
}

void TestMethodExecution::clickingABoxShowsItsForm()
{
    QFETCH(int, boxIndex);
    const Box box = Box(boxIndex);
    QFETCH(QString, form);
    QFETCH(QString, field);
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    // Start from another box, so that the click is what changes the form.
    view->openBox(box == Box::MethodResponse ? Box::MethodRequest : Box::MethodResponse);

    clickBox(view->diagram(), box);
    QCOMPARE(view->currentBox(), box);
    auto *forms = find<QStackedWidget>(*view, u"methodForms"_s);
    QCOMPARE(forms->currentWidget()->objectName(), form);
    auto *shown = find<QWidget>(*forms->currentWidget(), field);
    QVERIFY(shown);
    QVERIFY(shown->isVisible());
}

void TestMethodExecution::keyboardMovesBetweenBoxes()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    MethodFlowDiagram *diagram = view->diagram();
    auto *forms = find<QStackedWidget>(*view, u"methodForms"_s);
    clickBox(diagram, Box::MethodRequest);

    QTest::keyClick(diagram, Qt::Key_Down);
    QCOMPARE(diagram->focusBox(), Box::MethodResponse);
    QCOMPARE(view->currentBox(), Box::MethodRequest); // moving the focus opens nothing
    QTest::keyClick(diagram, Qt::Key_Return);
    QCOMPARE(forms->currentWidget()->objectName(), u"methodResponseForm"_s);

    QTest::keyClick(diagram, Qt::Key_Right);
    QCOMPARE(diagram->focusBox(), Box::IntegrationResponse);
    QTest::keyClick(diagram, Qt::Key_Space);
    QCOMPARE(forms->currentWidget()->objectName(), u"integrationResponseForm"_s);

    QTest::keyClick(diagram, Qt::Key_Up);
    QTest::keyClick(diagram, Qt::Key_Left);
    QCOMPARE(diagram->focusBox(), Box::MethodRequest);

    // Tab walks the boxes in flow order while the drawing has the focus.
    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    diagram->setFocus();
    QTRY_VERIFY(diagram->hasFocus());
    QTest::keyClick(diagram, Qt::Key_Tab);
    QCOMPARE(diagram->focusBox(), Box::IntegrationRequest);
    QTest::keyClick(diagram, Qt::Key_Tab);
    QTest::keyClick(diagram, Qt::Key_Enter);
    QCOMPARE(view->currentBox(), Box::Integration);
}

void TestMethodExecution::boxesSummarizeTheMethod()
{
    MethodExecutionView *view = openMethod(u"/pets"_s, u"GET"_s);
    QVERIFY(view);
    const QStringList integration = view->diagram()->lines(Box::Integration);
    QVERIFY2(integration.join(u'|').contains(
                 u"HTTP GET|http://petstore-demo-endpoint.execute-api.com/petstore/pets"_s),
             qPrintable(integration.join(u'|')));
    QVERIFY(view->diagram()->lines(Box::MethodRequest).join(u'|').contains(u"Auth: NONE"_s));
}

void TestMethodExecution::typingTheUriIsOneUndoStep()
{
    MethodExecutionView *view = openMethod(u"/pets"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::IntegrationRequest);
    const QString before = methodOf(*m_window, u"/pets"_s, u"GET"_s).integration->uri;
    QUndoStack *stack = m_window->document()->undoStack();
    const int steps = stack->count();

    m_window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    auto *uri = find<QLineEdit>(*view, u"integrationUri"_s);
    uri->setFocus();
    QTRY_VERIFY(uri->hasFocus());
    uri->selectAll();
    QTest::keyClicks(uri, u"https://${stageVariables.host}/v2/pets"_s);

    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).integration->uri,
             u"https://${stageVariables.host}/v2/pets"_s);
    QCOMPARE(stack->count(), steps + 1); // a burst of typing is one step
    QVERIFY(m_window->isWindowModified());
    QVERIFY(view->diagram()
                ->lines(Box::Integration)
                .contains(u"https://${stageVariables.host}/v2/pets"_s));

    pressUndo(uri);
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).integration->uri, before);
    QCOMPARE(uri->text(), before); // the form follows the model
    QCOMPARE(stack->index(), steps);
    // The document's undo, not the line edit's own (which would leave nothing to redo).
    QVERIFY(stack->canRedo());

    pressRedo(uri);
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).integration->uri,
             u"https://${stageVariables.host}/v2/pets"_s);
    QCOMPARE(uri->text(), u"https://${stageVariables.host}/v2/pets"_s);
}

void TestMethodExecution::uriHintsNameStageVariablesAndParameters()
{
    MethodExecutionView *view = openMethod(u"/pets"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::IntegrationRequest);
    auto *uri = find<QLineEdit>(*view, u"integrationUri"_s);
    auto *problem = find<QLabel>(*view, u"integrationUriProblem"_s);
    uri->selectAll();
    QTest::keyClicks(uri, u"${stageVariables.backend}/pets/{petId}"_s);
    const QString hints = find<QLabel>(*view, u"integrationUriHints"_s)->text();
    QVERIFY2(hints.contains(u"Stage variables: backend"_s) && hints.contains(u"{petId}"_s),
             qPrintable(hints));
    // {petId} is not mapped: the problem is shown beside the field, the text is kept.
    QVERIFY(problem->isVisible());
    QVERIFY2(problem->text().contains(u"integration.request.path.petId"_s),
             qPrintable(problem->text()));

    uri->selectAll();
    QTest::keyClicks(uri, u"ftp://nope"_s);
    QVERIFY2(problem->text().contains(u"http://"_s), qPrintable(problem->text()));
    uri->selectAll();
    QTest::keyClicks(uri, u"http://ok.example/pets"_s);
    QVERIFY(!problem->isVisible());
}

void TestMethodExecution::addRequestParameter()
{
    MethodExecutionView *view = openMethod(u"/pets"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::MethodRequest);
    const auto before = methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters;
    QVERIFY(!before.contains(u"method.request.header.x-trace"_s));

    QTest::mouseClick(find<QPushButton>(*view, u"requestParametersAdd"_s), Qt::LeftButton);
    const int row = int(before.size());
    // A row without a name is not a parameter yet.
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters, before);
    auto *location = find<QComboBox>(*view, u"requestParameters_r%1c0"_s.arg(row));
    auto *name = find<QLineEdit>(*view, u"requestParameters_r%1c1"_s.arg(row));
    QVERIFY(location && name);
    location->setCurrentIndex(location->findData(u"header"_s));
    QTest::keyClicks(name, u"x-trace"_s);
    QTest::keyClick(name, Qt::Key_Return);

    auto after = methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters;
    QCOMPARE(after.size(), before.size() + 1);
    QCOMPARE(after.at(u"method.request.header.x-trace"_s), false);

    // Required, by its check box.
    QWidget *required = nullptr;
    for (int r = 0; r <= row; ++r) {
        if (find<QLineEdit>(*view, u"requestParameters_r%1c1"_s.arg(r))->text() == u"x-trace"_s)
            required = find<QCheckBox>(*view, u"requestParameters_r%1c2"_s.arg(r));
    }
    QVERIFY(required);
    QTest::mouseClick(required, Qt::LeftButton, {}, QPoint(8, required->height() / 2));
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s)
                 .requestParameters.at(u"method.request.header.x-trace"_s),
             true);

    pressUndo(view->diagram());
    pressUndo(view->diagram());
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters, before);
    // The rows follow: the added one is gone.
    const QRegularExpression nameCell(u"^requestParameters_r\\d+c1$"_s);
    QCOMPARE(view->findChildren<QLineEdit *>(nameCell).size(), qsizetype(before.size()));
}

void TestMethodExecution::invalidParameterIsShownNotSaved()
{
    MethodExecutionView *view = openMethod(u"/pets"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::MethodRequest);
    const auto before = methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters;
    const int steps = m_window->document()->undoStack()->count();

    QTest::mouseClick(find<QPushButton>(*view, u"requestParametersAdd"_s), Qt::LeftButton);
    auto *name = find<QLineEdit>(*view, u"requestParameters_r%1c1"_s.arg(before.size()));
    QTest::keyClicks(name, u"has space"_s);
    QTest::keyClick(name, Qt::Key_Return);

    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).requestParameters, before);
    QCOMPARE(m_window->document()->undoStack()->count(), steps);
    auto *problem = find<QLabel>(*view, u"requestParametersProblem"_s);
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"has space is not a valid parameter name."_s);
}

void TestMethodExecution::switchIntegrationType()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::Integration);
    auto *type = find<QComboBox>(*view, u"integrationType"_s);
    auto *uri = find<QLineEdit>(*view, u"integrationUri"_s);
    QCOMPARE(type->currentText(), u"MOCK"_s);
    QVERIFY(!uri->isEnabled()); // a MOCK integration calls nothing

    // Chosen by keyboard, as a person would: Down moves to HTTP and activates it.
    QTest::keyClick(type, Qt::Key_Down);
    const auto &integration = *methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).integration;
    QCOMPARE(integration.type, IntegrationType::Http);
    QCOMPARE(integration.httpMethod, u"GET"_s); // filled in from the method
    QVERIFY(uri->isEnabled());
    QVERIFY(find<QLabel>(*view, u"integrationUriProblem"_s)->text().contains(u"needs a URI"_s));
    QVERIFY(view->diagram()->lines(Box::Integration).join(u' ').contains(u"HTTP GET"_s));

    pressUndo(view->diagram());
    QCOMPARE(methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).integration->type,
             IntegrationType::Mock);
    QCOMPARE(type->currentText(), u"MOCK"_s);
    QVERIFY(methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).integration->httpMethod.isEmpty());
}

void TestMethodExecution::apiKeyAndAuthorizer()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::MethodRequest);
    auto *apiKey = find<QCheckBox>(*view, u"apiKeyRequired"_s);
    QTest::mouseClick(apiKey, Qt::LeftButton, {}, QPoint(8, apiKey->height() / 2));
    QVERIFY(methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).apiKeyRequired);

    auto *type = find<QComboBox>(*view, u"authorizationType"_s);
    auto *authorizer = find<QComboBox>(*view, u"authorizer"_s);
    auto *problem = find<QLabel>(*view, u"authorizerProblem"_s);
    QVERIFY(!authorizer->isEnabled());
    type->setCurrentIndex(type->findData(u"CUSTOM"_s));
    Q_EMIT type->activated(type->currentIndex());
    QVERIFY(authorizer->isEnabled());
    QCOMPARE(problem->text(), u"CUSTOM needs an authorizer."_s);
    authorizer->setCurrentIndex(authorizer->findData(u"auth0wner1"_s));
    Q_EMIT authorizer->activated(authorizer->currentIndex());
    const Method &method = methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s);
    QCOMPARE(method.authorizerId, u"auth0wner1"_s);
    QVERIFY(!problem->isVisible());
    QVERIFY(view->diagram()->lines(Box::MethodRequest).contains(u"Auth: CUSTOM (PetOwner)"_s));
}

void TestMethodExecution::addMethodResponseHeader()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::MethodResponse);
    auto *list = find<QListWidget>(*view, u"methodResponseList"_s);
    QCOMPARE(list->count(), 2); // 200 and 404
    QCOMPARE(list->currentItem()->text(), u"200"_s);

    QTest::mouseClick(find<QPushButton>(*view, u"methodResponseHeadersAdd"_s), Qt::LeftButton);
    auto *name = find<QLineEdit>(*view, u"methodResponseHeaders_r0c0"_s);
    QTest::keyClicks(name, u"X-Rate-Limit"_s);
    QTest::keyClick(name, Qt::Key_Return);
    const auto &headers = methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s)
                              .methodResponses.at(u"200"_s)
                              .responseParameters;
    QCOMPARE(headers.size(), size_t(1));
    QCOMPARE(headers.at(u"method.response.header.X-Rate-Limit"_s), false);

    // The integration response's header mapping for it is then declared.
    clickBox(view->diagram(), Box::IntegrationResponse);
    QTest::mouseClick(find<QPushButton>(*view, u"responseHeaderMappingsAdd"_s), Qt::LeftButton);
    auto *header = find<QLineEdit>(*view, u"responseHeaderMappings_r0c0"_s);
    auto *source = find<QLineEdit>(*view, u"responseHeaderMappings_r0c1"_s);
    QTest::keyClicks(header, u"X-Rate-Limit"_s);
    QTest::keyClick(header, Qt::Key_Return);
    QTest::keyClicks(source, u"'100'"_s);
    QTest::keyClick(source, Qt::Key_Return);
    const auto &mapped = methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s)
                             .integration->integrationResponses.at(u"200"_s)
                             .responseParameters;
    QCOMPARE(mapped.at(u"method.response.header.X-Rate-Limit"_s), u"'100'"_s);
    QVERIFY(!find<QLabel>(*view, u"responseHeaderMappingsProblem"_s)->isVisible());
}

void TestMethodExecution::renameAndAddMethodResponse()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::MethodResponse);
    QTest::mouseClick(find<QPushButton>(*view, u"methodResponseAdd"_s), Qt::LeftButton);
    auto responses = methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).methodResponses;
    QCOMPARE(responses.size(), size_t(3));
    QVERIFY(responses.contains(u"400"_s));

    auto *status = find<QLineEdit>(*view, u"methodResponseStatus"_s);
    QCOMPARE(status->text(), u"400"_s); // the new response is the one shown
    status->selectAll();
    QTest::keyClicks(status, u"404"_s);
    QTest::keyClick(status, Qt::Key_Return);
    QVERIFY(find<QLabel>(*view, u"methodResponseStatusProblem"_s)->text().contains(u"already"_s));
    status->selectAll();
    QTest::keyClicks(status, u"429"_s);
    QTest::keyClick(status, Qt::Key_Return);
    responses = methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s).methodResponses;
    QVERIFY(responses.contains(u"429"_s) && !responses.contains(u"400"_s));
    QCOMPARE(responses.at(u"429"_s).statusCode, u"429"_s);
}

void TestMethodExecution::integrationResponsePatternAndHeaderMapping()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::IntegrationResponse);
    auto *list = find<QListWidget>(*view, u"integrationResponseList"_s);
    QCOMPARE(list->count(), 2);
    list->setCurrentRow(1);
    auto *pattern = find<QLineEdit>(*view, u"selectionPattern"_s);
    QCOMPARE(pattern->text(), u"404"_s);
    QTest::keyClicks(pattern, u"|410"_s);
    QCOMPARE(methodOf(*m_window, u"/pets/{petId}"_s, u"GET"_s)
                 .integration->integrationResponses.at(u"404"_s)
                 .selectionPattern,
             u"404|410"_s);
    QTest::keyClicks(pattern, u"("_s);
    QVERIFY(find<QLabel>(*view, u"selectionPatternProblem"_s)->isVisible());
    QCOMPARE(list->currentRow(), 1); // the selection survives the refresh
}

void TestMethodExecution::requestTemplateOpensTheWorkbench()
{
    MethodExecutionView *view = openMethod(u"/pets/{petId}"_s, u"GET"_s);
    QVERIFY(view);
    clickBox(view->diagram(), Box::IntegrationRequest);
    QCOMPARE(find<QLineEdit>(*view, u"requestTemplates_r0c0"_s)->text(), u"application/json"_s);
    QTest::mouseClick(find<QWidget>(*view, u"requestTemplates_r0Edit"_s), Qt::LeftButton);
    QTRY_VERIFY(m_window->findChild<QWidget *>(u"requestTemplateWorkbench"_s));

    clickBox(view->diagram(), Box::IntegrationResponse);
    find<QListWidget>(*view, u"integrationResponseList"_s)->setCurrentRow(1);
    QTest::mouseClick(find<QWidget>(*view, u"responseTemplates_r0Edit"_s), Qt::LeftButton);
    auto *bench = m_window->findChild<QWidget *>(u"responseTemplateWorkbench"_s);
    QVERIFY(bench);
    QVERIFY2(bench->windowTitle().contains(u"integration response 404"_s),
             qPrintable(bench->windowTitle()));
}

void TestMethodExecution::replaceMethodCommandMergesOnlyOneField()
{
    portico::editing::ApiDocument *document = m_window->document();
    const QString id = idOf(*m_window, u"/pets"_s);
    Method method = methodOf(*m_window, u"/pets"_s, u"GET"_s);
    const Method original = method;
    const int steps = document->undoStack()->count();

    method.integration->uri = u"http://a"_s;
    QVERIFY(document->replaceMethod(id, u"GET"_s, method, u"uri"_s, u"uri"_s).ok());
    method.integration->uri = u"http://ab"_s;
    QVERIFY(document->replaceMethod(id, u"GET"_s, method, u"uri"_s, u"uri"_s).ok());
    QCOMPARE(document->undoStack()->count(), steps + 1);
    method.apiKeyRequired = true;
    QVERIFY(document->replaceMethod(id, u"GET"_s, method, u"key"_s).ok());
    QCOMPARE(document->undoStack()->count(), steps + 2);

    // A method keeps its verb.
    Method renamed = method;
    renamed.httpMethod = u"PUT"_s;
    QVERIFY(!document->replaceMethod(id, u"GET"_s, renamed, u"verb"_s).ok());
    QCOMPARE(document->undoStack()->count(), steps + 2);

    document->undoStack()->undo();
    document->undoStack()->undo();
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s), original);
    document->undoStack()->redo();
    QCOMPARE(methodOf(*m_window, u"/pets"_s, u"GET"_s).integration->uri, u"http://ab"_s);
}

QTEST_MAIN(TestMethodExecution)
#include "tst_methodexecution.moc"
