#include "renameresourcecommand.h"

#include <QCoreApplication>

namespace portico::editing {

RenameResourceCommand::RenameResourceCommand(ApiDocument *document, const QString &resourceId,
                                             const QString &newPathPart)
    : ApiCommand(document,
                 QCoreApplication::translate("Portico", "Rename Resource to %1").arg(newPathPart))
    , m_resourceId(resourceId)
    , m_newPathPart(newPathPart)
{
}

base::Status RenameResourceCommand::doRedo()
{
    const model::Resource *resource = api().findResource(m_resourceId);
    const QString oldPathPart = resource ? resource->pathPart : QString();
    base::Status status = editor().renameResource(m_resourceId, m_newPathPart);
    if (status.ok())
        m_oldPathPart = oldPathPart;
    return status;
}

base::Status RenameResourceCommand::doUndo()
{
    return editor().renameResource(m_resourceId, m_oldPathPart);
}

} // namespace portico::editing
