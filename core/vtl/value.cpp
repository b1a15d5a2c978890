#include "value.h"

#include <QSet>

#include "base/json.h"
#include "base/limits.h"

#include <simdjson.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <string_view>
#include <unordered_map>

namespace portico::vtl {

namespace {
// Maps and lists past this size get a hash index instead of linear search.
constexpr qsizetype kIndexThreshold = 16;

// A list or map can hold itself ($l.add($l)). Java prints "(this Collection)" for an element that
// is its own container and overflows its stack on longer cycles; printing and comparing here stop
// descending this deep instead, and printing stops once the text is larger than any output.
constexpr int kMaxDepth = base::limits::kTemplateMaxNesting;
bool printedEnough(const QString &out, int depth)
{
    return depth > kMaxDepth || out.size() > base::limits::kTemplateMaxOutputChars;
}

using base::appendJsonString;

void appendJson(QString &out, const Value &v, int depth = 0)
{
    if (printedEnough(out, depth))
        return;
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
            appendJson(out, item, depth + 1);
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
            appendJson(out, value, depth + 1);
        }
        out += QLatin1Char('}');
        break;
    }
    case Value::Type::Host: appendJsonString(out, v.toString()); break;
    case Value::Type::Json: appendJson(out, v.materialized(), depth); break;
    default: out += v.toString(); break;
    }
}

// Java's toString() of lists ("[a, b]") and maps ("{k=v}").
void appendJava(QString &out, const Value &v, int depth = 0)
{
    if (printedEnough(out, depth))
        return;
    if (v.isJson()) {
        appendJava(out, v.materialized(), depth);
        return;
    }
    if (v.isList() && v.list()->kind() != List::Kind::JsonArray) {
        out += QLatin1Char('[');
        bool first = true;
        for (const Value &item : v.list()->items()) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            if (item.isList() && item.list() == v.list())
                out += QLatin1String("(this Collection)");
            else
                appendJava(out, item, depth + 1);
        }
        out += QLatin1Char(']');
    } else if (v.isMap()) {
        out += QLatin1Char('{');
        bool first = true;
        for (const auto &[key, value] : v.map()->entries()) {
            if (!first)
                out += QLatin1String(", ");
            first = false;
            out += key + QLatin1Char('=');
            if (value.isMap() && value.map() == v.map())
                out += QLatin1String("(this Map)");
            else
                appendJava(out, value, depth + 1);
        }
        out += QLatin1Char('}');
    } else if (v.isList()) {
        appendJson(out, v, depth);
    } else {
        out += v.toString();
    }
}

bool javaEqualsAt(const Value &a, const Value &b, int depth);

bool listsEqual(const List &a, const List &b, int depth)
{
    return &a == &b
           || (a.size() == b.size()
               && std::equal(a.items().begin(), a.items().end(), b.items().begin(),
                             [depth](const Value &x, const Value &y) { return javaEqualsAt(x, y, depth + 1); }));
}

bool mapsEqual(const Map &a, const Map &b, int depth)
{
    if (&a == &b)
        return true;
    if (a.size() != b.size())
        return false;
    for (const auto &[key, value] : a.entries()) {
        if (!b.contains(key) || !javaEqualsAt(b.get(key), value, depth + 1))
            return false;
    }
    return true;
}

// Java's equals(); identical containers are equal at once, as in Java; past kMaxDepth (a cycle)
// nothing is.
bool javaEqualsAt(const Value &a, const Value &b, int depth)
{
    if (a.isJson() || b.isJson())
        return javaEqualsAt(a.materialized(), b.materialized(), depth);
    if (a.type() != b.type() || depth > kMaxDepth)
        return false;
    switch (a.type()) {
    case Value::Type::Null: return true;
    case Value::Type::Bool: return a.toBool() == b.toBool();
    case Value::Type::Int: return a.toInt() == b.toInt();
    case Value::Type::Double: return a.toDouble() == b.toDouble();
    case Value::Type::String: return a.string() == b.string();
    case Value::Type::List: return listsEqual(*a.list(), *b.list(), depth);
    case Value::Type::Map: return mapsEqual(*a.map(), *b.map(), depth);
    case Value::Type::Host: return a.host() == b.host();
    case Value::Type::Json: return false; // materialized above
    }
    return false;
}
} // namespace

