#include "parser.h"

#include "slots.h"

#include "base/limits.h"

#include <algorithm>

namespace portico::vtl {

using namespace ast;

namespace {
bool isHorizontalSpace(QChar c)
{
    return c == QLatin1Char(' ') || c == QLatin1Char('\t');
}
bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}
bool isAllHorizontalSpace(const QString &s)
{
    return !s.isEmpty() && std::all_of(s.begin(), s.end(), isHorizontalSpace);
}
} // namespace

Parser::Parser(const QString &text)
    : m_text(text)
{
    m_lineStarts.push_back(0);
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('\n'))
            m_lineStarts.push_back(i + 1);
    }
}

base::Result<std::shared_ptr<const ParsedTemplate>> Parser::parse(const QString &text)
{
    if (text.size() > base::limits::kTemplateMaxChars) {
        return base::Diagnostic::error(QStringLiteral("line 1, column 1"),
                                       QStringLiteral("the template is %1 characters long; at most %2 are allowed")
                                           .arg(text.size())
                                           .arg(base::limits::kTemplateMaxChars));
    }
    Parser parser(text);
    auto tree = std::make_shared<ParsedTemplate>();
    try {
        Terminator terminator = Terminator::EndOfInput;
        qsizetype terminatorPos = 0;
        tree->root = parser.parseBlock(terminator, terminatorPos, 0);
        if (terminator != Terminator::EndOfInput) {
            const char *name = terminator == Terminator::End ? "#end"
                               : terminator == Terminator::Else ? "#else"
                                                                : "#elseif";
            parser.failAt(terminatorPos, QStringLiteral("%1 without a matching %2")
                                             .arg(QLatin1String(name),
                                                  terminator == Terminator::End
                                                      ? QStringLiteral("#if, #foreach, #macro or #define")
                                                      : QStringLiteral("#if")));
        }
        parser.bindMacroCalls();
    } catch (const Failure &f) {
        const Position p = parser.position(f.pos);
        return base::Diagnostic::error(QStringLiteral("line %1, column %2").arg(p.line).arg(p.column),
                                       f.message);
    }
    tree->macros = parser.m_registry->all;
    resolveSlots(*tree);
    return std::shared_ptr<const ParsedTemplate>(std::move(tree));
}

// ---------------------------------------------------------------- lexical helpers

QChar Parser::peek(qsizetype ahead) const
{
    const qsizetype at = m_pos + ahead;
    return at < m_text.size() ? m_text.at(at) : QChar();
}

bool Parser::lookingAt(QLatin1String s) const
{
    return QStringView(m_text).mid(m_pos).startsWith(s);
}

bool Parser::accept(QLatin1String s)
{
    if (!lookingAt(s))
        return false;
    m_pos += s.size();
    return true;
}

bool Parser::acceptWord(QLatin1String word)
{
    if (!lookingAt(word) || isIdentifierPart(peek(word.size())))
        return false;
    m_pos += word.size();
    return true;
}

void Parser::expect(QLatin1String s, const QString &what)
{
    skipSpace();
    if (!accept(s))
        fail(QStringLiteral("expected %1, found %2").arg(what, describeHere()));
}

void Parser::skipSpace()
{
    while (!atEnd() && (isHorizontalSpace(peek()) || peek() == QLatin1Char('\n') || peek() == QLatin1Char('\r')))
        ++m_pos;
}

void Parser::skipHorizontalSpace()
{
    while (!atEnd() && isHorizontalSpace(peek()))
        ++m_pos;
}

// Velocity 1.7 lets a directive's closing ')' (and #else, #end) swallow the rest of its line
// when only spaces follow: that is what keeps directive-only lines out of the output.
// Whether '(' comes next, after spaces on the same line: what makes "#name (" a call.
bool Parser::parenthesisFollows() const
{
    qsizetype p = m_pos;
    while (p < m_text.size() && isHorizontalSpace(m_text.at(p)))
        ++p;
    return p < m_text.size() && m_text.at(p) == QLatin1Char('(');
}

void Parser::consumeLineEnd()
{
    qsizetype p = m_pos;
    while (p < m_text.size() && isHorizontalSpace(m_text.at(p)))
        ++p;
    if (p < m_text.size() && m_text.at(p) == QLatin1Char('\n')) {
        m_pos = p + 1;
    } else if (p < m_text.size() && m_text.at(p) == QLatin1Char('\r')) {
        m_pos = p + 1;
        if (m_pos < m_text.size() && m_text.at(m_pos) == QLatin1Char('\n'))
            ++m_pos;
    }
}

bool Parser::isIdentifierStart(QChar c)
{
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
           || c == QLatin1Char('_');
}

