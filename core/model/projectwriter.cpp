#include "projectwriter.h"
#include "savedrequestjson.h"

#include <algorithm>

namespace portico::model {

using base::Json;
using base::toStd;

namespace {

// Small setters that leave defaults out, so that files only say what was chosen.
void putString(Json &o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o[key] = toStd(value);
}
void putTrue(Json &o, const char *key, bool value)
{
    if (value)
        o[key] = true;
}
void putList(Json &o, const char *key, const QStringList &values)
{
    if (values.isEmpty())
        return;
    Json array = Json::array();
    for (const QString &v : values)
        array.push_back(toStd(v));
    o[key] = std::move(array);
}
template<typename V>
void putMap(Json &o, const char *key, const std::map<QString, V> &values)
{
    if (values.empty())
        return;
    Json object = Json::object();
    for (const auto &[k, v] : values) {
        if constexpr (std::is_same_v<V, QString>)
            object[toStd(k)] = toStd(v);
        else
            object[toStd(k)] = v;
    }
    o[key] = std::move(object);
}
template<typename E>
void putEnum(Json &o, const char *key, E value)
{
    o[key] = toStd(enumName(value));
}
template<typename E>
void putEnum(Json &o, const char *key, const std::optional<E> &value)
{
    if (value)
        putEnum(o, key, *value);
}
// JSON held as text (schemas, policies) is written as JSON when it parses, so it reads well
// and diffs line by line; text that does not parse is kept as a string, never lost.
void putJsonText(Json &o, const char *key, const QString &text)
{
    if (text.isEmpty())
        return;
    const QByteArray utf8 = text.toUtf8();
    Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    if (parsed.is_discarded())
        o[key] = toStd(text);
    else
        o[key] = std::move(parsed);
}

void putOpenApiExtras(Json &o, const OpenApiExtras &extras)
{
    if (extras.empty())
        return;
    Json out = Json::object();
    for (const auto &[pointer, text] : extras) {
        const QByteArray utf8 = text.toUtf8();
        Json value = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
        out[toStd(pointer)] = value.is_discarded() ? Json(toStd(text)) : std::move(value);
    }
    o["openApi"] = std::move(out);
}

Json throttleToJson(const ThrottleSettings &t)
{
    Json o = Json::object();
    o["rateLimit"] = t.rateLimit;
    o["burstLimit"] = t.burstLimit;
    return o;
}

Json integrationResponseToJson(const IntegrationResponse &r)
{
    Json o = Json::object();
    o["statusCode"] = toStd(r.statusCode);
    putString(o, "selectionPattern", r.selectionPattern);
    putMap(o, "responseParameters", r.responseParameters);
    putMap(o, "responseTemplates", r.responseTemplates);
    putEnum(o, "contentHandling", r.contentHandling);
    return o;
}

Json integrationToJson(const Integration &i)
{
    Json o = Json::object();
    putEnum(o, "type", i.type);
    putString(o, "httpMethod", i.httpMethod);
    putString(o, "uri", i.uri);
    putString(o, "credentials", i.credentials);
    putEnum(o, "connectionType", i.connectionType);
    putString(o, "connectionId", i.connectionId);
    putMap(o, "requestParameters", i.requestParameters);
    putMap(o, "requestTemplates", i.requestTemplates);
    putEnum(o, "passthroughBehavior", i.passthroughBehavior);
    putEnum(o, "contentHandling", i.contentHandling);
    o["timeoutInMillis"] = i.timeoutInMillis;
    putString(o, "cacheNamespace", i.cacheNamespace);
    putList(o, "cacheKeyParameters", i.cacheKeyParameters);
    if (i.tlsConfig)
        o["tlsConfig"] = Json{{"insecureSkipVerification", i.tlsConfig->insecureSkipVerification}};
    if (!i.integrationResponses.empty()) {
        Json responses = Json::object();
        for (const auto &[status, r] : i.integrationResponses)
            responses[toStd(status)] = integrationResponseToJson(r);
        o["integrationResponses"] = std::move(responses);
    }
    putOpenApiExtras(o, i.openApiExtras);
    return o;
}

Json methodToJson(const Method &m)
{
    Json o = Json::object();
    o["httpMethod"] = toStd(m.httpMethod);
    putEnum(o, "authorizationType", m.authorizationType);
    putString(o, "authorizerId", m.authorizerId);
    putList(o, "authorizationScopes", m.authorizationScopes);
    putTrue(o, "apiKeyRequired", m.apiKeyRequired);
    putString(o, "operationName", m.operationName);
    putMap(o, "requestParameters", m.requestParameters);
    putMap(o, "requestModels", m.requestModels);
    putString(o, "requestValidatorId", m.requestValidatorId);
    if (!m.methodResponses.empty()) {
        Json responses = Json::object();
        for (const auto &[status, r] : m.methodResponses) {
            Json response = Json::object();
            response["statusCode"] = toStd(status);
            putMap(response, "responseParameters", r.responseParameters);
            putMap(response, "responseModels", r.responseModels);
            responses[toStd(status)] = std::move(response);
        }
        o["methodResponses"] = std::move(responses);
    }
    if (m.integration)
        o["methodIntegration"] = integrationToJson(*m.integration);
    putOpenApiExtras(o, m.openApiExtras);
    return o;
}

} // namespace

Json ProjectWriter::apiToJson(const RestApi &api)
{
    Json o = Json::object();
    o["id"] = toStd(api.id);
    o["name"] = toStd(api.name);
    putString(o, "description", api.description);
    putString(o, "version", api.version);
    Json endpoint = Json::object();
    endpoint["types"] = Json::array({toStd(enumName(api.endpointConfiguration.type))});
    putList(endpoint, "vpcEndpointIds", api.endpointConfiguration.vpcEndpointIds);
    o["endpointConfiguration"] = std::move(endpoint);
    putList(o, "binaryMediaTypes", api.binaryMediaTypes);
    putEnum(o, "apiKeySource", api.apiKeySource);
    if (api.minimumCompressionSize)
        o["minimumCompressionSize"] = *api.minimumCompressionSize;
    putJsonText(o, "policy", api.policy);
    putTrue(o, "disableExecuteApiEndpoint", api.disableExecuteApiEndpoint);

    // Resources by path, so the file reads top-down like the tree.
    std::vector<std::pair<QString, const Resource *>> byPath;
    for (const Resource &r : api.resources)
        byPath.emplace_back(api.pathOf(r.id), &r);
    std::stable_sort(byPath.begin(), byPath.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    Json resources = Json::array();
    for (const auto &[path, r] : byPath) {
        Json ro = Json::object();
        ro["id"] = toStd(r->id);
        putString(ro, "parentId", r->parentId);
        putString(ro, "pathPart", r->pathPart);
        ro["path"] = toStd(path);
        if (!r->methods.empty()) {
            Json methods = Json::object();
            for (const QString &verb : httpVerbs()) {
                const auto it = r->methods.find(verb);
                if (it != r->methods.end())
                    methods[toStd(verb)] = methodToJson(it->second);
            }
            // Verbs outside the known list are rejected by the reader; keep any the code made.
            for (const auto &[verb, m] : r->methods) {
                if (!httpVerbs().contains(verb))
                    methods[toStd(verb)] = methodToJson(m);
            }
            ro["resourceMethods"] = std::move(methods);
        }
        resources.push_back(std::move(ro));
    }
    o["resources"] = std::move(resources);

    Json models = Json::array();
    for (const Model &m : api.models) {
        Json mo = Json::object();
        mo["id"] = toStd(m.id);
        mo["name"] = toStd(m.name);
        putString(mo, "description", m.description);
        mo["contentType"] = toStd(m.contentType);
        putJsonText(mo, "schema", m.schema);
        models.push_back(std::move(mo));
    }
    if (!models.empty())
        o["models"] = std::move(models);

    Json authorizers = Json::array();
    for (const Authorizer &a : api.authorizers) {
        Json ao = Json::object();
        ao["id"] = toStd(a.id);
        ao["name"] = toStd(a.name);
        putEnum(ao, "type", a.type);
        putString(ao, "authType", a.authType);
        putString(ao, "authorizerUri", a.authorizerUri);
        putString(ao, "authorizerCredentials", a.authorizerCredentials);
        putString(ao, "identitySource", a.identitySource);
        putString(ao, "identityValidationExpression", a.identityValidationExpression);
        ao["authorizerResultTtlInSeconds"] = a.authorizerResultTtlInSeconds;
        putList(ao, "providerARNs", a.providerARNs);
        putOpenApiExtras(ao, a.openApiExtras);
        authorizers.push_back(std::move(ao));
    }
    if (!authorizers.empty())
        o["authorizers"] = std::move(authorizers);

    Json validators = Json::array();
    for (const RequestValidator &v : api.requestValidators) {
        Json vo = Json::object();
        vo["id"] = toStd(v.id);
        vo["name"] = toStd(v.name);
        vo["validateRequestBody"] = v.validateRequestBody;
        vo["validateRequestParameters"] = v.validateRequestParameters;
        validators.push_back(std::move(vo));
    }
    if (!validators.empty())
        o["requestValidators"] = std::move(validators);

    Json gatewayResponses = Json::array();
    for (const GatewayResponse &g : api.gatewayResponses) {
        Json go = Json::object();
        go["responseType"] = toStd(g.responseType);
        putString(go, "statusCode", g.statusCode);
        putMap(go, "responseParameters", g.responseParameters);
        putMap(go, "responseTemplates", g.responseTemplates);
        gatewayResponses.push_back(std::move(go));
    }
    if (!gatewayResponses.empty())
        o["gatewayResponses"] = std::move(gatewayResponses);
    putOpenApiExtras(o, api.openApiExtras);
    return o;
}

Json ProjectWriter::toJson(const Project &project)
{
    Json o = Json::object();
    o["formatVersion"] = Project::kFormatVersion;
    o["api"] = apiToJson(project.api);

    Json deployments = Json::array();
    for (const Deployment &d : project.deployments) {
        Json dobj = Json::object();
        dobj["id"] = toStd(d.id);
        dobj["createdDate"] = toStd(d.createdDate.toUTC().toString(Qt::ISODate));
        putString(dobj, "description", d.description);
        dobj["snapshot"] = apiToJson(d.snapshot);
        deployments.push_back(std::move(dobj));
    }
    o["deployments"] = std::move(deployments);

    Json stages = Json::array();
    for (const Stage &s : project.stages) {
        Json so = Json::object();
        so["stageName"] = toStd(s.stageName);
        so["deploymentId"] = toStd(s.deploymentId);
        putString(so, "description", s.description);
        putMap(so, "variables", s.variables);
        if (!s.methodSettings.empty()) {
            Json settings = Json::object();
            for (const auto &[key, ms] : s.methodSettings) {
                Json mo = Json::object();
                if (ms.throttlingRateLimit)
                    mo["throttlingRateLimit"] = *ms.throttlingRateLimit;
                if (ms.throttlingBurstLimit)
                    mo["throttlingBurstLimit"] = *ms.throttlingBurstLimit;
                settings[toStd(key)] = std::move(mo);
            }
            so["methodSettings"] = std::move(settings);
        }
        stages.push_back(std::move(so));
    }
    o["stages"] = std::move(stages);

    Json keys = Json::array();
    for (const ApiKey &k : project.apiKeys) {
        Json ko = Json::object();
        ko["id"] = toStd(k.id);
        ko["name"] = toStd(k.name);
        ko["value"] = toStd(k.value);
        ko["enabled"] = k.enabled;
        putString(ko, "description", k.description);
        keys.push_back(std::move(ko));
    }
    o["apiKeys"] = std::move(keys);

    Json plans = Json::array();
    for (const UsagePlan &p : project.usagePlans) {
        Json po = Json::object();
        po["id"] = toStd(p.id);
        po["name"] = toStd(p.name);
        putString(po, "description", p.description);
        if (p.throttle)
            po["throttle"] = throttleToJson(*p.throttle);
        if (p.quota) {
            Json q = Json::object();
            q["limit"] = p.quota->limit;
            putEnum(q, "period", p.quota->period);
            q["offset"] = p.quota->offset;
            po["quota"] = std::move(q);
        }
        Json apiStages = Json::array();
        for (const UsagePlanStage &s : p.apiStages) {
            Json so = Json::object();
            so["stage"] = toStd(s.stage);
            if (!s.throttle.empty()) {
                Json t = Json::object();
                for (const auto &[key, settings] : s.throttle)
                    t[toStd(key)] = throttleToJson(settings);
                so["throttle"] = std::move(t);
            }
            apiStages.push_back(std::move(so));
        }
        po["apiStages"] = std::move(apiStages);
        putList(po, "apiKeyIds", p.apiKeyIds);
        plans.push_back(std::move(po));
    }
    o["usagePlans"] = std::move(plans);

    Json functions = Json::array();
    for (const LocalFunction &f : project.localFunctions) {
        Json fo = Json::object();
        fo["name"] = toStd(f.name);
        putEnum(fo, "kind", f.kind);
        if (f.kind == LocalFunctionKind::Handler)
            putEnum(fo, "runtime", f.runtime);
        putString(fo, "handler", f.handler);
        putString(fo, "command", f.command);
        putString(fo, "invokeUrl", f.invokeUrl);
        putString(fo, "workingDirectory", f.workingDirectory);
        putMap(fo, "environment", f.environment);
        fo["timeoutSeconds"] = f.timeoutSeconds;
        fo["concurrency"] = f.concurrency;
        functions.push_back(std::move(fo));
    }
    o["localFunctions"] = std::move(functions);

    // Most projects have no user pool: the key is left out then, so their files do not change.
    if (!project.localUserPools.empty()) {
        Json pools = Json::array();
        for (const LocalUserPool &u : project.localUserPools) {
            Json uo = Json::object();
            uo["userPoolArn"] = toStd(u.userPoolArn);
            uo["jwksFile"] = toStd(u.jwksFile);
            pools.push_back(std::move(uo));
        }
        o["localUserPools"] = std::move(pools);
    }
    // Likewise saved requests: a project without any keeps the file it had.
    if (!project.savedRequests.empty()) {
        Json requests = Json::array();
        for (const SavedRequest &request : project.savedRequests)
            requests.push_back(savedRequestToJson(request));
        o["savedRequests"] = std::move(requests);
    }
    return o;
}

QByteArray ProjectWriter::toBytes(const Project &project)
{
    const std::string text = toJson(project).dump(2) + '\n';
    return QByteArray(text.data(), qsizetype(text.size()));
}

} // namespace portico::model
