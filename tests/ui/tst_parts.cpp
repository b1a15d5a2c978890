// The navigator's parts tree and the forms beside it, in the real main window under the offscreen
// platform: sections listed from the sample project, items added, edited by typing and clicking,
// deleted (or refused while in use), deployed, filtered, and every edit undone through Ctrl+Z.
#include "editing/apidocument.h"
#include "editing/projectparts.h"
#include "editing/projectpartsmodel.h"
#include "editing/resourcetreemodel.h"
#include "running/trustedprojects.h"
#include "model/projectfile.h"
#include "widgets/deploymenthistoryview.h"
#include "widgets/mainwindow.h"
#include "widgets/navigator.h"
#include "widgets/methodexecution/rowtable.h"
#include "widgets/parts/modelform.h"
#include "widgets/parts/partsview.h"
#include "widgets/parts/simpleforms.h"
#include "widgets/parts/stageforms.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeView>
#include <QUndoStack>

#include "workbench/qscintilla.h"

using portico::editing::PartKind;
using portico::editing::ProjectPartsModel;
using portico::widgets::MainWindow;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

template<typename T> T *find(const QWidget &parent, const QString &name)
{
    auto *child = parent.findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

void pressUndo(QWidget *focus)
{
    QTest::keyClick(focus, Qt::Key_Z, Qt::ControlModifier);
}

// Every visible row of a tree, depth first, as its display text.
QStringList visibleRows(const QTreeView *tree, const QModelIndex &parent = QModelIndex())
{
    QStringList rows;
    const QAbstractItemModel *model = tree->model();
    for (int row = 0; row < model->rowCount(parent); ++row) {
        const QModelIndex index = model->index(row, 0, parent);
        rows << index.data().toString();
        if (tree->isExpanded(index))
            rows << visibleRows(tree, index);
    }
    return rows;
}

} // namespace

class TestParts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void sectionsListTheProject();
    void selectingAnItemShowsItsForm();
    void oneSelectionAcrossBothTrees();
    void addedModelIsEditedByTypingAndUndone();
    void schemaIsCheckedAsItIsTyped();
    void sampleIsGeneratedAndValidated();
    void modelInUseIsNotDeleted();
    void unusedModelIsDeletedAndRestored();
    void renamedFunctionKeepsItsSelection();
    void stageVariablesAreEdited();
    void stageIsPointedToAnotherDeployment();
    void deployCreatesDeploymentAndStageInOneStep();
    void usagePlanThrottleAndKeys();
    void apiKeyValueIsGenerated();
    void apiKeysAreImportedFromCsv();
    void gatewayResponseIsCustomised();
    void authorizerFormShowsTheFieldsOfItsType();
    void filterShowsMatchesWithTheirAncestors();
    void droppedResourceMovesAndUndoes();
    void deploymentRowOpensTheHistory();
    void functionRunsOnceOnASampleEvent();
    void usagePlanMethodThrottlingAndQuotaOffset();
    void resourcesAndMethodsAreDuplicated();
    void corsIsEnabledOnAResource();
    void darkPaletteScreenshot();

private:
    MainWindow &window() { return *m_window; }
    const portico::model::Project &project() { return m_window->document()->project(); }

    std::unique_ptr<MainWindow> m_window;
};

void TestParts::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestParts::init()
{
    m_window = std::make_unique<MainWindow>();
    m_window->resize(1300, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openFile(kSample));
}

void TestParts::cleanup()
{
    m_window->document()->undoStack()->setClean();
    m_window.reset();
}

void TestParts::sectionsListTheProject()
{
    const ProjectPartsModel *parts = window().navigator()->partsModel();
    QCOMPARE(parts->rowCount(), portico::editing::kPartKindCount);
    QCOMPARE(parts->sectionIndex(PartKind::Model).data().toString(), u"Models (2)"_s);
    QCOMPARE(parts->sectionIndex(PartKind::Stage).data().toString(), u"Stages (2)"_s);
    QCOMPARE(parts->sectionIndex(PartKind::Deployment).data().toString(), u"Deployments (3)"_s);
    // Newest deployment first, with the stages that serve it.
    const QModelIndex newest = parts->index(0, 0, parts->sectionIndex(PartKind::Deployment));
    QCOMPARE(newest.data(ProjectPartsModel::PartKeyRole).toString(), u"dep1oy0003"_s);
    QVERIFY(newest.data().toString().contains(u"[dev]"_s));
    QCOMPARE(parts->indexOf(PartKind::Authorizer, u"auth0wner1"_s).data().toString(), u"PetOwner"_s);
    QCOMPARE(parts->indexOf(PartKind::ApiKey, u"k3ydemo001"_s).data().toString(), u"demo-key"_s);
    QVERIFY(!parts->indexOf(PartKind::Model, u"Nope"_s).isValid());
}