namespace {
// Prices and quantities usually have at most two decimals. When d is exactly such a number's
// nearest double (checked by reading the text back), that text with trailing zeros trimmed is the
// shortest one that reads back as d, which is what Java prints for 1e-3 <= |d| < 1e7; no
// two-decimal numbers that far apart share a double in that range.
qsizetype formatFewDecimals(double d, char *buf)
{
    const double magnitude = std::fabs(d);
    if (!(magnitude >= 1e-3 && magnitude < 1e7))
        return 0;
    // The division is correctly rounded: it gives the double nearest to hundredths / 100, which
    // is the double the two-decimal text reads back as.
    const auto hundredths = static_cast<long long>(std::nearbyint(d * 100));
    if (static_cast<double>(hundredths) / 100 != d)
        return 0;
    const unsigned long long absolute = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                       : static_cast<unsigned long long>(hundredths);
    char *p = buf;
    if (hundredths < 0)
        *p++ = '-';
    p = std::to_chars(p, buf + 28, absolute / 100).ptr;
    *p++ = '.';
    const unsigned cents = unsigned(absolute % 100);
    *p++ = char('0' + cents / 10);
    if (cents % 10 != 0)
        *p++ = char('0' + cents % 10);
    return p - buf;
}
} // namespace

qsizetype javaDoubleToChars(double d, char *buf)
{
    return formatFewDecimals(d, buf);
}

QString javaDoubleToString(double d)
{
    if (char buf[32]; const qsizetype size = formatFewDecimals(d, buf))
        return QString::fromLatin1(buf, size);
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

qint32 javaDoubleToInt(double d)
{
    if (std::isnan(d))
        return 0;
    return qint32(std::clamp(d, double(std::numeric_limits<qint32>::min()), double(std::numeric_limits<qint32>::max())));
}

qint64 javaDoubleToLong(double d)
{
    if (std::isnan(d))
        return 0;
    // 2^63 is the first double past the long range (the largest long is no double).
    if (d >= 9223372036854775808.0)
        return std::numeric_limits<qint64>::max();
    if (d <= double(std::numeric_limits<qint64>::min()))
        return std::numeric_limits<qint64>::min();
    return qint64(d);
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
    case Type::List:
    case Type::Map: {
        QString out;
        appendJava(out, *this);
        return out;
    }
    case Type::Host: return host()->toString();
    case Type::Json: return materialized().toString();
    }
    return {};
}

bool Value::javaEquals(const Value &other) const
{
    return javaEqualsAt(*this, other, 0);
}

