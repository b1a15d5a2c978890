#include "value.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <numeric>

namespace portico::vtl {

namespace {
// Maps and lists past this size get a hash index instead of linear search.
constexpr qsizetype kIndexThreshold = 8;

void appendJsonString(QString &out, const QString &s)
{
    out += QLatin1Char('"');
    for (const QChar c : s) {
        switch (c.unicode()) {
        case '"': out += QLatin1String("\\\""); break;
        case '\\': out += QLatin1String("\\\\"); break;
        case '\n': out += QLatin1String("\\n"); break;
        case '\r': out += QLatin1String("\\r"); break;
        case '\t': out += QLatin1String("\\t"); break;
        case '\b': out += QLatin1String("\\b"); break;
        case '\f': out += QLatin1String("\\f"); break;
        default:
            if (c.unicode() < 0x20)
                out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
            else
                out += c;
        }
    }
    out += QLatin1Char('"');
}

void appendJson(QString &out, const Value &v)
{
    switch (v.type()) {
    case Value::Type::Null: out += QLatin1String("null"); break;
    case Value::Type::String: appendJsonString(out, v.string()); break;
    case Value::Type::List: {
        out += QLatin1Char('[');
        bool first = true;
        for (const Value &item : v.list()->items()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            appendJson(out, item);
        }
        out += QLatin1Char(']');
        break;
    }
    case Value::Type::Map: {
        out += QLatin1Char('{');
        bool first = true;
        for (const auto &[key, value] : v.map()->entries()) {
            if (!first)
                out += QLatin1Char(',');
            first = false;
            appendJsonString(out, key);
            out += QLatin1Char(':');
            appendJson(out, value);
        }
        out += QLatin1Char('}');
        break;
    }
    case Value::Type::Host: appendJsonString(out, v.toString()); break;
    default: out += v.toString(); break;
    }
}
} // namespace

QString javaDoubleToString(double d)
{
    if (std::isnan(d))
        return QStringLiteral("NaN");
    if (std::isinf(d))
        return d > 0 ? QStringLiteral("Infinity") : QStringLiteral("-Infinity");
    if (d == 0)
        return std::signbit(d) ? QStringLiteral("-0.0") : QStringLiteral("0.0");

    // Shortest digits that read back as the same double, in scientific form "d.ddde±x".
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    const std::string sci(buf, res.ptr);
    const bool negative = sci[0] == '-';
    const size_t start = negative ? 1 : 0;
    const size_t e = sci.find('e');
    std::string digits;
    for (size_t i = start; i < e; ++i) {
        if (sci[i] != '.')
            digits += sci[i];
    }
    const int exponent = std::stoi(sci.substr(e + 1));
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();

    std::string out = negative ? "-" : "";
    const double magnitude = std::fabs(d);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        if (exponent >= 0) {
            const size_t intLen = size_t(exponent) + 1;
            std::string intPart = digits.substr(0, std::min(intLen, digits.size()));
            intPart.append(intLen > intPart.size() ? intLen - intPart.size() : 0, '0');
            std::string frac = digits.size() > intLen ? digits.substr(intLen) : "0";
            out += intPart + "." + frac;
        } else {
            out += "0." + std::string(size_t(-exponent - 1), '0') + digits;
        }
    } else {
        out += digits.substr(0, 1) + "." + (digits.size() > 1 ? digits.substr(1) : "0") + "E"
               + std::to_string(exponent);
    }
    return QString::fromStdString(out);
}

qint32 javaStringHash(const QString &s)
{
    quint32 h = 0;
    for (const QChar c : s)
        h = 31 * h + c.unicode();
    return qint32(h);
}

QString Value::toString() const
{
    switch (type()) {
    case Type::Null: return QStringLiteral("null");
    case Type::Bool: return toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case Type::Int: return QString::number(toInt());
    case Type::Double: return javaDoubleToString(std::get<double>(m_v));
    case Type::String: return string();
    case Type::List: {
        if (list()->kind() == List::Kind::JsonArray)
            return toJsonText(*this);
        QString out = QStringLiteral("[");
        bool first = true;
        for (const Value &item : list()->items()) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += item.toString();
        }
        return out + QLatin1Char(']');
    }
    case Type::Map: {
        QString out = QStringLiteral("{");
        bool first = true;
        for (const auto &[key, value] : map()->entries()) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += key + QLatin1Char('=') + value.toString();
        }
        return out + QLatin1Char('}');
    }
    case Type::Host: return host()->toString();
    }
    return {};
}

