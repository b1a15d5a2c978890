#include "utilobject.h"

#include "jsonvalues.h"

#include <QByteArray>

namespace portico::mapping {

using vtl::Value;

Value UtilObject::property(const QString &) const
{
    return {};
}

QString UtilObject::toString() const
{
    return QStringLiteral("$util");
}

namespace {
// "\u00E9": Commons Lang writes the hex digits in upper case.
QString unicodeEscape(char16_t u)
{
    return QStringLiteral("\\u") + QString::number(uint(u), 16).toUpper().rightJustified(4, QLatin1Char('0'));
}
} // namespace

QString UtilObject::escapeJavaScript(const QString &text)
{
    QString out;
    out.reserve(text.size() + text.size() / 8);
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u > 0x7f) {
            out += unicodeEscape(u);
            continue;
        }
        switch (u) {
        case '\b': out += QLatin1String("\\b"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\f': out += QLatin1String("\\f"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\'': out += QLatin1String("\\'"); break;
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '/': out += QLatin1String("\\/"); break;
        default:
            if (u < 0x20)
                out += unicodeEscape(u);
            else
                out += c;
        }
    }
    return out;
}

QString UtilObject::urlEncode(const QString &text)
{
    // URLEncoder keeps a-z A-Z 0-9 . - * _ and turns space into '+'.
    const QByteArray encoded = text.toUtf8().toPercentEncoding(QByteArrayLiteral(".-*_ "));
    QString out = QString::fromLatin1(encoded);
    out.replace(QLatin1Char(' '), QLatin1Char('+'));
    return out;
}

QString UtilObject::urlDecode(const QString &text, QString &error)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('+', ' ');
    // URLDecoder rejects a '%' not followed by two hex digits.
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        if (bytes.at(i) != '%')
            continue;
        const auto isHex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); };
        if (i + 2 >= bytes.size() + 0 || !isHex(bytes.at(i + 1)) || !isHex(bytes.at(i + 2))) {
            error = QStringLiteral("URLDecoder: Illegal hex characters in escape (%) pattern");
            return {};
        }
    }
    return QString::fromUtf8(QByteArray::fromPercentEncoding(bytes));
}

Value UtilObject::call(const QString &name, std::span<const Value> args, QString &error) const
{
    if (args.size() != 1)
        return {};
    if (args[0].isNull())
        return {};
    const QString text = args[0].toString();
    if (name == QLatin1String("escapeJavaScript"))
        return escapeJavaScript(text);
    if (name == QLatin1String("urlEncode"))
        return urlEncode(text);
    if (name == QLatin1String("urlDecode"))
        return urlDecode(text, error);
    if (name == QLatin1String("base64Encode"))
        return QString::fromLatin1(text.toUtf8().toBase64());
    if (name == QLatin1String("base64Decode")) {
        const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1());
        if (!decoded) {
            error = QStringLiteral("base64Decode: the text is not base64");
            return {};
        }
        return QString::fromUtf8(*decoded);
    }
    if (name == QLatin1String("parseJson")) {
        auto parsed = JsonValues::parse(text);
        if (!parsed.ok()) {
            error = QStringLiteral("parseJson: %1").arg(parsed.error().message);
            return {};
        }
        return parsed.value();
    }
    return {};
}

} // namespace portico::mapping
