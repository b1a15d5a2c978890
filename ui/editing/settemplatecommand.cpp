#include "settemplatecommand.h"

#include <QCoreApplication>

namespace portico::editing {

namespace {
constexpr int kSetTemplateId = 0x7e01;
}

SetTemplateCommand::SetTemplateCommand(ApiDocument *document, const QString &resourceId,
                                       const QString &verb, const QString &statusCode,
                                       const QString &contentType, const QString &text)
    : ApiCommand(document,
                 QCoreApplication::translate("Portico", "Edit Template %1").arg(contentType))
    , m_resourceId(resourceId)
    , m_verb(verb)
    , m_statusCode(statusCode)
    , m_contentType(contentType)
    , m_text(text)
{
}

int SetTemplateCommand::id() const
{
    return kSetTemplateId;
}

bool SetTemplateCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *next = static_cast<const SetTemplateCommand *>(other);
    if (next->m_resourceId != m_resourceId || next->m_verb != m_verb
        || next->m_statusCode != m_statusCode || next->m_contentType != m_contentType)
        return false;
    // The model already holds `next`'s text (commands are applied before they are pushed).
    m_text = next->m_text;
    return true;
}

base::Status SetTemplateCommand::doRedo()
{
    if (!m_haveOld) {
        m_old = model::ApiEditor::mappingTemplate(api(), m_resourceId, m_verb, m_statusCode,
                                                  m_contentType);
        m_haveOld = true;
    }
    return editor().setMappingTemplate(m_resourceId, m_verb, m_statusCode, m_contentType, m_text);
}

base::Status SetTemplateCommand::doUndo()
{
    return editor().setMappingTemplate(m_resourceId, m_verb, m_statusCode, m_contentType, m_old);
}

} // namespace portico::editing
