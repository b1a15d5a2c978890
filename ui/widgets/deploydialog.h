// The "Deploy API" dialog: choose a stage (or create one, its name checked as it is typed),
// describe the deployment, see what is about to go live (the changes since the deployment the
// stage serves now), then deploy: ApiDocument::deploy snapshots the API into a new deployment and
// points the stage at it, one undo step. Tests drive it without exec(): set the fields through
// the widgets (found by objectName) and call accept().
#pragma once

#include "model/apidiff.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace portico::editing {
class ApiDocument;
}

namespace portico::widgets {

class ApiChangesView;

class DeployDialog : public QDialog
{
    Q_OBJECT

public:
    explicit DeployDialog(editing::ApiDocument *document, QWidget *parent = nullptr);

    // Preselects an existing stage; an unknown or empty name selects "[New stage]" with the name
    // filled in.
    void setStage(const QString &stageName);

    // The stage to deploy to: the chosen one, or the new stage's name as typed (trimmed).
    QString stageName() const;
    bool isNewStage() const;
    QString deploymentDescription() const;
    QString newStageDescription() const;
    // Why Deploy is disabled (a bad new stage name), or empty.
    QString problem() const;
    // What the deployment would change for the chosen stage.
    const std::vector<model::ApiChange> &changes() const { return m_changes; }
    // "3 changes since deployment ... that stage dev serves"
    QString summary() const;
    // The deployment accept() made, or empty.
    QString deploymentId() const { return m_deploymentId; }

public Q_SLOTS:
    // Deploys; the dialog closes on success and stays open with the reason shown when refused.
    void accept() override;

Q_SIGNALS:
    void deployed(const QString &stageName, const QString &deploymentId);

private:
    void fillStages();
    void stageChosen();
    void checkNewStage();
    void showChanges();

    editing::ApiDocument *m_document;
    QComboBox *m_stage;
    QFormLayout *m_form;
    QLineEdit *m_newStageName;
    QLabel *m_newStageProblem;
    QLineEdit *m_newStageDescription;
    QLineEdit *m_description;
    QLabel *m_summary;
    ApiChangesView *m_changesView;
    QLabel *m_deployProblem;
    QDialogButtonBox *m_buttons;
    QPushButton *m_deployButton;
    QString m_problem;
    std::vector<model::ApiChange> m_changes;
    QString m_deploymentId;
};

} // namespace portico::widgets
