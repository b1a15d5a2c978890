// Writes compact JSON straight into a byte buffer, for documents built on every request (the
// Lambda proxy event): no intermediate tree, no allocation per value.
#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace portico::runtime {

class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 1024) { m_out.reserve(reserve); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }
    void key(QLatin1StringView name);
    void key(const QString &name);

    void value(const QString &text);
    // UTF-8 bytes written as a JSON string.
    void valueUtf8(const QByteArray &utf8);
    void value(QLatin1StringView text);
    void value(qint64 number);
    void value(bool flag);
    void null();

    QByteArray take() { return std::move(m_out); }

private:
    void open(char bracket);
    void close(char bracket);
    void separate();
    void writeEscaped(const char *data, qsizetype size);

    QByteArray m_out;
    // One entry per open container: whether it still has no member.
    std::vector<bool> m_empty;
    bool m_afterKey = false;
};

} // namespace portico::runtime