bool Value::javaEquals(const Value &other) const
{
    if (type() != other.type()) {
        return false;
    }
    switch (type()) {
    case Type::Null: return true;
    case Type::Bool: return toBool() == other.toBool();
    case Type::Int: return toInt() == other.toInt();
    case Type::Double: return std::get<double>(m_v) == std::get<double>(other.m_v);
    case Type::String: return string() == other.string();
    case Type::List: {
        const auto &a = list()->items();
        const auto &b = other.list()->items();
        return a.size() == b.size()
               && std::equal(a.begin(), a.end(), b.begin(),
                             [](const Value &x, const Value &y) { return x.javaEquals(y); });
    }
    case Type::Map: {
        if (map()->size() != other.map()->size())
            return false;
        for (const auto &[key, value] : map()->entries()) {
            if (!other.map()->contains(key) || !other.map()->get(key).javaEquals(value))
                return false;
        }
        return true;
    }
    case Type::Host: return host() == other.host();
    }
    return false;
}

qsizetype Map::indexOf(const QString &key) const
{
    if (!m_index.isEmpty())
        return m_index.value(key, -1);
    for (qsizetype i = 0; i < qsizetype(m_entries.size()); ++i) {
        if (m_entries[size_t(i)].first == key)
            return i;
    }
    return -1;
}

void Map::rebuildIndex()
{
    m_index.clear();
    if (qsizetype(m_entries.size()) <= kIndexThreshold)
        return;
    m_index.reserve(qsizetype(m_entries.size()));
    for (qsizetype i = 0; i < qsizetype(m_entries.size()); ++i)
        m_index.insert(m_entries[size_t(i)].first, i);
}

Value Map::get(const QString &key) const
{
    const qsizetype i = indexOf(key);
    return i < 0 ? Value() : m_entries[size_t(i)].second;
}

Value Map::put(const QString &key, Value value)
{
    const qsizetype i = indexOf(key);
    if (i >= 0) {
        std::swap(m_entries[size_t(i)].second, value);
        return value; // now the previous value
    }
    m_entries.emplace_back(key, std::move(value));
    if (qsizetype(m_entries.size()) > m_hashCapacity * 3 / 4)
        m_hashCapacity *= 2;
    if (!m_index.isEmpty())
        m_index.insert(key, qsizetype(m_entries.size()) - 1);
    else if (qsizetype(m_entries.size()) > kIndexThreshold)
        rebuildIndex();
    return {};
}

Value Map::remove(const QString &key)
{
    const qsizetype i = indexOf(key);
    if (i < 0)
        return {};
    Value previous = std::move(m_entries[size_t(i)].second);
    m_entries.erase(m_entries.begin() + i);
    rebuildIndex();
    return previous;
}

std::vector<std::pair<QString, Value>> Map::entries() const
{
    if (m_kind == Kind::LinkedHashMap || m_entries.size() < 2)
        return m_entries;
    // Java's HashMap iterates its table by bucket, each bucket in insertion order.
    const auto bucket = [this](const QString &key) {
        const quint32 h = quint32(javaStringHash(key));
        return (h ^ (h >> 16)) & quint32(m_hashCapacity - 1);
    };
    std::vector<size_t> order(m_entries.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return bucket(m_entries[a].first) < bucket(m_entries[b].first);
    });
    std::vector<std::pair<QString, Value>> out;
    out.reserve(order.size());
    for (size_t i : order)
        out.push_back(m_entries[i]);
    return out;
}

std::vector<QString> Map::keys() const
{
    std::vector<QString> out;
    for (auto &entry : entries())
        out.push_back(entry.first);
    return out;
}

std::vector<Value> Map::values() const
{
    std::vector<Value> out;
    for (auto &entry : entries())
        out.push_back(entry.second);
    return out;
}

QString toJsonText(const Value &v)
{
    QString out;
    appendJson(out, v);
    return out;
}

} // namespace portico::vtl