void TestParts::selectingAnItemShowsItsForm()
{
    QTreeView *tree = window().navigator()->partsTree();
    const ProjectPartsModel *parts = window().navigator()->partsModel();
    // A click on the row, as a person selects.
    const QModelIndex pet = tree->model()->index(0, 0, tree->model()->index(int(PartKind::Model), 0));
    QCOMPARE(pet.data().toString(), u"Pet"_s);
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualRect(pet).center());
    QVERIFY(parts->indexOf(PartKind::Model, u"Pet"_s).isValid());
    auto *view = window().partsView();
    QVERIFY(view->isVisible());
    auto *form = static_cast<portico::widgets::parts::ModelForm *>(view->form(PartKind::Model));
    QVERIFY(form->isVisible());
    QCOMPARE(form->key(), u"Pet"_s);
    QCOMPARE(find<QLineEdit>(*form, u"modelDescription"_s)->text(), u"One pet for sale"_s);
    QVERIFY(form->schemaEditor()->text().contains(u"\"price\""_s));

    // A section row shows its page with its Add button.
    QVERIFY(window().selectPart(PartKind::UsagePlan));
    QVERIFY(view->addButton()->isVisible());
    QVERIFY(view->addButton()->text().contains(u"Usage Plan"_s));
}

void TestParts::oneSelectionAcrossBothTrees()
{
    QVERIFY(window().select(window().document()->api().findResourceByPath(u"/pets"_s)->id, u"GET"_s));
    QVERIFY(!window().navigator()->currentPart());
    QVERIFY(window().selectPart(PartKind::Stage, u"dev"_s));
    QVERIFY(window().currentResourceId().isEmpty());
    QCOMPARE(window().navigator()->currentPart()->key, u"dev"_s);
    QVERIFY(window().select(window().document()->api().root()->id));
    QVERIFY(!window().navigator()->currentPart());
}

void TestParts::addedModelIsEditedByTypingAndUndone()
{
    const portico::base::Result<QString> added = window().addPart(PartKind::Model, u"Order"_s);
    QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().toString()));
    QCOMPARE(window().navigator()->currentPart()->key, u"Order"_s);
    const auto *order = portico::editing::findPart<portico::model::Model>(project(), u"Order"_s);
    QVERIFY(order && order->schema.contains(u"draft-04"_s));
    QVERIFY(!window().addPart(PartKind::Model, u"Order"_s).ok()); // a second Order
    QVERIFY(!window().addPart(PartKind::Model, u"Bad name"_s).ok());

    auto *description = find<QLineEdit>(*window().partsView(), u"modelDescription"_s);
    description->setFocus();
    QTest::keyClicks(description, u"An order"_s);
    QCOMPARE(portico::editing::findPart<portico::model::Model>(project(), u"Order"_s)->description, u"An order"_s);
    // The whole burst of typing is one step; the next undoes the add.
    pressUndo(description);
    QCOMPARE(portico::editing::findPart<portico::model::Model>(project(), u"Order"_s)->description, QString());
    pressUndo(description);
    QVERIFY(!portico::editing::findPart<portico::model::Model>(project(), u"Order"_s));
    QCOMPARE(window().navigator()->currentPart()->kind, PartKind::Model);
}

void TestParts::schemaIsCheckedAsItIsTyped()
{
    QVERIFY(window().selectPart(PartKind::Model, u"Pets"_s));
    auto *form = static_cast<portico::widgets::parts::ModelForm *>(window().partsView()->form(PartKind::Model));
    QsciScintilla *editor = form->schemaEditor();
    QCOMPARE(form->schemaStatus(), u"Valid JSON Schema."_s);
    editor->setText(u"{\n  \"type\": \"array\",\n  \"items\": [1,\n}"_s);
    QVERIFY2(form->schemaStatus().startsWith(u"Line 4, column "_s), qPrintable(form->schemaStatus()));
    // Kept as typed: a half-typed schema is never lost.
    QCOMPARE(portico::editing::findPart<portico::model::Model>(project(), u"Pets"_s)->schema, editor->text());
    editor->setText(u"[1, 2]"_s);
    QVERIFY2(form->schemaStatus().contains(u"not array"_s), qPrintable(form->schemaStatus()));
    editor->setText(u"{\"type\": \"array\"}"_s);
    QCOMPARE(form->schemaStatus(), u"Valid JSON Schema."_s);
}

