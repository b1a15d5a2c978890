// A read-only pane listing the changes between two versions of an API (model::diffApis) as the
// text model::formatApiChange writes, each change's first line coloured by its kind (added,
// removed, changed), so that the deploy dialog and the deployment history read the same way and
// the text can be selected and copied.
#pragma once

#include "model/apidiff.h"

#include <QPlainTextEdit>

#include <vector>

namespace portico::widgets {

class ApiChangesView : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ApiChangesView(QWidget *parent = nullptr);

    // Shows `changes`, or `emptyText` in the placeholder colour when there are none.
    void setChanges(const std::vector<model::ApiChange> &changes, const QString &emptyText);
    const std::vector<model::ApiChange> &changes() const { return m_changes; }

private:
    std::vector<model::ApiChange> m_changes;
};

} // namespace portico::widgets
