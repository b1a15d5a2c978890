// Deletes a resource with its subtree and their methods. Undo restores the subtree where it was in
// the resource list: the list's order is part of a Project's value (==), so an undone delete must
// give back an equal project, not one with the same resources at the end.
#pragma once

#include "apicommand.h"

#include <QStringList>

#include <vector>

namespace portico::editing {

class DeleteResourceCommand : public ApiCommand
{
public:
    DeleteResourceCommand(ApiDocument *document, const QString &resourceId);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    model::ApiEditor::RemovedResources m_removed;
};

} // namespace portico::editing
