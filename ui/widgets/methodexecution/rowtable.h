// An editable table of a few columns for the maps of a method (parameters, models, mappings,
// headers, templates): one line edit, combo box or check box per cell, a remove button per row and
// an Add button. Plain widgets in a grid rather than an item view, so that every cell is a real
// field people tab through and tests find by object name ("<name>_r<row>c<column>").
// The table only reports edits; the form decides what they mean and whether they are valid.
#pragma once

#include <QStringList>
#include <QWidget>

#include <utility>
#include <vector>

class QGridLayout;
class QLabel;
class QPushButton;
class QVBoxLayout;

namespace portico::widgets::methodexecution {

class RowTable : public QWidget
{
    Q_OBJECT

public:
    enum class Kind { Text, Choice, Check };
    struct Column
    {
        QString title;
        Kind kind = Kind::Text;
        QString placeholder;
    };
    // One value per column: the text, the chosen item's value, or "true" / "false".
    using Row = QStringList;
    // (label, value) pairs of a Choice column.
    using Choices = std::vector<std::pair<QString, QString>>;

    RowTable(const QString &name, std::vector<Column> columns, QWidget *parent = nullptr);

    void setChoices(int column, const Choices &choices);
    // A button on every row besides Remove; rowActionTriggered() says which row.
    void addRowAction(const QString &name, const QString &text);
    // The row Add appends.
    void setNewRow(const Row &row);
    void setAddText(const QString &text);

    // Rows keep a tag each (what the row was loaded from, such as the old key of a renamed entry);
    // added rows have an empty tag. Values are updated in place when the row count is unchanged.
    void setRows(const std::vector<Row> &rows, const QStringList &tags = {});
    std::vector<Row> rows() const;
    QString tag(int row) const;
    int rowCount() const { return int(m_rows.size()); }
    QWidget *cell(int row, int column) const;
    QPushButton *addButton() const { return m_add; }

    // A problem with the table as a whole, shown under it.
    void setProblem(const QString &problem);

Q_SIGNALS:
    // A cell was committed (Enter, focus out, a choice, a click), a row added or removed.
    void rowsEdited();
    void rowActionTriggered(int row, const QString &name);

private:
    struct RowWidgets
    {
        QList<QWidget *> cells;
        QString tag;
    };

    void rebuild(const std::vector<Row> &rows, const QStringList &tags);
    QWidget *makeCell(int row, int column, const QString &value);
    void setCellValue(QWidget *cell, int column, const QString &value);
    QString cellValue(const QWidget *cell, int column) const;
    int rowOf(const QObject *widget) const;
    void appendRow();
    void removeRow(int row);

    QString m_name;
    std::vector<Column> m_columns;
    std::vector<Choices> m_choices;
    std::vector<std::pair<QString, QString>> m_actions;
    Row m_newRow;
    std::vector<RowWidgets> m_rows;
    QVBoxLayout *m_layout = nullptr;
    QWidget *m_body = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_add = nullptr;
};

} // namespace portico::widgets::methodexecution
