#include "inputobject.h"

#include "jsonvalues.h"

#include "jsonpath/compactjson.h"
#include "jsonpath/path.h"

#include <QHash>

namespace portico::mapping {

using vtl::Value;

namespace {

// Paths in templates are string literals, so a handful per template: compile each once per
// thread rather than once per call.
const jsonpath::Path *compiledPath(const QString &text, QString &error)
{
    thread_local QHash<QString, jsonpath::Path> cache;
    auto it = cache.find(text);
    if (it == cache.end()) {
        auto compiled = jsonpath::Path::compile(text);
        if (!compiled.ok()) {
            error = QStringLiteral("invalid JSONPath \"%1\": %2: %3").arg(text, compiled.error().location, compiled.error().message);
            return nullptr;
        }
        if (cache.size() > 512)
            cache.clear();
        it = cache.insert(text, std::move(compiled).value());
    }
    return &*it;
}

bool isRootPath(const QString &path)
{
    return path.trimmed() == QLatin1String("$");
}

QString quotedJsonString(const QString &text)
{
    return vtl::toJsonText(Value(text));
}

Value matchValue(const jsonpath::Match &match)
{
    // Objects and arrays read in place when the rendering allows it (vtl::JsonViewScope).
    if (!match.isMerged())
        return vtl::jsonValueOrRef(match.element());
    auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
    for (const jsonpath::Member &m : match.members())
        map->put(QString::fromUtf8(m.key.data(), qsizetype(m.key.size())), vtl::jsonValueOrRef(m.value));
    return map;
}

Value namedValuesMap(const NamedValues &values)
{
    auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
    for (const auto &[name, value] : values)
        map->put(name, value);
    return map;
}

// Parsers kept per thread for reuse; a few, since request and response templates may each hold
// one at the same time.
std::vector<std::unique_ptr<simdjson::dom::parser>> &parserPool()
{
    thread_local std::vector<std::unique_ptr<simdjson::dom::parser>> pool;
    return pool;
}

const QString kMalformed = QStringLiteral("Could not process payload: the body starts like JSON but is not valid JSON");

} // namespace

InputObject::InputObject(QByteArray body, RequestParameters parameters)
    : InputObject(std::move(body), std::make_shared<const RequestParameters>(std::move(parameters)))
{}

InputObject::InputObject(QByteArray body, std::shared_ptr<const RequestParameters> parameters)
    : m_body(std::move(body))
    , m_parameters(std::move(parameters))
{
    // API Gateway reads an empty payload as the empty object.
    if (m_body.trimmed().isEmpty())
        m_body = QByteArrayLiteral("{}");
}

InputObject::~InputObject()
{
    auto &pool = parserPool();
    if (m_parser && pool.size() < 4)
        pool.push_back(std::move(m_parser));
}

InputObject::BodyKind InputObject::parsedBody() const
{
    if (m_parsed)
        return m_kind;
    m_parsed = true;
    auto &pool = parserPool();
    if (pool.empty()) {
        m_parser = std::make_unique<simdjson::dom::parser>();
    } else {
        m_parser = std::move(pool.back());
        pool.pop_back();
    }
    const auto error = m_parser->parse(m_body.constData(), size_t(m_body.size())).get(m_root);
    if (!error) {
        m_kind = BodyKind::Json;
    } else {
        const QByteArray start = m_body.trimmed().left(1);
        m_kind = start == "{" || start == "[" ? BodyKind::Malformed : BodyKind::NotJson;
    }
    return m_kind;
}

QString InputObject::json(const QString &path, QString &error) const
{
    const jsonpath::Path *compiled = compiledPath(path, error);
    if (!compiled)
        return {};
    switch (parsedBody()) {
    case BodyKind::Malformed: error = kMalformed; return {};
    case BodyKind::NotJson: return isRootPath(path) ? quotedJsonString(QString::fromUtf8(m_body)) : QStringLiteral("\"\"");
    case BodyKind::Json: break;
    }
    auto matches = compiled->evaluate(m_root);
    if (!matches.ok()) {
        error = matches.error().message;
        return {};
    }
    const QString text = jsonpath::toCompactJson(matches.value());
    return text.isNull() ? QStringLiteral("\"\"") : text;
}

Value InputObject::path(const QString &path, QString &error) const
{
    const jsonpath::Path *compiled = compiledPath(path, error);
    if (!compiled)
        return {};
    switch (parsedBody()) {
    case BodyKind::Malformed: error = kMalformed; return {};
    case BodyKind::NotJson: return isRootPath(path) ? Value(QString::fromUtf8(m_body)) : Value();
    case BodyKind::Json: break;
    }
    auto matches = compiled->evaluate(m_root);
    if (!matches.ok()) {
        error = matches.error().message;
        return {};
    }
    if (!matches->found())
        return {};
    if (!matches->isList())
        return matchValue(*matches->value());
    auto list = std::make_shared<vtl::List>(vtl::List::Kind::JsonArray);
    for (const jsonpath::Match &m : matches->items())
        list->items().push_back(matchValue(m));
    return list;
}

Value InputObject::params() const
{
    auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
    map->put(QStringLiteral("path"), namedValuesMap(m_parameters->path));
    map->put(QStringLiteral("querystring"), namedValuesMap(m_parameters->querystring));
    map->put(QStringLiteral("header"), namedValuesMap(m_parameters->header));
    return map;
}

Value InputObject::param(const QString &name) const
{
    // Path first, then query string, then header, as the developer guide says.
    for (const NamedValues *values : {&m_parameters->path, &m_parameters->querystring, &m_parameters->header}) {
        for (const auto &[key, value] : *values) {
            if (vtl::sameText(key, name))
                return value;
        }
    }
    // Header names are case-insensitive in HTTP.
    for (const auto &[key, value] : m_parameters->header) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Value InputObject::property(const QString &name) const
{
    if (vtl::isName(name, u"body"))
        return QString::fromUtf8(m_body);
    return {};
}

Value InputObject::call(const QString &name, std::span<const Value> args, QString &error) const
{
    if (vtl::isName(name, u"params")) {
        if (args.empty())
            return params();
        return args.size() == 1 && args[0].isString() ? param(args[0].string()) : Value();
    }
    if (args.size() != 1 || !args[0].isString())
        return {};
    if (vtl::isName(name, u"json")) {
        const QString text = json(args[0].string(), error);
        return error.isEmpty() ? Value(text) : Value();
    }
    if (vtl::isName(name, u"path"))
        return path(args[0].string(), error);
    return {};
}

QString InputObject::toString() const
{
    return QStringLiteral("$input");
}

} // namespace portico::mapping
