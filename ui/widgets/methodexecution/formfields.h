// Small helpers shared by the method-execution forms: fields that are refreshed from the model
// without disturbing what is being typed, and the inline problem label that stands next to a field
// instead of a message box.
#pragma once

#include <QColor>
#include <QString>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPalette;
class QHBoxLayout;
class QLineEdit;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace portico::widgets::methodexecution {

// Red that reads on the light and the dark palette alike.
QColor problemColor(const QPalette &palette);

// A hidden label in the problem colour, shown by showProblem() when there is something to say.
QLabel *makeProblemLabel(const QString &objectName, QWidget *parent = nullptr);
// Shows `problem` (hides the label when it is empty) and marks `field`'s tooltip with it.
void showProblem(QLabel *label, const QString &problem, QWidget *field = nullptr);

// Ctrl+Z and Ctrl+Shift+Z in `field` (and in its children) go to the window's Edit > Undo and Redo,
// that is to the document's undo stack, instead of the line edit's own undo: every edit of a field
// is already an undo step of the document, and two undo histories would disagree.
void leaveUndoToDocument(QWidget *field);

// What both response forms (integration and method responses) are built from: the list of
// responses, Add / Remove under it, and the details panel's status-code field with its problem
// label. Object names are `prefix` + "List", "Add", "Remove", "Details", "Status" and
// "StatusProblem"; the forms connect them.
struct ResponseListWidgets
{
    QListWidget *list = nullptr;
    QPushButton *add = nullptr;
    QPushButton *remove = nullptr;
    QHBoxLayout *buttons = nullptr;
    QWidget *details = nullptr;
    QLineEdit *status = nullptr;
    QLabel *statusProblem = nullptr;
    QVBoxLayout *statusColumn = nullptr;
};
ResponseListWidgets makeResponseListWidgets(const QString &prefix);

// As tall as its rows (a few at most), so that a list of two status codes is not a tall box.
void fitListHeight(QListWidget *list);

// Each sets the value without emitting the field's signals, and only when it differs, so that a
// field being typed into keeps its cursor when the model comes back with what it shows.
void setFieldText(QLineEdit *field, const QString &text);
void setFieldChecked(QCheckBox *field, bool checked);
// Selects the item whose data (or text, when it has no data) is `value`.
void setFieldChoice(QComboBox *field, const QString &value);
// The selected item's data, or its text when it has none.
QString fieldChoice(const QComboBox *field);

} // namespace portico::widgets::methodexecution
