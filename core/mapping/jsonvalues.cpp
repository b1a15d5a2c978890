#include "jsonvalues.h"

namespace portico::mapping {

namespace {
// Deeper documents are refused by the parser's own depth limit long before this matters, but
// the conversion is recursive, so it carries its own bound.
constexpr int kMaxDepth = 1024;

vtl::Value convert(simdjson::dom::element e, int depth)
{
    using simdjson::dom::element_type;
    if (depth > kMaxDepth)
        return {};
    switch (e.type()) {
    case element_type::OBJECT: {
        auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
        const simdjson::dom::object object = e.get_object().value_unsafe();
        for (auto field : object) {
            const std::string_view key = field.key;
            map->put(QString::fromUtf8(key.data(), qsizetype(key.size())), convert(field.value, depth + 1));
        }
        return map;
    }
    case element_type::ARRAY: {
        auto list = std::make_shared<vtl::List>(vtl::List::Kind::JsonArray);
        const simdjson::dom::array array = e.get_array().value_unsafe();
        for (auto item : array)
            list->items().push_back(convert(item, depth + 1));
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
    return convert(element, 0);
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
