#include "methods.h"

#include <QRegularExpression>

namespace portico::vtl {

namespace {

using Args = std::span<const Value>;

bool isInt(const Args &args, size_t i)
{
    return i < args.size() && args[i].isInt();
}
bool isString(const Args &args, size_t i)
{
    return i < args.size() && args[i].isString();
}
// Java's char arguments arrive as one-character strings.
bool isText(const Args &args, size_t i)
{
    return isString(args, i);
}

// Java's regular expressions, as far as PCRE2 shares their syntax. Compiled patterns are cached
// per thread: templates call the same few patterns on every request.
const QRegularExpression *javaRegex(const QString &pattern, QString &error)
{
    thread_local QHash<QString, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        if (cache.size() > 256)
            cache.clear();
        QRegularExpression re(pattern);
        if (!re.isValid()) {
            error = QStringLiteral("invalid regular expression \"%1\": %2 at offset %3")
                        .arg(pattern, re.errorString())
                        .arg(re.patternErrorOffset());
            return nullptr;
        }
        re.optimize();
        it = cache.insert(pattern, re);
    }
    return &*it;
}

// Matcher.appendReplacement's rules: $n and ${name} insert groups, a backslash quotes.
bool appendJavaReplacement(QString &out, const QString &replacement, const QRegularExpressionMatch &m,
                           QString &error)
{
    for (qsizetype i = 0; i < replacement.size(); ++i) {
        const QChar c = replacement.at(i);
        if (c == QLatin1Char('\\')) {
            if (++i >= replacement.size()) {
                error = QStringLiteral("character to be escaped is missing");
                return false;
            }
            out += replacement.at(i);
        } else if (c == QLatin1Char('$')) {
            if (++i >= replacement.size()) {
                error = QStringLiteral("Illegal group reference: group index is missing");
                return false;
            }
            if (replacement.at(i) == QLatin1Char('{')) {
                const qsizetype close = replacement.indexOf(QLatin1Char('}'), i);
                if (close < 0) {
                    error = QStringLiteral("named capturing group is missing trailing '}'");
                    return false;
                }
                const QString name = replacement.mid(i + 1, close - i - 1);
                if (m.regularExpression().namedCaptureGroups().indexOf(name) < 0) {
                    error = QStringLiteral("No group with name {%1}").arg(name);
                    return false;
                }
                out += m.captured(name);
                i = close;
            } else if (replacement.at(i).isDigit()) {
                int group = replacement.at(i).digitValue();
                if (group > m.lastCapturedIndex() && group > m.regularExpression().captureCount()) {
                    error = QStringLiteral("No group %1").arg(group);
                    return false;
                }
                // Java takes more digits while they still name an existing group.
                while (i + 1 < replacement.size() && replacement.at(i + 1).isDigit()) {
                    const int longer = group * 10 + replacement.at(i + 1).digitValue();
                    if (longer > m.regularExpression().captureCount())
                        break;
                    group = longer;
                    ++i;
                }
                out += m.captured(group);
            } else {
                error = QStringLiteral("Illegal group reference");
                return false;
            }
        } else {
            out += c;
        }
    }
    return true;
}

Value replaceRegex(const QString &s, const QString &pattern, const QString &replacement, bool all,
                   QString &error)
{
    const QRegularExpression *re = javaRegex(pattern, error);
    if (!re)
        return {};
    QString out;
    qsizetype last = 0;
    auto it = re->globalMatch(s);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(s).mid(last, m.capturedStart() - last);
        if (!appendJavaReplacement(out, replacement, m, error))
            return {};
        last = m.capturedEnd();
        if (!all)
            break;
    }
    out += QStringView(s).mid(last);
    return out;
}

