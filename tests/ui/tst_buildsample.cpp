// Issue 6's acceptance test: the PetStore sample's API built from an empty project through the
// real window (keyboard shortcuts, the navigator, the method-execution forms, the parts forms,
// the Deploy dialog), a template edited with its preview followed and undone, then saved, opened
// again and compared. The dialogs that ask for names are answered by the test through the
// window's seams; everything else is the widgets a person uses.
#include "editing/apidocument.h"
#include "editing/projectparts.h"
#include "model/projectfile.h"
#include "widgets/deploydialog.h"
#include "widgets/mainwindow.h"
#include "widgets/methodexecution/methodexecutionview.h"
#include "widgets/methodexecution/methodflowdiagram.h"
#include "widgets/methodexecution/rowtable.h"
#include "widgets/navigator.h"
#include "widgets/parts/modelform.h"
#include "widgets/parts/partsview.h"
#include "workbench/qscintilla.h"
#include "workbench/templateworkbench.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <deque>
#include <set>
#include <tuple>

using portico::editing::PartKind;
using portico::widgets::MainWindow;
using portico::widgets::methodexecution::MethodExecutionView;
using portico::widgets::methodexecution::MethodFlowDiagram;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

// The window with its questions answered from a script, in order; an unexpected question or an
// error box fails the test instead of blocking it.
class ScriptedWindow : public MainWindow
{
public:
    std::deque<QString> answers;
    QString savePath;
    QStringList errors;
    // The Deploy dialog's answers: stage (new) and description.
    QString deployStage;
    QString deployDescription;

protected:
    QString next()
    {
        if (answers.empty()) {
            errors << u"a question nobody expected"_s;
            return QString();
        }
        QString answer = answers.front();
        answers.pop_front();
        return answer;
    }
    std::optional<QString> askPathPart(const QString &) override { return next(); }
    std::optional<QString> askVerb(const QString &, const QStringList &verbs) override
    {
        const QString verb = next();
        if (!verbs.contains(verb))
            errors << u"%1 was not offered"_s.arg(verb);
        return verb;
    }
    std::optional<QString> askPartName(PartKind, const QStringList &) override { return next(); }
    QString askSaveFileName() override { return savePath; }
    QMessageBox::StandardButton askSaveChanges() override { return QMessageBox::Discard; }
    void showErrors(const QString &title, const QString &text, const std::vector<portico::base::Diagnostic> &list) override
    {
        errors << title + u": "_s + text;
        for (const portico::base::Diagnostic &d : list)
            errors << d.toString();
    }
    void runDeployDialog(const QString &stageName) override
    {
        portico::widgets::DeployDialog dialog(document(), this);
        if (!stageName.isEmpty())
            dialog.setStage(stageName);
        dialog.show();
        auto *stage = dialog.findChild<QComboBox *>(u"deployStage"_s);
        auto *name = dialog.findChild<QLineEdit *>(u"newStageName"_s);
        auto *description = dialog.findChild<QLineEdit *>(u"deploymentDescription"_s);
        if (!stage || !name || !description) {
            errors << u"the Deploy dialog has changed"_s;
            return;
        }
        // The new stage is the combo's last entry, "[New stage]".
        stage->setCurrentIndex(stage->count() - 1);
        Q_EMIT stage->activated(stage->count() - 1);
        QTest::keyClicks(name, deployStage);
        QTest::keyClicks(description, deployDescription);
        QTest::keyClick(description, Qt::Key_Return); // Enter deploys
        if (!dialog.problem().isEmpty())
            errors << dialog.problem();
    }
};

template<typename T> T *find(const QObject &parent, const QString &name)
{
    auto *child = parent.findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

// What the comparison with the sample looks at, per method.
using MethodShape = std::tuple<QString, QString, QString, QString, bool, QString>;
std::set<MethodShape> shapeOf(const portico::model::RestApi &api)
{
    std::set<MethodShape> shape;
    for (const portico::model::Resource &resource : api.resources) {
        for (const auto &[verb, method] : resource.methods) {
            const auto model = method.requestModels.find(u"application/json"_s);
            shape.emplace(api.pathOf(resource.id), verb,
                          method.integration ? portico::model::enumName(method.integration->type) : QString(),
                          method.integration ? method.integration->uri : QString(), method.apiKeyRequired,
                          model == method.requestModels.end() ? QString() : model->second);
        }
    }
    return shape;
}

// On the box itself: a check box as wide as its form reacts only near its label.
void clickCheckBox(QCheckBox *box)
{
    QTest::mouseClick(box, Qt::LeftButton, {}, QPoint(8, box->height() / 2));
}

} // namespace

class TestBuildSample : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void buildTheSampleFromAnEmptyProject();

private:
    void addResource(ScriptedWindow &window, const QString &parentPath, const QString &part);
    void addMethod(ScriptedWindow &window, const QString &path, const QString &verb);
    MethodExecutionView *openMethod(ScriptedWindow &window, const QString &path, const QString &verb);
    void setIntegration(ScriptedWindow &window, const QString &path, const QString &verb, const QString &type,
                        const QString &uri);
};

