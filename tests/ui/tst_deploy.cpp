// The Deploy dialog and the deployment history over the PetStore sample, driven through their
// widgets under the offscreen platform: a deploy to a new or an existing stage and its undo, the
// stage name checked as it is typed, the changes about to go live, a stage pointed back and
// forward, two deployments compared, and a served deployment's deletion refused in place.
// With PORTICO_SCREENSHOT_DIR set (and a real display, such as xvfb-run), screenshots() saves the
// documentation's pictures of both.
#include "editing/apidocument.h"
#include "widgets/apichangesview.h"
#include "widgets/deploydialog.h"
#include "widgets/deploymenthistoryview.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

using portico::editing::ApiDocument;
using portico::widgets::ApiChangesView;
using portico::widgets::DeployDialog;
using portico::widgets::DeploymentHistoryView;
using namespace Qt::StringLiterals;

namespace {

const QString kSample = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");
// The sample's deployments, oldest first; dev serves the third, prod the first.
const QString kFirst = u"dep1oy0001"_s;
const QString kSecond = u"dep1oy0002"_s;
const QString kThird = u"dep1oy0003"_s;

template<typename T> T *find(const QWidget &parent, const QString &name)
{
    auto *child = parent.findChild<T *>(name);
    if (!child)
        qWarning("no %s named %s", T::staticMetaObject.className(), qPrintable(name));
    return child;
}

QString stageDeployment(const ApiDocument &document, const QString &stage)
{
    const portico::model::Stage *found = document.project().findStage(stage);
    return found ? found->deploymentId : QString();
}

QTreeWidgetItem *rowOf(QTreeWidget *list, const QString &text)
{
    const QList<QTreeWidgetItem *> items = list->findItems(text, Qt::MatchExactly, 0);
    return items.isEmpty() ? nullptr : items.constFirst();
}

void clickRow(QTreeWidget *list, const QString &text, Qt::KeyboardModifiers modifiers = {})
{
    QTreeWidgetItem *item = rowOf(list, text);
    QVERIFY2(item, qPrintable(text));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, modifiers, list->visualItemRect(item).center());
}

// "[New stage]" is the combo's last entry: End picks it, as a keyboard user would.
void chooseNewStage(QComboBox *stage)
{
    stage->setFocus();
    QTest::keyClick(stage, Qt::Key_End);
}

} // namespace

class TestDeploy : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void deployToANewStageAndUndo();
    void newStageNameIsCheckedAsTyped_data();
    void newStageNameIsCheckedAsTyped();
    void deployToAnExistingStage();
    void summaryListsTheChangesAboutToGoLive();
    void firstDeploymentOfAnApi();
    void historyListsDeploymentsNewestFirst();
    void pointStageToAnOlderDeploymentAndUndo();
    void diffBetweenTwoDeployments();
    void diffOfOneDeploymentAndOfTheDraft();
    void deletingAServedDeploymentIsRefusedInPlace();
    void deleteAnUnservedDeploymentAndUndo();
    void historyFollowsADeploy();
    void hiddenHistoryCatchesUpWhenShown();
    void screenshots();

private:
    std::unique_ptr<DeployDialog> openDialog();
    std::unique_ptr<DeploymentHistoryView> openHistory();

    std::unique_ptr<ApiDocument> m_document;
};

void TestDeploy::init()
{
    m_document = std::make_unique<ApiDocument>();
    const portico::base::Status loaded = m_document->load(kSample);
    QVERIFY(loaded.ok());
}

void TestDeploy::cleanup()
{
    m_document.reset();
}

std::unique_ptr<DeployDialog> TestDeploy::openDialog()
{
    auto dialog = std::make_unique<DeployDialog>(m_document.get());
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return nullptr;
    return dialog;
}

std::unique_ptr<DeploymentHistoryView> TestDeploy::openHistory()
{
    auto history = std::make_unique<DeploymentHistoryView>(m_document.get());
    history->resize(900, 640);
    history->show();
    if (!QTest::qWaitForWindowExposed(history.get()))
        return nullptr;
    return history;
}

