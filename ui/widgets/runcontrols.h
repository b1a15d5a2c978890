// The Run toolbar and what it drives: the embedded runtime (start and stop, the port, the draft
// served beside the deployed stages with its stage variables), the invoke URL in the status bar
// with a copy button, and the Inspector it feeds. The project given to the runtime follows the
// document (debounced): a redeploy or a draft edit answers the next request, no restart. A
// project's local functions run only once the person trusted it.
#pragma once

#include "runtime/projectstages.h"

#include <QObject>
#include <QTimer>

#include <functional>
#include <map>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolBar;
class QToolButton;
class QWidget;

namespace portico::editing {
class ApiDocument;
}

namespace portico::running {
class RuntimeController;
}

namespace portico::widgets {

namespace inspector {
class InspectorPanel;
}

class RunControls : public QObject
{
    Q_OBJECT

public:
    RunControls(editing::ApiDocument *document, QWidget *window);
    ~RunControls() override;

    QAction *startStopAction() const { return m_startStop; }
    QToolBar *toolBar() const { return m_toolBar; }
    // For the status bar: "Runtime stopped" or the invoke URL with its copy button.
    QWidget *statusWidget() const { return m_status; }
    inspector::InspectorPanel *inspector() const { return m_inspector; }
    running::RuntimeController *runtime() const { return m_runtime; }

    bool start();
    void stop();
    bool isRunning() const;
    void setPort(int port);
    void setServeDraft(bool serve);
    // "name=value" pairs separated by commas or spaces: the draft's stage variables.
    void setDraftVariables(const QString &text);
    QString invokeUrl() const;
    // Run toolbar > Stages: whether a deployed stage is served (all are, unless unticked; remembered).
    void setStageServed(const QString &stage, bool served);
    QStringList hiddenStages() const { return m_hiddenStages; }
    QToolButton *stagesButton() const { return m_stages; }
    // Edits still waiting for the debounce go to the runtime now. True when there were some:
    // the runtime then serves them once it says stagesChanged.
    bool handOverPendingEdits();
    // How many of the latest requests the Inspector keeps whole (older ones as summary rows);
    // remembered. Bounded: each whole request holds its bodies.
    static constexpr int kMinKeptWhole = 100;
    static constexpr int kMaxKeptWhole = 100000;
    void setKeptWhole(int requests);
    int keptWhole() const;
    // The variables a stage serves with: the project's for a deployed stage, the toolbar's for
    // the draft.
    std::map<QString, QString> stageVariables(const QString &stage) const;

    // Seams for the window's questions: trust a project's functions, where to save HAR, errors.
    std::function<bool(const QString &projectPath)> askTrust;
    std::function<QString()> askHarFileName;
    std::function<void(const QString &title, const QString &text)> showError;

Q_SIGNALS:
    void runningChanged(bool running);

private:
    void projectChanged();
    void updateStatus();
    void exportHar();
    runtime::NamedStrings parsedVariables(QString *problem) const;

    editing::ApiDocument *m_document;
    QWidget *m_window;
    running::RuntimeController *m_runtime;
    inspector::InspectorPanel *m_inspector;
    QTimer m_projectDebounce;
    QTimer m_rateTimer;
    quint64 m_requestsThisSecond = 0;
    double m_rate = 0;

    QAction *m_startStop;
    QToolBar *m_toolBar;
    QSpinBox *m_port;
    QCheckBox *m_draft;
    QToolButton *m_stages;
    QStringList m_hiddenStages;
    QLineEdit *m_variables;
    QWidget *m_status;
    QLabel *m_url;
    QToolButton *m_copy;
};

} // namespace portico::widgets
