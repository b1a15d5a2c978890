#include "openapiwriter.h"

#include "examplegenerator.h"
#include "extraswriter.h"
#include "keyorder.h"
#include "modelrefs.h"
#include "operationwriter.h"

#include <QRegularExpression>

#include <algorithm>
#include <set>

namespace portico::openapi {

using base::Json;
using base::toStd;

namespace {

// OpenAPI's order of the operations of a path item; ANY last, as AWS's extension.
const char *const kVerbOrder[] = {"GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH"};
const char kAnyMethod[] = "x-amazon-apigateway-any-method";

Json parseOrNull(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
}

// The header or query parameter a client sends the identity in, as the security scheme's
// name/in: one header or query string source names it, anything else is AWS's "Unused".
std::pair<QString, QString> identityNameAndPlace(const QString &identitySource)
{
    const QStringList sources = identitySource.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (sources.size() == 1) {
        const QString source = sources.front().trimmed();
        for (const auto &[prefix, in] :
             {std::pair {QLatin1String("method.request.header."), "header"},
              std::pair {QLatin1String("method.request.querystring."), "query"}}) {
            if (source.startsWith(prefix) && source.size() > prefix.size())
                return {source.mid(prefix.size()), QString::fromLatin1(in)};
        }
    }
    return {QStringLiteral("Unused"), QStringLiteral("header")};
}

} // namespace

OpenApiWriter::OpenApiWriter(const model::RestApi &api, const DocumentOptions &options)
    : m_api(api)
    , m_options(options)
{
    m_context.version = options.version;
    m_context.extensions = options.extensions;
    m_context.examples = options.examples;
}

Json OpenApiWriter::write()
{
    Json doc = Json::object();
    if (m_context.swagger2())
        doc["swagger"] = "2.0";
    else
        doc["openapi"] = "3.0.1";
    doc["info"] = info();
    writeServer(doc);

    // Models and schemes first: operations refer to them.
    Json schemas = models();
    Json schemes = securitySchemes();
    doc["paths"] = paths();
    if (m_context.usesSigv4) {
        Json sigv4 = Json {{"type", "apiKey"}, {"name", "Authorization"}, {"in", "header"}};
        if (m_context.extensions)
            sigv4["x-amazon-apigateway-authtype"] = "awsSigv4";
        schemes[kSigv4Scheme] = std::move(sigv4);
    }
    if (m_context.usesApiKey)
        schemes[kApiKeyScheme] = Json {{"type", "apiKey"}, {"name", "x-api-key"}, {"in", "header"}};

    if (m_context.swagger2()) {
        if (!schemes.empty())
            doc["securityDefinitions"] = std::move(schemes);
        if (!schemas.empty())
            doc["definitions"] = std::move(schemas);
    } else {
        Json components = Json::object();
        if (!schemas.empty())
            components["schemas"] = std::move(schemas);
        if (!schemes.empty())
            components["securitySchemes"] = std::move(schemes);
        if (!components.empty())
            doc["components"] = std::move(components);
    }
    if (m_context.extensions)
        writeRootExtensions(doc);
    writeExtras(doc, m_api.openApiExtras, ExtrasOwner::Document, QStringLiteral("API"), m_context);
    optOutOfRootSecurity(doc);
    putKeysFirst(doc,
                 {"swagger", "openapi", "info", "externalDocs", "host", "basePath", "schemes",
                  "consumes", "produces", "servers", "security", "tags", "paths", "definitions",
                  "parameters", "responses", "securityDefinitions", "components"});
    if (doc.contains("info"))
        putKeysFirst(doc["info"],
                     {"title", "description", "termsOfService", "contact", "license", "version"});
    return doc;
}

Json OpenApiWriter::info() const
{
    Json info = Json::object();
    info["title"] = toStd(m_api.name.isEmpty() ? m_api.id : m_api.name);
    if (!m_api.description.isEmpty())
        info["description"] = toStd(m_api.description);
    info["version"] = toStd(m_api.version.isEmpty() ? m_options.fallbackVersion : m_api.version);
    return info;
}

// AWS's importer takes no region from the file, so any is as good for it; the one the API's own
// integrations and authorizers are in makes a URL a person can use.
QString OpenApiWriter::region() const
{
    static const QRegularExpression arn(QStringLiteral(
        "arn:aws[a-z-]*:(?:apigateway|lambda|cognito-idp):([a-z]{2}(?:-[a-z]+)+-[0-9]):"));
    QStringList uris;
    for (const model::Resource &resource : m_api.resources) {
        for (const auto &[verb, method] : resource.methods) {
            if (method.integration)
                uris.append(method.integration->uri);
        }
    }
    for (const model::Authorizer &a : m_api.authorizers)
        uris << a.authorizerUri << a.providerARNs;
    for (const QString &uri : std::as_const(uris)) {
        const QRegularExpressionMatch m = arn.match(uri);
        if (m.hasMatch())
            return m.captured(1);
    }
    return QStringLiteral("us-east-1");
}

void OpenApiWriter::writeServer(Json &doc) const
{
    const QString host = QStringLiteral("%1.execute-api.%2.amazonaws.com").arg(m_api.id, region());
    const QString basePath = QLatin1Char('/') + m_options.stageName;
    if (m_context.swagger2()) {
        doc["host"] = toStd(host);
        doc["basePath"] = toStd(basePath);
        doc["schemes"] = Json::array({"https"});
        return;
    }
    Json server = Json::object();
    if (m_options.stageName.isEmpty()) {
        server["url"] = toStd(QStringLiteral("https://") + host);
    } else {
        server["url"] = toStd(QStringLiteral("https://%1/{basePath}").arg(host));
        server["variables"] = Json {{"basePath", Json {{"default", toStd(basePath)}}}};
    }
    if (m_context.extensions) {
        Json endpoint = endpointConfiguration();
        if (!endpoint.empty())
            server["x-amazon-apigateway-endpoint-configuration"] = std::move(endpoint);
    }
    doc["servers"] = Json::array({std::move(server)});
}

Json OpenApiWriter::endpointConfiguration() const
{
    Json out = Json::object();
    if (!m_api.endpointConfiguration.vpcEndpointIds.isEmpty()) {
        Json ids = Json::array();
        for (const QString &id : m_api.endpointConfiguration.vpcEndpointIds)
            ids.push_back(toStd(id));
        out["vpcEndpointIds"] = std::move(ids);
    }
    if (m_api.disableExecuteApiEndpoint)
        out["disableExecuteApiEndpoint"] = true;
    return out;
}

Json OpenApiWriter::paths()
{
    std::vector<std::pair<QString, const model::Resource *>> sorted;
    for (const model::Resource &resource : m_api.resources) {
        // Intermediate resources without methods come back by themselves on import; a leaf
        // without methods would be lost without an empty path item.
        if (!resource.methods.empty() || m_api.children(resource.id).empty())
            sorted.emplace_back(m_api.pathOf(resource.id), &resource);
    }
    std::sort(sorted.begin(), sorted.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });

