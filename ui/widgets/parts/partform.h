// The base of the forms beside the navigator's parts tree (a model, an authorizer, a stage, ...):
// each shows one item of a project part by its key and turns every edit into one undoable
// SetPartCommand, so a form only builds the item it wants. Like the method forms, a form is
// refreshed from the document after every change and must leave the field being typed into
// alone; a refused edit is shown on the form, not in a message box.
#pragma once

#include "editing/apidocument.h"
#include "editing/projectparts.h"

#include <QWidget>

#include <functional>
#include <utility>
#include <vector>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace portico::widgets::parts {

class PartForm : public QWidget
{
    Q_OBJECT

public:
    PartForm(editing::ApiDocument *document, const QString &title, QWidget *parent = nullptr);

    // False (and nothing shown) when there is no such item.
    bool showItem(const QString &key);
    QString key() const { return m_key; }
    // Re-reads the shown item after a change of the document.
    bool refresh() { return showItem(m_key); }

protected:
    // Fills the fields from the item with key(); false when it does not exist.
    virtual bool load() = 0;

    editing::ApiDocument *document() const { return m_document; }
    const model::Project &project() const { return m_document->project(); }
    // The form's fields go here, under the title and over the problem line.
    QFormLayout *fields() const { return m_fields; }
    void setHeading(const QString &text);
    // A widget under the fields that takes the height the form has (an editor).
    void addFillingWidget(QWidget *widget);

    // Applies `change` to a copy of the shown item and hands it to the document, unless it
    // changed nothing. A rename moves the form to the new key.
    template<typename T, typename Change>
    bool edit(const QString &description, Change &&change, const QString &mergeKey = QString())
    {
        const T *current = editing::findPart<T>(project(), m_key);
        if (!current)
            return false;
        T edited = *current;
        change(edited);
        if (edited == *current)
            return true;
        const QString oldKey = std::exchange(m_key, editing::PartTraits<T>::keyOf(edited));
        const base::Status status = m_document->setPart<T>(oldKey, std::move(edited), description, mergeKey);
        if (!status.ok()) {
            m_key = oldKey;
            showProblem(status.error().message);
            return false;
        }
        showProblem(QString());
        return true;
    }
    void showProblem(const QString &problem);

    // A line edit in the form whose every keystroke calls `onEdit` (one undo step per field
    // burst when `onEdit` passes a merge key); Ctrl+Z goes to the document.
    QLineEdit *addLine(const QString &label, const QString &objectName, std::function<void(const QString &)> onEdit,
                       const QString &placeholder = QString());
    QCheckBox *addCheck(const QString &text, const QString &objectName, std::function<void(bool)> onToggle);
    // (label, value) choices; `onChoose` gets the value.
    QComboBox *addChoice(const QString &label, const QString &objectName,
                         const std::vector<std::pair<QString, QString>> &choices,
                         std::function<void(const QString &)> onChoose);

private:
    editing::ApiDocument *m_document;
    QString m_key;
    QLabel *m_heading = nullptr;
    QFormLayout *m_fields = nullptr;
    QLabel *m_problem = nullptr;
    QVBoxLayout *m_layout = nullptr;
};

} // namespace portico::widgets::parts
