// The Problems panel: what API Gateway would refuse or what will surprise at run time, found by
// model::Linter as the project changes, one row per finding. Linting runs on a worker thread a
// moment after the last edit, so typing in a large API never waits for it; a row's activation
// asks the window to go to the place it names ("/pets/{petId} GET integration").
#pragma once

#include "base/diagnostic.h"
#include "model/project.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <optional>
#include <vector>

class QLabel;
class QTreeWidget;

namespace portico::widgets {

class ProblemsPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(QWidget *parent = nullptr);
    ~ProblemsPanel() override;

    // Lints `project` a moment from now (the latest call wins).
    void scheduleLint(const model::Project &project);
    // Lints now and waits (tests, and the first show).
    void lintNow(const model::Project &project);

    const std::vector<base::Diagnostic> &problems() const { return m_problems; }
    QTreeWidget *list() const { return m_list; }
    // "2 problems", for the dock's title and the status bar.
    QString summary() const;

    static constexpr int kDelayMs = 300;

Q_SIGNALS:
    void locationActivated(const QString &location);
    void problemsChanged();

private:
    void show(std::vector<base::Diagnostic> problems);
    void start();

    QLabel *m_heading;
    QTreeWidget *m_list;
    QTimer m_timer;
    // The latest project to lint, while it waits for the timer or for a run to end.
    std::optional<model::Project> m_pending;
    QFutureWatcher<std::vector<base::Diagnostic>> m_watcher;
    std::vector<base::Diagnostic> m_problems;
};

} // namespace portico::widgets
