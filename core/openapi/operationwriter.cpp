#include "operationwriter.h"

#include "extraswriter.h"
#include "keyorder.h"

#include <QRegularExpression>

#include <set>

namespace portico::openapi {

using base::Json;
using base::toStd;

namespace {

const QLatin1String kRequestPrefix("method.request.");
const QLatin1String kResponseHeaderPrefix("method.response.header.");

Json stringMap(const model::StringMap &map)
{
    Json out = Json::object();
    for (const auto &[key, value] : map)
        out[toStd(key)] = toStd(value);
    return out;
}

Json stringList(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &item : list)
        out.push_back(toStd(item));
    return out;
}

// "{petId}" and "{proxy+}" -> "petId", "proxy": the parameter names AWS's export uses for them.
// The OpenAPI specification wants a path parameter named as the path writes it ("proxy+"), and
// swagger-parser enforces that for Swagger 2.0 operations; AWS's importer derives the greedy
// parameter from the path whatever the declaration says. So AWS's form where only AWS reads it
// (inside x-amazon-apigateway-any-method, and OpenAPI 3 documents with extensions, as AWS's
// export writes them) and the specification's form elsewhere.
QStringList pathTemplateNames(const QString &path, bool keepGreedyPlus)
{
    static const QRegularExpression placeholder(QStringLiteral("\\{([^}/]+)\\}"));
    QStringList names;
    for (const QRegularExpressionMatch &m : placeholder.globalMatch(path)) {
        QString name = m.captured(1);
        if (name.endsWith(QLatin1Char('+')) && !keepGreedyPlus)
            name.chop(1);
        names.append(name);
    }
    return names;
}

// The content type whose model stands for the whole body where Swagger 2.0 allows only one.
QString preferredContentType(const model::StringMap &models)
{
    const QString json = QStringLiteral("application/json");
    return models.count(json) ? json : models.begin()->first;
}

} // namespace

QString lowerName(const QString &upperName)
{
    return upperName.toLower();
}

OperationWriter::OperationWriter(const model::RestApi &api, WriteContext &context)
    : m_api(api)
    , m_context(context)
{
}

Json OperationWriter::write(const QString &path, const model::Method &method)
{
    const QString where = path + QLatin1Char(' ') + method.httpMethod;
    Json op = Json::object();
    if (!method.operationName.isEmpty())
        op["operationId"] = toStd(method.operationName);
    Json params = parameters(path, method, where);
    if (!params.empty())
        op["parameters"] = std::move(params);
    writeRequestBody(op, method, where);
    op["responses"] = responses(method, op, where);
    Json requirements = security(method, where);
    if (!requirements.empty())
        op["security"] = std::move(requirements);
    if (m_context.extensions) {
        if (!method.requestValidatorId.isEmpty()) {
            const model::RequestValidator *validator
                = m_api.findRequestValidator(method.requestValidatorId);
            if (validator)
                op["x-amazon-apigateway-request-validator"] = toStd(validator->name);
            else
                m_context.warn(
                    where,
                    QStringLiteral("request validator \"%1\" does not exist; not exported")
                        .arg(method.requestValidatorId));
        }
        if (method.integration)
            op["x-amazon-apigateway-integration"] = integration(*method.integration, where);
    }
    writeExtras(op, method.openApiExtras, ExtrasOwner::Operation, where, m_context);
    putKeysFirst(op,
                 {"tags", "summary", "description", "externalDocs", "operationId", "consumes",
                  "produces", "parameters", "requestBody", "responses", "callbacks", "deprecated",
                  "security", "servers"});
    return op;
}

Json OperationWriter::parameters(const QString &path, const model::Method &method,
                                 const QString &where)
{
    const QStringList inPath = pathTemplateNames(path, false);
    const bool anyMethod = method.httpMethod == QLatin1String("ANY") && m_context.extensions;
    const bool specForm = !m_context.extensions || (m_context.swagger2() && !anyMethod);
    const QStringList written = pathTemplateNames(path, specForm);
    std::vector<std::pair<QString, bool>> query;
    std::vector<std::pair<QString, bool>> header;
    for (const auto &[key, required] : method.requestParameters) {
        const QString rest
            = key.startsWith(kRequestPrefix) ? key.mid(kRequestPrefix.size()) : QString();
        const qsizetype dot = rest.indexOf(QLatin1Char('.'));
        const QString location = rest.left(dot);
        const QString name = dot > 0 ? rest.mid(dot + 1) : QString();
        if (location == QLatin1String("path") && inPath.contains(name))
            continue; // written below, in path order, always required
        if (location == QLatin1String("querystring") && !name.isEmpty())
            query.emplace_back(name, required);
        else if (location == QLatin1String("header") && !name.isEmpty())
            header.emplace_back(name, required);
        else if (location == QLatin1String("path"))
            m_context.warn(where,
                           QStringLiteral("request parameter \"%1\" is not in the resource path; "
                                          "not exported")
                               .arg(key));
        else
            m_context.warn(where,
                           QStringLiteral("request parameter \"%1\" is not a path, query string "
                                          "or header parameter; not exported")
                               .arg(key));
    }
    Json out = Json::array();
    const auto add = [&](const QString &name, const char *in, bool required) {
        Json p = Json::object();
        p["name"] = toStd(name);
        p["in"] = in;
        if (required || m_context.swagger2())
            p["required"] = required;
        if (m_context.swagger2())
            p["type"] = "string";
        else
            p["schema"] = Json {{"type", "string"}};
        out.push_back(std::move(p));
    };
    for (const QString &name : written)
        add(name, "path", true);
    for (const auto &[name, required] : query)
        add(name, "query", required);
    for (const auto &[name, required] : header)
        add(name, "header", required);
    return out;
}