void TestParts::sampleIsGeneratedAndValidated()
{
    QVERIFY(window().selectPart(PartKind::Model, u"Pet"_s));
    auto *form = static_cast<portico::widgets::parts::ModelForm *>(window().partsView()->form(PartKind::Model));
    QTest::mouseClick(find<QPushButton>(*form, u"modelGenerateSample"_s), Qt::LeftButton);
    const QString sample = form->payloadEditor()->toPlainText();
    QVERIFY2(sample.contains(u"\"price\""_s), qPrintable(sample));
    QTest::mouseClick(find<QPushButton>(*form, u"modelValidate"_s), Qt::LeftButton);
    QVERIFY2(form->payloadStatus().startsWith(u"Valid"_s), qPrintable(form->payloadStatus()));
    // The documentation's picture of the model editor (docs/screenshots), when asked for.
    const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
    if (!screenshots.isEmpty()) {
        window().resize(1200, 760);
        QTest::qWait(50);
        QVERIFY(window().grab().save(QDir(screenshots).filePath(u"model-editor.png"_s)));
    }
    form->payloadEditor()->setPlainText(u"{\"type\": \"dog\"}"_s);
    QTest::mouseClick(find<QPushButton>(*form, u"modelValidate"_s), Qt::LeftButton);
    QVERIFY2(form->payloadStatus().contains(u"price"_s), qPrintable(form->payloadStatus()));
    QVERIFY(form->payloadStatus().startsWith(u"Invalid request body"_s));
}

void TestParts::modelInUseIsNotDeleted()
{
    QVERIFY(window().selectPart(PartKind::Model, u"Pet"_s));
    const portico::base::Status status = window().deleteSelection();
    QVERIFY(!status.ok());
    QVERIFY2(status.error().message.contains(u"POST /pets"_s), qPrintable(status.error().toString()));
    QVERIFY(portico::editing::findPart<portico::model::Model>(project(), u"Pet"_s));
    QVERIFY(!window().document()->undoStack()->canUndo());
}

void TestParts::unusedModelIsDeletedAndRestored()
{
    QVERIFY(window().addPart(PartKind::Model, u"Spare"_s).ok());
    const size_t models = project().api.models.size();
    QVERIFY(window().deleteSelection().ok());
    QCOMPARE(project().api.models.size(), models - 1);
    // The selection falls back to the section.
    QVERIFY(window().navigator()->currentPart()->key.isEmpty());
    window().document()->undoStack()->undo();
    QCOMPARE(project().api.models.size(), models);
    QCOMPARE(project().api.models.back().name, u"Spare"_s);
}

void TestParts::renamedFunctionKeepsItsSelection()
{
    QVERIFY(window().selectPart(PartKind::LocalFunction, u"petstore-authorizer"_s));
    auto *name = find<QLineEdit>(*window().partsView(), u"functionName"_s);
    name->setFocus();
    name->end(false);
    QTest::keyClicks(name, u"-v2"_s);
    QVERIFY(portico::editing::findPart<portico::model::LocalFunction>(project(), u"petstore-authorizer-v2"_s));
    QCOMPARE(window().navigator()->currentPart()->key, u"petstore-authorizer-v2"_s);
    QCOMPARE(window().partsView()->form(PartKind::LocalFunction)->key(), u"petstore-authorizer-v2"_s);
    // One rename, one undo step.
    pressUndo(name);
    QVERIFY(portico::editing::findPart<portico::model::LocalFunction>(project(), u"petstore-authorizer"_s));
    QCOMPARE(window().document()->undoStack()->index(), 0);
}

void TestParts::stageVariablesAreEdited()
{
    QVERIFY(window().selectPart(PartKind::Stage, u"dev"_s));
    auto *table = find<portico::widgets::methodexecution::RowTable>(*window().partsView(), u"stageVariablesTable"_s);
    QCOMPARE(table->rowCount(), 2);
    QTest::mouseClick(table->addButton(), Qt::LeftButton);
    auto *nameCell = qobject_cast<QLineEdit *>(table->cell(2, 0));
    auto *valueCell = qobject_cast<QLineEdit *>(table->cell(2, 1));
    QVERIFY(nameCell && valueCell);
    nameCell->setFocus();
    QTest::keyClicks(nameCell, u"region"_s);
    QTest::keyClick(nameCell, Qt::Key_Return);
    valueCell->setFocus();
    QTest::keyClicks(valueCell, u"eu-west-1"_s);
    QTest::keyClick(valueCell, Qt::Key_Return);
    QCOMPARE(project().findStage(u"dev"_s)->variables.at(u"region"_s), u"eu-west-1"_s);
    while (window().document()->undoStack()->canUndo())
        window().document()->undoStack()->undo();
    QVERIFY(!project().findStage(u"dev"_s)->variables.contains(u"region"_s));
}

