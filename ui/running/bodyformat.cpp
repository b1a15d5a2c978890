#include "bodyformat.h"

#include "base/json.h"

#include <QXmlStreamReader>
#include <QXmlStreamWriter>

namespace portico::running {

namespace {

bool looksLikeJson(const QByteArray &type, const QByteArray &body)
{
    if (type.contains("json"))
        return true;
    const QByteArray trimmed = body.trimmed();
    return type.isEmpty() && (trimmed.startsWith('{') || trimmed.startsWith('['));
}

bool isText(const QByteArray &body)
{
    // Valid UTF-8 without NULs reads as text; anything else is binary.
    if (body.contains('\0'))
        return false;
    QString decoded = QString::fromUtf8(body);
    return !decoded.contains(QChar::ReplacementCharacter) || body.contains("\xEF\xBF\xBD");
}

QString indentedXml(const QByteArray &body)
{
    QXmlStreamReader reader(body);
    QString out;
    QXmlStreamWriter writer(&out);
    writer.setAutoFormatting(true);
    writer.setAutoFormattingIndent(2);
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isWhitespace())
            continue;
        writer.writeCurrentToken(reader);
    }
    if (reader.hasError())
        return {};
    return out.trimmed();
}

} // namespace

QString readableBody(const QByteArray &contentType, const QByteArray &body)
{
    if (body.isEmpty())
        return {};
    const QByteArray type = contentType.toLower().split(';').value(0).trimmed();
    if (looksLikeJson(type, body)) {
        base::Json value;
        base::JsonParseError error;
        if (base::parseJson(body, value, error))
            return QString::fromStdString(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
    }
    if (type.contains("xml")) {
        const QString xml = indentedXml(body);
        if (!xml.isEmpty())
            return xml;
    }
    if (!isText(body))
        return QStringLiteral("(%1 bytes of binary data)").arg(body.size());
    return QString::fromUtf8(body);
}

} // namespace portico::running
