#include "deploymenthistoryview.h"

#include "apichangesview.h"
#include "deploymentorder.h"
#include "methodexecution/formfields.h"

#include "editing/apidocument.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace portico::widgets {

namespace {
enum Column { IdColumn, CreatedColumn, DescriptionColumn, StagesColumn };
constexpr int kIdRole = Qt::UserRole;
} // namespace

DeploymentHistoryView::DeploymentHistoryView(editing::ApiDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("deploymentHistory"));

    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("historyStage"));
    m_stage->setMinimumContentsLength(12);
    connect(m_stage, &QComboBox::currentIndexChanged, this, [this] {
        fillDeployments();
        updateButtons();
    });
    m_stageServes = new QLabel;
    m_stageServes->setObjectName(QStringLiteral("historyStageServes"));
    auto *stageRow = new QHBoxLayout;
    auto *stageLabel = new QLabel(tr("&Stage"));
    stageLabel->setBuddy(m_stage);
    stageRow->addWidget(stageLabel);
    stageRow->addWidget(m_stage);
    stageRow->addWidget(m_stageServes, 1);

    m_problem = methodexecution::makeProblemLabel(QStringLiteral("historyProblem"));

    m_list = new QTreeWidget;
    m_list->setObjectName(QStringLiteral("deploymentList"));
    m_list->setHeaderLabels({tr("Deployment"), tr("Created"), tr("Description"), tr("Served by")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(CreatedColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(DescriptionColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(StagesColumn, QHeaderView::ResizeToContents);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &DeploymentHistoryView::selectionChanged);

    m_point = new QPushButton(tr("Point Stage Here"));
    m_point->setObjectName(QStringLiteral("pointStageHere"));
    connect(m_point, &QPushButton::clicked, this, &DeploymentHistoryView::pointStageHere);
    m_delete = new QPushButton(tr("Delete Deployment"));
    m_delete->setObjectName(QStringLiteral("deleteDeployment"));
    connect(m_delete, &QPushButton::clicked, this, &DeploymentHistoryView::deleteSelected);
    auto *hint = new QLabel(tr("Select two rows (Ctrl+click) to compare them."));
    hint->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_point);
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(hint);

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addLayout(stageRow);
    topLayout->addWidget(m_problem);
    topLayout->addWidget(m_list, 1);
    topLayout->addLayout(buttons);

    m_diffTitle = new QLabel;
    m_diffTitle->setObjectName(QStringLiteral("deploymentDiffTitle"));
    m_diffTitle->setWordWrap(true);
    m_diffTitle->setTextFormat(Qt::PlainText);
    m_diff = new ApiChangesView;
    m_diff->setObjectName(QStringLiteral("deploymentDiff"));
    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(m_diffTitle);
    bottomLayout->addWidget(m_diff, 1);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_document, &editing::ApiDocument::changed, this, &DeploymentHistoryView::documentChanged);
    m_stale = true;
}

void DeploymentHistoryView::setStage(const QString &stageName)
{
    refreshIfStale();
    const int index = m_stage->findData(stageName);
    if (index >= 0)
        m_stage->setCurrentIndex(index);
}

QString DeploymentHistoryView::stage() const
{
    return m_stage->currentData().toString();
}

void DeploymentHistoryView::selectDeployments(const QStringList &ids)
{
    refreshIfStale();
    const QSignalBlocker blocker(m_list);
    m_list->clearSelection();
    QTreeWidgetItem *current = nullptr;
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (ids.contains(item->data(IdColumn, kIdRole).toString())) {
            item->setSelected(true);
            if (!current)
                current = item;
        }
    }
    if (current)
        m_list->setCurrentItem(current, 0, QItemSelectionModel::NoUpdate);
    selectionChanged();
}

QStringList DeploymentHistoryView::selectedDeployments() const
{
    // Rows are newest first with the draft on top: reversed, they are oldest first.
    QStringList ids;
    for (int row = m_list->topLevelItemCount() - 1; row >= 0; --row) {
        const QTreeWidgetItem *item = m_list->topLevelItem(row);
        if (item->isSelected())
            ids.append(item->data(IdColumn, kIdRole).toString());
    }
    return ids;
}

