// Renders a parsed template: walks the tree with one request's variables, Velocity 1.7's
// evaluation rules and API Gateway's rendering of nulls (as nothing). One Renderer per
// rendering; the tree it walks is shared and never changed.
#pragma once

#include "parser.h"
#include "value.h"

#include "base/result.h"

#include <QHash>
#include <QString>

namespace portico::vtl {

using Variables = QHash<QString, Value>;

class Renderer
{
public:
    explicit Renderer(Variables variables);
    base::Result<QString> render(const ParsedTemplate &tree);

private:
    enum class Flow { Normal, Break, Stop };
    struct Failure
    {
        ast::Position pos;
        QString message;
    };
    class LoopState;
    class DefinedBlock;

    Flow renderBlock(const ast::Block &block);
    Flow renderNode(const ast::Node &node);
    void renderReference(const ast::ReferenceNode &node);
    Flow renderForeach(const ast::ForeachNode &node);
    Flow renderMacroCall(const ast::MacroCallNode &node);
    void assign(const ast::SetNode &node);

    Value eval(const ast::Expr &expr);
    // Velocity's evaluate(): the truth of a condition, where literals are not true.
    bool condition(const ast::Expr &expr);
    Value evalReference(const ast::ReferenceExpr &ref);
    Value evalBinary(const ast::BinaryExpr &expr);
    Value applyAccessor(const Value &target, const ast::Accessor &accessor, const ast::ReferenceExpr &ref);
    Value lookup(const QString &name) const;
    void setVariable(const QString &name, Value value);
    QString renderToString(const ast::Block &block);

    void write(const QString &text);
    void step(const ast::Position &pos);
    [[noreturn]] static void fail(const ast::Position &pos, const QString &message);

    Variables m_globals;
    std::vector<QHash<QString, Value>> m_macroFrames;
    std::vector<std::shared_ptr<LoopState>> m_loops;
    QString *m_out = nullptr;
    qint64 m_steps = 0;
};

} // namespace portico::vtl
