#include "predicate.h"

#include "evaluator.h"

#include <algorithm>

namespace portico::jsonpath {

using ast::Expression;
using ast::Operator;
using Kind = FilterValue::Kind;
using simdjson::dom::element;

Predicate::Predicate(Evaluator &evaluator)
    : m_evaluator(evaluator)
{
}

std::optional<bool> Predicate::test(const Expression &expression, element item)
{
    if (!m_evaluator.budget().spend())
        return std::nullopt;
    switch (expression.kind) {
    case Expression::Kind::Or:
        for (const Expression &operand : expression.operands) {
            const std::optional<bool> r = test(operand, item);
            if (!r || *r)
                return r;
        }
        return false;
    case Expression::Kind::And:
        for (const Expression &operand : expression.operands) {
            const std::optional<bool> r = test(operand, item);
            if (!r || !*r)
                return r;
        }
        return true;
    case Expression::Kind::Not: {
        const std::optional<bool> r = test(expression.operands.front(), item);
        if (!r)
            return r;
        return !*r;
    }
    case Expression::Kind::Exists:
        return exists(expression.left.path, item);
    case Expression::Kind::Compare:
        return compare(expression, item);
    }
    return false;
}

std::optional<bool> Predicate::exists(const ast::Chain &path, element item)
{
    const element start = path.relative ? item : m_evaluator.root();
    if (path.simple)
        return Evaluator::resolve(path, start).has_value();
    const Matches matches = m_evaluator.evaluate(path, start);
    if (m_evaluator.stopped())
        return std::nullopt;
    // A definite path exists when it found a value, even null; an indefinite one when its list
    // is not empty (Jayway 2.9's rule; older versions also accepted an empty list).
    return matches.found() && !(matches.isList() && matches.items().empty());
}

std::optional<bool> Predicate::compare(const Expression &expression, element item)
{
    std::optional<Matches> leftHolder;
    std::optional<Matches> rightHolder;
    const std::optional<FilterValue> left = resolve(expression.left, item, leftHolder);
    if (!left)
        return std::nullopt;
    const std::optional<FilterValue> right = resolve(expression.right, item, rightHolder);
    if (!right)
        return std::nullopt;
    const bool result = apply(expression.op, *left, *right);
    if (m_evaluator.budget().exhausted())
        return std::nullopt;
    return result;
}

std::optional<FilterValue> Predicate::resolve(const ast::Operand &operand, element item,
                                              std::optional<Matches> &holder)
{
    switch (operand.kind) {
    case ast::Operand::Kind::Literal:
        return FilterValue::of(operand.literal);
    case ast::Operand::Kind::Pattern:
        return FilterValue::pattern(operand.pattern);
    case ast::Operand::Kind::Path:
        break;
    }
    const ast::Chain &path = operand.path;
    const element start = path.relative ? item : m_evaluator.root();
    if (path.simple) {
        const std::optional<element> value = Evaluator::resolve(path, start);
        return value ? FilterValue::of(*value) : FilterValue::undefined();
    }
    holder = m_evaluator.evaluate(path, start);
    if (m_evaluator.stopped())
        return std::nullopt;
    if (!holder->found())
        return FilterValue::undefined();
    if (holder->isList())
        return FilterValue::list(holder->items());
    return FilterValue::of(*holder->value());
}

bool Predicate::apply(Operator op, const FilterValue &left, const FilterValue &right)
{
    Budget &budget = m_evaluator.budget();
    switch (op) {
    case Operator::Equal:
        return FilterValue::equals(left, right, budget);
    case Operator::NotEqual:
        return !FilterValue::equals(left, right, budget);
    case Operator::StrictEqual:
        return FilterValue::sameClass(left, right) && FilterValue::equals(left, right, budget);
    case Operator::StrictNotEqual:
        return !(FilterValue::sameClass(left, right) && FilterValue::equals(left, right, budget));
    case Operator::Less:
    case Operator::LessOrEqual:
    case Operator::Greater:
    case Operator::GreaterOrEqual: {
        const std::optional<int> order = FilterValue::order(left, right);
        if (!order)
            return false;
        if (op == Operator::Less)
            return *order < 0;
        if (op == Operator::LessOrEqual)
            return *order <= 0;
        if (op == Operator::Greater)
            return *order > 0;
        return *order >= 0;
    }
    case Operator::Matches: {
        // Exactly one side must be the /regex/.
        const bool leftIsPattern = left.kind() == Kind::Pattern;
        if (leftIsPattern == (right.kind() == Kind::Pattern))
            return false;
        const FilterValue &pattern = leftIsPattern ? left : right;
        const FilterValue &subject = leftIsPattern ? right : left;
        const QString input = QString::fromStdString(subject.regexInput());
        return pattern.regex().match(input).hasMatch();
    }
    case Operator::In:
        return right.kind() == Kind::Array && listContains(right, left);
    case Operator::NotIn:
        // Jayway: an object on the right is an empty list; a scalar is an error (false).
        if (right.kind() == Kind::Array)
            return !listContains(right, left);
        return right.kind() == Kind::Object;
    case Operator::Contains:
        if (left.kind() == Kind::String && right.kind() == Kind::String)
            return left.string().find(right.string()) != std::string_view::npos;
        return left.kind() == Kind::Array && listContains(left, right);
    case Operator::Size:
        if (right.kind() != Kind::Number)
            return false;
        if (left.kind() == Kind::String)
            return left.utf16Length() == right.number().javaIntValue();
        if (left.isJson())
            return left.length() == right.number().javaIntValue();
        return false;
    case Operator::Empty:
        if (right.kind() != Kind::Boolean)
            return false;
        if (left.kind() == Kind::String)
            return left.string().empty() == right.boolean();
        if (left.kind() == Kind::Array)
            return (left.length() == 0) == right.boolean();
        if (left.kind() == Kind::Object)
            return left.members().empty() == right.boolean();
        return false;
    case Operator::AnyOf:
    case Operator::NoneOf:
    case Operator::SubsetOf: {
        if (left.kind() != Kind::Array || right.kind() != Kind::Array)
            return false;
        const std::vector<FilterValue> items = left.items();
        if (op == Operator::SubsetOf) {
            return std::all_of(items.begin(), items.end(),
                               [&](const FilterValue &item) { return listContains(right, item); });
        }
        const bool any = std::any_of(items.begin(), items.end(), [&](const FilterValue &item) {
            return listContains(right, item);
        });
        return op == Operator::AnyOf ? any : !any;
    }
    }
    return false;
}

bool Predicate::listContains(const FilterValue &list, const FilterValue &value)
{
    Budget &budget = m_evaluator.budget();
    for (const FilterValue &item : list.items()) {
        if (FilterValue::equals(value, item, budget))
            return true;
        if (budget.exhausted())
            return false;
    }
    return false;
}

} // namespace portico::jsonpath