QString DeploymentHistoryView::diffTitle() const
{
    return m_diffTitle->text();
}

QString DeploymentHistoryView::problem() const
{
    return m_problem->text();
}

void DeploymentHistoryView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refreshIfStale();
}

void DeploymentHistoryView::documentChanged()
{
    // A hidden history (another navigator page) waits to be shown: comparing the draft with the
    // newest deployment on every keystroke would be wasted on a large API.
    m_stale = true;
    if (isVisible())
        refresh();
}

void DeploymentHistoryView::refreshIfStale()
{
    if (m_stale)
        refresh();
}

void DeploymentHistoryView::refresh()
{
    m_stale = false;
    showProblem(QString());
    fillStages();
    const QStringList selected = selectedDeployments();
    fillDeployments();
    selectDeployments(selected);
}

void DeploymentHistoryView::fillStages()
{
    const QString current = stage();
    const QSignalBlocker blocker(m_stage);
    m_stage->clear();
    for (const model::Stage &stage : m_document->project().stages)
        m_stage->addItem(stage.stageName, stage.stageName);
    const int index = m_stage->findData(current);
    m_stage->setCurrentIndex(index >= 0 ? index : 0);
    m_stage->setEnabled(m_stage->count() > 0);
}

void DeploymentHistoryView::fillDeployments()
{
    const model::Project &project = m_document->project();
    const model::Stage *stage = project.findStage(this->stage());
    const model::Deployment *served = stage ? project.findDeployment(stage->deploymentId) : nullptr;
    if (!stage)
        m_stageServes->setText(project.stages.empty() ? tr("No stages yet: deploy to create one.") : QString());
    else if (served)
        m_stageServes->setText(tr("serves %1").arg(deploymentLabel(*served)));
    else
        m_stageServes->setText(tr("serves no deployment"));

    const QStringList selected = selectedDeployments();
    const QSignalBlocker blocker(m_list);
    m_list->clear();

    auto *draft = new QTreeWidgetItem(m_list);
    draft->setText(IdColumn, tr("Draft"));
    draft->setText(CreatedColumn, tr("now"));
    const model::Deployment *newest = newestDeployment(project);
    const size_t pending = newest ? model::diffApis(newest->snapshot, project.api).size() : 0;
    draft->setText(DescriptionColumn, !newest ? tr("The API as it is now: not deployed yet")
                                      : pending == 0
                                          ? tr("The API as it is now: the same as the newest deployment")
                                          : tr("The API as it is now: %1 not deployed").arg(changeCount(pending)));
    draft->setData(IdColumn, kIdRole, QString());
    QFont italic = draft->font(IdColumn);
    italic.setItalic(true);
    for (int column = 0; column < m_list->columnCount(); ++column)
        draft->setFont(column, italic);

    const auto ordered = deploymentsOldestFirst(project);
    for (auto it = ordered.rbegin(); it != ordered.rend(); ++it) {
        const model::Deployment &deployment = **it;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(IdColumn, deployment.id);
        item->setText(CreatedColumn, deploymentDate(deployment));
        item->setText(DescriptionColumn, deployment.description);
        item->setToolTip(DescriptionColumn, deployment.description);
        item->setText(StagesColumn, stagesServing(project, deployment.id).join(QStringLiteral(", ")));
        item->setData(IdColumn, kIdRole, deployment.id);
        if (&deployment == served) {
            QFont bold = item->font(IdColumn);
            bold.setBold(true);
            for (int column = 0; column < m_list->columnCount(); ++column)
                item->setFont(column, bold);
        }
    }
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        item->setSelected(selected.contains(item->data(IdColumn, kIdRole).toString()));
    }
}

const model::Deployment *DeploymentHistoryView::selectedDeployment() const
{
    const QStringList ids = selectedDeployments();
    if (ids.size() != 1 || ids.constFirst().isEmpty())
        return nullptr;
    return m_document->project().findDeployment(ids.constFirst());
}

