// Replaces one method of a resource with an edited copy: the one command behind every field of the
// method-execution view, so that a form only has to build the method it wants. Edits with the same
// merge key (typing in one field) merge into one undo step, as SetTemplateCommand's do.
#pragma once

#include "apicommand.h"

#include "model/method.h"

namespace portico::editing {

class ReplaceMethodCommand : public ApiCommand
{
public:
    // `method.httpMethod` must be `verb`: a replacement never renames. An empty `mergeKey` never
    // merges.
    ReplaceMethodCommand(ApiDocument *document, const QString &resourceId, const QString &verb,
                         model::Method method, const QString &description,
                         const QString &mergeKey = QString());

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    base::Status put(const model::Method &method);

    QString m_resourceId;
    QString m_verb;
    model::Method m_new;
    QString m_mergeKey;
    // The method before the first edit of a merged burst.
    std::optional<model::Method> m_old;
};

} // namespace portico::editing
