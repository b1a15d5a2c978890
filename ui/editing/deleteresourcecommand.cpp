#include "deleteresourcecommand.h"

#include <QCoreApplication>

#include <algorithm>

namespace portico::editing {

DeleteResourceCommand::DeleteResourceCommand(ApiDocument *document, const QString &resourceId)
    : ApiCommand(document, QCoreApplication::translate("Portico", "Delete Resource"))
    , m_resourceId(resourceId)
{
}

base::Status DeleteResourceCommand::doRedo()
{
    QStringList order;
    for (const model::Resource &resource : api().resources)
        order.append(resource.id);
    const QString path = api().pathOf(m_resourceId);
    base::Result<std::vector<model::Resource>> removed = editor().deleteResource(m_resourceId);
    if (!removed.ok())
        return removed.errors();
    m_removed = std::move(removed).value();
    m_orderBefore = order;
    setText(QCoreApplication::translate("Portico", "Delete Resource %1").arg(path));
    return base::success();
}

base::Status DeleteResourceCommand::doUndo()
{
    base::Status status = editor().restoreResources(m_removed);
    if (!status.ok())
        return status;
    // restoreResources() appends; put every resource back at its old place.
    std::stable_sort(api().resources.begin(), api().resources.end(),
                     [this](const model::Resource &a, const model::Resource &b) {
                         return m_orderBefore.indexOf(a.id) < m_orderBefore.indexOf(b.id);
                     });
    return base::success();
}

} // namespace portico::editing
