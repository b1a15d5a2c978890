// The values a template computes with, shaped after the Java objects Velocity 1.7 sees under API
// Gateway: null, booleans, integers (Integer/Long), doubles, strings (UTF-16, as Java counts),
// lists (ArrayList, json-smart arrays, Java arrays from split()), maps (insertion-ordered, as
// Velocity's {} literal and JSON objects are, or in Java HashMap order, as $context is), and host
// objects ($input, $util...). Lists and maps are shared and mutable, as Java references are:
// `#set($b = $a)` aliases one list.
#pragma once

#include <QHash>
#include <QString>

#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <variant>
#include <vector>

namespace simdjson::dom {
class element;
}

namespace portico::vtl {

class List;
class Map;
class HostObject;
class Value;
using ListPtr = std::shared_ptr<List>;
using MapPtr = std::shared_ptr<Map>;
using HostPtr = std::shared_ptr<HostObject>;

// A JSON object or array read in place from a document parsed by simdjson, rather than turned
// into maps and lists: what $input.path gives while a template renders that cannot change any
// list or map (see JsonViewScope). It has no identity of its own, so it stands for a fresh,
// unchanging copy of the JSON: anything it does not answer itself, it answers as the Map or List
// it materializes to. The document must outlive it (the $input of the rendering owns it).
class JsonRef
{
public:
    explicit JsonRef(const simdjson::dom::element &element);

    bool isArray() const;
    // Members of an object, elements of an array.
    qsizetype size() const;
    // An object's member (the last of that name, as a JSON object read into a map keeps); null
    // when absent or for an array. With `string`, a string member is not made into a QString:
    // it comes back as null with its UTF-8 text in *string (left alone otherwise).
    Value get(QStringView key, std::string_view *string = nullptr) const;
    // The same for a key known to be ASCII.
    Value getAscii(std::string_view key, std::string_view *string = nullptr) const;
    // An array's element, 0 <= i < size().
    Value at(qsizetype i) const;
    // An array's elements.
    std::vector<Value> items() const;
    // The Map (LinkedHashMap) or List (JsonArray) that a full conversion gives.
    Value materialize() const;

private:
    simdjson::dom::element element() const;
    template<typename Matches>
    Value member(const Matches &matches, std::string_view *string) const;
    alignas(8) unsigned char m_element[16];
};

class Value
{
public:
    enum class Type { Null, Bool, Int, Double, String, List, Map, Host, Json };

    Value() = default;
    Value(bool b) : m_v(b) {}
    Value(int i) : m_v(qint64(i)) {}
    Value(qint64 i) : m_v(i) {}
    Value(double d) : m_v(d) {}
    Value(QString s) : m_v(std::move(s)) {}
    Value(ListPtr l) : m_v(std::move(l)) {}
    Value(MapPtr m) : m_v(std::move(m)) {}
    Value(HostPtr h) : m_v(std::move(h)) {}
    Value(JsonRef j) : m_v(j) {}

    Type type() const { return Type(m_v.index()); }
    bool isNull() const { return type() == Type::Null; }
    bool isBool() const { return type() == Type::Bool; }
    bool isInt() const { return type() == Type::Int; }
    bool isDouble() const { return type() == Type::Double; }
    bool isNumber() const { return isInt() || isDouble(); }
    bool isString() const { return type() == Type::String; }
    bool isList() const { return type() == Type::List; }
    bool isMap() const { return type() == Type::Map; }
    bool isHost() const { return type() == Type::Host; }
    bool isJson() const { return type() == Type::Json; }

    bool toBool() const { return std::get<bool>(m_v); }
    qint64 toInt() const { return std::get<qint64>(m_v); }
    double toDouble() const { return isInt() ? double(toInt()) : std::get<double>(m_v); }
    const QString &string() const { return std::get<QString>(m_v); }
    const ListPtr &list() const { return std::get<ListPtr>(m_v); }
    const MapPtr &map() const { return std::get<MapPtr>(m_v); }
    const HostPtr &host() const { return std::get<HostPtr>(m_v); }
    const JsonRef &json() const { return std::get<JsonRef>(m_v); }
    // A JsonRef's Map or List; any other value itself.
    Value materialized() const { return isJson() ? json().materialize() : *this; }

    // Velocity's truth: only null and false are false.
    bool isTruthy() const { return !isNull() && !(isBool() && !toBool()); }

    // What Java's toString() gives; null gives "null" (as inside a list), the renderer prints
    // a null reference as nothing instead.
    QString toString() const;
    // Java's equals(), as List.contains() and Map keys use it.
    bool javaEquals(const Value &other) const;

private:
    std::variant<std::monostate, bool, qint64, double, QString, ListPtr, MapPtr, HostPtr, JsonRef> m_v;
};

// Whether `a` is `b`, inline: names are compared on every property read and method call.
inline bool sameText(QStringView a, QStringView b)
{
    return a.size() == b.size()
           && (a.isEmpty() || std::memcmp(a.data(), b.data(), size_t(a.size()) * sizeof(QChar)) == 0);
}
// Whether `name` is the ASCII `literal` (a method or property name).
template<size_t N>
inline bool isName(const QString &name, const char16_t (&literal)[N])
{
    return sameText(name, QStringView(literal, qsizetype(N - 1)));
}

// Java's Double.toString(): "6.0", "0.30000000000000004", "1.0E10", "NaN", "Infinity".
QString javaDoubleToString(double d);
// The same text in `buf` (32 chars at least) for the common doubles (a few decimals, between 1e-3
// and 1e7), returning its length; 0 for the others, for which javaDoubleToString() is needed.
qsizetype javaDoubleToChars(double d, char *buf);
// Java's (int) and (long) casts of a double: truncation, saturating at the type's range, NaN 0.
qint32 javaDoubleToInt(double d);
qint64 javaDoubleToLong(double d);
// Java's String.hashCode() over UTF-16 code units.
qint32 javaStringHash(const QString &s);

class List
{
public:
    // How the Java object behind the list prints itself.
    enum class Kind {
        ArrayList, // Velocity [a, b] literal, ranges: "[a, b]"
        JsonArray, // json-smart array from $input.path / parseJson: compact JSON
        JavaArray, // String[] from split(): prints like ArrayList here
    };