void TestParts::stageIsPointedToAnotherDeployment()
{
    QVERIFY(window().selectPart(PartKind::Stage, u"dev"_s));
    auto *combo = find<QComboBox>(*window().partsView(), u"stageDeployment"_s);
    QCOMPARE(combo->currentData().toString(), u"dep1oy0003"_s);
    const int older = combo->findData(u"dep1oy0001"_s);
    QVERIFY(older >= 0);
    combo->setCurrentIndex(older);
    Q_EMIT combo->activated(older);
    QCOMPARE(project().findStage(u"dev"_s)->deploymentId, u"dep1oy0001"_s);
    window().document()->undoStack()->undo();
    QCOMPARE(project().findStage(u"dev"_s)->deploymentId, u"dep1oy0003"_s);
    QCOMPARE(combo->currentData().toString(), u"dep1oy0003"_s);
}

void TestParts::deployCreatesDeploymentAndStageInOneStep()
{
    const size_t deployments = project().deployments.size();
    QVERIFY(!window().deployTo(u"bad stage!"_s, QString()).ok());
    QCOMPARE(project().deployments.size(), deployments);
    const portico::base::Result<QString> deployed = window().deployTo(u"test"_s, u"first test"_s);
    QVERIFY(deployed.ok());
    QCOMPARE(project().deployments.size(), deployments + 1);
    QCOMPARE(project().findStage(u"test"_s)->deploymentId, deployed.value());
    QCOMPARE(project().deployments.back().snapshot, project().api);
    QCOMPARE(window().navigator()->currentPart()->key, u"test"_s);
    // Redeploying an existing stage moves it to the new snapshot.
    const portico::base::Result<QString> again = window().deployTo(u"dev"_s, u"again"_s);
    QVERIFY(again.ok());
    QCOMPARE(project().findStage(u"dev"_s)->deploymentId, again.value());
    window().document()->undoStack()->undo();
    QCOMPARE(project().findStage(u"dev"_s)->deploymentId, u"dep1oy0003"_s);
    window().document()->undoStack()->undo();
    QVERIFY(!project().findStage(u"test"_s));
    QCOMPARE(project().deployments.size(), deployments);
    // A served deployment is not deleted.
    QVERIFY(window().selectPart(PartKind::Deployment, u"dep1oy0003"_s));
    const portico::base::Status refused = window().deleteSelection();
    QVERIFY(!refused.ok());
    QVERIFY(refused.error().message.contains(u"stage dev"_s));
}

void TestParts::usagePlanThrottleAndKeys()
{
    QVERIFY(window().addPart(PartKind::ApiKey, u"partner"_s).ok());
    const QString partner = window().navigator()->currentPart()->key;
    QVERIFY(window().selectPart(PartKind::UsagePlan, u"p1anbasic1"_s));
    auto *throttle = find<QCheckBox>(*window().partsView(), u"planThrottle"_s);
    QVERIFY(throttle->isChecked());
    QTest::mouseClick(throttle, Qt::LeftButton);
    QVERIFY(!project().usagePlans.front().throttle);
    auto *keys = find<QListWidget>(*window().partsView(), u"planKeys"_s);
    QCOMPARE(keys->count(), 2);
    QListWidgetItem *item = keys->item(1);
    QCOMPARE(item->text(), u"partner"_s);
    item->setCheckState(Qt::Checked);
    QVERIFY(project().usagePlans.front().apiKeyIds.contains(partner));
    // The key is in a plan now: deleting it is refused until it leaves the plan.
    QVERIFY(window().selectPart(PartKind::ApiKey, partner));
    QVERIFY(!window().deleteSelection().ok());
    window().document()->undoStack()->undo();
    window().document()->undoStack()->undo();
    QVERIFY(project().usagePlans.front().throttle);
}

