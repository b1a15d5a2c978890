// The JSON type core works with (insertion-ordered, so files keep the order people wrote) and
// conversions between it and Qt strings.
#pragma once

#include <QString>
#include <QStringList>

#include <nlohmann/json.hpp>

namespace portico::base {

using Json = nlohmann::ordered_json;

inline QString toQString(const std::string &s)
{
    return QString::fromStdString(s);
}
inline std::string toStd(const QString &s)
{
    return s.toStdString();
}

// RFC 6901: "~" becomes "~0" and "/" becomes "~1" inside a pointer token.
QString jsonPointerToken(const QString &key);
// "/paths/~1pets/get" -> {"paths", "/pets", "get"}: a pointer's tokens, unescaped; {} for "".
QStringList jsonPointerTokens(const QString &pointer);

// Parses text; on failure the diagnostic says "line L, column C" and what was expected.
struct JsonParseError
{
    int line = 0;
    int column = 0;
    QString message;
};
bool parseJson(const QByteArray &text, Json &out, JsonParseError &error);

// `text` as a JSON string literal, quotes included ("a\"b"), as json-smart writes one.
QString jsonQuoted(const QString &text);
void appendJsonString(QString &out, QStringView text);

// The JSON type name a person reads in an error: "string", "number", "object"...
QString jsonTypeName(const Json &value);

} // namespace portico::base
