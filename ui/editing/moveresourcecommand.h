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
};

} // namespace portico::editing
