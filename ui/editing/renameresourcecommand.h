// Changes a resource's path part; undo gives the old one back.
#pragma once

#include "apicommand.h"

namespace portico::editing {

class RenameResourceCommand : public ApiCommand
{
public:
    RenameResourceCommand(ApiDocument *document, const QString &resourceId,
                          const QString &newPathPart);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    QString m_newPathPart;
    QString m_oldPathPart;
    // The saved requests that followed the resource, and the paths they went between.
    std::vector<size_t> m_retargeted;
    QString m_oldPath;
    QString m_newPath;
};

} // namespace portico::editing