void TestParts::apiKeyValueIsGenerated()
{
    QVERIFY(window().selectPart(PartKind::ApiKey, u"k3ydemo001"_s));
    const QString before = project().apiKeys.front().value;
    auto *form = static_cast<portico::widgets::parts::ApiKeyForm *>(window().partsView()->form(PartKind::ApiKey));
    QTest::mouseClick(form->generateButton(), Qt::LeftButton);
    const QString after = project().apiKeys.front().value;
    QVERIFY(after != before);
    QCOMPARE(after.size(), 40);
    QCOMPARE(find<QLineEdit>(*form, u"apiKeyValue"_s)->text(), after);
    // Too short to be a key: said on the form, not taken.
    auto *value = find<QLineEdit>(*form, u"apiKeyValue"_s);
    value->setFocus();
    value->selectAll();
    QTest::keyClicks(value, u"short"_s);
    QCOMPARE(project().apiKeys.front().value, after);
    QVERIFY(find<QLabel>(*form, u"partProblem"_s)->isVisible());
}

void TestParts::apiKeysAreImportedFromCsv()
{
    QTemporaryDir dir;
    QFile csv(dir.filePath(u"keys.csv"_s));
    QVERIFY(csv.open(QIODevice::WriteOnly));
    csv.write("Name,Key,Description,Enabled,UsagePlanIds\n"
              "alpha,AlphaKeyValue0123456789abcdef,first,true,p1anbasic1\n"
              "beta,BetaKeyValue0123456789abcdefgh,second,false,\n"
              "broken,short,,,\n");
    csv.close();
    const int steps = window().document()->undoStack()->count();
    // The skipped row is reported through the error seam; the offscreen box would block, so
    // importApiKeys is driven on the real file and the message box is closed by a timer.
    QTimer::singleShot(200, [] {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (auto *box = qobject_cast<QMessageBox *>(w))
                box->accept();
    });
    QVERIFY(window().importApiKeys(csv.fileName()).ok());
    QCOMPARE(project().apiKeys.size(), size_t(3));
    QCOMPARE(project().apiKeys[1].name, u"alpha"_s);
    QVERIFY(!project().apiKeys[2].enabled);
    QVERIFY(project().usagePlans.front().apiKeyIds.contains(project().apiKeys[1].id));
    QCOMPARE(window().document()->undoStack()->count(), steps + 1);
    window().document()->undoStack()->undo();
    QCOMPARE(project().apiKeys.size(), size_t(1));
    QCOMPARE(project().usagePlans.front().apiKeyIds, QStringList {u"k3ydemo001"_s});
}

void TestParts::gatewayResponseIsCustomised()
{
    QVERIFY(!window().addPart(PartKind::GatewayResponse, u"NOT_A_TYPE"_s).ok());
    QVERIFY(window().addPart(PartKind::GatewayResponse, u"THROTTLED"_s).ok());
    auto *status = find<QLineEdit>(*window().partsView(), u"gatewayStatus"_s);
    QVERIFY(status->placeholderText().contains(u"429"_s));
    status->setFocus();
    QTest::keyClicks(status, u"503"_s);
    const auto *response = portico::editing::findPart<portico::model::GatewayResponse>(project(), u"THROTTLED"_s);
    QCOMPARE(response->statusCode, u"503"_s);
    QCOMPARE(response->responseTemplates.at(u"application/json"_s), u"{\"message\":$context.error.messageString}"_s);
}

void TestParts::authorizerFormShowsTheFieldsOfItsType()
{
    QVERIFY(window().selectPart(PartKind::Authorizer, u"auth0wner1"_s));
    auto *view = window().partsView();
    QVERIFY(find<QLineEdit>(*view, u"authorizerUri"_s)->isVisible());
    QVERIFY(find<QLineEdit>(*view, u"authorizerValidation"_s)->isVisible());
    QVERIFY(!find<QLineEdit>(*view, u"authorizerProviders"_s)->isVisible());
    auto *type = find<QComboBox>(*view, u"authorizerType"_s);
    const int cognito = type->findData(u"COGNITO_USER_POOLS"_s);
    type->setCurrentIndex(cognito);
    Q_EMIT type->activated(cognito);
    QCOMPARE(project().api.authorizers.front().type, portico::model::AuthorizerType::CognitoUserPools);
    QVERIFY(!find<QLineEdit>(*view, u"authorizerUri"_s)->isVisible());
    QVERIFY(find<QLineEdit>(*view, u"authorizerProviders"_s)->isVisible());
}

void TestParts::filterShowsMatchesWithTheirAncestors()
{
    auto *navigator = window().navigator();
    QTest::keyClick(&window(), Qt::Key_F, Qt::ControlModifier);
    QVERIFY(navigator->filterBox()->hasFocus());
    QTest::keyClicks(navigator->filterBox(), u"petid get"_s);
    QCOMPARE(visibleRows(navigator->resourceTree()), (QStringList {u"/"_s, u"pets"_s, u"{petId}"_s, u"GET"_s}));
    // No part matches: only the empty sections remain hidden.
    QVERIFY(visibleRows(navigator->partsTree()).isEmpty());
    navigator->setFilterText(u"dev"_s);
    QVERIFY(visibleRows(navigator->partsTree()).contains(u"dev"_s));
    QVERIFY(!visibleRows(navigator->partsTree()).contains(u"prod"_s));
    navigator->setFilterText(QString());
    QCOMPARE(visibleRows(navigator->resourceTree()).size(), 10);
    QVERIFY(visibleRows(navigator->partsTree()).contains(u"prod"_s));
}

