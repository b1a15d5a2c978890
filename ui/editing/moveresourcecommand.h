// Moves a resource (with its subtree) under another parent: the navigator's drag and drop. Undo
// puts it back under its old parent.
#pragma once

#include "apicommand.h"

namespace portico::editing {

class MoveResourceCommand : public ApiCommand
{
public:
    MoveResourceCommand(ApiDocument *document, const QString &resourceId, const QString &newParentId);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    QString m_newParentId;
    QString m_oldParentId;
    // The saved requests that followed the resource, and the paths they went between.
    std::vector<size_t> m_retargeted;
    QString m_oldPath;
    QString m_newPath;
};

} // namespace portico::editing