bool Parser::isIdentifierPart(QChar c)
{
    return isIdentifierStart(c) || isDigit(c) || c == QLatin1Char('-');
}

QString Parser::identifier()
{
    const qsizetype start = m_pos;
    if (!isIdentifierStart(peek()))
        return {};
    ++m_pos;
    while (!atEnd() && isIdentifierPart(peek()))
        ++m_pos;
    return m_text.mid(start, m_pos - start);
}

Position Parser::position(qsizetype pos) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), pos);
    const int line = int(it - m_lineStarts.begin());
    return {line, int(pos - m_lineStarts[size_t(line - 1)]) + 1};
}

QString Parser::describeHere() const
{
    if (atEnd())
        return QStringLiteral("the end of the template");
    const QChar c = peek();
    if (c == QLatin1Char('\n') || c == QLatin1Char('\r'))
        return QStringLiteral("the end of the line");
    return QStringLiteral("'%1'").arg(c);
}

void Parser::fail(const QString &message) const
{
    failAt(m_pos, message);
}

void Parser::failAt(qsizetype pos, const QString &message) const
{
    throw Failure{pos, message};
}

// ---------------------------------------------------------------- template structure

Block Parser::parseBlock(Terminator &terminator, qsizetype &terminatorPos, int depth)
{
    if (depth > base::limits::kTemplateMaxNesting)
        fail(QStringLiteral("directives are nested more than %1 deep").arg(base::limits::kTemplateMaxNesting));
    Block block;
    QString pending;
    qsizetype textStart = m_pos;
    const auto flush = [&] {
        if (!pending.isEmpty())
            block.push_back(std::make_unique<TextNode>(position(textStart), pending));
        pending.clear();
    };

    while (!atEnd()) {
        const QChar c = peek();
        if (c == QLatin1Char('\\')) {
            qsizetype n = 0;
            while (peek(n) == QLatin1Char('\\'))
                ++n;
            const qsizetype after = m_pos + n;
            const QChar next = after < m_text.size() ? m_text.at(after) : QChar();
            if (next == QLatin1Char('$')) {
                const qsizetype save = m_pos;
                m_pos = after;
                if (auto ref = tryParseReference()) {
                    flush();
                    auto node = std::make_unique<ReferenceNode>(ref->pos);
                    node->ref = std::move(ref);
                    node->backslashes = int(n);
                    block.push_back(std::move(node));
                    textStart = m_pos;
                    continue;
                }
                m_pos = save;
            } else if (next == QLatin1Char('#')) {
                // \#if prints "#if"; \\#if prints "\" and runs the directive.
                qsizetype p = after + 1;
                const bool braced = p < m_text.size() && m_text.at(p) == QLatin1Char('{');
                if (braced)
                    ++p;
                qsizetype q = p;
                while (q < m_text.size() && (isIdentifierStart(m_text.at(q)) || isDigit(m_text.at(q))))
                    ++q;
                const QString word = m_text.mid(p, q - p);
                static const QStringList kDirectives{
                    QStringLiteral("set"), QStringLiteral("if"), QStringLiteral("elseif"),
                    QStringLiteral("else"), QStringLiteral("end"), QStringLiteral("foreach"),
                    QStringLiteral("break"), QStringLiteral("stop"), QStringLiteral("macro"),
                    QStringLiteral("define"), QStringLiteral("parse"), QStringLiteral("include"),
                    QStringLiteral("evaluate")};
                if (kDirectives.contains(word) || m_registry->byName.contains(word)) {
                    pending += QString(n / 2, QLatin1Char('\\'));
                    if (n % 2 == 1) {
                        if (braced && q < m_text.size() && m_text.at(q) == QLatin1Char('}'))
                            ++q;
                        pending += m_text.mid(after, q - after);
                        m_pos = q;
                    } else {
                        m_pos = after;
                    }
                    continue;
                }
            }
            pending += m_text.mid(m_pos, n);
            m_pos = after;
            continue;
        }
        if (c == QLatin1Char('$')) {
            if (auto ref = tryParseReference()) {
                flush();
                auto node = std::make_unique<ReferenceNode>(ref->pos);
                node->ref = std::move(ref);
                block.push_back(std::move(node));
                textStart = m_pos;
                continue;
            }
            // Velocity 1.7's lexer fails on a '$' (or "$!") that ends the template.
            if (m_literalPos < 0 && (m_pos + 1 == m_text.size() || (m_pos + 2 == m_text.size() && peek(1) == QLatin1Char('!'))))
                fail(QStringLiteral("the template cannot end with a lone '$'"));
            pending += c;
            ++m_pos;
            continue;
        }
        if (c == QLatin1Char('#')) {
            if (parseDirective(block, pending, textStart, terminator, terminatorPos, depth)) {
                flush();
                return block;
            }
            continue;
        }
        if (pending.isEmpty())
            textStart = m_pos;
        pending += c;
        ++m_pos;
    }
    flush();
    terminator = Terminator::EndOfInput;
    return block;
}