void TestBuildSample::addResource(ScriptedWindow &window, const QString &parentPath, const QString &part)
{
    const portico::model::Resource *parent = window.document()->api().findResourceByPath(parentPath);
    QVERIFY(parent);
    QVERIFY(window.select(parent->id));
    window.answers.push_back(part);
    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
    const QString path = parentPath == u"/"_s ? QString(u"/"_s + part) : QString(parentPath + u"/"_s + part);
    QVERIFY2(window.document()->api().findResourceByPath(path), qPrintable(path));
}

void TestBuildSample::addMethod(ScriptedWindow &window, const QString &path, const QString &verb)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    QVERIFY(resource);
    QVERIFY(window.select(resource->id));
    window.answers.push_back(verb);
    QTest::keyClick(&window, Qt::Key_M, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
    QCOMPARE(window.currentVerb(), verb);
}

MethodExecutionView *TestBuildSample::openMethod(ScriptedWindow &window, const QString &path, const QString &verb)
{
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    if (!resource || !window.select(resource->id, verb))
        return nullptr;
    auto *view = window.findChild<MethodExecutionView *>(u"methodExecution"_s);
    return view && view->isVisible() ? view : nullptr;
}

void TestBuildSample::setIntegration(ScriptedWindow &window, const QString &path, const QString &verb,
                                     const QString &type, const QString &uri)
{
    MethodExecutionView *view = openMethod(window, path, verb);
    QVERIFY(view);
    MethodFlowDiagram *diagram = view->diagram();
    QTest::mouseClick(diagram, Qt::LeftButton, {}, diagram->boxRect(MethodFlowDiagram::Box::Integration).center());
    auto *typeBox = find<QComboBox>(*view, u"integrationType"_s);
    const int index = typeBox->findText(type);
    QVERIFY(index >= 0);
    typeBox->setCurrentIndex(index);
    Q_EMIT typeBox->activated(index);
    auto *uriField = find<QLineEdit>(*view, u"integrationUri"_s);
    QVERIFY(uriField->isEnabled());
    uriField->setFocus();
    QTest::keyClicks(uriField, uri);
    QTest::keyClick(uriField, Qt::Key_Return);
}

