// A mapping template compiled once and rendered many times, from any number of threads at once:
// the parsed tree is immutable and each render keeps its state to itself.
#pragma once

#include "renderer.h"

#include "base/result.h"

#include <memory>

namespace portico::vtl {

class Template
{
public:
    // Parses `text`; a syntax error comes back with "line L, column C" and what was expected.
    static base::Result<Template> compile(const QString &text);

    // Renders with the given variables ($input, $context... are host objects or maps in it).
    // Runtime errors (a method that throws, a limit reached) name the line and the expression.
    base::Result<QString> render(const Variables &variables) const;

private:
    explicit Template(std::shared_ptr<const ParsedTemplate> tree) : m_tree(std::move(tree)) {}
    std::shared_ptr<const ParsedTemplate> m_tree;
};

} // namespace portico::vtl
