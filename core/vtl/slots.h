// Numbers the variables of a parsed template: every name a reference, #set, #foreach, #define or
// macro parameter uses gets a slot, so that a rendering finds its variables by index rather than
// by hashing names. Velocity's scoping rules are unchanged; only the lookup is cheaper.
#pragma once

#include "parser.h"

namespace portico::vtl {

// Fills ParsedTemplate::slotNames, foreachSlot and velocityCountSlot and the slot fields of the
// tree's nodes; also names $foreach's properties (Accessor::loopProperty) and makes the values
// of method calls whose arguments are all literals (Accessor::literalValues).
void resolveSlots(ParsedTemplate &tree);

} // namespace portico::vtl
