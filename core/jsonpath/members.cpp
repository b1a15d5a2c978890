#include "members.h"

#include <unordered_map>
#include <unordered_set>

namespace portico::jsonpath {

std::optional<simdjson::dom::element> ObjectMembers::find(simdjson::dom::object object,
                                                          std::string_view key)
{
    std::optional<simdjson::dom::element> found;
    for (const auto field : object) {
        if (field.key == key)
            found = field.value;
    }
    return found;
}

std::optional<Member> ObjectMembers::findMember(simdjson::dom::object object, std::string_view key)
{
    std::optional<Member> found;
    for (const auto field : object) {
        if (field.key == key)
            found = Member {field.key, field.value};
    }
    return found;
}

bool ObjectMembers::contains(simdjson::dom::object object, std::string_view key)
{
    for (const auto field : object) {
        if (field.key == key)
            return true;
    }
    return false;
}

bool ObjectMembers::hasDuplicateKeys(simdjson::dom::object object)
{
    const std::size_t size = object.size();
    if (size < 2)
        return false;
    // Pairwise comparison costs nothing for the small objects requests are made of; a hash set
    // keeps a large object linear.
    if (size <= 16) {
        for (auto i = object.begin(); i != object.end(); ++i) {
            auto j = i;
            for (++j; j != object.end(); ++j) {
                if (i.key() == j.key())
                    return true;
            }
        }
        return false;
    }
    std::unordered_set<std::string_view> seen;
    seen.reserve(size);
    for (const auto field : object) {
        if (!seen.insert(field.key).second)
            return true;
    }
    return false;
}

std::vector<Member> ObjectMembers::unique(simdjson::dom::object object)
{
    std::vector<Member> members;
    std::unordered_map<std::string_view, std::size_t> position;
    for (const auto field : object) {
        const auto [it, inserted] = position.emplace(field.key, members.size());
        if (inserted)
            members.push_back({field.key, field.value});
        else
            members[it->second].value = field.value;
    }
    return members;
}

} // namespace portico::jsonpath
