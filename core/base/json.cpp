#include "json.h"

#include <QByteArray>
#include <QRegularExpression>

namespace portico::base {

QString jsonPointerToken(const QString &key)
{
    QString token = key;
    token.replace(QLatin1Char('~'), QLatin1String("~0"));
    token.replace(QLatin1Char('/'), QLatin1String("~1"));
    return token;
}

namespace {
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
        const qsizetype offset = e.byte > 0 ? qsizetype(e.byte) - 1 : 0;
        lineAndColumn(text, offset, error.line, error.column);
        QString what = QString::fromUtf8(e.what());
        static const QRegularExpression prefix(
            QStringLiteral("^\\[json\\.exception\\.parse_error\\.\\d+\\] parse error( at line \\d+, column \\d+)?: "));
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

} // namespace portico::base
