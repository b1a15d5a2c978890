#include "template.h"

#include "mutationscan.h"

namespace portico::vtl {

Template::Template(std::shared_ptr<const ParsedTemplate> tree)
    : m_tree(std::move(tree))
    , m_mayChangeContainers(vtl::mayChangeContainers(*m_tree))
{}

base::Result<Template> Template::compile(const QString &text)
{
    auto parsed = Parser::parse(text);
    if (!parsed.ok())
        return parsed.errors();
    return Template(std::move(parsed).value());
}

base::Result<QString> Template::render(const Variables &variables) const
{
    return Renderer(variables, !m_mayChangeContainers).render(*m_tree);
}

} // namespace portico::vtl
