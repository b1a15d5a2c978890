// What evaluating a JSONPath gives, in the three shapes Jayway JsonPath (behind API Gateway's
// $input.json and $input.path) distinguishes: nothing found (Jayway throws PathNotFoundException:
// $input.json prints "" and $input.path is null), one value (a definite path such as $.a[0]), or
// a list in document order, possibly empty (an indefinite path: wildcard, deep scan, slice, filter,
// several indexes).
#pragma once

#include "match.h"

#include <vector>

namespace portico::jsonpath {

class Matches
{
public:
    static Matches notFound(bool definite);
    // For a definite path `items` holds at most one match; none means not found.
    Matches(bool definite, std::vector<Match> items);

    // A list renders as a JSON array, even with one or no item; a definite match as the value.
    bool isList() const { return !m_definite; }
    bool found() const { return m_found; }
    const std::vector<Match> &items() const { return m_items; }
    // The definite path's value; null when not found or when the path is a list.
    const Match *value() const;

private:
    std::vector<Match> m_items;
    bool m_definite = true;
    bool m_found = false;
};

} // namespace portico::jsonpath
