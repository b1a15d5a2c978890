#include "extraswriter.h"

#include "modelrefs.h"

#include <algorithm>
#include <optional>

namespace portico::openapi {

using base::Json;

namespace {

const QLatin1String kAwsPrefix("x-amazon-apigateway-");

std::optional<std::size_t> arrayIndex(const Json &array, const QString &token)
{
    if (token == QLatin1String("-"))
        return array.size();
    bool ok = false;
    const qulonglong index = token.toULongLong(&ok);
    // RFC 6901: no leading zeros, no sign.
    if (!ok || (token.size() > 1 && token.startsWith(QLatin1Char('0')))
        || token.startsWith(QLatin1Char('+')) || index > array.size())
        return std::nullopt;
    return static_cast<std::size_t>(index);
}

bool isIndex(const QString &token)
{
    return token == QLatin1String("-")
        || (!token.isEmpty()
            && std::all_of(token.begin(), token.end(), [](QChar c) { return c.isDigit(); }));
}

// Missing parents are created as objects; one of OpenAPI's lists cannot be, so an index into a
// list the export does not have has no place (a parameter's description when the export has no
// parameters), while "/responses/404/description" creates the missing response.
bool creatable(const QStringList &tokens, qsizetype from)
{
    static const QStringList lists {
        QStringLiteral("parameters"), QStringLiteral("tags"),     QStringLiteral("security"),
        QStringLiteral("servers"),    QStringLiteral("schemes"),  QStringLiteral("consumes"),
        QStringLiteral("produces"),   QStringLiteral("required"), QStringLiteral("enum"),
        QStringLiteral("allOf"),      QStringLiteral("anyOf"),    QStringLiteral("oneOf")};
    for (qsizetype i = from; i + 1 < tokens.size(); ++i) {
        if (lists.contains(tokens[i]) && isIndex(tokens[i + 1]))
            return false;
    }
    return true;
}

bool reachable(const Json &target, const QStringList &tokens)
{
    const Json *node = &target;
    for (qsizetype i = 0; i + 1 < tokens.size(); ++i) {
        if (node->is_null())
            return creatable(tokens, std::max<qsizetype>(i - 1, 0));
        if (node->is_object()) {
            const auto it = node->find(base::toStd(tokens[i]));
            if (it == node->end())
                return creatable(tokens, i);
            node = &*it;
        } else if (node->is_array()) {
            const auto index = arrayIndex(*node, tokens[i]);
            if (!index)
                return false;
            if (*index == node->size())
                return true;
            node = &(*node)[*index];
        } else {
            return false;
        }
    }
    return node->is_null() || node->is_object()
        || (node->is_array() && arrayIndex(*node, tokens.back()).has_value());
}

// The first token names a part of the document that the target version does not have.
bool foreignToVersion(const QStringList &tokens, ExtrasOwner owner, OpenApiVersion version)
{
    const QString &first = tokens.front();
    const auto in = [&](std::initializer_list<const char *> names) {
        for (const char *name : names) {
            if (first == QLatin1String(name))
                return true;
        }
        return false;
    };
    const bool swagger = version == OpenApiVersion::Swagger2;
    switch (owner) {
    case ExtrasOwner::Document:
        return swagger ? in({"openapi", "servers", "components"})
                       : in({"swagger", "host", "basePath", "schemes", "consumes", "produces",
                             "definitions", "parameters", "responses", "securityDefinitions"});
    case ExtrasOwner::Operation: {
        if (first == QLatin1String("responses") && tokens.size() > 2) {
            const QString &part = tokens[2];
            if (swagger ? (part == QLatin1String("content") || part == QLatin1String("links"))
                        : (part == QLatin1String("schema") || part == QLatin1String("examples")))
                return true;
        }
        return swagger ? in({"requestBody", "callbacks", "servers"})
                       : in({"consumes", "produces", "schemes"});
    }
    case ExtrasOwner::SecurityScheme:
        return swagger ? in({"scheme", "bearerFormat", "flows", "openIdConnectUrl"})
                       : in({"flow", "authorizationUrl", "tokenUrl", "scopes"});
    case ExtrasOwner::Integration:
        return false;
    }
    return false;
}

// A whole response object kept from a file of the other version ("default", which API Gateway
// has no method response for), reshaped for the target: Swagger 2.0's schema / examples / typed
// headers against OpenAPI 3's content and headers with a schema.
void reshapeResponse(Json &response, OpenApiVersion version)
{
    if (!response.is_object())
        return;
    const std::string json = "application/json";
    if (version == OpenApiVersion::OpenApi3) {
        if (response.contains("schema")) {
            response["content"][json]["schema"] = std::move(response["schema"]);
            response.erase("schema");
        }
        if (response.contains("examples") && response["examples"].is_object()) {
            for (auto &[type, example] : response["examples"].items())
                response["content"][type]["example"] = std::move(example);
            response.erase("examples");
        }
        if (response.contains("headers") && response["headers"].is_object()) {
            for (auto &[name, header] : response["headers"].items()) {
                if (!header.is_object() || header.contains("schema") || header.contains("$ref"))
                    continue;
                Json reshaped = Json::object();
                if (header.contains("description"))
                    reshaped["description"] = std::move(header["description"]);
                header.erase("description");
                reshaped["schema"] = std::move(header);
                header = std::move(reshaped);
            }
        }
        return;
    }
    if (response.contains("content") && response["content"].is_object()) {
        Json content = std::move(response["content"]);
        response.erase("content");
        for (auto &[type, media] : content.items()) {
            if (!media.is_object())
                continue;
            if (media.contains("schema") && !response.contains("schema"))
                response["schema"] = media["schema"];
            if (media.contains("example"))
                response["examples"][type] = media["example"];
        }
    }
    if (response.contains("headers") && response["headers"].is_object()) {
        for (auto &[name, header] : response["headers"].items()) {
            if (!header.is_object() || !header.contains("schema") || !header["schema"].is_object())
                continue;
            Json reshaped = std::move(header["schema"]);
            if (header.contains("description"))
                reshaped["description"] = std::move(header["description"]);
            header = std::move(reshaped);
        }
    }
}

} // namespace

bool setAt(Json &target, const QStringList &tokens, Json value)
{
    if (tokens.isEmpty() || !reachable(target, tokens))
        return false;
    Json *node = &target;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const bool last = i + 1 == tokens.size();
        if (node->is_null())
            *node = Json::object();
        Json *next = nullptr;
        if (node->is_object()) {
            next = &(*node)[base::toStd(tokens[i])];
        } else {
            const std::size_t index = *arrayIndex(*node, tokens[i]);
            if (index == node->size())
                node->push_back(Json());
            next = &(*node)[index];
        }
        if (last)
            *next = std::move(value);
        node = next;
    }
    return true;
}