void TestDeploy::deployToANewStageAndUndo()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    const size_t deploymentsBefore = m_document->project().deployments.size();
    const int stepsBefore = m_document->undoStack()->count();

    chooseNewStage(find<QComboBox>(*dialog, u"deployStage"_s));
    QVERIFY(dialog->isNewStage());
    auto *name = find<QLineEdit>(*dialog, u"newStageName"_s);
    QVERIFY(name->isVisible());
    QTest::keyClicks(name, u"beta"_s);
    QTest::keyClicks(find<QLineEdit>(*dialog, u"newStageDescription"_s), u"Try-outs"_s);
    QTest::keyClicks(find<QLineEdit>(*dialog, u"deploymentDescription"_s), u"Beta for partners"_s);
    QSignalSpy deployed(dialog.get(), &DeployDialog::deployed);
    // Enter deploys, wherever the focus is in the form.
    QTest::keyClick(find<QLineEdit>(*dialog, u"deploymentDescription"_s), Qt::Key_Return);

    QCOMPARE(dialog->result(), int(QDialog::Accepted));
    QCOMPARE(deployed.count(), 1);
    const QString id = dialog->deploymentId();
    QCOMPARE(deployed.at(0).at(0).toString(), u"beta"_s);
    QCOMPARE(deployed.at(0).at(1).toString(), id);
    const portico::model::Deployment *deployment = m_document->project().findDeployment(id);
    QVERIFY(deployment);
    QCOMPARE(deployment->description, u"Beta for partners"_s);
    QCOMPARE(deployment->snapshot, m_document->api());
    const portico::model::Stage *beta = m_document->project().findStage(u"beta"_s);
    QVERIFY(beta);
    QCOMPARE(beta->deploymentId, id);
    QCOMPARE(beta->description, u"Try-outs"_s);
    QCOMPARE(m_document->undoStack()->count(), stepsBefore + 1);

    m_document->undoStack()->undo();
    QVERIFY(!m_document->project().findStage(u"beta"_s));
    QVERIFY(!m_document->project().findDeployment(id));
    QCOMPARE(m_document->project().deployments.size(), deploymentsBefore);
}

void TestDeploy::newStageNameIsCheckedAsTyped_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<bool>("deployable");
    QTest::addColumn<QString>("shownProblem");

    QTest::newRow("empty waits quietly") << QString() << false << QString();
    QTest::newRow("good") << u"beta_2-x"_s << true << QString();
    const QString rule = u"stage names may only contain letters, digits, hyphens and underscores (at most 128)"_s;
    QTest::newRow("space") << u"be ta"_s << false << rule;
    QTest::newRow("existing") << u"dev"_s << false << u"There is already a stage dev: choose it above to deploy to it."_s;
    QTest::newRow("too long") << QString(129, u'a') << false << rule;
}

void TestDeploy::newStageNameIsCheckedAsTyped()
{
    QFETCH(QString, typed);
    QFETCH(bool, deployable);
    QFETCH(QString, shownProblem);
    const auto dialog = openDialog();
    QVERIFY(dialog);
    chooseNewStage(find<QComboBox>(*dialog, u"deployStage"_s));
    QTest::keyClicks(find<QLineEdit>(*dialog, u"newStageName"_s), typed);

    auto *deploy = find<QPushButton>(*dialog, u"deployButton"_s);
    auto *problem = find<QLabel>(*dialog, u"newStageProblem"_s);
    QCOMPARE(deploy->isEnabled(), deployable);
    QCOMPARE(problem->isVisible(), !shownProblem.isEmpty());
    if (!shownProblem.isEmpty())
        QCOMPARE(problem->text(), shownProblem);

    // Enter (the default button) on a refused name deploys nothing and keeps the dialog open.
    const size_t deploymentsBefore = m_document->project().deployments.size();
    if (!deployable) {
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QCOMPARE(m_document->project().deployments.size(), deploymentsBefore);
        QVERIFY(problem->isVisible());
        QCOMPARE(problem->text(), dialog->problem());
    }
}

void TestDeploy::deployToAnExistingStage()
{
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setStage(u"prod"_s);
    QVERIFY(!dialog->isNewStage());
    QCOMPARE(dialog->stageName(), u"prod"_s);
    QVERIFY(!find<QLineEdit>(*dialog, u"newStageName"_s)->isVisible());
    QTest::keyClicks(find<QLineEdit>(*dialog, u"deploymentDescription"_s), u"Catch prod up"_s);
    QTest::mouseClick(find<QPushButton>(*dialog, u"deployButton"_s), Qt::LeftButton);

    QVERIFY(!dialog->isVisible());
    const QString id = dialog->deploymentId();
    QVERIFY(!id.isEmpty());
    QCOMPARE(stageDeployment(*m_document, u"prod"_s), id);
    QCOMPARE(stageDeployment(*m_document, u"dev"_s), kThird);
    // The existing stage keeps its own description.
    QCOMPARE(m_document->project().findStage(u"prod"_s)->description, u"What customers use"_s);

    m_document->undoStack()->undo();
    QCOMPARE(stageDeployment(*m_document, u"prod"_s), kFirst);
    QVERIFY(!m_document->project().findDeployment(id));
}

