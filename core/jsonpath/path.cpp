#include "path.h"

#include "evaluator.h"
#include "parser.h"

namespace portico::jsonpath {

Path::Path(QString text, std::shared_ptr<const ast::Chain> chain)
    : m_text(std::move(text))
    , m_chain(std::move(chain))
{
}

base::Result<Path> Path::compile(const QString &text)
{
    base::Result<ast::Chain> chain = Parser::parse(text);
    if (!chain)
        return chain.errors();
    return Path(text, std::make_shared<const ast::Chain>(std::move(chain).value()));
}

bool Path::isDefinite() const
{
    return m_chain->definite;
}

base::Result<Matches> Path::evaluate(simdjson::dom::element root) const
{
    Evaluator evaluator(root);
    Matches matches = evaluator.evaluate(*m_chain, root);
    if (evaluator.stopped())
        return base::Diagnostic::error(QString(), evaluator.stopReason());
    return matches;
}

} // namespace portico::jsonpath
