// Readable, stable key order for the objects an export writes: after content kept from an import
// has been put back (which appends keys at the end), the keys a reader expects first are moved
// to the front in the order the OpenAPI specification lists them; the rest keep their order.
#pragma once

#include "base/json.h"

#include <initializer_list>

namespace portico::openapi {

inline void putKeysFirst(base::Json &object, std::initializer_list<const char *> keys)
{
    if (!object.is_object())
        return;
    base::Json ordered = base::Json::object();
    for (const char *key : keys) {
        if (const auto it = object.find(key); it != object.end())
            ordered[key] = std::move(*it);
    }
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (!ordered.contains(it.key()))
            ordered[it.key()] = std::move(it.value());
    }
    object = std::move(ordered);
}

} // namespace portico::openapi