void TestDeploy::summaryListsTheChangesAboutToGoLive()
{
    const QString pets = m_document->api().findResourceByPath(u"/pets"_s)->id;
    QVERIFY(m_document->addMethod(pets, u"PUT"_s).ok());

    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setStage(u"dev"_s);
    const size_t devChanges = dialog->changes().size();
    QVERIFY(devChanges >= 1);
    const QString summary = find<QLabel>(*dialog, u"deploySummary"_s)->text();
    QVERIFY2(summary.startsWith(QString::number(devChanges) + u" change"_s), qPrintable(summary));
    QVERIFY2(summary.contains(kThird) && summary.contains(u"which stage dev serves now"_s), qPrintable(summary));
    const QString listed = find<ApiChangesView>(*dialog, u"deployChanges"_s)->toPlainText();
    QVERIFY2(listed.contains(u"+ PUT /pets: "_s), qPrintable(listed));

    // prod serves the first deployment: more has changed since, POST /pets among it.
    QTest::keyClick(find<QComboBox>(*dialog, u"deployStage"_s), Qt::Key_Down);
    QCOMPARE(dialog->stageName(), u"prod"_s);
    QVERIFY(dialog->changes().size() > devChanges);
    QVERIFY(find<QLabel>(*dialog, u"deploySummary"_s)->text().contains(kFirst));
    QVERIFY(find<ApiChangesView>(*dialog, u"deployChanges"_s)->toPlainText().contains(u"+ POST /pets: "_s));

    // A new stage compares with the newest deployment.
    chooseNewStage(find<QComboBox>(*dialog, u"deployStage"_s));
    QTest::keyClicks(find<QLineEdit>(*dialog, u"newStageName"_s), u"qa"_s);
    QVERIFY2(dialog->summary().startsWith(u"Stage qa serves nothing yet. "_s), qPrintable(dialog->summary()));
    QVERIFY(dialog->summary().contains(kThird));
    QCOMPARE(dialog->changes().size(), devChanges);
}

void TestDeploy::firstDeploymentOfAnApi()
{
    m_document->newProject(u"Fresh"_s);
    const auto dialog = openDialog();
    QVERIFY(dialog);
    QVERIFY(dialog->isNewStage());
    QCOMPARE(dialog->summary(), u"The API's first deployment: all of it goes live."_s);
    QTest::keyClicks(find<QLineEdit>(*dialog, u"newStageName"_s), u"dev"_s);
    dialog->accept();
    QCOMPARE(stageDeployment(*m_document, u"dev"_s), dialog->deploymentId());
}

void TestDeploy::historyListsDeploymentsNewestFirst()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    QCOMPARE(list->topLevelItemCount(), 4);
    QCOMPARE(list->topLevelItem(0)->text(0), u"Draft"_s);
    QCOMPARE(list->topLevelItem(1)->text(0), kThird);
    QCOMPARE(list->topLevelItem(2)->text(0), kSecond);
    QCOMPARE(list->topLevelItem(3)->text(0), kFirst);
    QCOMPARE(list->topLevelItem(1)->text(3), u"dev"_s);
    QCOMPARE(list->topLevelItem(2)->text(3), QString());
    QCOMPARE(list->topLevelItem(3)->text(3), u"prod"_s);
    QCOMPARE(list->topLevelItem(3)->text(2), u"First cut: read-only pets"_s);
    QVERIFY(!list->topLevelItem(3)->text(1).isEmpty());
}

