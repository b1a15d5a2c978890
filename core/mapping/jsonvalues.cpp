#include "jsonvalues.h"

#include <string_view>
#include <unordered_map>

namespace portico::mapping {

namespace {
// Deeper documents are refused by the parser's own depth limit long before this matters, but
// the conversion is recursive, so it carries its own bound.
constexpr int kMaxDepth = 1024;

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

vtl::Value convert(simdjson::dom::element e, int depth, KeyCache &keys)
{
    using simdjson::dom::element_type;
    if (depth > kMaxDepth)
        return {};
    switch (e.type()) {
    case element_type::OBJECT: {
        auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
        const simdjson::dom::object object = e.get_object().value_unsafe();
        map->reserve(qsizetype(object.size()));
        for (auto field : object) {
            const std::string_view key = field.key;
            map->put(keys.key(key), convert(field.value, depth + 1, keys));
        }
        return map;
    }
    case element_type::ARRAY: {
        auto list = std::make_shared<vtl::List>(vtl::List::Kind::JsonArray);
        const simdjson::dom::array array = e.get_array().value_unsafe();
        list->items().reserve(array.size());
        for (auto item : array)
            list->items().push_back(convert(item, depth + 1, keys));
        return list;
    }
    case element_type::STRING: {
        const std::string_view s = e.get_string().value_unsafe();
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    case element_type::INT64: return qint64(e.get_int64().value_unsafe());
    case element_type::UINT64: return double(e.get_uint64().value_unsafe());
    case element_type::DOUBLE: return e.get_double().value_unsafe();
    case element_type::BOOL: return e.get_bool().value_unsafe();
    case element_type::NULL_VALUE: return {};
    }
    return {};
}
} // namespace

vtl::Value JsonValues::fromElement(simdjson::dom::element element)
{
    KeyCache keys;
    return convert(element, 0, keys);
}

base::Result<vtl::Value> JsonValues::parse(const QString &text)
{
    thread_local simdjson::dom::parser parser;
    const QByteArray utf8 = text.toUtf8();
    simdjson::dom::element root;
    const auto error = parser.parse(utf8.constData(), size_t(utf8.size())).get(root);
    if (error)
        return base::Diagnostic::error(QString(), QStringLiteral("not valid JSON: %1")
                                                      .arg(QString::fromUtf8(simdjson::error_message(error))));
    return fromElement(root);
}

} // namespace portico::mapping