qsizetype Map::indexOf(const QString &key) const
{
    if (!m_index.isEmpty())
        return m_index.value(key, -1);
    for (qsizetype i = 0; i < qsizetype(m_entries.size()); ++i) {
        if (sameText(m_entries[size_t(i)].first, key))
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

namespace {
Value deepCopyValue(const Value &v)
{
    if (v.isMap())
        return v.map()->deepCopy();
    if (v.isList())
        return v.list()->deepCopy();
    return v;
}
} // namespace

std::shared_ptr<List> List::deepCopy() const
{
    auto copy = std::make_shared<List>(m_kind);
    copy->m_items.reserve(m_items.size());
    for (const Value &item : m_items)
        copy->m_items.push_back(deepCopyValue(item));
    return copy;
}

std::shared_ptr<Map> Map::deepCopy() const
{
    auto copy = std::make_shared<Map>(*this);
    for (auto &entry : copy->m_entries)
        entry.second = deepCopyValue(entry.second);
    return copy;
}

std::vector<std::pair<QString, Value>> Map::entries() const
{
    if (m_kind == Kind::LinkedHashMap || m_entries.size() < 2)
        return m_entries;
    // Java's HashMap iterates its table by bucket, each bucket in insertion order.
    std::vector<std::pair<quint32, size_t>> order;
    order.reserve(m_entries.size());
    for (size_t i = 0; i < m_entries.size(); ++i) {
        const quint32 h = quint32(javaStringHash(m_entries[i].first));
        order.emplace_back((h ^ (h >> 16)) & quint32(m_hashCapacity - 1), i);
    }
    std::sort(order.begin(), order.end());
    std::vector<std::pair<QString, Value>> out;
    out.reserve(order.size());
    for (const auto &[bucket, i] : order)
        out.push_back(m_entries[i]);
    return out;
}

std::vector<QString> Map::keys() const
{
    std::vector<QString> out;
    out.reserve(m_entries.size());
    if (m_kind == Kind::LinkedHashMap) {
        for (const auto &entry : m_entries)
            out.push_back(entry.first);
        return out;
    }
    for (auto &entry : entries())
        out.push_back(std::move(entry.first));
    return out;
}

std::vector<Value> Map::values() const
{
    std::vector<Value> out;
    out.reserve(m_entries.size());
    if (m_kind == Kind::LinkedHashMap) {
        for (const auto &entry : m_entries)
            out.push_back(entry.second);
        return out;
    }
    for (auto &entry : entries())
        out.push_back(std::move(entry.second));
    return out;
}

void Map::clear()
{
    m_entries.clear();
    m_index.clear();
}

namespace {
thread_local CycleCollector *t_collector = nullptr;

const void *containerIdentity(const Value &v)
{
    if (v.isList())
        return v.list().get();
    if (v.isMap())
        return v.map().get();
    return nullptr;
}

// Whether `target` can be reached from `from` through lists and maps. Bounded: past the bound
// the answer is "yes", which at worst empties a large structure once the rendering is over.
bool reaches(const Value &from, const void *target)
{
    constexpr int kMaxVisits = 100000;
    std::vector<Value> stack{from};
    QSet<const void *> seen;
    int visits = 0;
    while (!stack.empty()) {
        const Value v = std::move(stack.back());
        stack.pop_back();
        const void *id = containerIdentity(v);
        if (id == target || ++visits > kMaxVisits)
            return true;
        if (seen.contains(id))
            continue;
        seen.insert(id);
        const std::vector<Value> children = v.isList() ? v.list()->items() : v.map()->values();
        for (const Value &child : children) {
            if (containerIdentity(child))
                stack.push_back(child);
        }
    }
    return false;
}
} // namespace

CycleCollector::CycleCollector()
    : m_previous(t_collector)
{
    t_collector = this;
}

CycleCollector::~CycleCollector()
{
    t_collector = m_previous;
    // Emptying one container of each cycle is enough to break it.
    for (const Value &v : m_cycles) {
        if (v.isList())
            v.list()->items().clear();
        else if (v.isMap())
            v.map()->clear();
    }
}

void CycleCollector::noteInsertion(const Value &target, const Value &inserted)
{
    if (!t_collector || !containerIdentity(inserted))
        return;
    if (reaches(inserted, containerIdentity(target)))
        t_collector->m_cycles.push_back(target);
}

namespace {
thread_local bool t_jsonViewsAllowed = false;

// Deeper documents are refused by the parser's own depth limit long before this matters, but
// the conversion is recursive, so it carries its own bound.
constexpr int kMaxJsonDepth = 1024;

// Object keys repeat from element to element of an array ("id", "name"...): decoding each once
// and sharing the QString saves an allocation and a UTF-8 decode per key.
class KeyCache
{
public:
    QString key(std::string_view utf8)
    {
        auto it = m_keys.find(utf8);
        if (it != m_keys.end())
            return it->second;
        QString decoded = QString::fromUtf8(utf8.data(), qsizetype(utf8.size()));
        if (m_keys.size() < 4096)
            m_keys.emplace(utf8, decoded);
        return decoded;
    }

private:
    // The views point into the parsed document, which outlives one conversion.
    std::unordered_map<std::string_view, QString> m_keys;
};

// Strings, numbers, booleans and null; containers are left to the callers.
Value jsonScalar(simdjson::dom::element e)
{
    using simdjson::dom::element_type;
    switch (e.type()) {
    case element_type::STRING: {
        const std::string_view s = e.get_string().value_unsafe();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    case element_type::INT64: return qint64(e.get_int64().value_unsafe());
    case element_type::UINT64: return double(e.get_uint64().value_unsafe());
    case element_type::DOUBLE: return e.get_double().value_unsafe();
    case element_type::BOOL: return e.get_bool().value_unsafe();
    default: return {};
    }
}

bool isJsonContainer(simdjson::dom::element e)
{
    const auto type = e.type();
    return type == simdjson::dom::element_type::OBJECT || type == simdjson::dom::element_type::ARRAY;
}

Value convertJson(simdjson::dom::element e, int depth, KeyCache &keys)
{
    using simdjson::dom::element_type;
    if (depth > kMaxJsonDepth)
        return {};
    switch (e.type()) {
    case element_type::OBJECT: {
        auto map = std::make_shared<Map>(Map::Kind::LinkedHashMap);
        const simdjson::dom::object object = e.get_object().value_unsafe();
        map->reserve(qsizetype(object.size()));
        for (auto field : object) {
            const std::string_view key = field.key;
            map->put(keys.key(key), convertJson(field.value, depth + 1, keys));
        }
        return map;
    }
    case element_type::ARRAY: {
        auto list = std::make_shared<List>(List::Kind::JsonArray);
        const simdjson::dom::array array = e.get_array().value_unsafe();
        list->items().reserve(array.size());
        for (auto item : array)
            list->items().push_back(convertJson(item, depth + 1, keys));
        return list;
    }
    default: return jsonScalar(e);
    }
}

Value childValue(simdjson::dom::element e)
{
    return isJsonContainer(e) ? Value(JsonRef(e)) : jsonScalar(e);
}

// The hot reads (members by name, array elements) walk simdjson's tape directly: an element is
// a reference to its tape entry, and its members follow it there.
using simdjson::internal::tape_ref;
using simdjson::internal::tape_type;
static_assert(sizeof(tape_ref) == sizeof(simdjson::dom::element) && std::is_trivially_copyable_v<tape_ref>);

simdjson::dom::element elementAt(const tape_ref &t)
{
    simdjson::dom::element e;
    std::memcpy(static_cast<void *>(&e), &t, sizeof t);
    return e;
}

Value tapeValue(const tape_ref &t)
{
    switch (t.tape_ref_type()) {
    case tape_type::START_OBJECT:
    case tape_type::START_ARRAY: return JsonRef(elementAt(t));
    case tape_type::STRING: {
        const std::string_view s = t.get_string_view();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    case tape_type::INT64: return qint64(t.next_tape_value<int64_t>());
    case tape_type::UINT64: return double(t.next_tape_value<uint64_t>());
    case tape_type::DOUBLE: return t.next_tape_value<double>();
    case tape_type::TRUE_VALUE: return true;
    case tape_type::FALSE_VALUE: return false;
    default: return {};
    }
}

// Whether a member name (UTF-8, from the document) is `key`.
bool sameKey(std::string_view utf8, QStringView key)
{
    // ASCII names, by far the most common, compare byte for code unit; anything else decoded.
    const size_t common = std::min(utf8.size(), size_t(key.size()));
    for (size_t i = 0; i < common; ++i) {
        const auto c = static_cast<unsigned char>(utf8[i]);
        if (c >= 0x80 || key[qsizetype(i)].unicode() >= 0x80)
            return QString::fromUtf8(utf8.data(), qsizetype(utf8.size())) == key;
        if (c != key[qsizetype(i)].unicode())
            return false;
    }
    // Equal so far and all ASCII: whatever is left on either side makes that side longer.
    return utf8.size() == size_t(key.size());
}
} // namespace

static_assert(sizeof(simdjson::dom::element) == 16 && std::is_trivially_copyable_v<simdjson::dom::element>);

JsonRef::JsonRef(const simdjson::dom::element &element)
{
    std::memcpy(m_element, &element, sizeof m_element);
}

simdjson::dom::element JsonRef::element() const
{
    simdjson::dom::element e;
    std::memcpy(static_cast<void *>(&e), m_element, sizeof m_element);
    return e;
}

bool JsonRef::isArray() const
{
    return element().type() == simdjson::dom::element_type::ARRAY;
}

qsizetype JsonRef::size() const
{
    const simdjson::dom::element e = element();
    if (e.type() == simdjson::dom::element_type::ARRAY)
        return qsizetype(e.get_array().value_unsafe().size());
    // Members, counting a repeated name once, as a map holds them.
    std::vector<std::string_view> names;
    const simdjson::dom::object object = e.get_object().value_unsafe();
    for (auto field : object)
        names.push_back(field.key);
    std::sort(names.begin(), names.end());
    return qsizetype(std::unique(names.begin(), names.end()) - names.begin());
}

Value JsonRef::get(QStringView key, std::string_view *string) const
{
    // Most names are ASCII: compared byte for byte.
    char ascii[64];
    bool isAscii = key.size() <= qsizetype(sizeof ascii);
    for (qsizetype i = 0; isAscii && i < key.size(); ++i) {
        isAscii = key[i].unicode() < 0x80;
        ascii[i] = char(key[i].unicode());
    }
    if (isAscii)
        return getAscii(std::string_view(ascii, size_t(key.size())), string);
    return member([&](std::string_view name) { return sameKey(name, key); }, string);
}

Value JsonRef::getAscii(std::string_view key, std::string_view *string) const
{
    return member(
        [&](std::string_view name) { return name == key; },
        string);
}

template<typename Matches>
Value JsonRef::member(const Matches &matches, std::string_view *string) const
{
    tape_ref t;
    std::memcpy(static_cast<void *>(&t), m_element, sizeof t);
    if (t.tape_ref_type() != tape_type::START_OBJECT)
        return {};
    const size_t end = t.matching_brace_index() - 1;
    size_t match = 0;
    for (tape_ref field(t.doc, t.json_index + 1); field.json_index != end;) {
        const bool same = matches(std::string_view(field.get_c_str(), field.get_string_length()));
        ++field.json_index; // the value
        if (same)
            match = field.json_index; // the last of a repeated name wins
        field.json_index = field.after_element();
    }
    if (match == 0)
        return {};
    const tape_ref value(t.doc, match);
    if (string && value.tape_ref_type() == tape_type::STRING) {
        *string = value.get_string_view();
        return {};
    }
    return tapeValue(value);
}

Value JsonRef::at(qsizetype i) const
{
    const simdjson::dom::array array = element().get_array().value_unsafe();
    return childValue(array.at(size_t(i)).value_unsafe());
}

std::vector<Value> JsonRef::items() const
{
    tape_ref t;
    std::memcpy(static_cast<void *>(&t), m_element, sizeof t);
    std::vector<Value> out;
    out.reserve(element().get_array().value_unsafe().size());
    const size_t end = t.matching_brace_index() - 1;
    for (tape_ref item(t.doc, t.json_index + 1); item.json_index != end; item.json_index = item.after_element())
        out.push_back(tapeValue(item));
    return out;
}

Value JsonRef::materialize() const
{
    return jsonValue(element());
}

Value jsonValue(const simdjson::dom::element &element)
{
    KeyCache keys;
    return convertJson(element, 0, keys);
}

Value jsonValueOrRef(const simdjson::dom::element &element)
{
    if (!t_jsonViewsAllowed)
        return jsonValue(element);
    return childValue(element);
}

JsonViewScope::JsonViewScope(bool allowed)
    : m_previous(t_jsonViewsAllowed)
{
    t_jsonViewsAllowed = allowed;
}

JsonViewScope::~JsonViewScope()
{
    t_jsonViewsAllowed = m_previous;
}

bool JsonViewScope::allowed()
{
    return t_jsonViewsAllowed;
}

QString toJsonText(const Value &v)
{
    QString out;
    appendJson(out, v);
    return out;
}

} // namespace portico::vtl
