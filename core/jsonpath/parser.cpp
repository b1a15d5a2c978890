#include "parser.h"

#include "base/limits.h"

#include <algorithm>
#include <climits>

namespace portico::jsonpath {

using ast::Chain;
using ast::Expression;
using ast::Literal;
using ast::Operand;
using ast::Segment;
using ast::SegmentKind;

namespace {

bool isSpace(QChar c)
{
    return c == u' ' || c == u'\t' || c == u'\n' || c == u'\r';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

const QString &expectedValue()
{
    static const QString message = QStringLiteral(
        "expected a value: a path (@... or $...), a string, a number, true, false, null, "
        "a JSON array or object, or a /regex/");
    return message;
}

} // namespace

Parser::Parser(const QString &text)
    : m_original(text)
{
}

base::Result<Chain> Parser::parse(const QString &text)
{
    using base::limits::kJsonPathMaxLength;
    if (text.size() > kJsonPathMaxLength) {
        return base::Diagnostic::error(
            QStringLiteral("column %1").arg(kJsonPathMaxLength + 1),
            QStringLiteral("a JSONPath may have at most %1 characters").arg(kJsonPathMaxLength));
    }
    // Jayway trims the path, and reads one that does not start with '$' or '@' as if it started
    // with "$." ("items[0]" is "$.items[0]"; even ".a" becomes "$..a").
    qsizetype first = 0;
    qsizetype last = text.size();
    while (first < last && isSpace(text[first]))
        ++first;
    while (last > first && isSpace(text[last - 1]))
        --last;
    Parser parser(text);
    if (first == last)
        parser.fail(0, QStringLiteral("expected a JSONPath such as $.name"));
    else if (text[first] == u'$' || text[first] == u'@') {
        parser.m_text = text.mid(first, last - first);
        parser.m_shift = first;
    } else {
        parser.m_text = QStringLiteral("$.") + QStringView(text).mid(first, last - first);
        parser.m_shift = first - 2;
    }
    parser.m_end = parser.m_text.size();

    Chain chain;
    if (parser.m_error || !parser.parseChain(chain, Context::TopLevel))
        return *parser.m_error;
    return chain;
}

bool Parser::parseChain(Chain &chain, Context context)
{
    const QChar root = peek();
    chain.relative = root == u'@';
    ++m_pos;
    if (!atEnd() && peek() != u'.' && peek() != u'['
        && (context == Context::TopLevel || !isNameStop(peek(), context))) {
        return fail(m_pos, QStringLiteral("expected '.' or '[' after '%1'").arg(root));
    }
    while (!atEnd()) {
        const QChar c = peek();
        if (c == u'.') {
            if (!parseDotSegment(chain, context))
                return false;
        } else if (c == u'[') {
            if (!parseBracket(chain))
                return false;
        } else if (context == Context::TopLevel) {
            return fail(m_pos, QStringLiteral("expected '.', '[' or the end of the path"));
        } else {
            break;
        }
    }
    finishChain(chain);
    return true;
}

bool Parser::parseDotSegment(Chain &chain, Context context)
{
    const bool scan = peek(1) == u'.';
    m_pos += scan ? 2 : 1;
    if (scan) {
        Segment segment;
        segment.kind = SegmentKind::Scan;
        chain.segments.push_back(std::move(segment));
    }
    const bool nothingUsable
        = atEnd() || (peek() != u'[' && peek() != u'*' && isNameStop(peek(), context));
    if (nothingUsable) {
        return fail(m_pos,
                    scan ? QStringLiteral("expected a property name, '*' or '[' after '..'")
                         : QStringLiteral("expected a property name after '.'"));
    }
    if (peek() == u'[')
        return parseBracket(chain);
    if (peek() == u'*') {
        ++m_pos;
        Segment segment;
        segment.kind = SegmentKind::Wildcard;
        chain.segments.push_back(std::move(segment));
        return true;
    }
    return parseName(chain, context);
}

bool Parser::parseName(Chain &chain, Context context)
{
    const qsizetype start = m_pos;
    while (!atEnd() && !isNameStop(peek(), context))
        ++m_pos;
    const QString name = m_text.mid(start, m_pos - start);
    if (!atEnd() && peek() == u'(') {
        return fail(start,
                    QStringLiteral("JSONPath functions such as %1() are not supported").arg(name));
    }
    if (!atEnd() && context == Context::TopLevel && isSpace(peek())) {
        return fail(m_pos,
                    QStringLiteral("unexpected space: a name with spaces is written "
                                   "in brackets, as in ['my name']"));
    }
    Segment segment;
    segment.kind = SegmentKind::Property;
    segment.names.push_back(name.toStdString());
    chain.segments.push_back(std::move(segment));
    return true;
}

bool Parser::parseBracket(Chain &chain)
{
    if (!enter(m_pos))
        return false;
    ++m_pos;
    skipSpaces();
    Segment segment;
    bool ok = false;
    const QChar c = peek();
    if (atEnd()) {
        ok = false;
    } else if (c == u'\'' || c == u'"') {
        ok = parseBracketNames(segment);
    } else if (isDigit(c) || c == u'-' || c == u':') {
        ok = parseIndexesOrSlice(segment);
    } else if (c == u'*') {
        ++m_pos;
        skipSpaces();
        segment.kind = SegmentKind::Wildcard;
        ok = expect(u']', QStringLiteral("expected ']' after '*'"));
    } else if (c == u'?') {
        ok = parseFilter(segment);
    }
    if (!ok) {
        return fail(m_pos,
                    QStringLiteral("expected a quoted name, an index, a slice, '*' or "
                                   "'?(' after '['"));
    }
    leave();
    chain.segments.push_back(std::move(segment));
    return true;
}

bool Parser::parseBracketNames(Segment &segment)
{
    segment.kind = SegmentKind::Property;
    for (;;) {
        std::string name;
        if (!parseQuoted(name, QStringLiteral("name")))
            return false;
        segment.names.push_back(std::move(name));
        skipSpaces();
        if (!atEnd() && peek() == u']') {
            ++m_pos;
            return true;
        }
        if (atEnd() || peek() != u',')
            return fail(m_pos, QStringLiteral("expected ',' or ']' after a name"));
        ++m_pos;
        skipSpaces();
        if (atEnd() || (peek() != u'\'' && peek() != u'"'))
            return fail(m_pos, QStringLiteral("expected a quoted name after ','"));
    }
}

bool Parser::parseIndexesOrSlice(Segment &segment)
{
    std::optional<int> first;
    if (peek() != u':') {
        int value = 0;
        if (!parseInteger(value))
            return false;
        first = value;
        skipSpaces();
    }
    if (!atEnd() && peek() == u':') {
        ++m_pos;
        skipSpaces();
        std::optional<int> second;
        if (!atEnd() && (isDigit(peek()) || peek() == u'-')) {
            int value = 0;
            if (!parseInteger(value))
                return false;
            second = value;
            skipSpaces();
        }
        if (!atEnd() && peek() == u':') {
            // Jayway parses [0:4:2] and silently ignores the step; refusing it is kinder.
            return fail(m_pos,
                        QStringLiteral("a slice step is not supported (Jayway JsonPath, "
                                       "behind API Gateway, ignores it)"));
        }
        if (!first && !second)
            return fail(m_pos, QStringLiteral("expected a start or an end in the slice"));
        segment.kind = SegmentKind::Slice;
        segment.from = first;
        segment.to = second;
        return expect(u']', QStringLiteral("expected ']' after the slice"));
    }
    segment.kind = SegmentKind::Index;
    segment.indexes.push_back(*first);
    while (!atEnd() && peek() == u',') {
        ++m_pos;
        skipSpaces();
        int value = 0;
        if (!parseInteger(value))
            return false;
        segment.indexes.push_back(value);
        skipSpaces();
    }
    return expect(u']', QStringLiteral("expected ',' or ']' after an index"));
}

bool Parser::parseInteger(int &value)
{
    const qsizetype start = m_pos;
    const bool negative = !atEnd() && peek() == u'-';
    if (negative)
        ++m_pos;
    if (atEnd() || !isDigit(peek()))
        return fail(m_pos, QStringLiteral("expected an index"));
    qint64 magnitude = 0;
    bool tooLarge = false;
    while (!atEnd() && isDigit(peek())) {
        if (!tooLarge) {
            magnitude = magnitude * 10 + (peek().unicode() - u'0');
            tooLarge = magnitude > qint64(INT_MAX) + 1;
        }
        ++m_pos;
    }
    const qint64 signedValue = negative ? -magnitude : magnitude;
    // Jayway reads indexes as Java ints.
    if (tooLarge || signedValue > INT_MAX || signedValue < INT_MIN)
        return fail(start, QStringLiteral("index out of range"));
    value = static_cast<int>(signedValue);
    return true;
}

bool Parser::parseFilter(Segment &segment)
{
    ++m_pos; // '?'
    skipSpaces();
    if (atEnd() || peek() != u'(')
        return fail(m_pos, QStringLiteral("expected '(' after '?'"));
    if (!enter(m_pos))
        return false;
    ++m_pos;
    auto expression = std::make_shared<Expression>();
    if (!parseOr(*expression))
        return false;
    skipSpaces();
    if (!expect(u')', QStringLiteral("expected ')' to close the filter")))
        return false;
    leave();
    skipSpaces();
    if (!expect(u']', QStringLiteral("expected ']' after the filter")))
        return false;
    segment.kind = SegmentKind::Filter;
    segment.filter = std::move(expression);
    return true;
}

bool Parser::parseOr(Expression &expression)
{
    Expression first;
    if (!parseAnd(first))
        return false;
    skipSpaces();
    if (!(peek() == u'|' && peek(1) == u'|')) {
        expression = std::move(first);
        return true;
    }
    expression.kind = Expression::Kind::Or;
    expression.operands.push_back(std::move(first));
    while (peek() == u'|' && peek(1) == u'|') {
        m_pos += 2;
        Expression next;
        if (!parseAnd(next))
            return false;
        expression.operands.push_back(std::move(next));
        skipSpaces();
    }
    return true;
}

bool Parser::parseAnd(Expression &expression)
{
    Expression first;
    if (!parseUnary(first))
        return false;
    skipSpaces();
    if (!(peek() == u'&' && peek(1) == u'&')) {
        expression = std::move(first);
        return true;
    }
    expression.kind = Expression::Kind::And;
    expression.operands.push_back(std::move(first));
    while (peek() == u'&' && peek(1) == u'&') {
        m_pos += 2;
        Expression next;
        if (!parseUnary(next))
            return false;
        expression.operands.push_back(std::move(next));
        skipSpaces();
    }
    return true;
}

bool Parser::parseUnary(Expression &expression)
{
    skipSpaces();
    if (atEnd())
        return fail(m_pos, QStringLiteral("expected a condition"));
    if (peek() == u'!') {
        const qsizetype bang = m_pos;
        if (!enter(bang))
            return false;
        ++m_pos;
        skipSpaces();
        Expression inner;
        if (!atEnd() && (peek() == u'@' || peek() == u'$')) {
            inner.kind = Expression::Kind::Exists;
            if (!parseOperand(inner.left))
                return false;
            skipSpaces();
            // Jayway reads !@.a == 1 as @.a == 1, dropping the '!'; better to refuse it.
            if (startsOperator()) {
                return fail(bang,
                            QStringLiteral("'!' before a path negates an existence test; "
                                           "write !(...) to negate a comparison"));
            }
        } else if (!parseUnary(inner)) {
            return false;
        }
        leave();
        expression.kind = Expression::Kind::Not;
        expression.operands.push_back(std::move(inner));
        return true;
    }
    if (peek() == u'(') {
        if (!enter(m_pos))
            return false;
        ++m_pos;
        if (!parseOr(expression))
            return false;
        skipSpaces();
        if (!expect(u')', QStringLiteral("expected ')'")))
            return false;
        leave();
        return true;
    }
    return parseRelation(expression);
}

bool Parser::parseRelation(Expression &expression)
{
    Operand left;
    if (!parseOperand(left))
        return false;
    skipSpaces();
    if (!startsOperator()) {
        if (left.kind != Operand::Kind::Path)
            return fail(m_pos, QStringLiteral("expected a comparison operator after the value"));
        expression.kind = Expression::Kind::Exists;
        expression.left = std::move(left);
        return true;
    }
    ast::Operator op = ast::Operator::Equal;
    if (!parseOperator(op))
        return false;
    Operand right;
    if (!parseOperand(right))
        return false;
    expression.kind = Expression::Kind::Compare;
    expression.left = std::move(left);
    expression.op = op;
    expression.right = std::move(right);
    return true;
}

bool Parser::parseOperator(ast::Operator &op)
{
    using ast::Operator;
    const qsizetype start = m_pos;
    QString text;
    if (isLetter(peek())) {
        while (!atEnd() && isLetter(peek()))
            text += peek(), ++m_pos;
        const QString word = text.toLower();
        static const std::pair<QLatin1String, Operator> words[] = {
            {QLatin1String("in"), Operator::In},
            {QLatin1String("nin"), Operator::NotIn},
            {QLatin1String("contains"), Operator::Contains},
            {QLatin1String("size"), Operator::Size},
            {QLatin1String("empty"), Operator::Empty},
            {QLatin1String("anyof"), Operator::AnyOf},
            {QLatin1String("noneof"), Operator::NoneOf},
            {QLatin1String("subsetof"), Operator::SubsetOf},
        };
        for (const auto &[name, value] : words) {
            if (word == name) {
                op = value;
                return true;
            }
        }
        if (word == QLatin1String("all") || word == QLatin1String("type")
            || word == QLatin1String("matches")) {
            return fail(start,
                        QStringLiteral("the filter operator '%1' is not supported").arg(text));
        }
        return fail(start, QStringLiteral("unknown operator '%1'").arg(text));
    }
    while (!atEnd() && QStringView(u"=!<>~").contains(peek()))
        text += peek(), ++m_pos;
    static const std::pair<QLatin1String, Operator> symbols[] = {
        {QLatin1String("=="), Operator::Equal},
        {QLatin1String("!="), Operator::NotEqual},
        {QLatin1String("==="), Operator::StrictEqual},
        {QLatin1String("!=="), Operator::StrictNotEqual},
        {QLatin1String("<"), Operator::Less},
        {QLatin1String("<="), Operator::LessOrEqual},
        {QLatin1String(">"), Operator::Greater},
        {QLatin1String(">="), Operator::GreaterOrEqual},
        {QLatin1String("=~"), Operator::Matches},
    };
    for (const auto &[name, value] : symbols) {
        if (text == name) {
            op = value;
            return true;
        }
    }
    return fail(start, QStringLiteral("unknown operator '%1'").arg(text));
}

bool Parser::parseOperand(Operand &operand)
{
    skipSpaces();
    if (atEnd())
        return fail(m_pos, expectedValue());
    const QChar c = peek();
    if (c == u'@' || c == u'$') {
        operand.kind = Operand::Kind::Path;
        return parseChain(operand.path, Context::Filter);
    }
    if (c == u'/')
        return parsePattern(operand);
    operand.kind = Operand::Kind::Literal;
    return parseLiteral(operand.literal);
}

bool Parser::parsePattern(Operand &operand)
{
    const qsizetype open = m_pos;
    ++m_pos;
    QString pattern;
    for (;;) {
        if (atEnd()) {
            return fail(open,
                        QStringLiteral("unterminated regular expression: expected a "
                                       "closing '/'"));
        }
        const QChar c = peek();
        if (c == u'\\' && m_pos + 1 < m_end) {
            // Kept as written: "\/" means '/' to Java's regex engine and to PCRE alike.
            pattern += c;
            pattern += peek(1);
            m_pos += 2;
            continue;
        }
        ++m_pos;
        if (c == u'/')
            break;
        pattern += c;
    }
    QRegularExpression::PatternOptions options;
    while (!atEnd() && isLetter(peek())) {
        // Java's Pattern flags, as Jayway's PatternFlag reads them.
        switch (peek().unicode()) {
        case u'i':
            options |= QRegularExpression::CaseInsensitiveOption;
            break;
        case u'm':
            options |= QRegularExpression::MultilineOption;
            break;
        case u's':
            options |= QRegularExpression::DotMatchesEverythingOption;
            break;
        case u'x':
            options |= QRegularExpression::ExtendedPatternSyntaxOption;
            break;
        case u'u':
        case u'U':
            options |= QRegularExpression::UseUnicodePropertiesOption;
            break;
        case u'd': // UNIX_LINES: only '\n' ends a line; PCRE's default is close enough
            break;
        default:
            return fail(m_pos, QStringLiteral("unknown regular expression flag '%1'").arg(peek()));
        }
        ++m_pos;
    }
    const QRegularExpression check(pattern, options);
    if (!check.isValid()) {
        return fail(open,
                    QStringLiteral("invalid regular expression: %1").arg(check.errorString()));
    }
    // Java's Matcher.matches() must match the whole input.
    operand.kind = Operand::Kind::Pattern;
    operand.pattern = QRegularExpression(QRegularExpression::anchoredPattern(pattern), options);
    operand.pattern.optimize();
    return true;
}

bool Parser::parseLiteral(Literal &literal)
{
    skipSpaces();
    if (atEnd())
        return fail(m_pos, expectedValue());
    const QChar c = peek();
    if (c == u'\'' || c == u'"') {
        literal.kind = Literal::Kind::String;
        return parseQuoted(literal.string, QStringLiteral("string"));
    }
    if (c == u'[') {
        if (!enter(m_pos))
            return false;
        ++m_pos;
        literal.kind = Literal::Kind::Array;
        skipSpaces();
        if (!atEnd() && peek() == u']') {
            ++m_pos;
            leave();
            return true;
        }
        for (;;) {
            Literal item;
            if (!parseLiteral(item))
                return false;
            literal.items.push_back(std::move(item));
            skipSpaces();
            if (!atEnd() && peek() == u',') {
                ++m_pos;
                continue;
            }
            if (!expect(u']', QStringLiteral("expected ',' or ']' in the array")))
                return false;
            leave();
            return true;
        }
    }
    if (c == u'{') {
        if (!enter(m_pos))
            return false;
        ++m_pos;
        literal.kind = Literal::Kind::Object;
        skipSpaces();
        if (!atEnd() && peek() == u'}') {
            ++m_pos;
            leave();
            return true;
        }
        for (;;) {
            skipSpaces();
            if (atEnd() || (peek() != u'\'' && peek() != u'"'))
                return fail(m_pos, QStringLiteral("expected a quoted key in the object"));
            std::string key;
            if (!parseQuoted(key, QStringLiteral("key")))
                return false;
            skipSpaces();
            if (!expect(u':', QStringLiteral("expected ':' after the key")))
                return false;
            Literal value;
            if (!parseLiteral(value))
                return false;
            const auto existing = std::find(literal.keys.begin(), literal.keys.end(), key);
            if (existing != literal.keys.end()) {
                literal.items[static_cast<std::size_t>(existing - literal.keys.begin())]
                    = std::move(value);
            } else {
                literal.keys.push_back(std::move(key));
                literal.items.push_back(std::move(value));
            }
            skipSpaces();
            if (!atEnd() && peek() == u',') {
                ++m_pos;
                continue;
            }
            if (!expect(u'}', QStringLiteral("expected ',' or '}' in the object")))
                return false;
            leave();
            return true;
        }
    }
    if (isLetter(c)) {
        const qsizetype start = m_pos;
        while (!atEnd() && isLetter(peek()))
            ++m_pos;
        const QStringView word = QStringView(m_text).mid(start, m_pos - start);
        if (word == u"true" || word == u"false") {
            literal.kind = Literal::Kind::Boolean;
            literal.boolean = word == u"true";
            return true;
        }
        if (word == u"null") {
            literal.kind = Literal::Kind::Null;
            return true;
        }
        return fail(start, expectedValue());
    }
    if (isDigit(c) || c == u'-' || c == u'+' || c == u'.')
        return parseNumber(literal);
    return fail(m_pos, expectedValue());
}

bool Parser::parseNumber(Literal &literal)
{
    const qsizetype start = m_pos;
    while (!atEnd() && (isDigit(peek()) || QStringView(u".eE+-").contains(peek())))
        ++m_pos;
    const QString text = m_text.mid(start, m_pos - start);
    const std::optional<Number> number = Number::parse(text.toStdString());
    if (!number)
        return fail(start, QStringLiteral("invalid number '%1'").arg(text));
    literal.kind = Literal::Kind::Number;
    literal.number = *number;
    return true;
}

bool Parser::parseQuoted(std::string &text, const QString &what)
{
    const qsizetype open = m_pos;
    const QChar quote = peek();
    ++m_pos;
    QString value;
    while (!atEnd()) {
        const QChar c = peek();
        if (c == quote) {
            ++m_pos;
            text = value.toStdString();
            return true;
        }
        ++m_pos;
        if (c != u'\\') {
            value += c;
            continue;
        }
        if (atEnd())
            break;
        const qsizetype escape = m_pos - 1;
        const QChar e = peek();
        ++m_pos;
        switch (e.unicode()) {
        case u'\\':
        case u'\'':
        case u'"':
        case u'/':
            value += e;
            break;
        case u'b':
            value += QChar(u'\b');
            break;
        case u'f':
            value += QChar(u'\f');
            break;
        case u'n':
            value += QChar(u'\n');
            break;
        case u'r':
            value += QChar(u'\r');
            break;
        case u't':
            value += QChar(u'\t');
            break;
        case u'u': {
            bool ok = m_end - m_pos >= 4;
            const ushort code = ok ? QStringView(m_text).mid(m_pos, 4).toUShort(&ok, 16) : 0;
            if (!ok) {
                return fail(escape, QStringLiteral("expected four hexadecimal digits after '\\u'"));
            }
            m_pos += 4;
            value += QChar(code);
            break;
        }
        default:
            return fail(escape, QStringLiteral("unknown escape '\\%1' in a %2").arg(e).arg(what));
        }
    }
    return fail(open, QStringLiteral("unterminated %1: expected a closing %2").arg(what, quote));
}

void Parser::finishChain(Chain &chain)
{
    bool upstream = true;
    const std::size_t count = chain.segments.size();
    for (std::size_t i = 0; i < count; ++i) {
        Segment &segment = chain.segments[i];
        segment.leaf = i + 1 == count;
        segment.upstreamDefinite = upstream;
        switch (segment.kind) {
        case SegmentKind::Property:
            // Several names at the end merge into one object, so Jayway counts that as definite.
            segment.definite = segment.names.size() == 1 || segment.leaf;
            break;
        case SegmentKind::Index:
            segment.definite = segment.indexes.size() == 1;
            break;
        case SegmentKind::Wildcard:
        case SegmentKind::Slice:
        case SegmentKind::Filter:
        case SegmentKind::Scan:
            segment.definite = false;
            break;
        }
        upstream = upstream && segment.definite;
        chain.simple = chain.simple
            && ((segment.kind == SegmentKind::Property && segment.names.size() == 1)
                || (segment.kind == SegmentKind::Index && segment.indexes.size() == 1));
    }
    chain.definite = upstream;
}

bool Parser::enter(qsizetype position)
{
    using base::limits::kJsonPathMaxNesting;
    if (++m_depth > kJsonPathMaxNesting) {
        return fail(position,
                    QStringLiteral("nesting deeper than %1 levels").arg(kJsonPathMaxNesting));
    }
    return true;
}

bool Parser::fail(qsizetype position, const QString &message)
{
    if (!m_error)
        m_error
            = base::Diagnostic::error(QStringLiteral("column %1").arg(column(position)), message);
    return false;
}

bool Parser::expect(QChar c, const QString &message)
{
    if (!atEnd() && peek() == c) {
        ++m_pos;
        return true;
    }
    return fail(m_pos, message);
}

void Parser::skipSpaces()
{
    while (!atEnd() && isSpace(peek()))
        ++m_pos;
}

QChar Parser::peek(qsizetype ahead) const
{
    const qsizetype index = m_pos + ahead;
    return index < m_end ? m_text[index] : QChar();
}

bool Parser::startsOperator() const
{
    if (atEnd())
        return false;
    const QChar c = peek();
    return isLetter(c) || QStringView(u"=!<>~").contains(c);
}

bool Parser::isNameStop(QChar c, Context context) const
{
    if (c == u'.' || c == u'[' || c == u'(' || isSpace(c))
        return true;
    // Inside a filter a name also ends where an operator or the filter's own syntax begins, so
    // @.price<10 reads as @.price < 10.
    return context == Context::Filter && QStringView(u")<>=~!&|,]").contains(c);
}

int Parser::column(qsizetype position) const
{
    const qsizetype original = std::clamp<qsizetype>(position + m_shift, 0, m_original.size());
    int count = 0;
    for (qsizetype i = 0; i < original; ++i) {
        if (!m_original[i].isLowSurrogate())
            ++count;
    }
    return count + 1;
}

} // namespace portico::jsonpath
