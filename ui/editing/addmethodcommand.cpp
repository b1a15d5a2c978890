#include "addmethodcommand.h"

#include <QCoreApplication>

namespace portico::editing {

AddMethodCommand::AddMethodCommand(ApiDocument *document, const QString &resourceId,
                                   const QString &verb)
    : ApiCommand(document, QCoreApplication::translate("Portico", "Add Method %1").arg(verb))
    , m_resourceId(resourceId)
    , m_verb(verb)
{
}

base::Status AddMethodCommand::doRedo()
{
    if (m_created)
        return editor().putMethod(m_resourceId, *m_created);
    base::Status status = editor().addMethod(m_resourceId, m_verb);
    if (status.ok())
        m_created = api().findResource(m_resourceId)->methods.at(m_verb);
    return status;
}

base::Status AddMethodCommand::doUndo()
{
    base::Result<model::Method> removed = editor().deleteMethod(m_resourceId, m_verb);
    if (!removed.ok())
        return removed.errors();
    return base::success();
}

} // namespace portico::editing