void TestDeploy::pointStageToAnOlderDeploymentAndUndo()
{
    const auto history = openHistory();
    QVERIFY(history);
    history->setStage(u"dev"_s);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    auto *point = find<QPushButton>(*history, u"pointStageHere"_s);
    QVERIFY(find<QLabel>(*history, u"historyStageServes"_s)->text().contains(kThird));

    clickRow(list, kThird);
    QVERIFY(!point->isEnabled()); // dev is there already
    clickRow(list, kFirst);
    QCOMPARE(point->text(), u"Point dev Here"_s);
    QVERIFY(point->isEnabled());
    QSignalSpy pointed(history.get(), &DeploymentHistoryView::stagePointed);
    QTest::mouseClick(point, Qt::LeftButton);

    QCOMPARE(stageDeployment(*m_document, u"dev"_s), kFirst);
    QCOMPARE(pointed.count(), 1);
    QCOMPARE(rowOf(list, kFirst)->text(3), u"dev, prod"_s);
    QCOMPARE(rowOf(list, kThird)->text(3), QString());
    QVERIFY(!point->isEnabled());
    // The selection survives the refresh.
    QCOMPARE(history->selectedDeployments(), QStringList {kFirst});

    m_document->undoStack()->undo();
    QCOMPARE(stageDeployment(*m_document, u"dev"_s), kThird);
    QCOMPARE(rowOf(list, kThird)->text(3), u"dev"_s);
    QVERIFY(point->isEnabled());

    // Forward again, to the newest, through the other stage.
    history->setStage(u"prod"_s);
    clickRow(list, kThird);
    QTest::mouseClick(point, Qt::LeftButton);
    QCOMPARE(stageDeployment(*m_document, u"prod"_s), kThird);
}

void TestDeploy::diffBetweenTwoDeployments()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    clickRow(list, kThird);
    clickRow(list, kFirst, Qt::ControlModifier);
    QCOMPARE(history->selectedDeployments(), (QStringList {kFirst, kThird}));
    const QString title = find<QLabel>(*history, u"deploymentDiffTitle"_s)->text();
    QCOMPARE(title, u"From %1 to %2: %3 changes"_s.arg(kFirst, kThird).arg(history->changes().size()));
    const QString diff = find<ApiChangesView>(*history, u"deploymentDiff"_s)->toPlainText();
    QVERIFY2(diff.contains(u"+ POST /pets: "_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"+ PATCH /pets/{petId}: "_s), qPrintable(diff));
    QVERIFY2(diff.contains(u"+ authorizer PetOwner: "_s), qPrintable(diff));

    // Both buttons act on one deployment only.
    QVERIFY(!find<QPushButton>(*history, u"pointStageHere"_s)->isEnabled());
    QVERIFY(!find<QPushButton>(*history, u"deleteDeployment"_s)->isEnabled());
}

void TestDeploy::diffOfOneDeploymentAndOfTheDraft()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);

    // One deployment: what it brought since the one before it.
    clickRow(list, kSecond);
    QVERIFY2(history->diffTitle().startsWith(u"What %1 changed since %2"_s.arg(kSecond, kFirst)),
             qPrintable(history->diffTitle()));
    QVERIFY(find<ApiChangesView>(*history, u"deploymentDiff"_s)->toPlainText().contains(u"+ POST /pets: "_s));
    QVERIFY(!find<ApiChangesView>(*history, u"deploymentDiff"_s)->toPlainText().contains(u"PATCH"_s));

    // The draft and a deployment: an edit of the API shows at once.
    const QString pets = m_document->api().findResourceByPath(u"/pets"_s)->id;
    QVERIFY(m_document->addMethod(pets, u"PUT"_s).ok());
    clickRow(list, u"Draft"_s);
    clickRow(list, kThird, Qt::ControlModifier);
    QCOMPARE(history->selectedDeployments(), (QStringList {kThird, QString()}));
    QVERIFY2(history->diffTitle().startsWith(u"From %1 to the draft: "_s.arg(kThird)), qPrintable(history->diffTitle()));
    QVERIFY(find<ApiChangesView>(*history, u"deploymentDiff"_s)->toPlainText().contains(u"+ PUT /pets: MOCK"_s));
    m_document->undoStack()->undo();
    QVERIFY(!find<ApiChangesView>(*history, u"deploymentDiff"_s)->toPlainText().contains(u"PUT /pets"_s));
}

void TestDeploy::deletingAServedDeploymentIsRefusedInPlace()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    auto *problem = find<QLabel>(*history, u"historyProblem"_s);
    QVERIFY(!problem->isVisible());
    clickRow(list, kThird);
    QTest::mouseClick(find<QPushButton>(*history, u"deleteDeployment"_s), Qt::LeftButton);

    QVERIFY(!QApplication::activeModalWidget());
    QVERIFY(problem->isVisible());
    QCOMPARE(problem->text(), u"cannot delete deployment dep1oy0003: stage dev uses it. Point the stage at another "
                              u"deployment first."_s);
    QVERIFY(m_document->project().findDeployment(kThird));
    QVERIFY(rowOf(list, kThird));

    // The next successful edit clears it.
    clickRow(list, kSecond);
    QTest::mouseClick(find<QPushButton>(*history, u"pointStageHere"_s), Qt::LeftButton);
    QVERIFY(!problem->isVisible());
}