Json OperationWriter::schemaRef(const QString &model, const QString &where, const QString &part)
{
    if (!m_context.exportedModels.count(model)) {
        m_context.warn(
            where,
            QStringLiteral("%1 model \"%2\" is not in the export; left out").arg(part, model));
        return nullptr;
    }
    return Json {{"$ref", toStd(m_context.modelRef(model))}};
}

void OperationWriter::writeRequestBody(Json &op, const model::Method &method, const QString &where)
{
    model::StringMap models;
    for (const auto &[contentType, model] : method.requestModels) {
        if (!schemaRef(model, where, QStringLiteral("request")).is_null())
            models[contentType] = model;
    }
    if (models.empty())
        return;
    if (!m_context.swagger2()) {
        Json content = Json::object();
        for (const auto &[contentType, model] : models) {
            Json media = Json {{"schema", Json {{"$ref", toStd(m_context.modelRef(model))}}}};
            if (m_context.examples && m_context.modelExamples.count(model))
                media["example"] = m_context.modelExamples.at(model);
            content[toStd(contentType)] = std::move(media);
        }
        op["requestBody"] = Json {{"content", std::move(content)}, {"required", true}};
        return;
    }
    // Swagger 2.0: one body parameter for all the content types it consumes.
    const QString main = models.at(preferredContentType(models));
    Json consumes = Json::array();
    for (const auto &[contentType, model] : models) {
        consumes.push_back(toStd(contentType));
        if (model != main)
            m_context.warn(where,
                           QStringLiteral("Swagger 2.0 has one body schema per operation: %1 "
                                          "is described by model \"%2\", not \"%3\"")
                               .arg(contentType, main, model));
    }
    op["consumes"] = std::move(consumes);
    Json body = Json::object();
    body["in"] = "body";
    body["name"] = toStd(main);
    body["required"] = true;
    body["schema"] = Json {{"$ref", toStd(m_context.modelRef(main))}};
    if (!op.contains("parameters"))
        op["parameters"] = Json::array();
    op["parameters"].push_back(std::move(body));
}

Json OperationWriter::responses(const model::Method &method, Json &op, const QString &where)
{
    static const QRegularExpression statusCode(QStringLiteral("^[1-5][0-9][0-9]$"));
    Json out = Json::object();
    std::set<QString> produces;
    for (const auto &[status, response] : method.methodResponses) {
        if (!statusCode.match(status).hasMatch()) {
            m_context.warn(where,
                           QStringLiteral("method response \"%1\" is not an HTTP status code; "
                                          "not exported")
                               .arg(status));
            continue;
        }
        Json r = Json::object();
        r["description"] = toStd(status + QStringLiteral(" response"));
        model::StringMap models;
        for (const auto &[contentType, model] : response.responseModels) {
            if (!schemaRef(model, where + QStringLiteral(" response ") + status,
                           QStringLiteral("response"))
                     .is_null())
                models[contentType] = model;
        }
        if (m_context.swagger2() && !models.empty()) {
            const QString main = models.at(preferredContentType(models));
            r["schema"] = Json {{"$ref", toStd(m_context.modelRef(main))}};
            for (const auto &[contentType, model] : models) {
                produces.insert(contentType);
                if (m_context.examples && m_context.modelExamples.count(model))
                    r["examples"][toStd(contentType)] = m_context.modelExamples.at(model);
            }
        }
        Json headers = Json::object();
        for (const auto &[key, required] : response.responseParameters) {
            Q_UNUSED(required) // OpenAPI has no place for it; AWS's export leaves it out too
            if (!key.startsWith(kResponseHeaderPrefix)) {
                m_context.warn(
                    where,
                    QStringLiteral("response parameter \"%1\" is not a header; not exported")
                        .arg(key));
                continue;
            }
            const std::string name = toStd(key.mid(kResponseHeaderPrefix.size()));
            headers[name] = m_context.swagger2() ? Json {{"type", "string"}}
                                                 : Json {{"schema", Json {{"type", "string"}}}};
        }
        if (!headers.empty())
            r["headers"] = std::move(headers);
        if (!m_context.swagger2() && !models.empty()) {
            Json content = Json::object();
            for (const auto &[contentType, model] : models) {
                Json media = Json {{"schema", Json {{"$ref", toStd(m_context.modelRef(model))}}}};
                if (m_context.examples && m_context.modelExamples.count(model))
                    media["example"] = m_context.modelExamples.at(model);
                content[toStd(contentType)] = std::move(media);
            }
            r["content"] = std::move(content);
        }
        out[toStd(status)] = std::move(r);
    }
    if (!produces.empty()) {
        Json list = Json::array();
        for (const QString &contentType : produces)
            list.push_back(toStd(contentType));
        op["produces"] = std::move(list);
    }
    // OpenAPI requires at least one response; a method without method responses gets the
    // generic one, which carries nothing an import would turn into a method response.
    if (out.empty())
        out["default"] = Json {{"description", "Default response"}};
    return out;
}