bool Parser::parseDirective(Block &block, QString &pending, qsizetype &textStart,
                            Terminator &terminator, qsizetype &terminatorPos, int depth)
{
    const qsizetype hashPos = m_pos;
    const auto flush = [&] {
        if (!pending.isEmpty())
            block.push_back(std::make_unique<TextNode>(position(textStart), pending));
        pending.clear();
    };
    const auto afterToken = [&] { textStart = m_pos; };

    if (peek(1) == QLatin1Char('#')) { // ## line comment, newline included
        flush();
        while (!atEnd() && peek() != QLatin1Char('\n'))
            ++m_pos;
        if (!atEnd())
            ++m_pos;
        afterToken();
        return false;
    }
    if (peek(1) == QLatin1Char('*')) { // #* block comment *#, or to the end when never closed
        flush();
        const qsizetype close = m_text.indexOf(QLatin1String("*#"), m_pos + 2);
        m_pos = close < 0 ? m_text.size() : close + 2;
        afterToken();
        return false;
    }
    if (peek(1) == QLatin1Char('[') && peek(2) == QLatin1Char('[')) { // #[[ unparsed ]]#
        flush();
        const qsizetype close = m_text.indexOf(QLatin1String("]]#"), m_pos + 3);
        if (close < 0)
            fail(QStringLiteral("unclosed #[[: expected ]]# to end the unparsed content"));
        textStart = m_pos;
        pending = m_text.mid(m_pos + 3, close - m_pos - 3);
        flush();
        m_pos = close + 3;
        afterToken();
        return false;
    }

    const bool braced = peek(1) == QLatin1Char('{');
    m_pos += braced ? 2 : 1;
    qsizetype nameStart = m_pos;
    while (!atEnd() && (isIdentifierStart(peek()) || isDigit(peek())))
        ++m_pos;
    const QString name = m_text.mid(nameStart, m_pos - nameStart);
    const auto asText = [&] {
        // Velocity 1.7's lexer fails on a '#' that ends the template.
        if (m_literalPos < 0 && hashPos + 1 == m_text.size())
            failAt(hashPos, QStringLiteral("the template cannot end with a lone '#'"));
        m_pos = hashPos + 1;
        if (pending.isEmpty())
            textStart = hashPos;
        pending += QLatin1Char('#');
        return false;
    };
    if (name.isEmpty() || !isIdentifierStart(name.front()) || (braced && peek() != QLatin1Char('}')))
        return asText();
    if (braced)
        ++m_pos;

    if (name == QLatin1String("set")) {
        // Without its '(', "#set" is text: Velocity 1.7's lexer has no directive token for it.
        if (!parenthesisFollows())
            return asText();
        // A #set that starts a token takes the spaces before it along (Velocity 1.7's
        // SET_DIRECTIVE token begins with optional whitespace).
        if (isAllHorizontalSpace(pending))
            pending.clear();
        flush();
        block.push_back(parseSet(hashPos));
    } else if (name == QLatin1String("if")) {
        flush();
        block.push_back(parseIf(hashPos, depth));
    } else if (name == QLatin1String("elseif") || name == QLatin1String("else") || name == QLatin1String("end")) {
        flush();
        terminator = name == QLatin1String("end")    ? Terminator::End
                     : name == QLatin1String("else") ? Terminator::Else
                                                     : Terminator::ElseIf;
        terminatorPos = hashPos;
        if (terminator != Terminator::ElseIf)
            consumeLineEnd();
        return true;
    } else if (name == QLatin1String("foreach")) {
        flush();
        block.push_back(parseForeach(hashPos, depth));
    } else if (name == QLatin1String("break")) {
        flush();
        block.push_back(parseBreak(hashPos));
    } else if (name == QLatin1String("stop")) {
        flush();
        block.push_back(std::make_unique<Node>(Node::Kind::Stop, position(hashPos)));
        consumeLineEnd();
    } else if (name == QLatin1String("macro")) {
        flush();
        parseMacroDefinition(hashPos, depth);
    } else if (name == QLatin1String("define")) {
        flush();
        block.push_back(parseDefine(hashPos, depth));
    } else if (name == QLatin1String("parse") || name == QLatin1String("include") || name == QLatin1String("evaluate")) {
        failAt(hashPos, QStringLiteral("#%1 is not supported: a mapping template cannot read files or "
                                       "evaluate other templates")
                            .arg(name));
    } else {
        flush();
        block.push_back(parseMacroCall(hashPos, name));
    }
    afterToken();
    return false;
}

