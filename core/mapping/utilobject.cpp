#include "utilobject.h"

#include "jsonvalues.h"

#include <QByteArray>

#include <cstring>

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
// How many characters escapeJavaScript writes for `u`: "\u00E9" (Commons Lang writes the hex
// digits in upper case), "\n", or the character itself.
int escapedLength(char16_t u)
{
    if (u > 0x7f)
        return 6;
    switch (u) {
    case '\b':
    case '\n':
    case '\t':
    case '\f':
    case '\r':
    case '\'':
    case '"':
    case '\\':
    case '/': return 2;
    default: return u < 0x20 ? 6 : 1;
    }
}
} // namespace

QString UtilObject::escapeJavaScript(const QString &text)
{
    // Most text needs no escape and is returned as it is; otherwise the result is sized exactly,
    // then written in place.
    const qsizetype length = text.size();
    const QChar *in = text.constData();
    qsizetype first = 0;
    while (first < length && escapedLength(in[first].unicode()) == 1)
        ++first;
    if (first == length)
        return text;
    qsizetype size = first;
    for (qsizetype i = first; i < length; ++i)
        size += escapedLength(in[i].unicode());
    QString out(size, Qt::Uninitialized);
    char16_t *d = reinterpret_cast<char16_t *>(out.data());
    std::memcpy(d, in, size_t(first) * sizeof(QChar));
    d += first;
    static constexpr char kHex[] = "0123456789ABCDEF";
    for (qsizetype i = first; i < length; ++i) {
        const char16_t u = in[i].unicode();
        const int n = escapedLength(u);
        if (n == 1) {
            *d++ = u;
        } else if (n == 6) {
            *d++ = u'\\';
            *d++ = u'u';
            *d++ = char16_t(kHex[(u >> 12) & 0xf]);
            *d++ = char16_t(kHex[(u >> 8) & 0xf]);
            *d++ = char16_t(kHex[(u >> 4) & 0xf]);
            *d++ = char16_t(kHex[u & 0xf]);
        } else {
            *d++ = u'\\';
            switch (u) {
            case '\b': *d++ = u'b'; break;
            case '\n': *d++ = u'n'; break;
            case '\t': *d++ = u't'; break;
            case '\f': *d++ = u'f'; break;
            case '\r': *d++ = u'r'; break;
            default: *d++ = u; break; // ' " \ /
            }
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
    if (vtl::isName(name, u"escapeJavaScript"))
        return escapeJavaScript(text);
    if (vtl::isName(name, u"urlEncode"))
        return urlEncode(text);
    if (vtl::isName(name, u"urlDecode"))
        return urlDecode(text, error);
    if (vtl::isName(name, u"base64Encode"))
        return QString::fromLatin1(text.toUtf8().toBase64());
    if (vtl::isName(name, u"base64Decode")) {
        const auto decoded = QByteArray::fromBase64Encoding(text.toLatin1());
        if (!decoded) {
            error = QStringLiteral("base64Decode: the text is not base64");
            return {};
        }
        return QString::fromUtf8(*decoded);
    }
    if (vtl::isName(name, u"parseJson")) {
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
