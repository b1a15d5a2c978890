#include "quickopen.h"

#include <QCoreApplication>
#include <QKeyEvent>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace portico::widgets {

QuickOpen::QuickOpen(const model::Project &project, QWidget *parent)
    : QDialog(parent, Qt::Popup)
    , m_index(project)
    , m_input(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickOpen"));
    m_input->setObjectName(QStringLiteral("quickOpenInput"));
    m_input->setPlaceholderText(tr("Go to a resource, method, model, stage...: type parts of its name"));
    m_input->setClearButtonEnabled(true);
    m_list->setObjectName(QStringLiteral("quickOpenList"));
    m_list->setUniformItemSizes(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_input);
    layout->addWidget(m_list);
    // The keys that move in the list or choose arrive at the line edit, which keeps the focus.
    m_input->installEventFilter(this);
    connect(m_input, &QLineEdit::textChanged, this, &QuickOpen::refresh);
    connect(m_list, &QListWidget::itemActivated, this, &QuickOpen::choose);
    resize(560, 360);
    refresh();
}

bool QuickOpen::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_input && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent *>(event)->key();
        if (key == Qt::Key_Down || key == Qt::Key_Up || key == Qt::Key_PageDown
            || key == Qt::Key_PageUp) {
            QCoreApplication::sendEvent(m_list, event);
            return true;
        }
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            choose();
            return true;
        }
    }
    return QDialog::eventFilter(watched, event);
}

void QuickOpen::refresh()
{
    m_shown = m_index.search(m_input->text());
    m_list->clear();
    for (const editing::QuickOpenEntry &entry : m_shown)
        m_list->addItem(entry.label);
    if (!m_shown.empty())
        m_list->setCurrentRow(0);
}

void QuickOpen::choose()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_shown.size()))
        return;
    const editing::QuickOpenEntry entry = m_shown[static_cast<size_t>(row)];
    accept();
    if (entry.partKind >= 0)
        Q_EMIT partChosen(entry.partKind, entry.partKey);
    else
        Q_EMIT chosen(entry.resourceId, entry.verb);
}

} // namespace portico::widgets