NodePtr Parser::parseSet(qsizetype hashPos)
{
    auto node = std::make_unique<SetNode>(position(hashPos));
    expect(QLatin1String("("), QStringLiteral("'(' after #set"));
    skipSpace();
    if (peek() != QLatin1Char('$') || !(node->target = tryParseReference()))
        fail(QStringLiteral("expected a reference such as $name to set, found %1").arg(describeHere()));
    expect(QLatin1String("="), QStringLiteral("'=' in #set"));
    node->value = parseExpression();
    expect(QLatin1String(")"), QStringLiteral("')' to close #set"));
    consumeLineEnd();
    return node;
}

NodePtr Parser::parseIf(qsizetype hashPos, int depth)
{
    auto node = std::make_unique<IfNode>(position(hashPos));
    const char *directive = "#if";
    for (;;) {
        expect(QLatin1String("("), QStringLiteral("'(' after %1").arg(QLatin1String(directive)));
        ExprPtr condition = parseExpression();
        expect(QLatin1String(")"), QStringLiteral("')' to close the %1 condition").arg(QLatin1String(directive)));
        consumeLineEnd();
        Terminator terminator = Terminator::EndOfInput;
        qsizetype terminatorPos = 0;
        Block body = parseBlock(terminator, terminatorPos, depth + 1);
        node->branches.emplace_back(std::move(condition), std::move(body));
        if (terminator == Terminator::ElseIf) {
            directive = "#elseif";
            continue;
        }
        if (terminator == Terminator::Else) {
            Terminator elseEnd = Terminator::EndOfInput;
            qsizetype elseEndPos = 0;
            node->elseBlock = parseBlock(elseEnd, elseEndPos, depth + 1);
            if (elseEnd == Terminator::Else || elseEnd == Terminator::ElseIf)
                failAt(elseEndPos, QStringLiteral("%1 after #else in the #if at line %2")
                                       .arg(elseEnd == Terminator::Else ? QStringLiteral("#else") : QStringLiteral("#elseif"))
                                       .arg(position(hashPos).line));
            terminator = elseEnd;
        }
        if (terminator == Terminator::EndOfInput)
            failAt(hashPos, QStringLiteral("unclosed #if: expected #end"));
        return node;
    }
}

Block Parser::parseBody(const char *directive, qsizetype openPos, int depth)
{
    Terminator terminator = Terminator::EndOfInput;
    qsizetype terminatorPos = 0;
    Block body = parseBlock(terminator, terminatorPos, depth + 1);
    if (terminator == Terminator::EndOfInput)
        failAt(openPos, QStringLiteral("unclosed %1: expected #end").arg(QLatin1String(directive)));
    if (terminator != Terminator::End)
        failAt(terminatorPos, QStringLiteral("%1 without a matching #if")
                                  .arg(terminator == Terminator::Else ? QStringLiteral("#else") : QStringLiteral("#elseif")));
    return body;
}

NodePtr Parser::parseForeach(qsizetype hashPos, int depth)
{
    auto node = std::make_unique<ForeachNode>(position(hashPos));
    expect(QLatin1String("("), QStringLiteral("'(' after #foreach"));
    skipSpace();
    if (!accept(QLatin1String("$")))
        fail(QStringLiteral("expected the loop variable ($name) in #foreach, found %1").arg(describeHere()));
    node->variable = identifier();
    if (node->variable.isEmpty())
        fail(QStringLiteral("expected the loop variable's name after '$', found %1").arg(describeHere()));
    skipSpace();
    if (!acceptWord(QLatin1String("in")))
        fail(QStringLiteral("expected 'in' in #foreach, found %1").arg(describeHere()));
    node->iterable = parseParameter();
    expect(QLatin1String(")"), QStringLiteral("')' to close #foreach"));
    consumeLineEnd();
    node->body = parseBody("#foreach", hashPos, depth);
    return node;
}

NodePtr Parser::parseBreak(qsizetype hashPos)
{
    auto node = std::make_unique<BreakNode>(position(hashPos));
    if (parenthesisFollows()) {
        expect(QLatin1String("("), QStringLiteral("'('"));
        skipSpace();
        if (peek() != QLatin1Char('$') || !(node->scope = tryParseReference()))
            fail(QStringLiteral("expected the scope to leave, such as $foreach, in #break(...), found %1").arg(describeHere()));
        expect(QLatin1String(")"), QStringLiteral("')' after the #break scope"));
    }
    consumeLineEnd();
    return node;
}

