// What an import reported, in a window beside the navigator: one row per problem with its JSON
// pointer and what became of it. Activating a row asks the window to go to that place.
#pragma once

#include "base/diagnostic.h"

#include <QDialog>

#include <vector>

class QTreeWidget;

namespace portico::widgets {

class ImportReportView : public QDialog
{
    Q_OBJECT

public:
    ImportReportView(const QString &summary, const std::vector<base::Diagnostic> &report,
                     QWidget *parent = nullptr);

    QTreeWidget *list() const { return m_list; }

Q_SIGNALS:
    // A row was activated (clicked, or Enter): its JSON pointer in the imported file.
    void locationActivated(const QString &pointer);

private:
    QTreeWidget *m_list;
};

} // namespace portico::widgets