void TestDeploy::deleteAnUnservedDeploymentAndUndo()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    clickRow(list, kSecond);
    QTest::mouseClick(find<QPushButton>(*history, u"deleteDeployment"_s), Qt::LeftButton);
    QVERIFY(!m_document->project().findDeployment(kSecond));
    QVERIFY(!rowOf(list, kSecond));
    QCOMPARE(m_document->undoStack()->undoText(), u"Delete Deployment"_s);
    m_document->undoStack()->undo();
    QVERIFY(m_document->project().findDeployment(kSecond));
    QCOMPARE(list->topLevelItem(2)->text(0), kSecond);
}

void TestDeploy::historyFollowsADeploy()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setStage(u"dev"_s);
    QTest::keyClicks(find<QLineEdit>(*dialog, u"deploymentDescription"_s), u"Nothing new"_s);
    dialog->accept();
    QCOMPARE(list->topLevelItemCount(), 5);
    QCOMPARE(list->topLevelItem(1)->text(0), dialog->deploymentId());
    QCOMPARE(list->topLevelItem(1)->text(2), u"Nothing new"_s);
    QCOMPARE(list->topLevelItem(1)->text(3), u"dev"_s);
    QCOMPARE(list->topLevelItem(2)->text(3), QString());
    QCOMPARE(list->topLevelItem(0)->text(2), u"The API as it is now: the same as the newest deployment"_s);
}

void TestDeploy::hiddenHistoryCatchesUpWhenShown()
{
    const auto history = openHistory();
    QVERIFY(history);
    auto *list = find<QTreeWidget>(*history, u"deploymentList"_s);
    history->hide();
    QVERIFY(m_document->pointStage(u"prod"_s, kSecond).ok());
    QCOMPARE(rowOf(list, kFirst)->text(3), u"prod"_s); // not refreshed while hidden
    history->show();
    QCOMPARE(rowOf(list, kFirst)->text(3), QString());
    QCOMPARE(rowOf(list, kSecond)->text(3), u"prod"_s);
}

void TestDeploy::screenshots()
{
    const QString directory = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
    if (directory.isEmpty())
        QSKIP("set PORTICO_SCREENSHOT_DIR to save the documentation's screenshots");
    QVERIFY(QDir().mkpath(directory));

    // A few edits since the last deploy, of each kind, so that the dialog has something to show.
    const QString pets = m_document->api().findResourceByPath(u"/pets"_s)->id;
    QVERIFY(m_document->addMethod(pets, u"PUT"_s).ok());
    portico::model::Method list = m_document->api().findResource(pets)->methods.at(u"GET"_s);
    list.integration->timeoutInMillis = 15000;
    list.integration->requestTemplates[u"application/json"_s] = u"{\n  \"page\": \"$input.params('page')\"\n}"_s;
    list.requestParameters.erase(u"method.request.querystring.type"_s);
    list.integration->requestParameters.erase(u"integration.request.querystring.type"_s);
    QVERIFY(m_document->replaceMethod(pets, u"GET"_s, list, u"Edit"_s).ok());
    portico::model::Model pet = *m_document->api().findModel(u"Pet"_s);
    QVERIFY(pet.schema.contains(u"\"minimum\": 0"_s));
    pet.schema.replace(u"\"minimum\": 0"_s, u"\"minimum\": 1"_s);
    QVERIFY(m_document->setPart<portico::model::Model>(u"Pet"_s, pet, u"Edit model"_s).ok());

    const auto dialog = openDialog();
    QVERIFY(dialog);
    dialog->setStage(u"dev"_s);
    QTest::keyClicks(find<QLineEdit>(*dialog, u"deploymentDescription"_s), u"Add PUT /pets, page the list"_s);
    QVERIFY(dialog->grab().save(directory + u"/deploy-dialog.png"_s));
    dialog->reject();

    const auto history = openHistory();
    QVERIFY(history);
    history->resize(1000, 600);
    history->setStage(u"dev"_s);
    auto *rows = find<QTreeWidget>(*history, u"deploymentList"_s);
    clickRow(rows, u"Draft"_s);
    clickRow(rows, kFirst, Qt::ControlModifier);
    QTest::qWait(50);
    QVERIFY(history->grab().save(directory + u"/deployment-history.png"_s));
}

QTEST_MAIN(TestDeploy)
#include "tst_deploy.moc"
