// Adds a method with ApiEditor's default (a MOCK integration answering 200). Redo puts back the
// method as first created rather than building a new default.
#pragma once

#include "apicommand.h"

#include <optional>

namespace portico::editing {

class AddMethodCommand : public ApiCommand
{
public:
    AddMethodCommand(ApiDocument *document, const QString &resourceId, const QString &verb);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    QString m_resourceId;
    QString m_verb;
    std::optional<model::Method> m_created;
};

} // namespace portico::editing
