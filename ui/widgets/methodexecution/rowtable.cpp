#include "rowtable.h"

#include "formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace portico::widgets::methodexecution {

namespace {
const QString kTrue = QStringLiteral("true");
const char kRowProperty[] = "porticoRow";
} // namespace

RowTable::RowTable(const QString &name, std::vector<Column> columns, QWidget *parent)
    : QWidget(parent)
    , m_name(name)
    , m_columns(std::move(columns))
    , m_choices(m_columns.size())
{
    setObjectName(name + QStringLiteral("Table"));
    for (const Column &column : m_columns)
        m_newRow.append(column.kind == Kind::Check ? QStringLiteral("false") : QString());

    m_layout = new QVBoxLayout(this);
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(4);
    m_empty = new QLabel(tr("None"));
    m_empty->setObjectName(name + QStringLiteral("Empty"));
    m_empty->setEnabled(false);
    m_problem = makeProblemLabel(name + QStringLiteral("Problem"));
    m_add = new QPushButton(tr("Add"));
    m_add->setObjectName(name + QStringLiteral("Add"));
    connect(m_add, &QPushButton::clicked, this, &RowTable::appendRow);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addStretch(1);

    m_layout->addWidget(m_empty);
    m_layout->addWidget(m_problem);
    m_layout->addLayout(buttons);
    rebuild({}, {});
}

void RowTable::setChoices(int column, const Choices &choices)
{
    if (m_choices[size_t(column)] == choices)
        return;
    m_choices[size_t(column)] = choices;
    // Existing combo boxes get the new list; the value each shows stays.
    rebuild(rows(), [this] {
        QStringList tags;
        for (const RowWidgets &row : m_rows)
            tags.append(row.tag);
        return tags;
    }());
}

void RowTable::addRowAction(const QString &name, const QString &text)
{
    m_actions.emplace_back(name, text);
}

void RowTable::setNewRow(const Row &row)
{
    m_newRow = row;
}

void RowTable::setAddText(const QString &text)
{
    m_add->setText(text);
}

void RowTable::setRows(const std::vector<Row> &rows, const QStringList &tags)
{
    if (rows.size() != m_rows.size()) {
        rebuild(rows, tags);
        return;
    }
    for (size_t r = 0; r < rows.size(); ++r) {
        m_rows[r].tag = tags.value(qsizetype(r));
        for (int c = 0; c < int(m_columns.size()); ++c)
            setCellValue(m_rows[r].cells[c], c, rows[r].value(c));
    }
}

std::vector<RowTable::Row> RowTable::rows() const
{
    std::vector<Row> result;
    for (const RowWidgets &row : m_rows) {
        Row values;
        for (int c = 0; c < int(m_columns.size()); ++c)
            values.append(cellValue(row.cells[c], c));
        result.push_back(values);
    }
    return result;
}

QString RowTable::tag(int row) const
{
    return row >= 0 && row < rowCount() ? m_rows[size_t(row)].tag : QString();
}

QWidget *RowTable::cell(int row, int column) const
{
    if (row < 0 || row >= rowCount() || column < 0 || column >= int(m_columns.size()))
        return nullptr;
    return m_rows[size_t(row)].cells[column];
}

void RowTable::setProblem(const QString &problem)
{
    showProblem(m_problem, problem);
}

void RowTable::rebuild(const std::vector<Row> &rows, const QStringList &tags)
{
    // A new grid each time: QGridLayout keeps the space of removed rows.
    if (m_body) {
        // Hiding moves the focus, which would commit a cell of rows that are going away.
        // Their names go too, so that only the new cells answer to them until the old ones are
        // gone.
        for (QWidget *child : m_body->findChildren<QWidget *>()) {
            QObject::disconnect(child, nullptr, this, nullptr);
            child->setObjectName(QString());
        }
        m_body->setObjectName(QString());
        // The widget whose signal brought us here may be inside; it must outlive this call.
        m_layout->removeWidget(m_body);
        m_body->hide();
        m_body->deleteLater();
    }
    m_rows.clear();
    m_body = new QWidget(this);
    m_body->setObjectName(m_name + QStringLiteral("Rows"));
    auto *grid = new QGridLayout(m_body);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(6);
    grid->setVerticalSpacing(3);
    for (int c = 0; c < int(m_columns.size()); ++c) {
        auto *title = new QLabel(m_columns[size_t(c)].title);
        QFont font = title->font();
        font.setBold(true);
        title->setFont(font);
        grid->addWidget(title, 0, c);
        grid->setColumnStretch(c, m_columns[size_t(c)].kind == Kind::Text ? 3 : 1);
    }
    for (int r = 0; r < int(rows.size()); ++r) {
        RowWidgets row;
        row.tag = tags.value(r);
        for (int c = 0; c < int(m_columns.size()); ++c) {
            QWidget *cell = makeCell(r, c, rows[size_t(r)].value(c));
            grid->addWidget(cell, r + 1, c);
            row.cells.append(cell);
        }
        int column = int(m_columns.size());
        for (const auto &[name, text] : m_actions) {
            auto *action = new QToolButton;
            action->setObjectName(m_name + QStringLiteral("_r%1").arg(r) + name);
            action->setText(text);
            action->setProperty(kRowProperty, r);
            connect(action, &QToolButton::clicked, this, [this, action, actionName = name] {
                Q_EMIT rowActionTriggered(rowOf(action), actionName);
            });
            grid->addWidget(action, r + 1, column++);
        }
        auto *remove = new QToolButton;
        remove->setObjectName(m_name + QStringLiteral("_r%1Remove").arg(r));
        remove->setText(QStringLiteral("\u2715"));
        remove->setToolTip(tr("Remove this row"));
        remove->setProperty(kRowProperty, r);
        connect(remove, &QToolButton::clicked, this, [this, remove] { removeRow(rowOf(remove)); });
        grid->addWidget(remove, r + 1, column);
        m_rows.push_back(row);
    }
    m_layout->insertWidget(0, m_body);
    m_body->setVisible(!rows.empty());
    m_empty->setVisible(rows.empty());
}