void Parser::parseMacroDefinition(qsizetype hashPos, int depth)
{
    auto macro = std::make_shared<Macro>();
    macro->pos = position(hashPos);
    expect(QLatin1String("("), QStringLiteral("'(' after #macro"));
    skipSpace();
    macro->name = identifier();
    if (macro->name.isEmpty())
        fail(QStringLiteral("expected the macro's name, found %1").arg(describeHere()));
    for (;;) {
        skipSpace();
        if (accept(QLatin1String(",")))
            continue;
        if (accept(QLatin1String(")")))
            break;
        if (!accept(QLatin1String("$")))
            fail(QStringLiteral("expected a parameter ($name) or ')' in #macro, found %1").arg(describeHere()));
        const QString parameter = identifier();
        if (parameter.isEmpty())
            fail(QStringLiteral("expected the parameter's name after '$', found %1").arg(describeHere()));
        macro->parameters.append(parameter);
    }
    consumeLineEnd();
    if (!m_registry->byName.contains(macro->name))
        m_registry->byName.insert(macro->name, macro);
    m_registry->all.push_back(macro);
    macro->body = parseBody("#macro", hashPos, depth);
}

// "#name", or "#name(args)" which also takes the rest of its line when only spaces follow.
NodePtr Parser::parseMacroCall(qsizetype hashPos, const QString &name)
{
    auto call = std::make_unique<MacroCallNode>(position(hashPos));
    call->name = name;
    if (parenthesisFollows()) {
        expect(QLatin1String("("), QStringLiteral("'('"));
        parseMacroArguments(*call);
        consumeLineEnd();
    }
    call->source = m_text.mid(hashPos, m_pos - hashPos);
    m_registry->calls.push_back(call.get());
    m_registry->callPositions.push_back(m_literalPos >= 0 ? m_literalPos : hashPos);
    return call;
}

// Velocity 1.7's directive arguments: literals, references and bare words (no operators),
// separated by spaces or by single commas, up to the closing ')'.
void Parser::parseMacroArguments(MacroCallNode &call)
{
    skipSpace();
    if (accept(QLatin1String(")")))
        return;
    for (;;) {
        skipSpace();
        qsizetype wordEnd = m_pos;
        while (wordEnd < m_text.size() && (isIdentifierStart(m_text.at(wordEnd)) || isDigit(m_text.at(wordEnd))))
            ++wordEnd;
        const QStringView word = QStringView(m_text).mid(m_pos, wordEnd - m_pos);
        if (isIdentifierStart(peek()) && word != QLatin1String("true") && word != QLatin1String("false")) {
            call.hasWordArgument = true;
            m_pos = wordEnd;
        } else {
            call.args.push_back(parseParameter());
        }
        skipSpace();
        if (accept(QLatin1String(")")))
            return;
        accept(QLatin1String(","));
    }
}

// Binds every "#name" to the macro of that name, now that all definitions are known.
void Parser::bindMacroCalls()
{
    for (size_t i = 0; i < m_registry->calls.size(); ++i) {
        MacroCallNode *call = m_registry->calls[i];
        const auto macro = m_registry->byName.value(call->name);
        if (!macro)
            continue;
        if (call->hasWordArgument)
            failAt(m_registry->callPositions[i],
                   QStringLiteral("a bare word is not an argument #%1 accepts: quote it or make it a reference")
                       .arg(call->name));
        call->macro = macro.get();
    }
}

NodePtr Parser::parseDefine(qsizetype hashPos, int depth)
{
    auto node = std::make_unique<DefineNode>(position(hashPos));
    expect(QLatin1String("("), QStringLiteral("'(' after #define"));
    skipSpace();
    if (!accept(QLatin1String("$")) || (node->variable = identifier()).isEmpty())
        fail(QStringLiteral("expected a reference such as $name in #define, found %1").arg(describeHere()));
    expect(QLatin1String(")"), QStringLiteral("')' to close #define"));
    consumeLineEnd();
    node->body = std::make_shared<const Block>(parseBody("#define", hashPos, depth));
    return node;
}

// ---------------------------------------------------------------- references

std::unique_ptr<ReferenceExpr> Parser::tryParseReference()
{
    const qsizetype start = m_pos;
    qsizetype p = m_pos + 1;
    const bool quiet = p < m_text.size() && m_text.at(p) == QLatin1Char('!');
    if (quiet)
        ++p;
    const bool formal = p < m_text.size() && m_text.at(p) == QLatin1Char('{');
    if (formal)
        ++p;
    if (p >= m_text.size() || !isIdentifierStart(m_text.at(p)))
        return nullptr;
    auto ref = std::make_unique<ReferenceExpr>(position(start));
    ref->quiet = quiet;
    m_pos = p;
    ref->root = identifier();
    parseAccessors(*ref);
    if (formal && !accept(QLatin1String("}")))
        fail(QStringLiteral("expected '}' to close the reference %1, found %2")
                 .arg(m_text.mid(start, m_pos - start), describeHere()));
    ref->source = m_text.mid(start, m_pos - start);
    return ref;
}

