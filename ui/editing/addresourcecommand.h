// Adds a child resource. Redo puts back the very resource the first application created (same
// id), so later commands on the stack that refer to it by id still find it.
#pragma once

#include "apicommand.h"

#include <optional>

namespace portico::editing {

class AddResourceCommand : public ApiCommand
{
public:
    AddResourceCommand(ApiDocument *document, const QString &parentId, const QString &pathPart);

    // Empty until the command has been applied.
    QString resourceId() const { return m_created ? m_created->id : QString(); }

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_parentId;
    QString m_pathPart;
    std::optional<model::Resource> m_created;
};

} // namespace portico::editing
