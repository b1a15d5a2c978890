// Deletes a method; undo puts the whole method back, integration and responses included.
#pragma once

#include "apicommand.h"

#include <optional>

namespace portico::editing {

class DeleteMethodCommand : public ApiCommand
{
public:
    DeleteMethodCommand(ApiDocument *document, const QString &resourceId, const QString &verb);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    QString m_verb;
    std::optional<model::Method> m_removed;
};

} // namespace portico::editing
