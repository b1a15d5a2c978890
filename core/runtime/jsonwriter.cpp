#include "jsonwriter.h"

namespace portico::runtime {

void JsonWriter::separate()
{
    if (m_afterKey) {
        m_afterKey = false;
        return;
    }
    if (!m_empty.empty()) {
        if (!m_empty.back())
            m_out += ',';
        m_empty.back() = false;
    }
}

void JsonWriter::open(char bracket)
{
    separate();
    m_out += bracket;
    m_empty.push_back(true);
}

void JsonWriter::close(char bracket)
{
    m_out += bracket;
    m_empty.pop_back();
}

void JsonWriter::key(QLatin1StringView name)
{
    separate();
    m_out += '"';
    writeEscaped(name.data(), name.size());
    m_out += "\":";
    m_afterKey = true;
}

void JsonWriter::key(const QString &name)
{
    separate();
    m_out += '"';
    const QByteArray utf8 = name.toUtf8();
    writeEscaped(utf8.constData(), utf8.size());
    m_out += "\":";
    m_afterKey = true;
}

void JsonWriter::value(const QString &text)
{
    valueUtf8(text.toUtf8());
}

void JsonWriter::valueUtf8(const QByteArray &utf8)
{
    separate();
    m_out += '"';
    writeEscaped(utf8.constData(), utf8.size());
    m_out += '"';
}

void JsonWriter::value(QLatin1StringView text)
{
    separate();
    m_out += '"';
    writeEscaped(text.data(), text.size());
    m_out += '"';
}

void JsonWriter::value(qint64 number)
{
    separate();
    m_out += QByteArray::number(number);
}

void JsonWriter::value(bool flag)
{
    separate();
    m_out += flag ? "true" : "false";
}

void JsonWriter::null()
{
    separate();
    m_out += "null";
}

void JsonWriter::writeEscaped(const char *data, qsizetype size)
{
    static const char hex[] = "0123456789abcdef";
    qsizetype plainFrom = 0;
    for (qsizetype i = 0; i < size; ++i) {
        const unsigned char c = static_cast<unsigned char>(data[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        m_out.append(data + plainFrom, i - plainFrom);
        plainFrom = i + 1;
        switch (c) {
        case '"': m_out += "\\\""; break;
        case '\\': m_out += "\\\\"; break;
        case '\n': m_out += "\\n"; break;
        case '\r': m_out += "\\r"; break;
        case '\t': m_out += "\\t"; break;
        case '\b': m_out += "\\b"; break;
        case '\f': m_out += "\\f"; break;
        default:
            m_out += "\\u00";
            m_out += hex[c >> 4];
            m_out += hex[c & 0xf];
        }
    }
    m_out.append(data + plainFrom, size - plainFrom);
}

} // namespace portico::runtime
