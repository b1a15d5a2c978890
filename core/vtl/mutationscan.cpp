#include "mutationscan.h"

#include <QStringList>

namespace portico::vtl {

using namespace ast;

namespace {

bool scanBlock(const Block &block);

// Conservative: any method of these names may change its receiver, whatever the receiver is,
// since a reference can alias a given map or list.
bool isChangingMethod(const QString &name)
{
    static const QStringList kChanging{QStringLiteral("put"), QStringLiteral("putAll"), QStringLiteral("remove"),
                                       QStringLiteral("clear"), QStringLiteral("add"), QStringLiteral("addAll"),
                                       QStringLiteral("set")};
    return kChanging.contains(name);
}

bool scanExpr(const Expr *e)
{
    if (!e)
        return false;
    switch (e->kind) {
    case Expr::Kind::Literal: return false;
    case Expr::Kind::Interpolated: return scanBlock(static_cast<const InterpolatedExpr *>(e)->parts);
    case Expr::Kind::List:
        for (const ExprPtr &item : static_cast<const ListExpr *>(e)->items) {
            if (scanExpr(item.get()))
                return true;
        }
        return false;
    case Expr::Kind::Map:
        for (const auto &[key, value] : static_cast<const MapExpr *>(e)->entries) {
            if (scanExpr(key.get()) || scanExpr(value.get()))
                return true;
        }
        return false;
    case Expr::Kind::Range: {
        const auto *r = static_cast<const RangeExpr *>(e);
        return scanExpr(r->from.get()) || scanExpr(r->to.get());
    }
    case Expr::Kind::Reference:
        for (const Accessor &a : static_cast<const ReferenceExpr *>(e)->chain) {
            if (a.kind == Accessor::Kind::Method && isChangingMethod(a.name))
                return true;
            if (scanExpr(a.index.get()))
                return true;
            for (const ExprPtr &arg : a.args) {
                if (scanExpr(arg.get()))
                    return true;
            }
        }
        return false;
    case Expr::Kind::Not: return scanExpr(static_cast<const NotExpr *>(e)->operand.get());
    case Expr::Kind::Binary: {
        const auto *b = static_cast<const BinaryExpr *>(e);
        return scanExpr(b->left.get()) || scanExpr(b->right.get());
    }
    }
    return true;
}

bool scanNode(const Node &node)
{
    switch (node.kind) {
    case Node::Kind::Text:
    case Node::Kind::Stop: return false;
    case Node::Kind::Reference: return scanExpr(static_cast<const ReferenceNode &>(node).ref.get());
    case Node::Kind::Set: {
        const auto &s = static_cast<const SetNode &>(node);
        return !s.target->chain.empty() || scanExpr(s.target.get()) || scanExpr(s.value.get());
    }
    case Node::Kind::If:
        for (const auto &[condition, body] : static_cast<const IfNode &>(node).branches) {
            if (scanExpr(condition.get()) || scanBlock(body))
                return true;
        }
        return scanBlock(static_cast<const IfNode &>(node).elseBlock);
    case Node::Kind::Foreach: {
        const auto &f = static_cast<const ForeachNode &>(node);
        return scanExpr(f.iterable.get()) || scanBlock(f.body);
    }
    case Node::Kind::Break: return scanExpr(static_cast<const BreakNode &>(node).scope.get());
    case Node::Kind::MacroCall:
        for (const ExprPtr &arg : static_cast<const MacroCallNode &>(node).args) {
            if (scanExpr(arg.get()))
                return true;
        }
        return false; // macro bodies are scanned once, from ParsedTemplate::macros
    case Node::Kind::Define: return scanBlock(*static_cast<const DefineNode &>(node).body);
    }
    return true;
}

bool scanBlock(const Block &block)
{
    for (const NodePtr &node : block) {
        if (scanNode(*node))
            return true;
    }
    return false;
}

} // namespace

bool mayChangeContainers(const ParsedTemplate &tree)
{
    if (scanBlock(tree.root))
        return true;
    for (const auto &macro : tree.macros) {
        if (scanBlock(macro->body))
            return true;
    }
    return false;
}

} // namespace portico::vtl
