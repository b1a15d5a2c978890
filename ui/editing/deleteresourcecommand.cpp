#include "deleteresourcecommand.h"

#include <QCoreApplication>


namespace portico::editing {

DeleteResourceCommand::DeleteResourceCommand(ApiDocument *document, const QString &resourceId)
    : ApiCommand(document, QCoreApplication::translate("Portico", "Delete Resource"))
    , m_resourceId(resourceId)
{
}

base::Status DeleteResourceCommand::doRedo()
{
    const QString path = api().pathOf(m_resourceId);
    auto removed = editor().deleteResource(m_resourceId);
    if (!removed.ok())
        return removed.errors();
    m_removed = std::move(removed).value();
    setText(QCoreApplication::translate("Portico", "Delete Resource %1").arg(path));
    return base::success();
}

base::Status DeleteResourceCommand::doUndo()
{
    return editor().restoreResources(m_removed);
}

} // namespace portico::editing
