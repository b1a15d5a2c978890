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

    // False when no rendering can change a list or map it is given (see mutationscan.h): the
    // caller may then pass shared values instead of fresh copies.
    bool mayChangeContainers() const { return m_mayChangeContainers; }

private:
    explicit Template(std::shared_ptr<const ParsedTemplate> tree);
    std::shared_ptr<const ParsedTemplate> m_tree;
    bool m_mayChangeContainers = true;
};

} // namespace portico::vtl
