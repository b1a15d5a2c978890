#include "template.h"

namespace portico::vtl {

base::Result<Template> Template::compile(const QString &text)
{
    auto parsed = Parser::parse(text);
    if (!parsed.ok())
        return parsed.errors();
    return Template(std::move(parsed).value());
}

base::Result<QString> Template::render(const Variables &variables) const
{
    return Renderer(variables).render(*m_tree);
}

} // namespace portico::vtl
