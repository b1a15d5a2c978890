// The syntax tree of a parsed template. Built once by Parser, never changed afterwards, so one
// tree is rendered by many threads at once.
#pragma once

#include "value.h"

#include <QString>
#include <QStringList>

#include <memory>
#include <string>
#include <vector>

namespace portico::vtl::ast {

struct Position
{
    int line = 1;
    int column = 1;
};

struct Node;
struct Expr;
using NodePtr = std::unique_ptr<Node>;
using ExprPtr = std::unique_ptr<Expr>;
using Block = std::vector<NodePtr>;

// ---- expressions

struct Expr
{
    enum class Kind { Literal, Interpolated, List, Map, Range, Reference, Not, Binary };
    explicit Expr(Kind k, Position p) : kind(k), pos(p) {}
    virtual ~Expr() = default;
    Kind kind;
    Position pos;
};

struct LiteralExpr : Expr
{
    LiteralExpr(Position p, Value v) : Expr(Kind::Literal, p), value(std::move(v)) {}
    Value value;
};

// "text with $refs and #directives", rendered to a string each time it is evaluated.
struct InterpolatedExpr : Expr
{
    explicit InterpolatedExpr(Position p) : Expr(Kind::Interpolated, p) {}
    Block parts;
};

struct ListExpr : Expr
{
    explicit ListExpr(Position p) : Expr(Kind::List, p) {}
    std::vector<ExprPtr> items;
};

struct MapExpr : Expr
{
    explicit MapExpr(Position p) : Expr(Kind::Map, p) {}
    std::vector<std::pair<ExprPtr, ExprPtr>> entries;
};

struct RangeExpr : Expr
{
    explicit RangeExpr(Position p) : Expr(Kind::Range, p) {}
    ExprPtr from;
    ExprPtr to;
};

struct Accessor
{
    enum class Kind { Property, Method, Index };
    // $foreach's properties, named at compile time so that reading them costs no comparisons.
    enum class LoopProperty { None, Index, Count, HasNext, First, Last };
    Kind kind = Kind::Property;
    QString name;
    LoopProperty loopProperty = LoopProperty::None;
    // `name` as bytes when it is ASCII (as nearly all are), for reading JSON in place; else empty.
    std::string asciiName;
    std::vector<ExprPtr> args; // method arguments
    // All the arguments are literals (numbers, booleans, plain strings): their values, made once.
    bool literalArguments = false;
    std::vector<Value> literalValues;
    ExprPtr index;             // [index]
    Position pos;
};

struct ReferenceExpr : Expr
{
    explicit ReferenceExpr(Position p) : Expr(Kind::Reference, p) {}
    QString root;
    // The variable `root` names, numbered once the template is parsed (see slots.h).
    int slot = -1;
    std::vector<Accessor> chain;
    // As written ("$!{a.b}"), for error messages and escaped references.
    QString source;
    bool quiet = false;
};

struct NotExpr : Expr
{
    explicit NotExpr(Position p) : Expr(Kind::Not, p) {}
    ExprPtr operand;
};

enum class BinaryOp { Or, And, Eq, Ne, Lt, Gt, Le, Ge, Add, Sub, Mul, Div, Mod };

struct BinaryExpr : Expr
{
    BinaryExpr(Position p, BinaryOp o) : Expr(Kind::Binary, p), op(o) {}
    BinaryOp op;
    ExprPtr left;
    ExprPtr right;
};

// ---- template nodes

struct Macro;

struct Node
{
    enum class Kind { Text, Reference, Set, If, Foreach, Break, Stop, MacroCall, Define };
    explicit Node(Kind k, Position p) : kind(k), pos(p) {}
    virtual ~Node() = default;
    Kind kind;
    Position pos;
};

struct TextNode : Node
{
    TextNode(Position p, QString t) : Node(Kind::Text, p), text(std::move(t)) {}
    QString text;
};

struct ReferenceNode : Node
{
    explicit ReferenceNode(Position p) : Node(Kind::Reference, p) {}
    std::unique_ptr<ReferenceExpr> ref;
    // Backslashes written before the '$' (\$a prints "$a" when $a is defined).
    int backslashes = 0;
};

struct SetNode : Node
{
    explicit SetNode(Position p) : Node(Kind::Set, p) {}
    std::unique_ptr<ReferenceExpr> target;
    ExprPtr value;
};

struct IfNode : Node
{
    explicit IfNode(Position p) : Node(Kind::If, p) {}
    std::vector<std::pair<ExprPtr, Block>> branches;
    Block elseBlock;
};

struct BreakNode : Node
{
    explicit BreakNode(Position p) : Node(Kind::Break, p) {}
    // #break($foreach.parent) names the loop to leave; a plain #break leaves the innermost scope.
    std::unique_ptr<ReferenceExpr> scope;
};

struct ForeachNode : Node
{
    explicit ForeachNode(Position p) : Node(Kind::Foreach, p) {}
    QString variable;
    int slot = -1; // of `variable`
    ExprPtr iterable;
    Block body;
};

struct Macro
{
    QString name;
    QStringList parameters; // without '$'
    std::vector<int> parameterSlots;
    Block body;
    Position pos;
};

// "#name(args)" or "#name" for any name that is not a directive. Velocity 1.7 binds the name
// once the whole template is parsed, so a macro may be used before its #macro; a name that no
// macro has is plain text: its source, as written, is printed.
struct MacroCallNode : Node
{
    explicit MacroCallNode(Position p) : Node(Kind::MacroCall, p) {}
    QString name;
    // Null when no macro has this name. Owned by ParsedTemplate::macros.
    const Macro *macro = nullptr;
    std::vector<ExprPtr> args;
    // An argument was a bare word (as in "#foreach($a in $b)"): text for an unknown name, an
    // error for a macro.
    bool hasWordArgument = false;
    // The call as written, with the line end it consumed when it had parentheses.
    QString source;
};

struct DefineNode : Node
{
    explicit DefineNode(Position p) : Node(Kind::Define, p) {}
    QString variable;
    int slot = -1; // of `variable`
    std::shared_ptr<const Block> body;
};

} // namespace portico::vtl::ast
