// One value a JSONPath selected: a handle into the parsed document (nothing is copied), or, for a
// path ending in a multi-name bracket such as $.item['id','name'], the object Jayway JsonPath
// builds from the named members present (its keys in the path's order, as a LinkedHashMap).
#pragma once

#include "members.h"

#include <simdjson.h>

#include <vector>

namespace portico::jsonpath {

class Match
{
public:
    explicit Match(simdjson::dom::element element);
    explicit Match(std::vector<Member> members);

    // True for the object built from a multi-name bracket; members() holds it.
    bool isMerged() const { return m_merged; }
    // The selected value; only for a match that is not merged.
    simdjson::dom::element element() const { return m_element; }
    const std::vector<Member> &members() const { return m_members; }

private:
    simdjson::dom::element m_element;
    std::vector<Member> m_members;
    bool m_merged = false;
};

} // namespace portico::jsonpath