void DeploymentHistoryView::selectionChanged()
{
    const model::Project &project = m_document->project();
    const QStringList ids = selectedDeployments();
    // The API a row stands for, and how the title names it.
    const auto apiOf = [&](const QString &id) -> const model::RestApi & {
        const model::Deployment *deployment = project.findDeployment(id);
        return deployment ? deployment->snapshot : project.api;
    };
    const auto nameOf = [&](const QString &id) {
        return id.isEmpty() ? tr("the draft") : id;
    };

    static const model::RestApi kNothing;
    QString title;
    QString emptyText = tr("No changes.");
    if (ids.isEmpty()) {
        m_changes.clear();
        title = tr("Select a deployment to see what it changed, or two rows to compare them.");
        emptyText.clear();
    } else if (ids.size() > 2) {
        m_changes.clear();
        title = tr("Select one row, or two to compare them.");
        emptyText.clear();
    } else if (ids.size() == 2) {
        m_changes = model::diffApis(apiOf(ids.at(0)), apiOf(ids.at(1)));
        title = tr("From %1 to %2: %3")
                    .arg(nameOf(ids.at(0)), nameOf(ids.at(1)), changeCount(m_changes.size()));
    } else if (ids.constFirst().isEmpty()) {
        const model::Deployment *newest = newestDeployment(project);
        m_changes = model::diffApis(newest ? newest->snapshot : kNothing, project.api);
        title = newest ? tr("The draft since the newest deployment %1: %2 not deployed")
                             .arg(deploymentLabel(*newest), changeCount(m_changes.size()))
                       : tr("The draft: nothing is deployed yet, so all of it is new");
    } else {
        const model::Deployment *deployment = project.findDeployment(ids.constFirst());
        const model::Deployment *previous = previousDeployment(project, ids.constFirst());
        m_changes = model::diffApis(previous ? previous->snapshot : kNothing, deployment->snapshot);
        title = previous ? tr("What %1 changed since %2: %3")
                               .arg(deployment->id, deploymentLabel(*previous), changeCount(m_changes.size()))
                         : tr("%1 is the first deployment: all of it was new").arg(deployment->id);
    }
    m_diffTitle->setText(title);
    m_diff->setChanges(m_changes, emptyText);
    updateButtons();
}

void DeploymentHistoryView::updateButtons()
{
    const model::Deployment *deployment = selectedDeployment();
    const model::Stage *stage = m_document->project().findStage(this->stage());
    m_point->setText(stage ? tr("Point %1 Here").arg(stage->stageName) : tr("Point Stage Here"));
    m_point->setEnabled(deployment && stage && stage->deploymentId != deployment->id);
    m_delete->setEnabled(deployment != nullptr);
}

void DeploymentHistoryView::showProblem(const QString &problem)
{
    methodexecution::showProblem(m_problem, problem);
}

void DeploymentHistoryView::pointStageHere()
{
    refreshIfStale();
    const model::Deployment *deployment = selectedDeployment();
    const QString stageName = stage();
    if (!deployment || stageName.isEmpty())
        return;
    const QString id = deployment->id;
    const base::Status status = m_document->pointStage(stageName, id);
    if (!status.ok()) {
        showProblem(status.error().message);
        return;
    }
    Q_EMIT stagePointed(stageName, id);
}

void DeploymentHistoryView::deleteSelected()
{
    refreshIfStale();
    const model::Deployment *deployment = selectedDeployment();
    if (!deployment)
        return;
    const QString id = deployment->id;
    const base::Status status = m_document->setPart<model::Deployment>(id, std::nullopt, tr("Delete Deployment"));
    if (!status.ok()) {
        const bool served = !stagesServing(m_document->project(), id).isEmpty();
        showProblem(served ? tr("%1. Point the stage at another deployment first.").arg(status.error().message)
                           : status.error().message);
    }
}

} // namespace portico::widgets