    explicit List(Kind kind = Kind::ArrayList) : m_kind(kind) {}
    List(std::vector<Value> items, Kind kind = Kind::ArrayList)
        : m_kind(kind), m_items(std::move(items)) {}

    Kind kind() const { return m_kind; }
    std::vector<Value> &items() { return m_items; }
    const std::vector<Value> &items() const { return m_items; }
    qsizetype size() const { return qsizetype(m_items.size()); }
    std::shared_ptr<List> deepCopy() const;

    // Java's modCount: every change of size (add, remove, clear...) calls
    // noteStructuralChange(), so that a #foreach walking the list fails as Java's iterator does.
    quint64 modCount() const { return m_modCount; }
    void noteStructuralChange() { ++m_modCount; }

private:
    Kind m_kind;
    std::vector<Value> m_items;
    quint64 m_modCount = 0;
};

class Map
{
public:
    enum class Kind {
        HashMap,       // $context (a java.util.HashMap on AWS): iterates in Java HashMap order
        LinkedHashMap, // {} literals, JSON objects, $stageVariables: insertion order
    };

    explicit Map(Kind kind = Kind::LinkedHashMap) : m_kind(kind) {}

    Kind kind() const { return m_kind; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    bool contains(const QString &key) const { return indexOf(key) >= 0; }
    // Null when absent.
    Value get(const QString &key) const;
    // Returns the previous value (null when there was none), as Map.put does.
    Value put(const QString &key, Value value);
    Value remove(const QString &key);
    void clear();
    void reserve(qsizetype size) { m_entries.reserve(size_t(size)); }

    // A copy all the way down (nested maps and lists copied too), keeping kind and order; cheap:
    // no rehashing, the index is shared until one side changes.
    std::shared_ptr<Map> deepCopy() const;

    // Entries in the order Java would iterate them.
    std::vector<std::pair<QString, Value>> entries() const;
    std::vector<QString> keys() const;
    std::vector<Value> values() const;

private:
    qsizetype indexOf(const QString &key) const;
    void rebuildIndex();

    Kind m_kind;
    std::vector<std::pair<QString, Value>> m_entries;
    // Only built once a map is large enough for linear search to hurt.
    QHash<QString, qsizetype> m_index;
    // Java HashMap's table size: grows (x2) past 0.75 load and never shrinks; decides order.
    qsizetype m_hashCapacity = 16;
};

// An object supplied by the host ($input, $util, $context.identity's providers...). Everything
// a template can reach goes through here, so a template cannot touch anything else.
class HostObject
{
public:
    virtual ~HostObject() = default;
    // $obj.name; an absent property is null.
    virtual Value property(const QString &name) const = 0;
    // $obj.name(args). Sets `error` (and returns null) for an exception a Java method would
    // throw; an unknown method returns null without error, as Velocity does.
    virtual Value call(const QString &name, std::span<const Value> args, QString &error) const = 0;
    virtual QString toString() const = 0;
};

// JSON as API Gateway's Java runtime (json-smart under Jayway JsonPath) sees it: objects become
// insertion-ordered maps printing as {k=v}, arrays lists printing as compact JSON, numbers stay
// integers unless they have a fraction or exponent. The whole document is converted...
Value jsonValue(const simdjson::dom::element &element);
// ...or, while JsonViewScope::allowed(), objects and arrays stay JsonRefs into the document.
Value jsonValueOrRef(const simdjson::dom::element &element);

// Whether JSON may be handed out as JsonRefs on this thread: true inside the rendering of a
// template that cannot change the lists and maps it is given, since a JsonRef cannot change.
class JsonViewScope
{
public:
    explicit JsonViewScope(bool allowed);
    ~JsonViewScope();
    JsonViewScope(const JsonViewScope &) = delete;
    JsonViewScope &operator=(const JsonViewScope &) = delete;
    static bool allowed();

private:
    bool m_previous;
};

// Compact JSON text of a value (maps as objects, lists as arrays), as json-smart writes it.
QString toJsonText(const Value &v);

// A template can make a list or map contain itself ($l.add($l)), as Java allows; reference
// counting would then never free it. While a CycleCollector is alive on a thread (one rendering),
// every container stored into a container is checked, and those that close a cycle are emptied
// when the rendering ends, which lets them be freed.
class CycleCollector
{
public:
    CycleCollector();
    ~CycleCollector();
    CycleCollector(const CycleCollector &) = delete;
    CycleCollector &operator=(const CycleCollector &) = delete;

    // Call after `inserted` was stored inside `target` (a list or a map).
    static void noteInsertion(const Value &target, const Value &inserted);

private:
    std::vector<Value> m_cycles;
    CycleCollector *m_previous;
};

} // namespace portico::vtl
