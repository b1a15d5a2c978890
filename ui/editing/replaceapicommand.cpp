#include "replaceapicommand.h"

#include <utility>

namespace portico::editing {

ReplaceApiCommand::ReplaceApiCommand(ApiDocument *document, model::RestApi replacement,
                                     const QString &text)
    : ApiCommand(document, text)
    , m_other(std::move(replacement))
{
}

base::Status ReplaceApiCommand::doRedo()
{
    std::swap(api(), m_other);
    return base::success();
}

base::Status ReplaceApiCommand::doUndo()
{
    std::swap(api(), m_other);
    return base::success();
}

} // namespace portico::editing
