// Reads a JSON object the way json-smart's LinkedHashMap holds it: when a key appears twice the
// last value wins, at the position of the first. simdjson keeps every duplicate, so the
// evaluator, the filters and the serializer all go through here to agree on one view.
#pragma once

#include <simdjson.h>

#include <optional>
#include <string_view>
#include <vector>

namespace portico::jsonpath {

struct Member
{
    std::string_view key;
    simdjson::dom::element value;
};

class ObjectMembers
{
public:
    // The value of `key`, or null when the object has no such key.
    static std::optional<simdjson::dom::element> find(simdjson::dom::object object,
                                                      std::string_view key);
    static bool contains(simdjson::dom::object object, std::string_view key);

    // The key as stored in the document (so it lives as long as the document) and its value.
    static std::optional<Member> findMember(simdjson::dom::object object, std::string_view key);

    // Calls visit(key, value) for every key once, in document order, until it returns false;
    // returns false if it was stopped. Objects without duplicate keys (nearly all of them) are
    // walked in place; only an object with a duplicate costs a copy of its member list.
    template<typename Visitor> static bool forEach(simdjson::dom::object object, Visitor &&visit)
    {
        if (!hasDuplicateKeys(object)) {
            for (const auto field : object) {
                if (!visit(field.key, field.value))
                    return false;
            }
            return true;
        }
        for (const Member &member : unique(object)) {
            if (!visit(member.key, member.value))
                return false;
        }
        return true;
    }

    static std::vector<Member> unique(simdjson::dom::object object);
    static bool hasDuplicateKeys(simdjson::dom::object object);
};

} // namespace portico::jsonpath
