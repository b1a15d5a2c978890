#include "json.h"

#include <QByteArray>
#include <QRegularExpression>

#include <cctype>

namespace portico::base {

QString jsonPointerToken(const QString &key)
{
    QString token = key;
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

QStringList jsonPointerTokens(const QString &pointer)
{
    if (pointer.isEmpty())
        return {};
    QStringList tokens = pointer.split(QLatin1Char('/'));
    tokens.removeFirst(); // before the leading "/"
    for (QString &token : tokens)
        token.replace(QLatin1String("~1"), QLatin1String("/"))
            .replace(QLatin1String("~0"), QLatin1String("~"));
    return tokens;
}

namespace {
// nlohmann reports the offset just past the token it choked on; a person wants the token's
// first character, so step back over a string literal or a bare word.
qsizetype tokenStart(const QByteArray &text, qsizetype end)
{
    if (end <= 0 || end > text.size())
        return end;
    qsizetype i = end - 1;
    if (text.at(i) == '"') {
        for (qsizetype j = i - 1; j >= 0; --j) {
            if (text.at(j) != '"')
                continue;
            qsizetype backslashes = 0;
            for (qsizetype k = j - 1; k >= 0 && text.at(k) == '\\'; --k)
                ++backslashes;
            if (backslashes % 2 == 0)
                return j;
        }
        return end;
    }
    auto isWordChar = [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.';
    };
    if (!isWordChar(text.at(i)))
        return i;
    while (i > 0 && isWordChar(text.at(i - 1)))
        --i;
    return i;
}

// Counts lines and columns up to a byte offset, as a text editor shows them (1-based).
void lineAndColumn(const QByteArray &text, qsizetype offset, int &line, int &column)
{
    line = 1;
    column = 1;
    const qsizetype end = std::min(offset, text.size());
    for (qsizetype i = 0; i < end; ++i) {
        if (text.at(i) == '\n') {
            ++line;
            column = 1;
        } else if ((static_cast<unsigned char>(text.at(i)) & 0xC0) != 0x80) {
            ++column; // count characters, not UTF-8 continuation bytes
        }
    }
}
} // namespace

bool parseJson(const QByteArray &text, Json &out, JsonParseError &error)
{
    try {
        out = Json::parse(text.constBegin(), text.constEnd());
        return true;
    } catch (const Json::parse_error &e) {
        // e.byte is one past the offending character; nlohmann's own wording after "...: " is
        // kept because it says what was expected ("expected '}'", "unexpected end of input").
        const qsizetype offset
            = qsizetype(e.byte) >= text.size() ? text.size() : tokenStart(text, qsizetype(e.byte));
        lineAndColumn(text, offset, error.line, error.column);
        QString what = QString::fromUtf8(e.what());
        static const QRegularExpression prefix(
            QStringLiteral("^\\[json\\.exception\\.parse_error\\.\\d+\\] parse error( at line "
                           "\\d+, column \\d+)?: "));
        what.remove(prefix);
        error.message = what;
        return false;
    }
}

QString jsonTypeName(const Json &value)
{
    if (value.is_number_integer() || value.is_number_unsigned())
        return QStringLiteral("integer");
    return QString::fromLatin1(value.type_name());
}

void appendJsonString(QString &out, QStringView text)
{
    out += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            out += QLatin1String("\\\"");
            break;
        case '\\':
            out += QLatin1String("\\\\");
            break;
        case '\n':
            out += QLatin1String("\\n");
            break;
        case '\r':
            out += QLatin1String("\\r");
            break;
        case '\t':
            out += QLatin1String("\\t");
            break;
        case '\b':
            out += QLatin1String("\\b");
            break;
        case '\f':
            out += QLatin1String("\\f");
            break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

QString jsonQuoted(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    appendJsonString(out, text);
    return out;
}

} // namespace portico::base
