#include "slots.h"

#include <QHash>

#include <algorithm>

namespace portico::vtl {

using namespace ast;

namespace {

class SlotResolver
{
public:
    explicit SlotResolver(ParsedTemplate &tree) : m_tree(tree) {}

    int slot(const QString &name)
    {
        const auto it = m_ids.constFind(name);
        if (it != m_ids.constEnd())
            return *it;
        const int id = int(m_tree.slotNames.size());
        m_ids.insert(name, id);
        m_tree.slotNames.push_back(name);
        return id;
    }
    int existingSlot(const QString &name) const { return m_ids.value(name, -1); }

    void block(Block &nodes)
    {
        for (NodePtr &n : nodes)
            node(*n);
    }

    // The tree is still being built (macros and #define bodies are only shared as const).
    void macro(const Macro &constMacro)
    {
        auto &m = const_cast<Macro &>(constMacro);
        m.parameterSlots.clear();
        for (const QString &parameter : m.parameters)
            m.parameterSlots.push_back(slot(parameter));
        block(m.body);
    }

private:
    void node(Node &n)
    {
        switch (n.kind) {
        case Node::Kind::Text:
        case Node::Kind::Stop: return;
        case Node::Kind::Reference: reference(*static_cast<ReferenceNode &>(n).ref); return;
        case Node::Kind::Set: {
            auto &s = static_cast<SetNode &>(n);
            reference(*s.target);
            expr(s.value.get());
            return;
        }
        case Node::Kind::If: {
            auto &i = static_cast<IfNode &>(n);
            for (auto &[condition, body] : i.branches) {
                expr(condition.get());
                block(body);
            }
            block(i.elseBlock);
            return;
        }
        case Node::Kind::Foreach: {
            auto &f = static_cast<ForeachNode &>(n);
            f.slot = slot(f.variable);
            expr(f.iterable.get());
            block(f.body);
            return;
        }
        case Node::Kind::Break: {
            auto &b = static_cast<BreakNode &>(n);
            if (b.scope)
                reference(*b.scope);
            return;
        }
        case Node::Kind::MacroCall:
            for (ExprPtr &arg : static_cast<MacroCallNode &>(n).args)
                expr(arg.get());
            return; // macro bodies are resolved once, from ParsedTemplate::macros
        case Node::Kind::Define: {
            auto &d = static_cast<DefineNode &>(n);
            d.slot = slot(d.variable);
            if (d.body)
                block(const_cast<Block &>(*d.body));
            return;
        }
        }
    }

    void reference(ReferenceExpr &r)
    {
        r.slot = slot(r.root);
        for (Accessor &a : r.chain) {
            if (a.kind == Accessor::Kind::Property) {
                a.loopProperty = loopProperty(a.name);
                const bool ascii = std::all_of(a.name.begin(), a.name.end(), [](QChar c) { return c.unicode() < 0x80; });
                a.asciiName = ascii ? a.name.toStdString() : std::string();
            }
            if (a.kind == Accessor::Kind::Method) {
                a.literalArguments = std::all_of(a.args.begin(), a.args.end(), [](const ExprPtr &arg) {
                    return arg->kind == Expr::Kind::Literal;
                });
                a.literalValues.clear();
                if (a.literalArguments) {
                    for (const ExprPtr &arg : a.args)
                        a.literalValues.push_back(static_cast<const LiteralExpr &>(*arg).value);
                }
            }
            expr(a.index.get());
            for (ExprPtr &arg : a.args)
                expr(arg.get());
        }
    }

    static Accessor::LoopProperty loopProperty(const QString &name)
    {
        if (name == QLatin1String("index"))
            return Accessor::LoopProperty::Index;
        if (name == QLatin1String("count"))
            return Accessor::LoopProperty::Count;
        if (name == QLatin1String("hasNext"))
            return Accessor::LoopProperty::HasNext;
        if (name == QLatin1String("first"))
            return Accessor::LoopProperty::First;
        if (name == QLatin1String("last"))
            return Accessor::LoopProperty::Last;
        return Accessor::LoopProperty::None;
    }

    void expr(Expr *e)
    {
        if (!e)
            return;
        switch (e->kind) {
        case Expr::Kind::Literal: return;
        case Expr::Kind::Interpolated: block(static_cast<InterpolatedExpr *>(e)->parts); return;
        case Expr::Kind::List:
            for (ExprPtr &item : static_cast<ListExpr *>(e)->items)
                expr(item.get());
            return;
        case Expr::Kind::Map:
            for (auto &[key, value] : static_cast<MapExpr *>(e)->entries) {
                expr(key.get());
                expr(value.get());
            }
            return;
        case Expr::Kind::Range: {
            auto *r = static_cast<RangeExpr *>(e);
            expr(r->from.get());
            expr(r->to.get());
            return;
        }
        case Expr::Kind::Reference: reference(*static_cast<ReferenceExpr *>(e)); return;
        case Expr::Kind::Not: expr(static_cast<NotExpr *>(e)->operand.get()); return;
        case Expr::Kind::Binary: {
            auto *b = static_cast<BinaryExpr *>(e);
            expr(b->left.get());
            expr(b->right.get());
            return;
        }
        }
    }

    ParsedTemplate &m_tree;
    QHash<QString, int> m_ids;
};

} // namespace

void resolveSlots(ParsedTemplate &tree)
{
    SlotResolver resolver(tree);
    resolver.block(tree.root);
    for (const auto &macro : tree.macros)
        resolver.macro(*macro);
    tree.foreachSlot = resolver.existingSlot(QStringLiteral("foreach"));
    tree.velocityCountSlot = resolver.existingSlot(QStringLiteral("velocityCount"));
}

} // namespace portico::vtl