    OperationWriter operations(m_api, m_context);
    Json out = Json::object();
    for (const auto &[path, resource] : sorted) {
        Json item = Json::object();
        for (const char *verb : kVerbOrder) {
            const auto it = resource->methods.find(QLatin1String(verb));
            if (it != resource->methods.end())
                item[toStd(QString::fromLatin1(verb).toLower())]
                    = operations.write(path, it->second);
        }
        const auto any = resource->methods.find(QStringLiteral("ANY"));
        if (any != resource->methods.end()) {
            const Json op = operations.write(path, any->second);
            if (m_context.extensions) {
                item[kAnyMethod] = op;
            } else {
                // A clean spec cannot say "any verb": it lists the verbs ANY stands for.
                for (const char *verb : kVerbOrder) {
                    const std::string key = toStd(QString::fromLatin1(verb).toLower());
                    if (item.contains(key))
                        continue;
                    Json copy = op;
                    if (copy.contains("operationId"))
                        copy["operationId"] = copy["operationId"].get<std::string>() + "_" + key;
                    item[key] = std::move(copy);
                }
            }
        }
        for (const auto &entry : resource->methods) {
            // Not a structured binding: clang before 16 cannot capture one in a lambda (the
            // fuzz build uses Debian's clang 14).
            const QString &verb = entry.first;
            if (verb != QLatin1String("ANY")
                && std::none_of(std::begin(kVerbOrder), std::end(kVerbOrder),
                                [&](const char *v) { return verb == QLatin1String(v); }))
                m_context.warn(
                    path + QLatin1Char(' ') + verb,
                    QStringLiteral("OpenAPI has no operation for this verb; not exported"));
        }
        out[toStd(path)] = std::move(item);
    }
    return out;
}

