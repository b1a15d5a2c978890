// Sets a method's mapping template (integration request, or the integration response of a status
// code) for one content type. Typing in the template workbench sends one edit per change; those
// to the same template merge into one undo step, so Ctrl+Z undoes a burst of typing at once.
#pragma once

#include "apicommand.h"

#include <optional>

namespace portico::editing {

class SetTemplateCommand : public ApiCommand
{
public:
    // An empty `statusCode` is the integration request.
    SetTemplateCommand(ApiDocument *document, const QString &resourceId, const QString &verb,
                       const QString &statusCode, const QString &contentType, const QString &text);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    QString m_verb;
    QString m_statusCode;
    QString m_contentType;
    QString m_text;
    // What was there before the first edit (nullopt: no template for this content type).
    std::optional<QString> m_old;
    bool m_haveOld = false;
};

} // namespace portico::editing
