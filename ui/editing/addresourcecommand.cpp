#include "addresourcecommand.h"

#include <QCoreApplication>

namespace portico::editing {

AddResourceCommand::AddResourceCommand(ApiDocument *document, const QString &parentId,
                                       const QString &pathPart)
    : ApiCommand(document, QCoreApplication::translate("Portico", "Add Resource %1").arg(pathPart))
    , m_parentId(parentId)
    , m_pathPart(pathPart)
{
}

base::Status AddResourceCommand::doRedo()
{
    if (m_created)
        return editor().restoreResources({{api().resources.size(), *m_created}}); // appended, as first made
    base::Result<QString> id = editor().addResource(m_parentId, m_pathPart);
    if (!id.ok())
        return id.errors();
    m_created = *api().findResource(id.value());
    return base::success();
}

base::Status AddResourceCommand::doUndo()
{
    const auto removed = editor().deleteResource(m_created->id);
    if (!removed.ok())
        return removed.errors();
    return base::success();
}

} // namespace portico::editing
