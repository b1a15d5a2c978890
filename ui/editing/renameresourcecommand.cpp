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
    m_oldPath = api().pathOf(m_resourceId);
    base::Status status = editor().renameResource(m_resourceId, m_newPathPart);
    if (status.ok()) {
        m_oldPathPart = oldPathPart;
        m_newPath = api().pathOf(m_resourceId);
        m_retargeted = model::retargetSavedRequests(project().savedRequests, m_oldPath, m_newPath);
    }
    return status;
}

base::Status RenameResourceCommand::doUndo()
{
    base::Status status = editor().renameResource(m_resourceId, m_oldPathPart);
    if (status.ok())
        model::restoreSavedRequests(project().savedRequests, m_retargeted, m_oldPath, m_newPath);
    return status;
}

} // namespace portico::editing
