// Replaces the whole API definition at once: an OpenAPI import merged into the project or
// overwriting it. One undo step takes the project back to what it was before the import.
#pragma once

#include "apicommand.h"

namespace portico::editing {

class ReplaceApiCommand : public ApiCommand
{
public:
    ReplaceApiCommand(ApiDocument *document, model::RestApi replacement, const QString &text);

protected:
    base::Status doRedo() override;
    base::Status doUndo() override;

private:
    // Whichever definition is not in the document right now.
    model::RestApi m_other;
};

} // namespace portico::editing