Value split(const QString &s, const QString &pattern, qint64 limit, QString &error)
{
    const QRegularExpression *re = javaRegex(pattern, error);
    if (!re)
        return {};
    std::vector<Value> parts;
    qsizetype last = 0;
    auto it = re->globalMatch(s);
    while (it.hasNext() && (limit <= 0 || qint64(parts.size()) < limit - 1)) {
        const QRegularExpressionMatch m = it.next();
        // Java drops the empty leading piece a zero-width match at the start would make.
        if (m.capturedStart() == 0 && m.capturedLength() == 0)
            continue;
        if (s.isEmpty())
            break;
        parts.emplace_back(s.mid(last, m.capturedStart() - last));
        last = m.capturedEnd();
    }
    parts.emplace_back(s.mid(last));
    // With no limit, trailing empty strings are removed (but "" splits to [""]).
    if (limit == 0) {
        while (parts.size() > 1 && parts.back().string().isEmpty())
            parts.pop_back();
        if (parts.size() == 1 && parts.front().string().isEmpty() && !s.isEmpty())
            parts.clear();
    }
    return std::make_shared<List>(std::move(parts), List::Kind::JavaArray);
}

bool isCodePoint(qint64 code)
{
    return code >= 0 && code <= 0x10FFFF;
}

QString codePointText(qint64 code)
{
    const char32_t c = char32_t(code);
    return QString::fromUcs4(&c, 1);
}

QString javaTrim(const QString &s)
{
    qsizetype b = 0;
    qsizetype e = s.size();
    while (b < e && s.at(b).unicode() <= ' ')
        ++b;
    while (e > b && s.at(e - 1).unicode() <= ' ')
        --e;
    return s.mid(b, e - b);
}

Value stringMethod(const QString &s, const QString &name, const Args &args, QString &error)
{
    const size_t n = args.size();
    const qsizetype len = s.size();
    if (isName(name, u"length") && n == 0)
        return qint64(len);
    if (isName(name, u"isEmpty") && n == 0)
        return s.isEmpty();
    if (isName(name, u"toString") && n == 0)
        return s;
    if (isName(name, u"trim") && n == 0)
        return javaTrim(s);
    if (isName(name, u"toUpperCase") && n == 0)
        return s.toUpper();
    if (isName(name, u"toLowerCase") && n == 0)
        return s.toLower();
    if (isName(name, u"hashCode") && n == 0)
        return qint64(javaStringHash(s));
    if (isName(name, u"substring") && (n == 1 || n == 2) && isInt(args, 0) && (n == 1 || isInt(args, 1))) {
        const qint64 begin = args[0].toInt();
        const qint64 end = n == 2 ? args[1].toInt() : len;
        if (begin < 0 || end > len || begin > end) {
            error = QStringLiteral("begin %1, end %2, length %3").arg(begin).arg(end).arg(len);
            return {};
        }
        return s.mid(begin, end - begin);
    }
    if (isName(name, u"charAt") && n == 1 && isInt(args, 0)) {
        const qint64 i = args[0].toInt();
        if (i < 0 || i >= len) {
            error = QStringLiteral("index %1, length %2").arg(i).arg(len);
            return {};
        }
        return QString(s.at(i));
    }
    if ((isName(name, u"indexOf") || isName(name, u"lastIndexOf")) && (n == 1 || n == 2)
        && (isText(args, 0) || isInt(args, 0)) && (n == 1 || isInt(args, 1))) {
        // indexOf(int ch) looks for the character with that code.
        if (args[0].isInt() && !isCodePoint(args[0].toInt()))
            return qint64(-1);
        const QString needle = args[0].isInt() ? codePointText(args[0].toInt()) : args[0].string();
        const bool last = isName(name, u"lastIndexOf");
        if (n == 1)
            return qint64(last ? s.lastIndexOf(needle) : s.indexOf(needle));
        qint64 from = args[1].toInt();
        if (last) {
            if (from < 0)
                return qint64(-1);
            return qint64(s.lastIndexOf(needle, std::min<qint64>(from, len)));
        }
        return qint64(s.indexOf(needle, std::max<qint64>(from, 0)));
    }
    if (isName(name, u"contains") && n == 1 && args[0].isString())
        return s.contains(args[0].string());
    if (isName(name, u"startsWith") && (n == 1 || n == 2) && isString(args, 0) && (n == 1 || isInt(args, 1))) {
        const qint64 offset = n == 2 ? args[1].toInt() : 0;
        if (offset < 0 || offset > len)
            return false;
        return QStringView(s).mid(offset).startsWith(args[0].string());
    }
    if (isName(name, u"endsWith") && n == 1 && isString(args, 0))
        return s.endsWith(args[0].string());
    if (isName(name, u"equalsIgnoreCase") && n == 1)
        return args[0].isString() && args[0].string().compare(s, Qt::CaseInsensitive) == 0;
    if (isName(name, u"compareTo") && n == 1 && isString(args, 0)) {
        const QString &o = args[0].string();
        const qsizetype common = std::min(len, o.size());
        for (qsizetype i = 0; i < common; ++i) {
            if (s.at(i) != o.at(i))
                return qint64(s.at(i).unicode()) - qint64(o.at(i).unicode());
        }
        return qint64(len - o.size());
    }
    if (isName(name, u"concat") && n == 1 && isString(args, 0))
        return QString(s + args[0].string());
    if (isName(name, u"replace") && n == 2 && isText(args, 0) && isText(args, 1)) {
        QString out = s;
        return out.replace(args[0].string(), args[1].string());
    }
    if ((isName(name, u"replaceAll") || isName(name, u"replaceFirst")) && n == 2
        && isString(args, 0) && isString(args, 1))
        return replaceRegex(s, args[0].string(), args[1].string(), isName(name, u"replaceAll"), error);
    if (isName(name, u"matches") && n == 1 && isString(args, 0)) {
        // String.matches() must match the whole string.
        const QRegularExpression *re = javaRegex(QRegularExpression::anchoredPattern(args[0].string()), error);
        return re ? Value(re->match(s).hasMatch()) : Value();
    }
    if (isName(name, u"split") && (n == 1 || n == 2) && isString(args, 0) && (n == 1 || isInt(args, 1)))
        return split(s, args[0].string(), n == 2 ? args[1].toInt() : 0, error);
    return {};
}

