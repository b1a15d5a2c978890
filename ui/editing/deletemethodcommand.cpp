#include "deletemethodcommand.h"

#include <QCoreApplication>

namespace portico::editing {

DeleteMethodCommand::DeleteMethodCommand(ApiDocument *document, const QString &resourceId,
                                         const QString &verb)
    : ApiCommand(document, QCoreApplication::translate("Portico", "Delete Method %1").arg(verb))
    , m_resourceId(resourceId)
    , m_verb(verb)
{
}

base::Status DeleteMethodCommand::doRedo()
{
    base::Result<model::Method> removed = editor().deleteMethod(m_resourceId, m_verb);
    if (!removed.ok())
        return removed.errors();
    m_removed = std::move(removed).value();
    return base::success();
}

base::Status DeleteMethodCommand::doUndo()
{
    return editor().putMethod(m_resourceId, *m_removed);
}

} // namespace portico::editing