void Parser::parseAccessors(ReferenceExpr &ref)
{
    for (;;) {
        if (peek() == QLatin1Char('.') && isIdentifierStart(peek(1))) {
            Accessor a;
            a.pos = position(m_pos + 1);
            ++m_pos;
            a.name = identifier();
            if (peek() == QLatin1Char('(')) {
                ++m_pos;
                a.kind = Accessor::Kind::Method;
                a.args = parseArguments(QLatin1Char(')'));
            }
            ref.chain.push_back(std::move(a));
            continue;
        }
        // "$a[" always opens an index in Velocity 1.7, in text too.
        if (peek() == QLatin1Char('[')) {
            Accessor a;
            a.kind = Accessor::Kind::Index;
            a.pos = position(m_pos);
            ++m_pos;
            a.index = parseIndexParameter();
            expect(QLatin1String("]"), QStringLiteral("']' to close the index"));
            ref.chain.push_back(std::move(a));
            continue;
        }
        return;
    }
}

std::vector<ExprPtr> Parser::parseArguments(QChar close)
{
    std::vector<ExprPtr> args;
    skipSpace();
    if (peek() == close) {
        ++m_pos;
        return args;
    }
    for (;;) {
        args.push_back(parseParameter());
        skipSpace();
        if (peek() == close) {
            ++m_pos;
            return args;
        }
        if (!accept(QLatin1String(",")))
            fail(QStringLiteral("expected ',' or '%1' in the argument list, found %2").arg(close).arg(describeHere()));
    }
}

// ---------------------------------------------------------------- expressions

ExprPtr Parser::parseExpression()
{
    // Counted with a guard so that a failure caught while backtracking leaves the count right.
    struct DepthGuard
    {
        int &depth;
        ~DepthGuard() { --depth; }
    } guard{++m_expressionDepth};
    if (m_expressionDepth > base::limits::kTemplateMaxNesting)
        fail(QStringLiteral("the expression is nested more than %1 deep").arg(base::limits::kTemplateMaxNesting));
    return parseOr();
}

namespace {
ExprPtr makeBinary(BinaryOp op, Position pos, ExprPtr left, ExprPtr right)
{
    auto e = std::make_unique<BinaryExpr>(pos, op);
    e->left = std::move(left);
    e->right = std::move(right);
    return e;
}
} // namespace

ExprPtr Parser::parseOr()
{
    ExprPtr left = parseAnd();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        if (!accept(QLatin1String("||")) && !acceptWord(QLatin1String("or")))
            return left;
        left = makeBinary(BinaryOp::Or, position(at), std::move(left), parseAnd());
    }
}

ExprPtr Parser::parseAnd()
{
    ExprPtr left = parseEquality();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        if (!accept(QLatin1String("&&")) && !acceptWord(QLatin1String("and")))
            return left;
        left = makeBinary(BinaryOp::And, position(at), std::move(left), parseEquality());
    }
}

ExprPtr Parser::parseEquality()
{
    ExprPtr left = parseRelational();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        BinaryOp op;
        if (accept(QLatin1String("==")) || acceptWord(QLatin1String("eq")))
            op = BinaryOp::Eq;
        else if (accept(QLatin1String("!=")) || acceptWord(QLatin1String("ne")))
            op = BinaryOp::Ne;
        else
            return left;
        left = makeBinary(op, position(at), std::move(left), parseRelational());
    }
}

ExprPtr Parser::parseRelational()
{
    ExprPtr left = parseAdditive();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        BinaryOp op;
        if (accept(QLatin1String("<=")) || acceptWord(QLatin1String("le")))
            op = BinaryOp::Le;
        else if (accept(QLatin1String(">=")) || acceptWord(QLatin1String("ge")))
            op = BinaryOp::Ge;
        else if (accept(QLatin1String("<")) || acceptWord(QLatin1String("lt")))
            op = BinaryOp::Lt;
        else if (accept(QLatin1String(">")) || acceptWord(QLatin1String("gt")))
            op = BinaryOp::Gt;
        else
            return left;
        left = makeBinary(op, position(at), std::move(left), parseAdditive());
    }
}

ExprPtr Parser::parseAdditive()
{
    ExprPtr left = parseMultiplicative();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        BinaryOp op;
        if (peek() == QLatin1Char('+'))
            op = BinaryOp::Add;
        // "-1" is a negative literal to Velocity's lexer, never an operator: "5 -1" does not
        // parse, exactly as in Velocity 1.7.
        else if (peek() == QLatin1Char('-') && !isDigit(peek(1)))
            op = BinaryOp::Sub;
        else
            return left;
        ++m_pos;
        left = makeBinary(op, position(at), std::move(left), parseMultiplicative());
    }
}

