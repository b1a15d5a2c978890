#include "importreportview.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::widgets {

ImportReportView::ImportReportView(const QString &summary,
                                   const std::vector<base::Diagnostic> &report, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importReport"));
    setWindowTitle(tr("Import report"));
    auto *heading = new QLabel(summary, this);
    heading->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("importReportList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Where (JSON pointer)"), tr("What became of it")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->header()->resizeSection(0, 360);
    for (const base::Diagnostic &problem : report) {
        auto *row = new QTreeWidgetItem(m_list, {problem.location, problem.message});
        row->setToolTip(0, problem.location);
        row->setToolTip(1, problem.message);
    }
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem *item) { Q_EMIT locationActivated(item->text(0)); });
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem *item) { Q_EMIT locationActivated(item->text(0)); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace portico::widgets