QWidget *RowTable::makeCell(int row, int column, const QString &value)
{
    const Column &spec = m_columns[size_t(column)];
    QWidget *cell = nullptr;
    switch (spec.kind) {
    case Kind::Text: {
        auto *edit = new QLineEdit;
        edit->setPlaceholderText(spec.placeholder);
        leaveUndoToDocument(edit);
        // Committed once, when the person is done with the cell: a half-typed name is no edit.
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            if (!edit->isModified())
                return;
            edit->setModified(false);
            Q_EMIT rowsEdited();
        });
        cell = edit;
        break;
    }
    case Kind::Choice: {
        auto *combo = new QComboBox;
        for (const auto &[label, choice] : m_choices[size_t(column)])
            combo->addItem(label, choice);
        connect(combo, &QComboBox::activated, this, [this] { Q_EMIT rowsEdited(); });
        cell = combo;
        break;
    }
    case Kind::Check: {
        auto *check = new QCheckBox;
        check->setAccessibleName(spec.title);
        connect(check, &QCheckBox::clicked, this, [this] { Q_EMIT rowsEdited(); });
        cell = check;
        break;
    }
    }
    cell->setObjectName(m_name + QStringLiteral("_r%1c%2").arg(row).arg(column));
    cell->setProperty(kRowProperty, row);
    setCellValue(cell, column, value);
    return cell;
}

void RowTable::setCellValue(QWidget *cell, int column, const QString &value)
{
    switch (m_columns[size_t(column)].kind) {
    case Kind::Text:
        setFieldText(static_cast<QLineEdit *>(cell), value);
        break;
    case Kind::Choice: {
        auto *combo = static_cast<QComboBox *>(cell);
        // A value the list does not know (a model deleted elsewhere) is shown, not lost.
        if (combo->findData(value) < 0 && !value.isEmpty())
            combo->addItem(value, value);
        setFieldChoice(combo, value);
        break;
    }
    case Kind::Check:
        setFieldChecked(static_cast<QCheckBox *>(cell), value == kTrue);
        break;
    }
}

QString RowTable::cellValue(const QWidget *cell, int column) const
{
    switch (m_columns[size_t(column)].kind) {
    case Kind::Text:
        return static_cast<const QLineEdit *>(cell)->text();
    case Kind::Choice:
        return fieldChoice(static_cast<const QComboBox *>(cell));
    case Kind::Check:
        return static_cast<const QCheckBox *>(cell)->isChecked() ? kTrue : QStringLiteral("false");
    }
    return QString();
}

int RowTable::rowOf(const QObject *widget) const
{
    return widget->property(kRowProperty).toInt();
}

void RowTable::appendRow()
{
    std::vector<Row> current = rows();
    QStringList tags;
    for (const RowWidgets &row : m_rows)
        tags.append(row.tag);
    current.push_back(m_newRow);
    tags.append(QString());
    rebuild(current, tags);
    // Straight into the new row's first field, as the person will type there next.
    m_rows.back().cells.front()->setFocus(Qt::OtherFocusReason);
    Q_EMIT rowsEdited();
}

void RowTable::removeRow(int row)
{
    std::vector<Row> current = rows();
    QStringList tags;
    for (const RowWidgets &r : m_rows)
        tags.append(r.tag);
    if (row < 0 || row >= int(current.size()))
        return;
    current.erase(current.begin() + row);
    tags.removeAt(row);
    rebuild(current, tags);
    Q_EMIT rowsEdited();
}

} // namespace portico::widgets::methodexecution