Json OpenApiWriter::models()
{
    Json out = Json::object();
    std::map<QString, Json> schemas;
    const QString refPrefix = m_context.modelRef(QString());
    for (const model::Model &m : m_api.models) {
        const QString where = QStringLiteral("model ") + m.name;
        if (m.contentType != QLatin1String("application/json")) {
            m_context.warn(where,
                           QStringLiteral("content type %1: only application/json models can "
                                          "be exported; left out")
                               .arg(m.contentType));
            continue;
        }
        Json schema = parseOrNull(m.schema);
        if (!schema.is_object()) {
            m_context.warn(where, QStringLiteral("the schema is not a JSON object; left out"));
            continue;
        }
        // OpenAPI's schema objects have no "$schema"; AWS's export drops it too.
        schema.erase("$schema");
        rewriteRefsToLocal(schema, refPrefix);
        schemas[m.name] = schema;
        m_context.exportedModels.insert(m.name);
        out[toStd(m.name)] = std::move(schema);
    }
    addBuiltInModels(out, schemas);
    if (m_context.examples) {
        const ExampleGenerator generator(schemas);
        for (auto it = out.begin(); it != out.end(); ++it) {
            const QString name = base::toQString(it.key());
            Json example = generator.exampleFor(it.value(), name);
            m_context.modelExamples[name] = example;
            if (!it.value().contains("example"))
                it.value()["example"] = std::move(example);
        }
    }
    return out;
}

// Every API in AWS has the models "Empty" and "Error" without defining them; a method that uses
// one needs its definition in the file for the reference to resolve, as AWS's export writes it.
void OpenApiWriter::addBuiltInModels(Json &out, std::map<QString, Json> &schemas)
{
    std::set<QString> used;
    for (const model::Resource &resource : m_api.resources) {
        for (const auto &[verb, method] : resource.methods) {
            for (const auto &[contentType, name] : method.requestModels)
                used.insert(name);
            for (const auto &[status, response] : method.methodResponses) {
                for (const auto &[contentType, name] : response.responseModels)
                    used.insert(name);
            }
        }
    }
    const std::pair<const char *, const char *> builtIns[] = {
        {"Empty", R"({"title":"Empty Schema","type":"object"})"},
        {"Error",
         R"({"title":"Error Schema","type":"object","properties":{"message":{"type":"string"}}})"}};
    for (const auto &[name, schema] : builtIns) {
        const QString modelName = QLatin1String(name);
        if (!used.count(modelName) || m_api.findModel(modelName))
            continue;
        schemas[modelName] = Json::parse(schema);
        m_context.exportedModels.insert(modelName);
        out[name] = schemas[modelName];
    }
}