Json OperationWriter::security(const model::Method &method, const QString &where)
{
    Json out = Json::array();
    switch (method.authorizationType) {
    case model::AuthorizationType::AwsIam:
        m_context.usesSigv4 = true;
        out.push_back(Json {{kSigv4Scheme, Json::array()}});
        break;
    case model::AuthorizationType::Custom:
    case model::AuthorizationType::CognitoUserPools: {
        const auto scheme = m_context.schemeByAuthorizerId.find(method.authorizerId);
        if (scheme == m_context.schemeByAuthorizerId.end()) {
            m_context.warn(where,
                           QStringLiteral("authorizer \"%1\" does not exist; security not exported")
                               .arg(method.authorizerId));
            break;
        }
        const bool cognito = method.authorizationType == model::AuthorizationType::CognitoUserPools;
        if (!cognito && !method.authorizationScopes.isEmpty())
            m_context.warn(where,
                           QStringLiteral("authorization scopes apply to COGNITO_USER_POOLS "
                                          "only; not exported for CUSTOM"));
        out.push_back(Json {{toStd(scheme->second),
                             cognito ? stringList(method.authorizationScopes) : Json::array()}});
        break;
    }
    case model::AuthorizationType::None:
        break;
    }
    if (method.apiKeyRequired) {
        m_context.usesApiKey = true;
        out.push_back(Json {{kApiKeyScheme, Json::array()}});
    }
    return out;
}

Json OperationWriter::integration(const model::Integration &i, const QString &where)
{
    Json o = Json::object();
    o["type"] = toStd(lowerName(model::enumName(i.type)));
    if (!i.httpMethod.isEmpty())
        o["httpMethod"] = toStd(i.httpMethod);
    if (!i.uri.isEmpty())
        o["uri"] = toStd(i.uri);
    if (i.connectionType)
        o["connectionType"] = toStd(model::enumName(*i.connectionType));
    if (!i.connectionId.isEmpty())
        o["connectionId"] = toStd(i.connectionId);
    if (!i.credentials.isEmpty())
        o["credentials"] = toStd(i.credentials);
    if (!i.requestParameters.empty())
        o["requestParameters"] = stringMap(i.requestParameters);
    if (!i.requestTemplates.empty())
        o["requestTemplates"] = stringMap(i.requestTemplates);
    o["passthroughBehavior"] = toStd(lowerName(model::enumName(i.passthroughBehavior)));
    if (i.contentHandling)
        o["contentHandling"] = toStd(model::enumName(*i.contentHandling));
    o["timeoutInMillis"] = i.timeoutInMillis;
    if (!i.cacheNamespace.isEmpty())
        o["cacheNamespace"] = toStd(i.cacheNamespace);
    if (!i.cacheKeyParameters.isEmpty())
        o["cacheKeyParameters"] = stringList(i.cacheKeyParameters);
    if (i.tlsConfig)
        o["tlsConfig"] = Json {{"insecureSkipVerification", i.tlsConfig->insecureSkipVerification}};

    // Keyed by selection pattern, as AWS writes them; the model keys them by status code.
    Json responses = Json::object();
    for (const auto &[status, r] : i.integrationResponses) {
        const std::string key
            = r.selectionPattern.isEmpty() ? "default" : toStd(r.selectionPattern);
        if (responses.contains(key)) {
            m_context.warn(
                where + QStringLiteral(" integration response ") + status,
                QStringLiteral("selection pattern \"%1\" is also used by status %2; "
                               "only the first is exported")
                    .arg(base::toQString(key),
                         base::toQString(responses[key]["statusCode"].get<std::string>())));
            continue;
        }
        Json ro = Json::object();
        ro["statusCode"] = toStd(r.statusCode.isEmpty() ? status : r.statusCode);
        if (!r.responseParameters.empty())
            ro["responseParameters"] = stringMap(r.responseParameters);
        if (!r.responseTemplates.empty())
            ro["responseTemplates"] = stringMap(r.responseTemplates);
        if (r.contentHandling)
            ro["contentHandling"] = toStd(model::enumName(*r.contentHandling));
        responses[key] = std::move(ro);
    }
    if (!responses.empty())
        o["responses"] = std::move(responses);
    writeExtras(o, i.openApiExtras, ExtrasOwner::Integration,
                where + QStringLiteral(" integration"), m_context);
    return o;
}

} // namespace portico::openapi
