// One side of a filter comparison, viewed the way Jayway JsonPath's ValueNode sees it: a value in
// the document, a literal written in the filter, the list an indefinite path produced, the object
// a multi-name bracket merged, a regex, or "undefined" (a path that matched nothing, which equals
// nothing). A view only: whatever it points at must outlive it.
#pragma once

#include "ast.h"
#include "budget.h"
#include "match.h"
#include "number.h"

#include <simdjson.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace portico::jsonpath {

class FilterValue
{
public:
    enum class Kind { Undefined, Null, Boolean, Number, String, Array, Object, Pattern };

    static FilterValue undefined() { return {}; }
    static FilterValue of(simdjson::dom::element element);
    static FilterValue of(const ast::Literal &literal);
    static FilterValue of(const Match &match);
    static FilterValue list(const std::vector<Match> &matches);
    static FilterValue pattern(const QRegularExpression &pattern);

    Kind kind() const { return m_kind; }
    // Arrays and objects: Jayway's JsonNode.
    bool isJson() const { return m_kind == Kind::Array || m_kind == Kind::Object; }

    bool boolean() const;
    Number number() const;
    std::string_view string() const;
    const QRegularExpression &regex() const { return *m_pattern; }
    std::vector<FilterValue> items() const;
    std::vector<std::pair<std::string_view, FilterValue>> members() const;
    // Array length, or -1 for anything else (what Jayway's `size` compares with).
    qint64 length() const;

    // Jayway's ValueNode.equals, which is lenient across types: 1 == '1', '1' == 1 (by Java's
    // text of the number), and arrays or objects compare deeply as Java collections do.
    static bool equals(const FilterValue &a, const FilterValue &b, Budget &budget);
    // For < <= > >=: numbers by value, strings by code point; no order between other kinds.
    static std::optional<int> order(const FilterValue &a, const FilterValue &b);
    // Whether Jayway would give both the same ValueNode class (for === and !==).
    static bool sameClass(const FilterValue &a, const FilterValue &b);
    // The text =~ matches against: a string, a number's Java text, true/false; else empty.
    std::string regexInput() const;
    // Java's String.length(): UTF-16 code units.
    qint64 utf16Length() const;

private:
    static bool deepEqual(const FilterValue &a, const FilterValue &b, Budget &budget);
    static bool sameJavaScalar(const FilterValue &a, const FilterValue &b);

    enum class Source { None, Element, Literal, List, Merged, Pattern };

    Kind m_kind = Kind::Undefined;
    Source m_source = Source::None;
    simdjson::dom::element m_element;
    const ast::Literal *m_literal = nullptr;
    const std::vector<Match> *m_list = nullptr;
    const std::vector<Member> *m_members = nullptr;
    const QRegularExpression *m_pattern = nullptr;
};

} // namespace portico::jsonpath
