#include "deploydialog.h"

#include "apichangesview.h"
#include "deploymentorder.h"
#include "methodexecution/formfields.h"

#include "editing/apidocument.h"
#include "model/pathrules.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace portico::widgets {

using methodexecution::makeProblemLabel;
using methodexecution::showProblem;

DeployDialog::DeployDialog(editing::ApiDocument *document, QWidget *parent)
    : QDialog(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("deployDialog"));
    setWindowTitle(tr("Deploy API"));

    auto *intro = new QLabel(tr("A deployment is a snapshot of the API as it is now. The stage "
                                "serves it until the stage is pointed at another deployment."));
    intro->setWordWrap(true);

    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("deployStage"));
    connect(m_stage, &QComboBox::currentIndexChanged, this, &DeployDialog::stageChosen);

    m_newStageName = new QLineEdit;
    m_newStageName->setObjectName(QStringLiteral("newStageName"));
    m_newStageName->setPlaceholderText(tr("letters, digits, - and _, such as beta"));
    m_newStageProblem = makeProblemLabel(QStringLiteral("newStageProblem"));
    connect(m_newStageName, &QLineEdit::textChanged, this, [this] {
        checkNewStage();
        showChanges();
    });
    auto *nameColumn = new QVBoxLayout;
    nameColumn->addWidget(m_newStageName);
    nameColumn->addWidget(m_newStageProblem);

    m_newStageDescription = new QLineEdit;
    m_newStageDescription->setObjectName(QStringLiteral("newStageDescription"));
    m_newStageDescription->setPlaceholderText(tr("optional"));

    m_description = new QLineEdit;
    m_description->setObjectName(QStringLiteral("deploymentDescription"));
    m_description->setPlaceholderText(tr("what this deployment brings, such as \"Add POST /pets\""));

    m_form = new QFormLayout;
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->addRow(tr("&Stage"), m_stage);
    m_form->addRow(tr("Stage &name"), nameColumn);
    m_form->addRow(tr("Stage d&escription"), m_newStageDescription);
    m_form->addRow(tr("&Deployment description"), m_description);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("deploySummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_changesView = new ApiChangesView;
    m_changesView->setObjectName(QStringLiteral("deployChanges"));
    m_changesView->setMinimumHeight(140);

    m_deployProblem = makeProblemLabel(QStringLiteral("deployProblem"));

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_deployButton = m_buttons->addButton(tr("Deploy"), QDialogButtonBox::AcceptRole);
    m_deployButton->setObjectName(QStringLiteral("deployButton"));
    // Enter anywhere deploys: Cancel must not take the default as an auto-default button would.
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    m_deployButton->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeployDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DeployDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(m_form);
    layout->addSpacing(6);
    layout->addWidget(m_summary);
    layout->addWidget(m_changesView, 1);
    layout->addWidget(m_deployProblem);
    layout->addWidget(m_buttons);
    resize(760, 480);

    fillStages();
}

void DeployDialog::fillStages()
{
    const QSignalBlocker blocker(m_stage);
    m_stage->clear();
    for (const model::Stage &stage : m_document->project().stages) {
        const model::Deployment *served = m_document->project().findDeployment(stage.deploymentId);
        const QString text = served ? tr("%1 (serves %2)").arg(stage.stageName, served->id) : stage.stageName;
        m_stage->addItem(text, stage.stageName);
    }
    // Empty data marks the new stage, which no stage name can be.
    m_stage->addItem(tr("[New stage]"), QString());
    m_stage->setCurrentIndex(0);
    stageChosen();
}

void DeployDialog::setStage(const QString &stageName)
{
    const int index = stageName.isEmpty() ? -1 : m_stage->findData(stageName);
    if (index >= 0) {
        m_stage->setCurrentIndex(index);
        return;
    }
    m_stage->setCurrentIndex(m_stage->count() - 1);
    m_newStageName->setText(stageName);
}

QString DeployDialog::stageName() const
{
    return isNewStage() ? m_newStageName->text().trimmed() : m_stage->currentData().toString();
}

bool DeployDialog::isNewStage() const
{
    return m_stage->currentData().toString().isEmpty();
}

QString DeployDialog::deploymentDescription() const
{
    return m_description->text().trimmed();
}

QString DeployDialog::newStageDescription() const
{
    return isNewStage() ? m_newStageDescription->text().trimmed() : QString();
}

QString DeployDialog::problem() const
{
    return m_problem;
}

QString DeployDialog::summary() const
{
    return m_summary->text();
}

void DeployDialog::stageChosen()
{
    const bool isNew = isNewStage();
    m_form->setRowVisible(1, isNew);
    m_form->setRowVisible(2, isNew);
    checkNewStage();
    showChanges();
    if (isNew && isVisible())
        m_newStageName->setFocus();
}

void DeployDialog::checkNewStage()
{
    m_problem.clear();
    if (isNewStage()) {
        const QString name = stageName();
        if (name.isEmpty())
            m_problem = tr("A new stage needs a name.");
        else if (m_document->project().findStage(name))
            m_problem = tr("There is already a stage %1: choose it above to deploy to it.").arg(name);
        else
            m_problem = model::pathrules::checkStageName(name);
    }
    // An empty name is no mistake yet: Deploy waits for one without scolding.
    showProblem(m_newStageProblem, stageName().isEmpty() ? QString() : m_problem, m_newStageName);
    m_deployButton->setEnabled(m_problem.isEmpty());
}

void DeployDialog::showChanges()
{
    const model::Project &project = m_document->project();
    const model::Stage *stage = isNewStage() ? nullptr : project.findStage(stageName());
    const model::Deployment *served = stage ? project.findDeployment(stage->deploymentId) : nullptr;
    const model::Deployment *baseline = served ? served : newestDeployment(project);

    if (!baseline) {
        m_changes = model::diffApis(model::RestApi {}, project.api);
        m_summary->setText(tr("The API's first deployment: all of it goes live."));
        m_changesView->setChanges(m_changes, QString());
        return;
    }

    m_changes = model::diffApis(baseline->snapshot, project.api);
    const bool none = m_changes.empty();
    const QString label = deploymentLabel(*baseline);
    QString text;
    if (served) {
        text = none
            ? tr("No changes since deployment %1, which stage %2 serves now: the new deployment "
                 "is the same API.").arg(label, stage->stageName)
            : tr("%1 since deployment %2, which stage %3 serves now:")
                  .arg(changeCount(m_changes.size()), label, stage->stageName);
    } else {
        const QString name = stageName().isEmpty() ? tr("The new stage") : tr("Stage %1").arg(stageName());
        text = none
            ? tr("%1 serves nothing yet. No changes since the latest deployment %2.").arg(name, label)
            : tr("%1 serves nothing yet. %2 since the latest deployment %3:")
                  .arg(name, changeCount(m_changes.size()), label);
    }
    m_summary->setText(text);
    m_changesView->setChanges(m_changes, tr("Nothing has changed."));
}

void DeployDialog::accept()
{
    checkNewStage();
    if (!m_problem.isEmpty()) {
        showProblem(m_newStageProblem, m_problem, m_newStageName);
        return;
    }
    const QString stage = stageName();
    base::Result<QString> result = m_document->deploy(stage, deploymentDescription(), newStageDescription());
    if (!result.ok()) {
        showProblem(m_deployProblem, result.error().toString());
        return;
    }
    showProblem(m_deployProblem, QString());
    m_deploymentId = result.value();
    Q_EMIT deployed(stage, m_deploymentId);
    QDialog::accept();
}

} // namespace portico::widgets