bool indexInRange(qint64 i, qsizetype size, QString &error)
{
    if (i >= 0 && i < size)
        return true;
    error = QStringLiteral("Index %1 out of bounds for length %2").arg(i).arg(size);
    return false;
}

// A copy, where Java returns a view: the same as long as neither side is changed afterwards. It
// prints Java-style even from a JSON array, as Java's sublist view does.
Value subList(const List &list, qint64 from, qint64 to, QString &error)
{
    if (from < 0) {
        error = QStringLiteral("fromIndex = %1").arg(from);
        return {};
    }
    if (to > list.size()) {
        error = QStringLiteral("toIndex = %1").arg(to);
        return {};
    }
    if (from > to) {
        error = QStringLiteral("fromIndex(%1) > toIndex(%2)").arg(from).arg(to);
        return {};
    }
    return std::make_shared<List>(std::vector<Value>(list.items().begin() + from, list.items().begin() + to));
}

Value listMethod(const ListPtr &list, const QString &name, const Args &args, QString &error)
{
    auto &items = list->items();
    const size_t n = args.size();
    if (isName(name, u"size") && n == 0)
        return qint64(items.size());
    if (isName(name, u"isEmpty") && n == 0)
        return items.empty();
    if (isName(name, u"toString") && n == 0)
        return Value(list).toString();
    if (isName(name, u"get") && n == 1 && isInt(args, 0)) {
        if (!indexInRange(args[0].toInt(), qsizetype(items.size()), error))
            return {};
        return items[size_t(args[0].toInt())];
    }
    if (isName(name, u"subList") && n == 2 && isInt(args, 0) && isInt(args, 1))
        return subList(*list, args[0].toInt(), args[1].toInt(), error);
    if (isName(name, u"contains") && n == 1)
        return std::any_of(items.begin(), items.end(), [&](const Value &v) { return v.javaEquals(args[0]); });
    if (isName(name, u"indexOf") && n == 1) {
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].javaEquals(args[0]))
                return qint64(i);
        }
        return qint64(-1);
    }
    // Velocity calls an array's methods on a fixed-size list wrapper, which refuses to grow or
    // shrink.
    const bool fixedSize = list->kind() == List::Kind::JavaArray;
    if (fixedSize && (isName(name, u"add") || isName(name, u"remove") || isName(name, u"clear")
                      || isName(name, u"addAll"))) {
        error = QStringLiteral("UnsupportedOperationException: an array from split() cannot change size");
        return {};
    }
    if (isName(name, u"add") && n == 1) {
        items.push_back(args[0]);
        list->noteStructuralChange();
        return true;
    }
    if (isName(name, u"add") && n == 2 && isInt(args, 0)) {
        const qint64 i = args[0].toInt();
        if (i < 0 || i > qint64(items.size())) {
            error = QStringLiteral("Index: %1, Size: %2").arg(i).arg(items.size());
            return {};
        }
        items.insert(items.begin() + i, args[1]);
        list->noteStructuralChange();
        return {};
    }
    if (isName(name, u"addAll") && n == 1 && args[0].isList()) {
        const auto copy = args[0].list()->items();
        items.insert(items.end(), copy.begin(), copy.end());
        list->noteStructuralChange();
        return !copy.empty();
    }
    if (isName(name, u"set") && n == 2 && isInt(args, 0)) {
        if (!indexInRange(args[0].toInt(), qsizetype(items.size()), error))
            return {};
        Value previous = items[size_t(args[0].toInt())];
        items[size_t(args[0].toInt())] = args[1];
        return previous;
    }
    if (isName(name, u"remove") && n == 1) {
        if (args[0].isInt()) {
            if (!indexInRange(args[0].toInt(), qsizetype(items.size()), error))
                return {};
            Value removed = items[size_t(args[0].toInt())];
            items.erase(items.begin() + args[0].toInt());
            list->noteStructuralChange();
            return removed;
        }
        for (size_t i = 0; i < items.size(); ++i) {
            if (items[i].javaEquals(args[0])) {
                items.erase(items.begin() + qsizetype(i));
                list->noteStructuralChange();
                return true;
            }
        }
        return false;
    }
    if (isName(name, u"clear") && n == 0) {
        items.clear();
        list->noteStructuralChange();
        return {};
    }
    return {};
}

