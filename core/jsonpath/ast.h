// The compiled form of a JSONPath, as Parser builds it and Evaluator walks it: plain data,
// immutable once compiled and shared by every thread that evaluates the path.
#pragma once

#include "number.h"

#include <QRegularExpression>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace portico::jsonpath::ast {

struct Expression;

enum class SegmentKind {
    Property, // .name, ['name'], ['a','b']
    Wildcard, // .*, [*]
    Index, // [0], [-1], [0,2]
    Slice, // [1:3], [1:], [:2], [-2:]
    Filter, // [?(...)]
    Scan, // .. (applies with the segment that follows it)
};

struct Segment
{
    SegmentKind kind = SegmentKind::Property;
    std::vector<std::string> names; // Property, UTF-8
    std::vector<int> indexes; // Index
    std::optional<int> from; // Slice
    std::optional<int> to; // Slice
    std::shared_ptr<const Expression> filter;

    // Set once the whole chain is known, since Jayway's rules depend on position: a multi-name
    // bracket is definite only as the last segment (its members are merged into one object), and
    // a segment whose predecessors are all definite reports a missing value as "not found" for
    // the whole path instead of skipping it.
    bool definite = true;
    bool upstreamDefinite = true;
    bool leaf = false;
};

// A path: '$' (the document) or '@' (the item a filter is testing), then segments.
struct Chain
{
    bool relative = false;
    std::vector<Segment> segments;
    bool definite = true;
    // Only single names and single indexes: resolved without collecting a list.
    bool simple = true;
};

// A JSON value written in a filter: @.size == 3, @.tag in ['a', "b"], @.o == {"k": 1}.
struct Literal
{
    enum class Kind { Null, Boolean, Number, String, Array, Object };
    Kind kind = Kind::Null;
    bool boolean = false;
    Number number;
    std::string string; // UTF-8
    // An array's items, or an object's values with their keys in `keys` (unique, each keeping
    // the last value written for it, as json-smart does).
    std::vector<Literal> items;
    std::vector<std::string> keys;
};

enum class Operator {
    Equal, // ==
    NotEqual, // !=
    StrictEqual, // ===  (same type and equal)
    StrictNotEqual, // !==
    Less, // <
    LessOrEqual, // <=
    Greater, // >
    GreaterOrEqual, // >=
    Matches, // =~ /regex/flags
    In, // in [...]
    NotIn, // nin [...]
    Contains, // contains
    Size, // size n
    Empty, // empty true|false
    AnyOf, // anyof [...]
    NoneOf, // noneof [...]
    SubsetOf, // subsetof [...]
};

struct Operand
{
    enum class Kind { Path, Literal, Pattern };
    Kind kind = Kind::Literal;
    Chain path;
    Literal literal;
    QRegularExpression pattern;
};

struct Expression
{
    enum class Kind {
        Or, // operands: two or more
        And, // operands: two or more
        Not, // operands: one
        Exists, // left: a path
        Compare, // left op right
    };
    Kind kind = Kind::Compare;
    std::vector<Expression> operands;
    Operand left;
    Operator op = Operator::Equal;
    Operand right;
};

} // namespace portico::jsonpath::ast
