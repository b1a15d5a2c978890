// Finds out, once per compiled template, whether rendering it could change a list or map it is
// given: a #set into a property or an index, or a call of a Java method that changes its
// receiver. A template that cannot may be handed shared, prebuilt values ($context from a
// prototype) instead of fresh copies, which is most of the cost of a small template.
#pragma once

#include "parser.h"

namespace portico::vtl {

bool mayChangeContainers(const ParsedTemplate &tree);

} // namespace portico::vtl
