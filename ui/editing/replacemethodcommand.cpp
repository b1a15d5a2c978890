#include "replacemethodcommand.h"

#include "base/diagnostic.h"

namespace portico::editing {

namespace {
constexpr int kReplaceMethodId = 0x7e02;
}

ReplaceMethodCommand::ReplaceMethodCommand(ApiDocument *document, const QString &resourceId,
                                           const QString &verb, model::Method method,
                                           const QString &description, const QString &mergeKey)
    : ApiCommand(document, description)
    , m_resourceId(resourceId)
    , m_verb(verb)
    , m_new(std::move(method))
    , m_mergeKey(mergeKey)
{
}

int ReplaceMethodCommand::id() const
{
    return kReplaceMethodId;
}

bool ReplaceMethodCommand::mergeWith(const QUndoCommand *other)
{
    if (other->id() != id())
        return false;
    const auto *next = static_cast<const ReplaceMethodCommand *>(other);
    if (m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey || next->m_resourceId != m_resourceId
        || next->m_verb != m_verb)
        return false;
    // The model already holds `next`'s method (commands are applied before they are pushed).
    m_new = next->m_new;
    // Typed back to where the burst started: nothing left to undo.
    setObsolete(m_old && *m_old == m_new);
    return true;
}

base::Status ReplaceMethodCommand::doRedo()
{
    if (m_new.httpMethod != m_verb) {
        return base::Diagnostic::error(
            api().pathOf(m_resourceId) + QLatin1Char(' ') + m_verb,
            QStringLiteral("a replaced method keeps its verb, not %1").arg(m_new.httpMethod));
    }
    if (!m_old) {
        const model::Resource *resource = api().findResource(m_resourceId);
        const auto method
            = resource ? resource->methods.find(m_verb) : decltype(resource->methods.end()) {};
        if (!resource || method == resource->methods.end()) {
            return base::Diagnostic::error(api().pathOf(m_resourceId) + QLatin1Char(' ') + m_verb,
                                           QStringLiteral("no such method"));
        }
        m_old = method->second;
    }
    return put(m_new);
}

base::Status ReplaceMethodCommand::doUndo()
{
    return put(*m_old);
}

base::Status ReplaceMethodCommand::put(const model::Method &method)
{
    // Through the editor, so that the method is checked as any other added method is.
    base::Result<model::Method> removed = editor().deleteMethod(m_resourceId, m_verb);
    if (!removed.ok())
        return removed.errors();
    base::Status status = editor().putMethod(m_resourceId, method);
    if (!status.ok())
        (void)editor().putMethod(m_resourceId, removed.value());
    return status;
}

} // namespace portico::editing
