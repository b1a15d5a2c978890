#include "filtervalue.h"

#include "members.h"

#include <algorithm>

namespace portico::jsonpath {

using simdjson::dom::element_type;

FilterValue FilterValue::of(simdjson::dom::element element)
{
    FilterValue v;
    v.m_source = Source::Element;
    v.m_element = element;
    switch (element.type()) {
    case element_type::ARRAY:
        v.m_kind = Kind::Array;
        break;
    case element_type::OBJECT:
        v.m_kind = Kind::Object;
        break;
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        v.m_kind = Kind::Number;
        break;
    case element_type::STRING:
        v.m_kind = Kind::String;
        break;
    case element_type::BOOL:
        v.m_kind = Kind::Boolean;
        break;
    case element_type::NULL_VALUE:
        v.m_kind = Kind::Null;
        break;
    }
    return v;
}

FilterValue FilterValue::of(const ast::Literal &literal)
{
    using LK = ast::Literal::Kind;
    FilterValue v;
    v.m_source = Source::Literal;
    v.m_literal = &literal;
    switch (literal.kind) {
    case LK::Null:
        v.m_kind = Kind::Null;
        break;
    case LK::Boolean:
        v.m_kind = Kind::Boolean;
        break;
    case LK::Number:
        v.m_kind = Kind::Number;
        break;
    case LK::String:
        v.m_kind = Kind::String;
        break;
    case LK::Array:
        v.m_kind = Kind::Array;
        break;
    case LK::Object:
        v.m_kind = Kind::Object;
        break;
    }
    return v;
}

FilterValue FilterValue::of(const Match &match)
{
    if (!match.isMerged())
        return of(match.element());
    FilterValue v;
    v.m_kind = Kind::Object;
    v.m_source = Source::Merged;
    v.m_members = &match.members();
    return v;
}

FilterValue FilterValue::list(const std::vector<Match> &matches)
{
    FilterValue v;
    v.m_kind = Kind::Array;
    v.m_source = Source::List;
    v.m_list = &matches;
    return v;
}

FilterValue FilterValue::pattern(const QRegularExpression &pattern)
{
    FilterValue v;
    v.m_kind = Kind::Pattern;
    v.m_source = Source::Pattern;
    v.m_pattern = &pattern;
    return v;
}

bool FilterValue::boolean() const
{
    if (m_source == Source::Literal)
        return m_literal->boolean;
    return m_element.get_bool().value_unsafe();
}

Number FilterValue::number() const
{
    if (m_source == Source::Literal)
        return m_literal->number;
    return Number::fromElement(m_element).value_or(Number());
}

std::string_view FilterValue::string() const
{
    if (m_source == Source::Literal)
        return m_literal->string;
    return m_element.get_string().value_unsafe();
}

std::vector<FilterValue> FilterValue::items() const
{
    std::vector<FilterValue> items;
    switch (m_source) {
    case Source::Element:
        for (const simdjson::dom::array array = m_element.get_array().value_unsafe();
             const auto item : array)
            items.push_back(of(item));
        break;
    case Source::Literal:
        for (const ast::Literal &item : m_literal->items)
            items.push_back(of(item));
        break;
    case Source::List:
        for (const Match &match : *m_list)
            items.push_back(of(match));
        break;
    case Source::None:
    case Source::Merged:
    case Source::Pattern:
        break;
    }
    return items;
}

std::vector<std::pair<std::string_view, FilterValue>> FilterValue::members() const
{
    std::vector<std::pair<std::string_view, FilterValue>> members;
    switch (m_source) {
    case Source::Element:
        ObjectMembers::forEach(m_element.get_object().value_unsafe(),
                               [&](std::string_view key, simdjson::dom::element value) {
                                   members.emplace_back(key, of(value));
                                   return true;
                               });
        break;
    case Source::Literal:
        for (std::size_t i = 0; i < m_literal->keys.size(); ++i)
            members.emplace_back(m_literal->keys[i], of(m_literal->items[i]));
        break;
    case Source::Merged:
        for (const Member &member : *m_members)
            members.emplace_back(member.key, of(member.value));
        break;
    case Source::None:
    case Source::List:
    case Source::Pattern:
        break;
    }
    return members;
}

qint64 FilterValue::length() const
{
    if (m_kind != Kind::Array)
        return -1;
    switch (m_source) {
    case Source::Element:
        return static_cast<qint64>(m_element.get_array().value_unsafe().size());
    case Source::Literal:
        return static_cast<qint64>(m_literal->items.size());
    case Source::List:
        return static_cast<qint64>(m_list->size());
    default:
        return -1;
    }
}

bool FilterValue::equals(const FilterValue &a, const FilterValue &b, Budget &budget)
{
    if (a.isJson() && b.isJson())
        return deepEqual(a, b, budget);
    switch (a.m_kind) {
    case Kind::Undefined:
        return false;
    case Kind::Null:
        return b.m_kind == Kind::Null;
    case Kind::Boolean:
        return b.m_kind == Kind::Boolean && a.boolean() == b.boolean();
    case Kind::String:
        // StringNode.equals reads a number as Java prints it.
        if (b.m_kind == Kind::Number)
            return a.string() == b.number().javaText();
        return b.m_kind == Kind::String && a.string() == b.string();
    case Kind::Number:
        // NumberNode.equals reads a string as a BigDecimal.
        if (b.m_kind == Kind::String) {
            const std::optional<Number> parsed = Number::parse(b.string());
            return parsed && Number::compare(a.number(), *parsed) == 0;
        }
        return b.m_kind == Kind::Number && Number::compare(a.number(), b.number()) == 0;
    case Kind::Pattern:
        return b.m_kind == Kind::Pattern && a.regex() == b.regex();
    case Kind::Array:
    case Kind::Object:
        break;
    }
    return false;
}

std::optional<int> FilterValue::order(const FilterValue &a, const FilterValue &b)
{
    if (a.m_kind == Kind::Number && b.m_kind == Kind::Number)
        return Number::compare(a.number(), b.number());
    if (a.m_kind == Kind::String && b.m_kind == Kind::String) {
        // UTF-8 byte order is code point order; Java compares UTF-16 units, which differs only
        // between characters above U+FFFF and those in U+E000..U+FFFF.
        const int c = a.string().compare(b.string());
        return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    return std::nullopt;
}

bool FilterValue::sameClass(const FilterValue &a, const FilterValue &b)
{
    return a.m_kind == b.m_kind || (a.isJson() && b.isJson());
}

std::string FilterValue::regexInput() const
{
    switch (m_kind) {
    case Kind::String:
        return std::string(string());
    case Kind::Number:
        return number().javaText();
    case Kind::Boolean:
        return boolean() ? "true" : "false";
    default:
        return {};
    }
}

qint64 FilterValue::utf16Length() const
{
    qint64 units = 0;
    for (const char c : string()) {
        const auto byte = static_cast<unsigned char>(c);
        if ((byte & 0xC0) != 0x80)
            units += (byte >= 0xF0) ? 2 : 1;
    }
    return units;
}

bool FilterValue::deepEqual(const FilterValue &a, const FilterValue &b, Budget &budget)
{
    // An explicit stack: two deep documents must not recurse once per level.
    std::vector<std::pair<FilterValue, FilterValue>> pending {{a, b}};
    while (!pending.empty()) {
        const auto [x, y] = pending.back();
        pending.pop_back();
        if (!budget.spend())
            return false;
        if (x.m_kind == Kind::Array && y.m_kind == Kind::Array) {
            const std::vector<FilterValue> left = x.items();
            const std::vector<FilterValue> right = y.items();
            if (left.size() != right.size())
                return false;
            for (std::size_t i = 0; i < left.size(); ++i)
                pending.emplace_back(left[i], right[i]);
        } else if (x.m_kind == Kind::Object && y.m_kind == Kind::Object) {
            const auto left = x.members();
            const auto right = y.members();
            if (left.size() != right.size())
                return false;
            // Map.equals: same keys, equal values, any order.
            for (const auto &member : left) {
                const auto other = std::find_if(right.begin(), right.end(), [&](const auto &m) {
                    return m.first == member.first;
                });
                if (other == right.end())
                    return false;
                pending.emplace_back(member.second, other->second);
            }
        } else if (!sameJavaScalar(x, y)) {
            return false;
        }
    }
    return true;
}

bool FilterValue::sameJavaScalar(const FilterValue &a, const FilterValue &b)
{
    if (a.m_kind != b.m_kind)
        return false;
    switch (a.m_kind) {
    case Kind::Null:
        return true;
    case Kind::Boolean:
        return a.boolean() == b.boolean();
    case Kind::Number:
        return Number::sameJavaValue(a.number(), b.number());
    case Kind::String:
        return a.string() == b.string();
    default:
        return false;
    }
}

} // namespace portico::jsonpath
