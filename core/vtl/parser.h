// Parses template text into a syntax tree, with Velocity 1.7's lexical rules (identifiers with
// '-', whitespace gobbling around directives, escapes, comments) and API Gateway's limits. A
// template that does not parse gets one diagnostic at "line L, column C" saying what was
// expected there.
#pragma once

#include "ast.h"

#include "base/result.h"

#include <QHash>
#include <QString>

#include <memory>

namespace portico::vtl {

struct ParsedTemplate
{
    ast::Block root;
    // Every #macro of the template (string literals' too), owned here: calls point at them.
    std::vector<std::shared_ptr<const ast::Macro>> macros;
    // Every variable name the template uses, by slot number (see slots.h).
    std::vector<QString> slotNames;
    // The slots of the names a #foreach defines while it runs; -1 when the template never uses them.
    int foreachSlot = -1;
    int velocityCountSlot = -1;
};

class Parser
{
public:
    static base::Result<std::shared_ptr<const ParsedTemplate>> parse(const QString &text);

private:
    struct Failure
    {
        qsizetype pos;
        QString message;
    };
    enum class Terminator { EndOfInput, End, Else, ElseIf };

    // Macros are global to a template, string literals included, and are bound to their calls
    // only once everything is parsed: one registry per template, shared by the parsers of its
    // string literals.
    struct MacroRegistry
    {
        // The first definition of a name wins, as in Velocity 1.7.
        QHash<QString, std::shared_ptr<const ast::Macro>> byName;
        std::vector<std::shared_ptr<const ast::Macro>> all;
        std::vector<ast::MacroCallNode *> calls;
        // Where each call is reported in the template's own text.
        std::vector<qsizetype> callPositions;
    };

    explicit Parser(const QString &text);
    void bindMacroCalls();

    // Parses nodes until end of input or a block-ending directive, which is consumed and
    // reported through `terminator` (with `terminatorPos` at its '#').
    ast::Block parseBlock(Terminator &terminator, qsizetype &terminatorPos, int depth);
    bool parseDirective(ast::Block &block, QString &pendingText, qsizetype &textStart,
                        Terminator &terminator, qsizetype &terminatorPos, int depth);
    ast::NodePtr parseSet(qsizetype hashPos);
    ast::NodePtr parseIf(qsizetype hashPos, int depth);
    ast::NodePtr parseForeach(qsizetype hashPos, int depth);
    ast::NodePtr parseBreak(qsizetype hashPos);
    void parseMacroDefinition(qsizetype hashPos, int depth);
    ast::NodePtr parseMacroCall(qsizetype hashPos, const QString &name);
    void parseMacroArguments(ast::MacroCallNode &call);
    ast::NodePtr parseDefine(qsizetype hashPos, int depth);
    ast::Block parseBody(const char *directive, qsizetype openPos, int depth);

    // References: at '$'. Returns null (position unchanged) when the '$' starts no reference.
    std::unique_ptr<ast::ReferenceExpr> tryParseReference();
    void parseAccessors(ast::ReferenceExpr &ref);

    // Expressions inside directive parentheses.
    ast::ExprPtr parseExpression();
    ast::ExprPtr parseOr();
    ast::ExprPtr parseAnd();
    ast::ExprPtr parseEquality();
    ast::ExprPtr parseRelational();
    ast::ExprPtr parseAdditive();
    ast::ExprPtr parseMultiplicative();
    ast::ExprPtr parseUnary();
    ast::ExprPtr parsePrimary();
    ast::ExprPtr parseParameter();
    ast::ExprPtr parseIndexParameter();
    ast::ExprPtr parseRangeBound();
    ast::ExprPtr parseNumber();
    ast::ExprPtr parseString();
    ast::ExprPtr parseListOrRange();
    ast::ExprPtr parseMap();
    std::vector<ast::ExprPtr> parseArguments(QChar close);

    // Lexical helpers.
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const;
    bool lookingAt(QLatin1String s) const;
    bool acceptWord(QLatin1String word);
    bool accept(QLatin1String s);
    void expect(QLatin1String s, const QString &what);
    void skipSpace();
    void skipHorizontalSpace();
    void consumeLineEnd();
    bool parenthesisFollows() const;
    QString identifier();
    static bool isIdentifierStart(QChar c);
    static bool isIdentifierPart(QChar c);

    [[noreturn]] void fail(const QString &message) const;
    [[noreturn]] void failAt(qsizetype pos, const QString &message) const;
    ast::Position position(qsizetype pos) const;
    QString describeHere() const;

    const QString &m_text;
    qsizetype m_pos = 0;
    std::vector<qsizetype> m_lineStarts;
    MacroRegistry m_ownRegistry;
    MacroRegistry *m_registry = &m_ownRegistry;
    // For the parser of a string literal: the literal's position in the template's own text.
    qsizetype m_literalPos = -1;
    // Nesting of expressions and interpolated strings, bounded so hostile input cannot
    // exhaust the stack.
    int m_expressionDepth = 0;
};

} // namespace portico::vtl