ExprPtr Parser::parseMultiplicative()
{
    ExprPtr left = parseUnary();
    for (;;) {
        skipSpace();
        const qsizetype at = m_pos;
        BinaryOp op;
        if (peek() == QLatin1Char('*'))
            op = BinaryOp::Mul;
        else if (peek() == QLatin1Char('/'))
            op = BinaryOp::Div;
        else if (peek() == QLatin1Char('%'))
            op = BinaryOp::Mod;
        else
            return left;
        ++m_pos;
        left = makeBinary(op, position(at), std::move(left), parseUnary());
    }
}

ExprPtr Parser::parseUnary()
{
    skipSpace();
    const qsizetype at = m_pos;
    if ((peek() == QLatin1Char('!') && peek(1) != QLatin1Char('=')) || lookingAt(QLatin1String("not"))) {
        if (peek() == QLatin1Char('!'))
            ++m_pos;
        else if (!acceptWord(QLatin1String("not")))
            return parsePrimary();
        auto e = std::make_unique<NotExpr>(position(at));
        e->operand = parseUnary();
        return e;
    }
    return parsePrimary();
}

ExprPtr Parser::parsePrimary()
{
    skipSpace();
    if (accept(QLatin1String("("))) {
        ExprPtr inner = parseExpression();
        expect(QLatin1String(")"), QStringLiteral("')'"));
        return inner;
    }
    return parseParameter();
}

// Velocity 1.7's "parameter": a literal or a reference, never an operator expression. It is what
// method arguments, list and map elements, macro arguments and a #foreach list may be.
ExprPtr Parser::parseParameter()
{
    skipSpace();
    const qsizetype at = m_pos;
    const QChar c = peek();
    if (c == QLatin1Char('$')) {
        if (auto ref = tryParseReference())
            return ref;
        fail(QStringLiteral("expected a reference name after '$'"));
    }
    if (c == QLatin1Char('"') || c == QLatin1Char('\''))
        return parseString();
    if (c == QLatin1Char('['))
        return parseListOrRange();
    if (c == QLatin1Char('{'))
        return parseMap();
    const qsizetype digitAt = c == QLatin1Char('-') ? 1 : 0;
    if (isDigit(peek(digitAt)) || (peek(digitAt) == QLatin1Char('.') && isDigit(peek(digitAt + 1))))
        return parseNumber();
    if (acceptWord(QLatin1String("true")))
        return std::make_unique<LiteralExpr>(position(at), Value(true));
    if (acceptWord(QLatin1String("false")))
        return std::make_unique<LiteralExpr>(position(at), Value(false));
    if (c == QLatin1Char('-'))
        fail(QStringLiteral("unary minus applies only to number literals; write 0 - $x"));
    fail(QStringLiteral("expected a value (a reference, a string, a number, true, false, a list or a map), "
                        "found %1")
             .arg(describeHere()));
}

// Inside [ ]: an integer, a string, a boolean or a reference.
ExprPtr Parser::parseIndexParameter()
{
    skipSpace();
    const qsizetype at = m_pos;
    ExprPtr index = parseParameter();
    const bool decimal = index->kind == Expr::Kind::Literal && static_cast<const LiteralExpr &>(*index).value.isDouble();
    if (decimal || index->kind == Expr::Kind::List || index->kind == Expr::Kind::Map || index->kind == Expr::Kind::Range)
        failAt(at, QStringLiteral("an index must be an integer, a string, a boolean or a reference"));
    return index;
}

namespace {
// A range's bounds are integer literals or references.
bool isRangeBound(const Expr &e)
{
    return e.kind == Expr::Kind::Reference
           || (e.kind == Expr::Kind::Literal && static_cast<const LiteralExpr &>(e).value.isInt());
}
} // namespace

ExprPtr Parser::parseRangeBound()
{
    skipSpace();
    const qsizetype at = m_pos;
    ExprPtr bound = parseParameter();
    if (!isRangeBound(*bound))
        failAt(at, QStringLiteral("a range bound must be an integer or a reference"));
    return bound;
}

