// Ctrl+P: a search box over every resource, method and named part of the project; typing narrows the list, Up/Down move,
// Enter jumps, Escape closes. The ranking is editing::QuickOpenIndex's.
#pragma once

#include "editing/quickopenindex.h"

#include <QDialog>

#include <optional>

class QLineEdit;
class QListWidget;

namespace portico::widgets {

class QuickOpen : public QDialog
{
    Q_OBJECT

public:
    QuickOpen(const model::Project &project, QWidget *parent = nullptr);

    QLineEdit *input() const { return m_input; }
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void chosen(const QString &resourceId, const QString &verb);
    // A model, stage, ...: `kind` is its editing::PartKind.
    void partChosen(int kind, const QString &key);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refresh();
    void choose();

    editing::QuickOpenIndex m_index;
    std::vector<editing::QuickOpenEntry> m_shown;
    QLineEdit *m_input;
    QListWidget *m_list;
};

} // namespace portico::widgets
