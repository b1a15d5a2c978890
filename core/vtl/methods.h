// The Java methods a template may call on its values, as Velocity resolves them on String,
// ArrayList/arrays and HashMap/LinkedHashMap, with Java's results and exception messages.
// Nothing here reaches outside the values themselves: no reflection, no getClass().
#pragma once

#include "value.h"

#include <QString>

#include <span>

namespace portico::vtl {

class BuiltinMethods
{
public:
    // Calls `name` on `target`. An unknown method (or argument types no overload takes) gives
    // null, as in Velocity; a method that would throw sets `error` to Java's message.
    static Value call(const Value &target, const QString &name, std::span<const Value> args,
                      QString &error);
    // `$x.name` without parentheses on a non-map value: Velocity's getter rules (isEmpty()
    // answers `.empty`); anything else is null.
    static Value property(const Value &target, const QString &name);
};

} // namespace portico::vtl
