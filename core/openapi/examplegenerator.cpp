#include "examplegenerator.h"

#include "modelrefs.h"

namespace portico::openapi {

using base::Json;

namespace {

// Deep enough for real payloads, shallow enough that a schema nesting arrays of objects of
// arrays cannot make a huge example.
constexpr int kMaxDepth = 12;

std::string declaredType(const Json &schema)
{
    const auto it = schema.find("type");
    if (it == schema.end())
        return schema.contains("properties") ? "object" : std::string();
    if (it->is_string())
        return it->get<std::string>();
    // draft 4 allows a list of types; the first that is not "null" is the useful one
    if (it->is_array()) {
        for (const Json &t : *it) {
            if (t.is_string() && t.get<std::string>() != "null")
                return t.get<std::string>();
        }
    }
    return {};
}

} // namespace

ExampleGenerator::ExampleGenerator(const std::map<QString, Json> &schemas)
    : m_schemas(schemas)
{
}

Json ExampleGenerator::exampleFor(const Json &schema, const QString &modelName) const
{
    std::set<QString> visiting;
    if (!modelName.isEmpty())
        visiting.insert(modelName);
    return generate(schema, 0, visiting);
}

Json ExampleGenerator::generate(const Json &schema, int depth, std::set<QString> &visiting) const
{
    if (!schema.is_object() || depth > kMaxDepth)
        return Json::object();
    for (const char *given : {"example", "default"}) {
        if (const auto it = schema.find(given); it != schema.end())
            return *it;
    }
    if (const auto it = schema.find("enum"); it != schema.end() && it->is_array() && !it->empty())
        return it->front();
    if (const auto it = schema.find("$ref"); it != schema.end() && it->is_string()) {
        const QString name = referencedModelName(base::toQString(it->get<std::string>()));
        const auto target = m_schemas.find(name);
        if (name.isEmpty() || target == m_schemas.end() || visiting.count(name))
            return Json::object();
        visiting.insert(name);
        Json out = generate(target->second, depth + 1, visiting);
        visiting.erase(name);
        return out;
    }
    if (const auto it = schema.find("allOf"); it != schema.end() && it->is_array()) {
        Json merged = Json::object();
        for (const Json &part : *it) {
            Json piece = generate(part, depth + 1, visiting);
            if (piece.is_object())
                merged.update(piece);
        }
        return merged;
    }
    for (const char *choice : {"oneOf", "anyOf"}) {
        if (const auto it = schema.find(choice);
            it != schema.end() && it->is_array() && !it->empty())
            return generate(it->front(), depth + 1, visiting);
    }
    const std::string type = declaredType(schema);
    if (type == "object" || type.empty())
        return objectExample(schema, depth, visiting);
    if (type == "array") {
        const auto items = schema.find("items");
        Json out = Json::array();
        if (items != schema.end())
            out.push_back(generate(*items, depth + 1, visiting));
        return out;
    }
    return scalarExample(type, schema);
}

Json ExampleGenerator::objectExample(const Json &schema, int depth,
                                     std::set<QString> &visiting) const
{
    Json out = Json::object();
    const auto properties = schema.find("properties");
    if (properties == schema.end() || !properties->is_object())
        return out;
    for (auto it = properties->begin(); it != properties->end(); ++it)
        out[it.key()] = generate(it.value(), depth + 1, visiting);
    return out;
}

Json ExampleGenerator::scalarExample(const std::string &type, const Json &schema)
{
    if (type == "integer" || type == "number") {
        for (const char *bound : {"minimum", "maximum"}) {
            if (const auto it = schema.find(bound); it != schema.end() && it->is_number())
                return *it;
        }
        return type == "integer" ? Json(0) : Json(0.0);
    }
    if (type == "boolean")
        return true;
    if (type == "null")
        return nullptr;
    const std::string format = schema.value("format", std::string());
    if (format == "date-time")
        return "2024-01-01T00:00:00Z";
    if (format == "date")
        return "2024-01-01";
    if (format == "email")
        return "user@example.com";
    if (format == "uuid")
        return "3fa85f64-5717-4562-b3fc-2c963f66afa6";
    if (format == "uri" || format == "url")
        return "https://example.com/";
    if (format == "ipv4")
        return "192.0.2.1";
    return "string";
}

} // namespace portico::openapi