void TestParts::droppedResourceMovesAndUndoes()
{
    const portico::model::RestApi &api = window().document()->api();
    const QString petId = api.findResourceByPath(u"/pets/{petId}"_s)->id;
    const QString root = api.root()->id;
    auto *model = window().treeModel();
    std::unique_ptr<QMimeData> data(model->mimeData({model->indexOf(petId)}));
    QVERIFY(data);
    // Not onto itself, its parent or a method row.
    QVERIFY(!model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, model->indexOf(petId)));
    QVERIFY(!model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, model->indexOf(api.findResourceByPath(u"/pets"_s)->id)));
    QVERIFY(!model->canDropMimeData(data.get(), Qt::MoveAction, -1, 0, model->indexOf(root, u"GET"_s)));
    // The greedy {proxy+} at the root refuses a second variable part beside it.
    QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, -1, 0, model->indexOf(root)));
    QTRY_VERIFY(api.findResourceByPath(u"/{petId}"_s) || !window().statusBar()->currentMessage().isEmpty());
    if (api.findResourceByPath(u"/{petId}"_s)) {
        window().document()->undoStack()->undo();
        QVERIFY(api.findResourceByPath(u"/pets/{petId}"_s));
    } else {
        QVERIFY(window().statusBar()->currentMessage().startsWith(u"Cannot move"_s));
    }
    // A plain resource moves, and comes back with one undo.
    const portico::base::Result<QString> orders = window().addChildResource(root, u"orders"_s);
    QVERIFY(orders.ok());
    std::unique_ptr<QMimeData> ordersData(model->mimeData({model->indexOf(orders.value())}));
    QVERIFY(model->dropMimeData(ordersData.get(), Qt::MoveAction, -1, 0,
                                model->indexOf(api.findResourceByPath(u"/pets"_s)->id)));
    QTRY_VERIFY(api.findResourceByPath(u"/pets/orders"_s));
    QCOMPARE(window().currentResourceId(), orders.value());
    window().document()->undoStack()->undo();
    QVERIFY(api.findResourceByPath(u"/orders"_s));
}

void TestParts::deploymentRowOpensTheHistory()
{
    QVERIFY(window().selectPart(PartKind::Deployment, u"dep1oy0002"_s));
    auto *history = find<portico::widgets::DeploymentHistoryView>(window(), u"deploymentHistory"_s);
    QVERIFY(history->isVisible());
    QCOMPARE(history->selectedDeployments(), QStringList {u"dep1oy0002"_s});
    QVERIFY(!history->changes().empty());
    // From a stage's form: the history for that stage.
    QVERIFY(window().selectPart(PartKind::Stage, u"prod"_s));
    QTest::mouseClick(find<QPushButton>(*window().partsView(), u"stageHistory"_s), Qt::LeftButton);
    QVERIFY(history->isVisible());
    QCOMPARE(history->stage(), u"prod"_s);
    QCOMPARE(window().navigator()->currentPart()->kind, PartKind::Deployment);
}

