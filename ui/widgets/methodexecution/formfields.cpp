#include "formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPalette>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <algorithm>

namespace portico::widgets::methodexecution {

namespace {
class UndoShortcutFilter : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            const auto *key = static_cast<QKeyEvent *>(event);
            // Left ignored, the key goes on to the shortcut map and so to the Edit menu.
            if (key->matches(QKeySequence::Undo) || key->matches(QKeySequence::Redo))
                return true;
        }
        return QObject::eventFilter(watched, event);
    }
};
} // namespace

void leaveUndoToDocument(QWidget *field)
{
    auto *filter = new UndoShortcutFilter(field);
    field->installEventFilter(filter);
    for (QLineEdit *child : field->findChildren<QLineEdit *>())
        child->installEventFilter(filter);
}

QColor problemColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x20, 0x20);
}

QLabel *makeProblemLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

void showProblem(QLabel *label, const QString &problem, QWidget *field)
{
    // Coloured when shown, from the palette the label has now: the system's may have changed
    // (dark mode) since the label was made.
    QPalette palette = label->parentWidget() ? label->parentWidget()->palette() : label->palette();
    palette.setColor(QPalette::WindowText, problemColor(palette));
    label->setPalette(palette);
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    if (field)
        field->setToolTip(problem);
}

void fitListHeight(QListWidget *list)
{
    constexpr int kMaxVisibleRows = 5;
    const int rowHeight
        = list->count() > 0 ? list->sizeHintForRow(0) : list->fontMetrics().height() + 4;
    const int rows = std::clamp(int(list->count()), 1, kMaxVisibleRows);
    list->setFixedHeight(rows * rowHeight + 2 * list->frameWidth() + 4);
}

void setFieldText(QLineEdit *field, const QString &text)
{
    if (field->text() == text)
        return;
    const QSignalBlocker blocker(field);
    field->setText(text);
}

void setFieldChecked(QCheckBox *field, bool checked)
{
    if (field->isChecked() == checked)
        return;
    const QSignalBlocker blocker(field);
    field->setChecked(checked);
}

void setFieldChoice(QComboBox *field, const QString &value)
{
    int index = field->findData(value);
    if (index < 0)
        index = field->findText(value);
    if (index == field->currentIndex())
        return;
    const QSignalBlocker blocker(field);
    if (index < 0 && field->isEditable())
        field->setEditText(value);
    else
        field->setCurrentIndex(index);
}

QString fieldChoice(const QComboBox *field)
{
    const QVariant data = field->currentData();
    return data.isValid() ? data.toString() : field->currentText();
}

ResponseListWidgets makeResponseListWidgets(const QString &prefix)
{
    ResponseListWidgets parts;
    parts.list = new QListWidget;
    parts.list->setObjectName(prefix + QStringLiteral("List"));
    parts.add = new QPushButton(QCoreApplication::translate("ResponseList", "Add response"));
    parts.add->setObjectName(prefix + QStringLiteral("Add"));
    parts.remove = new QPushButton(QCoreApplication::translate("ResponseList", "Remove response"));
    parts.remove->setObjectName(prefix + QStringLiteral("Remove"));
    parts.buttons = new QHBoxLayout;
    parts.buttons->addWidget(parts.add);
    parts.buttons->addWidget(parts.remove);
    parts.buttons->addStretch(1);
    parts.details = new QWidget;
    parts.details->setObjectName(prefix + QStringLiteral("Details"));
    parts.status = new QLineEdit;
    parts.status->setObjectName(prefix + QStringLiteral("Status"));
    parts.status->setMaxLength(3);
    parts.statusProblem = makeProblemLabel(prefix + QStringLiteral("StatusProblem"));
    parts.statusColumn = new QVBoxLayout;
    parts.statusColumn->addWidget(parts.status);
    parts.statusColumn->addWidget(parts.statusProblem);
    return parts;
}

} // namespace portico::widgets::methodexecution
