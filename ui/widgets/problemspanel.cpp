#include "problemspanel.h"

#include "model/linter.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace portico::widgets {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("problemsPanel"));
    m_list->setObjectName(QStringLiteral("problemsList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Where"), tr("Problem")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->header()->resizeSection(0, 320);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_list);

    m_timer.setSingleShot(true);
    m_timer.setInterval(kDelayMs);
    connect(&m_timer, &QTimer::timeout, this, &ProblemsPanel::start);
    connect(&m_watcher, &QFutureWatcher<std::vector<base::Diagnostic>>::finished, this, [this] {
        show(m_watcher.result());
        // Edits made while it ran are linted next.
        if (m_pending && !m_timer.isActive())
            start();
    });
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT locationActivated(item->text(0)); });
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { Q_EMIT locationActivated(item->text(0)); });
    show({});
}

ProblemsPanel::~ProblemsPanel()
{
    // The worker holds its own copy of the project; only its result needs waiting for.
    m_watcher.waitForFinished();
}

void ProblemsPanel::scheduleLint(const model::Project &project)
{
    m_pending = project;
    m_timer.start();
}

void ProblemsPanel::lintNow(const model::Project &project)
{
    m_timer.stop();
    m_watcher.waitForFinished();
    m_pending.reset();
    show(model::Linter::lint(project));
}

void ProblemsPanel::start()
{
    if (m_watcher.isRunning() || !m_pending)
        return;
    model::Project project = std::move(*m_pending);
    m_pending.reset();
    m_watcher.setFuture(
        QtConcurrent::run([project = std::move(project)] { return model::Linter::lint(project); }));
}

QString ProblemsPanel::summary() const
{
    return m_problems.empty() ? tr("No problems")
                              : tr("%n problem(s)", nullptr, static_cast<int>(m_problems.size()));
}

void ProblemsPanel::show(std::vector<base::Diagnostic> problems)
{
    m_problems = std::move(problems);
    m_list->clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    for (const base::Diagnostic &problem : m_problems) {
        auto *row = new QTreeWidgetItem(m_list, {problem.location, problem.message});
        row->setIcon(0, problem.isError() ? errorIcon : warningIcon);
        row->setToolTip(1, problem.message);
    }
    m_heading->setText(
        m_problems.empty()
            ? tr("No problems: API Gateway would accept this API.")
            : tr("%1 — what API Gateway would refuse (errors) or what will surprise at run time "
                 "(warnings). Click one to go there.")
                  .arg(summary()));
    Q_EMIT problemsChanged();
}

} // namespace portico::widgets