void TestBuildSample::buildTheSampleFromAnEmptyProject()
{
    const portico::base::Result<portico::model::Project> sample = portico::model::ProjectFile::load(kSample);
    QVERIFY(sample.ok());
    QTemporaryDir dir;

    ScriptedWindow window;
    window.resize(1300, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier); // File > New
    QCOMPARE(window.document()->api().resources.size(), size_t(1));

    // The resource tree and the methods, by the Edit menu's keys.
    addResource(window, u"/"_s, u"pets"_s);
    addResource(window, u"/pets"_s, u"{petId}"_s);
    addResource(window, u"/"_s, u"{proxy+}"_s);
    addMethod(window, u"/"_s, u"GET"_s);
    addMethod(window, u"/pets"_s, u"GET"_s);
    addMethod(window, u"/pets"_s, u"POST"_s);
    addMethod(window, u"/pets/{petId}"_s, u"GET"_s);
    addMethod(window, u"/pets/{petId}"_s, u"PATCH"_s);
    addMethod(window, u"/{proxy+}"_s, u"ANY"_s);

    // Integrations in the method-execution view.
    setIntegration(window, u"/pets"_s, u"GET"_s, u"HTTP"_s, u"http://petstore-demo-endpoint.execute-api.com/petstore/pets"_s);
    setIntegration(window, u"/{proxy+}"_s, u"ANY"_s, u"HTTP_PROXY"_s, u"${stageVariables.backendUrl}/{proxy}"_s);

    // Models: the section's Add button, then the schema typed into the JSON editor.
    QVERIFY(window.selectPart(PartKind::Model));
    for (const portico::model::Model &model : sample.value().api.models) {
        QVERIFY(window.selectPart(PartKind::Model));
        window.answers.push_back(model.name);
        QTest::mouseClick(window.partsView()->addButton(), Qt::LeftButton);
        auto *form = static_cast<portico::widgets::parts::ModelForm *>(window.partsView()->form(PartKind::Model));
        QCOMPARE(form->key(), model.name);
        auto *description = find<QLineEdit>(*form, u"modelDescription"_s);
        description->setFocus();
        QTest::keyClicks(description, model.description);
        form->schemaEditor()->selectAll();
        form->schemaEditor()->replaceSelectedText(model.schema);
        QCOMPARE(form->schemaStatus(), u"Valid JSON Schema."_s);
    }

    // A request validator, an API key and a usage plan, from their sections.
    QVERIFY(window.selectPart(PartKind::RequestValidator));
    window.answers.push_back(u"Validate body"_s);
    QTest::mouseClick(window.partsView()->addButton(), Qt::LeftButton);
    // A new validator checks both; the sample's checks the body only.
    clickCheckBox(find<QCheckBox>(*window.partsView(), u"validatorParameters"_s));
    QVERIFY(window.document()->api().requestValidators.front().validateRequestBody);
    QVERIFY(!window.document()->api().requestValidators.front().validateRequestParameters);
    QVERIFY(window.selectPart(PartKind::ApiKey));
    window.answers.push_back(u"demo-key"_s);
    QTest::mouseClick(window.partsView()->addButton(), Qt::LeftButton);
    QVERIFY(window.selectPart(PartKind::UsagePlan));
    window.answers.push_back(u"Basic"_s);
    QTest::mouseClick(window.partsView()->addButton(), Qt::LeftButton);
    clickCheckBox(find<QCheckBox>(*window.partsView(), u"planThrottle"_s));
    QVERIFY(window.document()->project().usagePlans.front().throttle);
    auto *keys = find<QListWidget>(*window.partsView(), u"planKeys"_s);
    QCOMPARE(keys->count(), 1);
    keys->item(0)->setCheckState(Qt::Checked);
    QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));

    // POST /pets: API key required, the validator, the Pet model for its body.
    MethodExecutionView *post = openMethod(window, u"/pets"_s, u"POST"_s);
    QVERIFY(post);
    QTest::mouseClick(post->diagram(), Qt::LeftButton, {},
                      post->diagram()->boxRect(MethodFlowDiagram::Box::MethodRequest).center());
    clickCheckBox(find<QCheckBox>(*post, u"apiKeyRequired"_s));
    auto *validator = find<QComboBox>(*post, u"requestValidator"_s);
    const int validatorIndex = validator->findText(u"Validate body"_s);
    QVERIFY(validatorIndex >= 0);
    validator->setCurrentIndex(validatorIndex);
    Q_EMIT validator->activated(validatorIndex);
    QTest::mouseClick(find<QPushButton>(*post, u"requestModelsAdd"_s), Qt::LeftButton);
    auto *modelChoice = find<QComboBox>(*post, u"requestModels_r0c1"_s);
    const int pet = modelChoice->findData(u"Pet"_s);
    QVERIFY(pet >= 0);
    modelChoice->setCurrentIndex(pet);
    Q_EMIT modelChoice->activated(pet);

    // The API as the sample has it, method by method.
    const std::set<MethodShape> built = shapeOf(window.document()->api());
    const std::set<MethodShape> expected = shapeOf(sample.value().api);
    for (const MethodShape &m : expected) {
        QVERIFY2(built.contains(m), qPrintable(u"%1 %2 %3 %4 key=%5 model=%6"_s.arg(std::get<0>(m), std::get<1>(m), std::get<2>(m), std::get<3>(m)).arg(std::get<4>(m)).arg(std::get<5>(m))));
    }
    QCOMPARE(built.size(), expected.size());
    for (const portico::model::Model &model : sample.value().api.models)
        QCOMPARE(window.document()->api().findModel(model.name)->schema, model.schema);

    // Deploy to dev with Run > Deploy API.
    window.deployStage = u"dev"_s;
    window.deployDescription = u"Built by hand"_s;
    QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
    const portico::model::Stage *dev = window.document()->project().findStage(u"dev"_s);
    QVERIFY(dev);
    QCOMPARE(window.document()->project().findDeployment(dev->deploymentId)->snapshot, window.document()->api());

    // A template: its preview follows the typing, and undo brings both back.
    const portico::model::Resource *root = window.document()->api().root();
    QVERIFY(window.select(root->id, u"GET"_s));
    QTest::keyClick(&window, Qt::Key_T, Qt::ControlModifier); // Edit > Edit Request Template
    auto *bench = window.findChild<portico::workbench::TemplateWorkbench *>(u"requestTemplateWorkbench"_s);
    QVERIFY(bench);
    QTRY_VERIFY(!bench->isRendering());
    QCOMPARE(bench->previewText().simplified(), u"{ \"statusCode\": 200 }"_s);
    bench->editor()->setFocus();
    bench->editor()->selectAll();
    QTest::keyClicks(bench->editor(), u"{\"statusCode\": $input.params().size()}"_s);
    QTRY_VERIFY(bench->previewText().contains(u"\"statusCode\": 3"_s));
    QCOMPARE(window.document()->api().root()->methods.at(u"GET"_s).integration->requestTemplates.at(u"application/json"_s),
             u"{\"statusCode\": $input.params().size()}"_s);
    window.document()->undoStack()->undo();
    QTRY_VERIFY(bench->previewText().contains(u"\"statusCode\": 200"_s));
    QCOMPARE(bench->templateText(), u"{\"statusCode\": 200}"_s);

    // Saved, opened in a second window, and the same project.
    window.savePath = dir.filePath(u"petstore.portico.json"_s);
    // File > Save (the workbench may hold the focus, so the menu's action rather than its key).
    find<QAction>(window, u"actionSave"_s)->trigger();
    QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
    QVERIFY(!window.document()->isDirty());
    ScriptedWindow reopened;
    QVERIFY(reopened.openFile(window.savePath));
    QCOMPARE(reopened.document()->project(), window.document()->project());
    QCOMPARE(shapeOf(reopened.document()->api()), expected);
}

QTEST_MAIN(TestBuildSample)
#include "tst_buildsample.moc"
