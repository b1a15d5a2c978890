#include "moveresourcecommand.h"

#include "base/diagnostic.h"

namespace portico::editing {

MoveResourceCommand::MoveResourceCommand(ApiDocument *document, const QString &resourceId,
                                         const QString &newParentId)
    : ApiCommand(document, QStringLiteral("Move Resource"))
    , m_resourceId(resourceId)
    , m_newParentId(newParentId)
{
}

base::Status MoveResourceCommand::doRedo()
{
    const model::Resource *resource = api().findResource(m_resourceId);
    if (!resource)
        return base::Diagnostic::error(QStringLiteral("resource %1").arg(m_resourceId), QStringLiteral("does not exist"));
    if (!api().findResource(m_newParentId)) {
        return base::Diagnostic::error(api().pathOf(m_resourceId),
                                       QStringLiteral("the new parent resource does not exist"));
    }
    if (resource->parentId == m_newParentId)
        return base::Diagnostic::error(api().pathOf(m_resourceId), QStringLiteral("already there"));
    m_oldParentId = resource->parentId;
    setText(QStringLiteral("Move %1 to %2").arg(api().pathOf(m_resourceId), api().pathOf(m_newParentId)));
    m_oldPath = api().pathOf(m_resourceId);
    base::Status status = editor().moveResource(m_resourceId, m_newParentId);
    if (status.ok()) {
        m_newPath = api().pathOf(m_resourceId);
        m_retargeted = model::retargetSavedRequests(project().savedRequests, m_oldPath, m_newPath);
    }
    return status;
}

base::Status MoveResourceCommand::doUndo()
{
    base::Status status = editor().moveResource(m_resourceId, m_oldParentId);
    if (status.ok())
        model::restoreSavedRequests(project().savedRequests, m_retargeted, m_oldPath, m_newPath);
    return status;
}

} // namespace portico::editing
