// Decides whether a filter [?(...)] keeps an item: Jayway JsonPath's logical operators, existence
// tests and relational operators (==, <, =~, in, contains, size, empty, anyof...), with its
// lenient comparisons. Sub-paths (@.price, $.limit) run on the evaluator that owns the filter,
// so they share its budget.
#pragma once

#include "ast.h"
#include "filtervalue.h"
#include "matches.h"

#include <simdjson.h>

#include <optional>

namespace portico::jsonpath {

class Evaluator;

class Predicate
{
public:
    explicit Predicate(Evaluator &evaluator);

    // Null when the evaluation ran out of budget.
    std::optional<bool> test(const ast::Expression &expression, simdjson::dom::element item);

private:
    std::optional<bool> exists(const ast::Chain &path, simdjson::dom::element item);
    std::optional<bool> compare(const ast::Expression &expression, simdjson::dom::element item);
    // `holder` keeps a path's matches alive while the returned view points into them.
    std::optional<FilterValue> resolve(const ast::Operand &operand, simdjson::dom::element item,
                                       std::optional<Matches> &holder);
    bool apply(ast::Operator op, const FilterValue &left, const FilterValue &right);
    // Jayway's ValueListNode.contains(value): value.equals(item) for some item.
    bool listContains(const FilterValue &list, const FilterValue &value);

    Evaluator &m_evaluator;
};

} // namespace portico::jsonpath