ExprPtr Parser::parseNumber()
{
    const qsizetype start = m_pos;
    if (peek() == QLatin1Char('-'))
        ++m_pos;
    while (isDigit(peek()))
        ++m_pos;
    bool isFloat = false;
    // "5." and ".5" are decimals too; in "1..3" the dots belong to the range.
    if (peek() == QLatin1Char('.') && peek(1) != QLatin1Char('.')) {
        isFloat = true;
        ++m_pos;
        while (isDigit(peek()))
            ++m_pos;
    }
    if ((peek() == QLatin1Char('e') || peek() == QLatin1Char('E'))
        && (isDigit(peek(1)) || ((peek(1) == QLatin1Char('-') || peek(1) == QLatin1Char('+')) && isDigit(peek(2))))) {
        isFloat = true;
        m_pos += 2;
        while (isDigit(peek()))
            ++m_pos;
    }
    const QString text = m_text.mid(start, m_pos - start);
    bool ok = false;
    if (isFloat) {
        const double d = text.toDouble(&ok);
        return std::make_unique<LiteralExpr>(position(start), Value(d));
    }
    const qint64 n = text.toLongLong(&ok);
    if (!ok)
        failAt(start, QStringLiteral("the number %1 is too large").arg(text));
    return std::make_unique<LiteralExpr>(position(start), Value(n));
}

ExprPtr Parser::parseString()
{
    const qsizetype start = m_pos;
    const QChar quote = peek();
    ++m_pos;
    QString content;
    bool closed = false;
    while (!atEnd()) {
        const QChar c = peek();
        ++m_pos;
        if (c == quote) {
            // A doubled quote stands for one quote; there are no backslash escapes.
            if (peek() == quote) {
                content += quote;
                ++m_pos;
                continue;
            }
            closed = true;
            break;
        }
        content += c;
    }
    if (!closed)
        failAt(start, QStringLiteral("unclosed string literal: expected %1").arg(quote));
    const bool interpolate = quote == QLatin1Char('"')
                             && (content.contains(QLatin1Char('$')) || content.contains(QLatin1Char('#')));
    if (!interpolate)
        return std::make_unique<LiteralExpr>(position(start), Value(content));

    // The content is a template of its own, sharing the template's macros.
    if (m_expressionDepth > base::limits::kTemplateMaxNesting)
        failAt(start, QStringLiteral("string literals are nested too deep"));
    Parser inner(content);
    inner.m_registry = m_registry;
    inner.m_literalPos = m_literalPos >= 0 ? m_literalPos : start;
    inner.m_expressionDepth = m_expressionDepth + 1;
    auto e = std::make_unique<InterpolatedExpr>(position(start));
    try {
        Terminator terminator = Terminator::EndOfInput;
        qsizetype terminatorPos = 0;
        e->parts = inner.parseBlock(terminator, terminatorPos, 0);
        if (terminator != Terminator::EndOfInput)
            inner.failAt(terminatorPos, QStringLiteral("#end, #else or #elseif without a matching directive"));
    } catch (const Failure &f) {
        const Position p = inner.position(f.pos);
        failAt(start, QStringLiteral("in the string literal, at its line %1, column %2: %3")
                          .arg(p.line)
                          .arg(p.column)
                          .arg(f.message));
    }
    return e;
}

ExprPtr Parser::parseListOrRange()
{
    const qsizetype start = m_pos;
    ++m_pos;
    skipSpace();
    auto list = std::make_unique<ListExpr>(position(start));
    if (accept(QLatin1String("]")))
        return list;
    const qsizetype firstPos = m_pos;
    ExprPtr first = parseParameter();
    skipSpace();
    if (accept(QLatin1String(".."))) {
        if (!isRangeBound(*first))
            failAt(firstPos, QStringLiteral("a range bound must be an integer or a reference"));
        auto range = std::make_unique<RangeExpr>(position(start));
        range->from = std::move(first);
        range->to = parseRangeBound();
        expect(QLatin1String("]"), QStringLiteral("']' to close the range"));
        return range;
    }
    list->items.push_back(std::move(first));
    for (;;) {
        skipSpace();
        if (accept(QLatin1String("]")))
            return list;
        if (!accept(QLatin1String(",")))
            fail(QStringLiteral("expected ',' or ']' in the list, found %1").arg(describeHere()));
        list->items.push_back(parseParameter());
    }
}

ExprPtr Parser::parseMap()
{
    const qsizetype start = m_pos;
    ++m_pos;
    auto map = std::make_unique<MapExpr>(position(start));
    skipSpace();
    if (accept(QLatin1String("}")))
        return map;
    for (;;) {
        ExprPtr key = parseParameter();
        expect(QLatin1String(":"), QStringLiteral("':' after the map key"));
        ExprPtr value = parseParameter();
        map->entries.emplace_back(std::move(key), std::move(value));
        skipSpace();
        if (accept(QLatin1String("}")))
            return map;
        if (!accept(QLatin1String(",")))
            fail(QStringLiteral("expected ',' or '}' in the map, found %1").arg(describeHere()));
    }
}

} // namespace portico::vtl