void writeExtras(Json &target, const model::OpenApiExtras &extras, ExtrasOwner owner,
                 const QString &location, WriteContext &context)
{
    for (const auto &[pointer, text] : extras) {
        const QStringList tokens = base::jsonPointerTokens(pointer);
        if (!pointer.startsWith(QLatin1Char('/')) || tokens.isEmpty()) {
            context.warn(location,
                         QStringLiteral("kept OpenAPI content at \"%1\" not exported: "
                                        "not a JSON pointer to a member")
                             .arg(pointer));
            continue;
        }
        if (!context.extensions
            && (owner == ExtrasOwner::Integration
                || std::any_of(tokens.begin(), tokens.end(),
                               [](const QString &t) { return t.startsWith(kAwsPrefix); })))
            continue; // the clean spec the user asked for
        if (foreignToVersion(tokens, owner, context.version)) {
            context.warn(location,
                         QStringLiteral("kept OpenAPI content at \"%1\" not exported: %2 has no "
                                        "such part")
                             .arg(pointer,
                                  context.swagger2() ? QStringLiteral("Swagger 2.0")
                                                     : QStringLiteral("OpenAPI 3.0")));
            continue;
        }
        const QByteArray utf8 = text.toUtf8();
        Json value = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        if (value.is_discarded()) {
            context.warn(location,
                         QStringLiteral("kept OpenAPI content at \"%1\" not exported: "
                                        "its value is not JSON")
                             .arg(pointer));
            continue;
        }
        // A file's own references to its schemas, in the target's form.
        rewriteRefsToLocal(value, context.modelRef(QString()));
        if (owner == ExtrasOwner::Operation && tokens.size() == 2
            && tokens[0] == QLatin1String("responses"))
            reshapeResponse(value, context.version);
        if (!setAt(target, tokens, std::move(value))) {
            context.warn(location,
                         QStringLiteral("kept OpenAPI content at \"%1\" not exported: "
                                        "the export has no place for it")
                             .arg(pointer));
        }
    }
}

} // namespace portico::openapi
