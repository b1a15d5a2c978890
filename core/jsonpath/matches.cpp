#include "matches.h"

namespace portico::jsonpath {

Matches Matches::notFound(bool definite)
{
    Matches m(definite, {});
    m.m_found = false;
    return m;
}

Matches::Matches(bool definite, std::vector<Match> items)
    : m_items(std::move(items))
    , m_definite(definite)
    , m_found(!definite || !m_items.empty())
{
}

const Match *Matches::value() const
{
    if (!m_definite || m_items.empty())
        return nullptr;
    // Jayway returns the last result of a definite path; there is never more than one.
    return &m_items.back();
}

} // namespace portico::jsonpath
