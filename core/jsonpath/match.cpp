#include "match.h"

namespace portico::jsonpath {

Match::Match(simdjson::dom::element element)
    : m_element(element)
{
}

Match::Match(std::vector<Member> members)
    : m_members(std::move(members))
    , m_merged(true)
{
}

} // namespace portico::jsonpath