// A Map.Entry from entrySet(): .key, .value, getKey(), getValue(), prints "k=v".
class MapEntry : public HostObject
{
public:
    MapEntry(QString key, Value value) : m_key(std::move(key)), m_value(std::move(value)) {}
    Value property(const QString &name) const override
    {
        if (isName(name, u"key"))
            return m_key;
        if (isName(name, u"value"))
            return m_value;
        return {};
    }
    Value call(const QString &name, std::span<const Value> args, QString &) const override
    {
        if (!args.empty())
            return {};
        if (isName(name, u"getKey"))
            return m_key;
        if (isName(name, u"getValue"))
            return m_value;
        if (isName(name, u"toString"))
            return toString();
        return {};
    }
    QString toString() const override { return m_key + QLatin1Char('=') + m_value.toString(); }

private:
    QString m_key;
    Value m_value;
};

Value mapMethod(const MapPtr &map, const QString &name, const Args &args)
{
    const size_t n = args.size();
    if (isName(name, u"size") && n == 0)
        return qint64(map->size());
    if (isName(name, u"isEmpty") && n == 0)
        return map->isEmpty();
    if (isName(name, u"toString") && n == 0)
        return Value(map).toString();
    if (isName(name, u"get") && n == 1)
        return args[0].isString() ? map->get(args[0].string()) : Value();
    if (isName(name, u"containsKey") && n == 1)
        return args[0].isString() && map->contains(args[0].string());
    if (isName(name, u"containsValue") && n == 1) {
        const auto values = map->values();
        return std::any_of(values.begin(), values.end(), [&](const Value &v) { return v.javaEquals(args[0]); });
    }
    if (isName(name, u"put") && n == 2)
        return map->put(args[0].isString() ? args[0].string() : args[0].toString(), args[1]);
    if (isName(name, u"putAll") && n == 1 && args[0].isMap()) {
        for (const auto &[k, v] : args[0].map()->entries())
            map->put(k, v);
        return {};
    }
    if (isName(name, u"remove") && n == 1)
        return args[0].isString() ? map->remove(args[0].string()) : Value();
    if (isName(name, u"clear") && n == 0) {
        for (const QString &k : map->keys())
            map->remove(k);
        return {};
    }
    if (isName(name, u"keySet") && n == 0) {
        std::vector<Value> keys;
        for (const QString &k : map->keys())
            keys.emplace_back(k);
        return std::make_shared<List>(std::move(keys));
    }
    if (isName(name, u"values") && n == 0)
        return std::make_shared<List>(map->values());
    if (isName(name, u"entrySet") && n == 0) {
        std::vector<Value> entries;
        for (const auto &[k, v] : map->entries())
            entries.emplace_back(HostPtr(std::make_shared<MapEntry>(k, v)));
        return std::make_shared<List>(std::move(entries));
    }
    return {};
}

