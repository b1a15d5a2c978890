// Compiles JSONPath text into an ast::Chain with Jayway JsonPath's grammar (what API Gateway's
// $input.json and $input.path accept), reporting the first error with its column and what was
// expected. Recursive descent over the filter language, with the nesting depth bounded so a
// hostile path cannot exhaust the stack.
#pragma once

#include "ast.h"

#include "base/result.h"

#include <QString>

namespace portico::jsonpath {

class Parser
{
public:
    // Errors carry "column N": 1-based, counted in characters of `text`.
    static base::Result<ast::Chain> parse(const QString &text);

private:
    enum class Context { TopLevel, Filter };

    explicit Parser(const QString &text);

    bool parseChain(ast::Chain &chain, Context context);
    bool parseDotSegment(ast::Chain &chain, Context context);
    bool parseName(ast::Chain &chain, Context context);
    bool parseBracket(ast::Chain &chain);
    bool parseBracketNames(ast::Segment &segment);
    bool parseIndexesOrSlice(ast::Segment &segment);
    bool parseInteger(int &value);
    bool parseFilter(ast::Segment &segment);
    bool parseOr(ast::Expression &expression);
    bool parseAnd(ast::Expression &expression);
    bool parseUnary(ast::Expression &expression);
    bool parseRelation(ast::Expression &expression);
    bool parseOperator(ast::Operator &op);
    bool parseOperand(ast::Operand &operand);
    bool parsePattern(ast::Operand &operand);
    bool parseLiteral(ast::Literal &literal);
    bool parseNumber(ast::Literal &literal);
    bool parseQuoted(std::string &text, const QString &what);
    static void finishChain(ast::Chain &chain);

    bool enter(qsizetype position);
    void leave() { --m_depth; }
    bool fail(qsizetype position, const QString &message);
    bool expect(QChar c, const QString &message);
    void skipSpaces();
    bool atEnd() const { return m_pos >= m_end; }
    QChar peek(qsizetype ahead = 0) const;
    bool startsOperator() const;
    bool isNameStop(QChar c, Context context) const;
    int column(qsizetype position) const;

    QString m_original;
    QString m_text; // what is parsed: m_original trimmed, maybe with "$." in front
    qsizetype m_end = 0;
    qsizetype m_pos = 0;
    qsizetype m_shift = 0; // m_text index + m_shift = m_original index
    int m_depth = 0;
    std::optional<base::Diagnostic> m_error;
};

} // namespace portico::jsonpath