void TestParts::functionRunsOnceOnASampleEvent()
{
    if (QStandardPaths::findExecutable(u"node"_s).isEmpty())
        QSKIP("node is not installed");
    portico::running::TrustedProjects::forget(kSample);
    QVERIFY(window().selectPart(PartKind::LocalFunction, u"petstore-authorizer"_s));
    auto *form = static_cast<portico::widgets::parts::FunctionForm *>(window().partsView()->form(PartKind::LocalFunction));
    int asked = 0;
    bool answer = false;
    form->askTrust = [&](const QString &path) {
        ++asked;
        return path == QFileInfo(kSample).absoluteFilePath() && answer;
    };
    auto *sample = find<QComboBox>(*form, u"functionSample"_s);
    sample->setCurrentIndex(1); // TOKEN authorizer
    Q_EMIT sample->activated(1);
    QVERIFY(form->eventEditor()->toPlainText().contains(u"owner-sam"_s));
    auto *status = find<QLabel>(*form, u"functionResultStatus"_s);

    // Untrusted: asked, refused, nothing runs.
    form->runOnce();
    QCOMPARE(asked, 1);
    QVERIFY(status->text().contains(u"not trusted"_s));

    answer = true;
    QSignalSpy ran(form, &portico::widgets::parts::FunctionForm::ranOnce);
    QTest::mouseClick(find<QPushButton>(*form, u"functionRun"_s), Qt::LeftButton);
    QVERIFY(ran.wait(20000));
    QVERIFY2(status->text().startsWith(u"Succeeded"_s), qPrintable(status->text()));
    QVERIFY(form->resultView()->toPlainText().contains(u"\"principalId\": \"sam\""_s));
    QVERIFY(form->resultView()->toPlainText().contains(u"Allow"_s));

    // Trusted now: not asked again. A token it refuses comes back as Lambda's error.
    form->eventEditor()->setPlainText(form->eventEditor()->toPlainText().replace(u"owner-sam"_s, u"nobody"_s));
    form->runOnce();
    QVERIFY(ran.wait(20000));
    QCOMPARE(asked, 2);
    QVERIFY2(status->text().contains(u"Unauthorized"_s), qPrintable(status->text()));
    QVERIFY(form->resultView()->toPlainText().contains(u"errorMessage"_s));

    // Not JSON: said, not sent.
    form->eventEditor()->setPlainText(u"{oops"_s);
    form->runOnce();
    QVERIFY(status->text().startsWith(u"The event is not JSON"_s));
    portico::running::TrustedProjects::forget(kSample);
}