Json OpenApiWriter::securitySchemes()
{
    Json out = Json::object();
    for (const model::Authorizer &a : m_api.authorizers) {
        const QString name = a.name.isEmpty() ? a.id : a.name;
        const QString where = QStringLiteral("authorizer ") + name;
        if (out.contains(toStd(name)) || name == QLatin1String(kSigv4Scheme)
            || name == QLatin1String(kApiKeyScheme)) {
            m_context.warn(where,
                           QStringLiteral("another security scheme has this name; not exported"));
            continue;
        }
        m_context.schemeByAuthorizerId[a.id] = name;
        const auto [identity, in] = identityNameAndPlace(a.identitySource);
        Json scheme = Json::object();
        scheme["type"] = "apiKey";
        scheme["name"] = toStd(identity);
        scheme["in"] = toStd(in);
        if (m_context.extensions) {
            if (!a.authType.isEmpty())
                scheme["x-amazon-apigateway-authtype"] = toStd(a.authType);
            Json authorizer = Json::object();
            authorizer["type"] = toStd(lowerName(model::enumName(a.type)));
            if (!a.providerARNs.isEmpty()) {
                Json arns = Json::array();
                for (const QString &arn : a.providerARNs)
                    arns.push_back(toStd(arn));
                authorizer["providerARNs"] = std::move(arns);
            }
            if (!a.authorizerUri.isEmpty())
                authorizer["authorizerUri"] = toStd(a.authorizerUri);
            if (!a.authorizerCredentials.isEmpty())
                authorizer["authorizerCredentials"] = toStd(a.authorizerCredentials);
            if (!a.identitySource.isEmpty())
                authorizer["identitySource"] = toStd(a.identitySource);
            if (!a.identityValidationExpression.isEmpty())
                authorizer["identityValidationExpression"] = toStd(a.identityValidationExpression);
            authorizer["authorizerResultTtlInSeconds"] = a.authorizerResultTtlInSeconds;
            scheme["x-amazon-apigateway-authorizer"] = std::move(authorizer);
        }
        writeExtras(scheme, a.openApiExtras, ExtrasOwner::SecurityScheme, where, m_context);
        putKeysFirst(scheme, {"type", "description", "name", "in"});
        out[toStd(name)] = std::move(scheme);
    }
    return out;
}

void OpenApiWriter::writeRootExtensions(Json &doc) const
{
    doc["x-amazon-apigateway-api-key-source"] = toStd(model::enumName(m_api.apiKeySource));
    if (!m_api.binaryMediaTypes.isEmpty()) {
        Json types = Json::array();
        for (const QString &type : m_api.binaryMediaTypes)
            types.push_back(toStd(type));
        doc["x-amazon-apigateway-binary-media-types"] = std::move(types);
    }
    if (m_api.minimumCompressionSize)
        doc["x-amazon-apigateway-minimum-compression-size"] = *m_api.minimumCompressionSize;
    if (!m_api.policy.isEmpty()) {
        // An object, as people write it; AWS stores the text, and reads either.
        Json policy = parseOrNull(m_api.policy);
        doc["x-amazon-apigateway-policy"]
            = policy.is_discarded() ? Json(toStd(m_api.policy)) : policy;
    }
    if (!m_api.requestValidators.empty()) {
        Json validators = Json::object();
        for (const model::RequestValidator &v : m_api.requestValidators) {
            validators[toStd(v.name)]
                = Json {{"validateRequestBody", v.validateRequestBody},
                        {"validateRequestParameters", v.validateRequestParameters}};
        }
        doc["x-amazon-apigateway-request-validators"] = std::move(validators);
    }
    if (!m_api.gatewayResponses.empty()) {
        Json responses = Json::object();
        for (const model::GatewayResponse &g : m_api.gatewayResponses) {
            Json r = Json::object();
            if (!g.statusCode.isEmpty())
                r["statusCode"] = toStd(g.statusCode);
            if (!g.responseParameters.empty()) {
                for (const auto &[key, value] : g.responseParameters)
                    r["responseParameters"][toStd(key)] = toStd(value);
            }
            if (!g.responseTemplates.empty()) {
                for (const auto &[key, value] : g.responseTemplates)
                    r["responseTemplates"][toStd(key)] = toStd(value);
            }
            responses[toStd(g.responseType)] = std::move(r);
        }
        doc["x-amazon-apigateway-gateway-responses"] = std::move(responses);
    }
    if (m_context.swagger2()) {
        Json endpoint = endpointConfiguration();
        if (!endpoint.empty())
            doc["x-amazon-apigateway-endpoint-configuration"] = std::move(endpoint);
    }
}

// A root "security" (kept from an imported file) applies to every operation that has none; the
// methods without authorization must then say so, or a re-import would give them the root's.
void OpenApiWriter::optOutOfRootSecurity(Json &doc) const
{
    if (!doc.contains("security") || !doc.contains("paths"))
        return;
    for (auto &[path, item] : doc["paths"].items()) {
        Q_UNUSED(path)
        for (auto &[key, op] : item.items()) {
            if (op.is_object() && op.contains("responses") && !op.contains("security"))
                op["security"] = Json::array();
        }
    }
}

} // namespace portico::openapi