Value numberMethod(const Value &v, const QString &name, const Args &args)
{
    if (!args.empty())
        return {};
    if (isName(name, u"toString"))
        return v.toString();
    if (isName(name, u"intValue"))
        return v.isInt() ? v.toInt() : qint64(javaDoubleToInt(v.toDouble()));
    if (isName(name, u"longValue"))
        return v.isInt() ? v.toInt() : javaDoubleToLong(v.toDouble());
    if (isName(name, u"doubleValue"))
        return v.toDouble();
    return {};
}

} // namespace

Value BuiltinMethods::call(const Value &target, const QString &name, std::span<const Value> args, QString &error)
{
    if (target.isJson()) {
        // Read in place where that is simple; anything else as the Map or List it stands for,
        // which is the same since neither can change.
        const JsonRef &json = target.json();
        if (isName(name, u"size") && args.empty())
            return qint64(json.size());
        if (isName(name, u"get") && args.size() == 1 && !json.isArray())
            return args[0].isString() ? json.get(args[0].string()) : Value();
        return call(target.materialized(), name, args, error);
    }
    // Every Java object has equals(); a host object answers for itself.
    if (target.isHost())
        return target.host()->call(name, args, error);
    if (args.size() == 1 && !target.isNull() && isName(name, u"equals"))
        return target.javaEquals(args[0]);
    if (target.isList() || target.isMap()) {
        Value result = target.isList() ? listMethod(target.list(), name, args, error) : mapMethod(target.map(), name, args);
        // A container stored into a container may close a cycle ($l.add($l)).
        static const QStringList kStoring{QStringLiteral("add"), QStringLiteral("set"), QStringLiteral("put"),
                                          QStringLiteral("putAll"), QStringLiteral("addAll")};
        const bool mayStore = !args.empty() && (name.size() == 3 || name.size() == 6);
        if (mayStore && error.isEmpty() && kStoring.contains(name)) {
            for (const Value &arg : args)
                CycleCollector::noteInsertion(target, arg);
        }
        return result;
    }
    switch (target.type()) {
    case Value::Type::String: return stringMethod(target.string(), name, args, error);
    case Value::Type::Int:
    case Value::Type::Double: return numberMethod(target, name, args);
    case Value::Type::Bool:
        return isName(name, u"toString") && args.empty() ? Value(target.toString()) : Value();
    case Value::Type::Host: return target.host()->call(name, args, error);
    case Value::Type::List:
    case Value::Type::Map:
    case Value::Type::Json: // handled above
    case Value::Type::Null: return {};
    }
    return {};
}

Value BuiltinMethods::property(const Value &target, const QString &name)
{
    switch (target.type()) {
    case Value::Type::Map: return target.map()->get(name);
    case Value::Type::Host: return target.host()->property(name);
    case Value::Type::String:
        return isName(name, u"empty") ? Value(target.string().isEmpty()) : Value();
    case Value::Type::List:
        return isName(name, u"empty") ? Value(target.list()->items().empty()) : Value();
    case Value::Type::Json:
        if (!target.json().isArray())
            return target.json().get(name);
        return isName(name, u"empty") ? Value(target.json().size() == 0) : Value();
    default: return {};
    }
}

} // namespace portico::vtl