void TestParts::usagePlanMethodThrottlingAndQuotaOffset()
{
    QVERIFY(window().selectPart(PartKind::UsagePlan, u"p1anbasic1"_s));
    auto *view = window().partsView();
    // The sample's dev stage throttles POST /pets at 1 request a second, burst 2.
    auto *table = find<portico::widgets::methodexecution::RowTable>(*view, u"planMethodThrottleTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->rows().front(), (QStringList {u"dev"_s, u"/pets/POST"_s, u"1"_s, u"2"_s}));
    auto *rate = qobject_cast<QLineEdit *>(table->cell(0, 2));
    rate->setFocus();
    rate->selectAll();
    QTest::keyClicks(rate, u"5"_s);
    QTest::keyClick(rate, Qt::Key_Return);
    const auto &plan = project().usagePlans.front();
    QCOMPARE(plan.apiStages.front().throttle.at(u"/pets/POST"_s).rateLimit, 5.0);
    // A second method, in prod.
    QTest::mouseClick(table->addButton(), Qt::LeftButton);
    auto *stage = qobject_cast<QComboBox *>(table->cell(1, 0));
    stage->setCurrentIndex(stage->findData(u"prod"_s));
    Q_EMIT stage->activated(stage->currentIndex());
    for (const auto &[column, text] : std::vector<std::pair<int, QString>> {{1, u"/pets/GET"_s}, {2, u"100"_s}, {3, u"200"_s}}) {
        auto *cell = qobject_cast<QLineEdit *>(table->cell(1, column));
        cell->setFocus();
        QTest::keyClicks(cell, text);
        QTest::keyClick(cell, Qt::Key_Return);
    }
    QCOMPARE(project().usagePlans.front().apiStages.back().throttle.at(u"/pets/GET"_s).burstLimit, 200);
    // Not a number: said under the table, not taken.
    auto *burst = qobject_cast<QLineEdit *>(table->cell(1, 3));
    burst->setFocus();
    burst->selectAll();
    QTest::keyClicks(burst, u"lots"_s);
    QTest::keyClick(burst, Qt::Key_Return);
    QCOMPARE(project().usagePlans.front().apiStages.back().throttle.at(u"/pets/GET"_s).burstLimit, 200);

    auto *offset = find<QSpinBox>(*view, u"planQuotaOffset"_s);
    QVERIFY(offset->isEnabled());
    offset->setValue(2);
    QCOMPARE(project().usagePlans.front().quota->offset, 2);
    while (window().document()->undoStack()->canUndo())
        window().document()->undoStack()->undo();
    QCOMPARE(project().usagePlans.front(), portico::model::ProjectFile::load(kSample).value().usagePlans.front());
}

void TestParts::resourcesAndMethodsAreDuplicated()
{
    const portico::model::RestApi &api = window().document()->api();
    const QString pets = api.findResourceByPath(u"/pets"_s)->id;
    QVERIFY(window().select(pets));
    QVERIFY(find<QAction>(window(), u"actionDuplicate"_s)->isEnabled());
    const portico::base::Result<QString> copy = window().duplicateResource(pets, u"animals"_s);
    QVERIFY(copy.ok());
    QCOMPARE(window().currentResourceId(), copy.value());
    QVERIFY(api.findResourceByPath(u"/animals/{petId}"_s));
    QCOMPARE(api.findResourceByPath(u"/animals"_s)->methods.size(), api.findResource(pets)->methods.size());
    QVERIFY(!window().duplicateResource(pets, u"animals"_s).ok()); // a sibling has that name
    window().document()->undoStack()->undo();
    QVERIFY(!api.findResourceByPath(u"/animals"_s));

    QVERIFY(window().duplicateMethod(pets, u"GET"_s, u"HEAD"_s).ok());
    QCOMPARE(window().currentVerb(), u"HEAD"_s);
    QCOMPARE(api.findResource(pets)->methods.at(u"HEAD"_s).integration, api.findResource(pets)->methods.at(u"GET"_s).integration);
    QCOMPARE(window().document()->undoStack()->index(), 1); // one step (the undone copy is gone)
    window().document()->undoStack()->undo();
    QVERIFY(!api.findResource(pets)->methods.count(u"HEAD"_s));
    // The root has no siblings to be copied beside.
    QVERIFY(window().select(api.root()->id));
    QVERIFY(!find<QAction>(window(), u"actionDuplicate"_s)->isEnabled());
}

void TestParts::corsIsEnabledOnAResource()
{
    const portico::model::RestApi &api = window().document()->api();
    const QString petId = api.findResourceByPath(u"/pets/{petId}"_s)->id;
    QVERIFY(window().select(petId));
    QVERIFY(find<QAction>(window(), u"actionEnableCors"_s)->isEnabled());
    portico::model::CorsOptions options;
    options.allowOrigin = u"https://example.com"_s;
    const portico::base::Result<portico::model::CorsResult> result = window().enableCors(petId, options);
    QVERIFY(result.ok());
    const portico::model::Method &preflight = api.findResource(petId)->methods.at(u"OPTIONS"_s);
    QCOMPARE(preflight.integration->type, portico::model::IntegrationType::Mock);
    QCOMPARE(api.findResource(petId)->methods.at(u"GET"_s).integration->integrationResponses.at(u"200"_s)
                 .responseParameters.at(u"method.response.header.Access-Control-Allow-Origin"_s),
             u"'https://example.com'"_s);
    // Again with the same options: nothing to undo twice.
    const int steps = window().document()->undoStack()->count();
    QVERIFY(window().enableCors(petId, options).ok());
    QCOMPARE(window().document()->undoStack()->count(), steps);
    window().document()->undoStack()->undo();
    QVERIFY(!api.findResource(petId)->methods.count(u"OPTIONS"_s));
    // On a method row the action is off: CORS is a resource's.
    QVERIFY(window().select(petId, u"GET"_s));
    QVERIFY(!find<QAction>(window(), u"actionEnableCors"_s)->isEnabled());
}

// To look at the window on a dark palette (docs/ui.md: the system palette, dark included): with
// PORTICO_SCREENSHOT_DIR set, saves dark-*.png there; not a picture for the documentation.
void TestParts::darkPaletteScreenshot()
{
    const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
    if (screenshots.isEmpty())
        QSKIP("PORTICO_SCREENSHOT_DIR is not set");
    const QPalette light = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Text, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe0, 0xe0, 0xe0));
    dark.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    dark.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    QApplication::setPalette(dark);
    {
        MainWindow darkWindow;
        darkWindow.resize(1200, 760);
        darkWindow.show();
        QVERIFY(QTest::qWaitForWindowExposed(&darkWindow));
        QVERIFY(darkWindow.openFile(kSample));
        for (const auto &[kind, key, name] : std::vector<std::tuple<PartKind, QString, QString>> {
                 {PartKind::Model, u"Pet"_s, u"dark-model.png"_s}, {PartKind::Stage, u"dev"_s, u"dark-stage.png"_s}}) {
            QVERIFY(darkWindow.selectPart(kind, key));
            QTest::qWait(50);
            QVERIFY(darkWindow.grab().save(QDir(screenshots).filePath(name)));
        }
        QVERIFY(darkWindow.select(darkWindow.document()->api().findResourceByPath(u"/pets/{petId}"_s)->id, u"GET"_s));
        QTest::qWait(50);
        QVERIFY(darkWindow.grab().save(QDir(screenshots).filePath(u"dark-method.png"_s)));
    }
    QApplication::setPalette(light);
}

QTEST_MAIN(TestParts)
#include "tst_parts.moc"
