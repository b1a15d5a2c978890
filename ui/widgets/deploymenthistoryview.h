// The project's deployments, newest first, with the stages that serve each: the place to roll a
// stage back (or forward) to any deployment, to delete one no stage serves, and to read what
// changed between two deployments, or between a deployment and the draft API (the row above the
// deployments). One selected deployment shows what it changed since the one before it; two
// selected rows show the way from the older to the newer. Refreshes on the document's changed().
#pragma once

#include "model/apidiff.h"
#include "model/stage.h"

#include <QStringList>
#include <QWidget>

#include <vector>

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace portico::editing {
class ApiDocument;
}

namespace portico::widgets {

class ApiChangesView;

class DeploymentHistoryView : public QWidget
{
    Q_OBJECT

public:
    explicit DeploymentHistoryView(editing::ApiDocument *document, QWidget *parent = nullptr);

    // The stage "Point stage here" moves; unknown names are ignored.
    void setStage(const QString &stageName);
    QString stage() const;
    // Selects the rows of these deployment ids (an empty id is the draft row).
    void selectDeployments(const QStringList &ids);
    // The selected deployment ids, oldest first; an empty id stands for the draft.
    QStringList selectedDeployments() const;

    // What the diff pane shows.
    const std::vector<model::ApiChange> &changes() const { return m_changes; }
    QString diffTitle() const;
    // The last refused action's reason, shown above the list; empty when all went well.
    QString problem() const;

    // Points the chosen stage at the one selected deployment (one undo step).
    void pointStageHere();
    // Deletes the one selected deployment (one undo step); refused while a stage serves it.
    void deleteSelected();

    static constexpr int kDraftRow = 0;

protected:
    void showEvent(QShowEvent *event) override;

Q_SIGNALS:
    // The stage whose deployment changed, after "Point stage here".
    void stagePointed(const QString &stageName, const QString &deploymentId);

private:
    void documentChanged();
    void refreshIfStale();
    void refresh();
    void fillStages();
    void fillDeployments();
    void selectionChanged();
    void updateButtons();
    void showProblem(const QString &problem);
    // The deployment the one selected row stands for, or null (draft row, none or two selected).
    const model::Deployment *selectedDeployment() const;

    editing::ApiDocument *m_document;
    QComboBox *m_stage;
    QLabel *m_stageServes;
    QTreeWidget *m_list;
    QPushButton *m_point;
    QPushButton *m_delete;
    QLabel *m_problem;
    QLabel *m_diffTitle;
    ApiChangesView *m_diff;
    std::vector<model::ApiChange> m_changes;
    // The document changed while the view was hidden.
    bool m_stale = true;
};

} // namespace portico::widgets
