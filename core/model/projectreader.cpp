#include "projectreader.h"
#include "savedrequestjson.h"

#include "base/jsonreader.h"

namespace portico::model {

using base::Json;
using base::JsonReader;

namespace {

// More than this many errors means the file is not ours at all; the rest would be noise.
constexpr size_t kMaxReportedErrors = 50;

template<typename E>
std::optional<E> readEnum(JsonReader &r, const char *key)
{
    const int index = r.oneOf(key, enumNames<E>());
    if (index < 0)
        return std::nullopt;
    return EnumNames<E>::table[size_t(index)].first;
}

template<typename E>
E readEnum(JsonReader &r, const char *key, E fallback)
{
    return readEnum<E>(r, key).value_or(fallback);
}

QString readJsonText(JsonReader &r, const char *key)
{
    if (!r.has(key))
        return {};
    const Json &v = r.value()[key];
    if (v.is_string())
        return base::toQString(v.get<std::string>());
    if (v.is_object() || v.is_array())
        return base::toQString(v.dump(2));
    r.error(r.pointerTo(key), QStringLiteral("expected an object or a string, found %1")
                                  .arg(base::jsonTypeName(v)));
    return {};
}

// "openApi": {"/pointer": value, ...}, values kept as compact JSON text.
OpenApiExtras readOpenApiExtras(JsonReader &r)
{
    OpenApiExtras out;
    r.forEachMember("openApi", [&](const QString &pointer, JsonReader &value) {
        if (!pointer.startsWith(QLatin1Char('/')))
            value.error(value.pointer(), QStringLiteral("expected a JSON pointer starting with \"/\""));
        else
            out[pointer] = base::toQString(value.value().dump());
    });
    return out;
}

ThrottleSettings readThrottle(JsonReader &r)
{
    ThrottleSettings t;
    if (!r.expectObject())
        return t;
    r.rejectUnknownKeys({"rateLimit", "burstLimit"});
    t.rateLimit = r.optionalNumber("rateLimit").value_or(0);
    t.burstLimit = r.integer("burstLimit");
    return t;
}

IntegrationResponse readIntegrationResponse(JsonReader &r, const QString &status)
{
    IntegrationResponse out;
    out.statusCode = status;
    if (!r.expectObject())
        return out;
    r.rejectUnknownKeys({"statusCode", "selectionPattern", "responseParameters",
                         "responseTemplates", "contentHandling"});
    const QString written = r.string("statusCode", status);
    if (written != status)
        r.error(r.pointerTo("statusCode"),
                QStringLiteral("status code \"%1\" differs from its key \"%2\"").arg(written, status));
    out.selectionPattern = r.string("selectionPattern");
    out.responseParameters = r.stringMap("responseParameters");
    out.responseTemplates = r.stringMap("responseTemplates");
    out.contentHandling = readEnum<ContentHandling>(r, "contentHandling");
    return out;
}

Integration readIntegration(JsonReader &r)
{
    Integration out;
    if (!r.expectObject())
        return out;
    r.rejectUnknownKeys({"type", "httpMethod", "uri", "credentials", "connectionType",
                         "connectionId", "requestParameters", "requestTemplates",
                         "passthroughBehavior", "contentHandling", "timeoutInMillis",
                         "cacheNamespace", "cacheKeyParameters", "tlsConfig",
                         "integrationResponses", "openApi"});
    if (!r.has("type"))
        r.error(r.pointerTo("type"), QStringLiteral("required string is missing"));
    out.type = readEnum(r, "type", IntegrationType::Mock);
    out.httpMethod = r.string("httpMethod");
    out.uri = r.string("uri");
    out.credentials = r.string("credentials");
    out.connectionType = readEnum<ConnectionType>(r, "connectionType");
    out.connectionId = r.string("connectionId");
    out.requestParameters = r.stringMap("requestParameters");
    out.requestTemplates = r.stringMap("requestTemplates");
    out.passthroughBehavior = readEnum(r, "passthroughBehavior", PassthroughBehavior::WhenNoMatch);
    out.contentHandling = readEnum<ContentHandling>(r, "contentHandling");
    out.timeoutInMillis = r.integer("timeoutInMillis", out.timeoutInMillis);
    out.cacheNamespace = r.string("cacheNamespace");
    out.cacheKeyParameters = r.stringList("cacheKeyParameters");
    if (r.has("tlsConfig")) {
        JsonReader tls = r.member("tlsConfig");
        if (tls.expectObject()) {
            tls.rejectUnknownKeys({"insecureSkipVerification"});
            out.tlsConfig = TlsConfig{tls.boolean("insecureSkipVerification")};
        }
    }
    r.forEachMember("integrationResponses", [&](const QString &status, JsonReader &ir) {
        out.integrationResponses[status] = readIntegrationResponse(ir, status);
    });
    out.openApiExtras = readOpenApiExtras(r);
    return out;
}

Method readMethod(JsonReader &r, const QString &verb)
{
    Method out;
    out.httpMethod = verb;
    if (!r.expectObject())
        return out;
    r.rejectUnknownKeys({"httpMethod", "authorizationType", "authorizerId", "authorizationScopes",
                         "apiKeyRequired", "operationName", "requestParameters", "requestModels",
                         "requestValidatorId", "methodResponses", "methodIntegration",
                         "openApi"});
    const QString written = r.string("httpMethod", verb);
    if (written != verb)
        r.error(r.pointerTo("httpMethod"),
                QStringLiteral("method \"%1\" differs from its key \"%2\"").arg(written, verb));
    out.authorizationType = readEnum(r, "authorizationType", AuthorizationType::None);
    out.authorizerId = r.string("authorizerId");
    out.authorizationScopes = r.stringList("authorizationScopes");
    out.apiKeyRequired = r.boolean("apiKeyRequired");
    out.operationName = r.string("operationName");
    out.requestParameters = r.boolMap("requestParameters");
    out.requestModels = r.stringMap("requestModels");
    out.requestValidatorId = r.string("requestValidatorId");
    r.forEachMember("methodResponses", [&](const QString &status, JsonReader &mr) {
        MethodResponse response;
        response.statusCode = status;
        if (mr.expectObject()) {
            mr.rejectUnknownKeys({"statusCode", "responseParameters", "responseModels"});
            const QString writtenStatus = mr.string("statusCode", status);
            if (writtenStatus != status)
                mr.error(mr.pointerTo("statusCode"),
                         QStringLiteral("status code \"%1\" differs from its key \"%2\"")
                             .arg(writtenStatus, status));
            response.responseParameters = mr.boolMap("responseParameters");
            response.responseModels = mr.stringMap("responseModels");
        }
        out.methodResponses[status] = response;
    });
    if (r.has("methodIntegration")) {
        JsonReader integration = r.member("methodIntegration");
        out.integration = readIntegration(integration);
    }
    out.openApiExtras = readOpenApiExtras(r);
    return out;
}

Resource readResource(JsonReader &r, std::map<QString, QString> &writtenPaths)
{
    Resource out;
    if (!r.expectObject())
        return out;
    r.rejectUnknownKeys({"id", "parentId", "pathPart", "path", "resourceMethods"});
    out.id = r.requiredString("id");
    out.parentId = r.string("parentId");
    out.pathPart = r.string("pathPart");
    if (r.has("path"))
        writtenPaths[out.id] = r.string("path");
    r.forEachMember("resourceMethods", [&](const QString &verb, JsonReader &m) {
        if (!httpVerbs().contains(verb)) {
            m.error(m.pointer(), QStringLiteral("expected one of %1, found \"%2\"")
                                     .arg(httpVerbs().join(QStringLiteral(", ")), verb));
            return;
        }
        out.methods[verb] = readMethod(m, verb);
    });
    return out;
}

RestApi readApi(JsonReader &r, const std::vector<base::Diagnostic> &errors)
{
    RestApi api;
    if (!r.expectObject())
        return api;
    r.rejectUnknownKeys({"id", "name", "description", "version", "endpointConfiguration",
                         "binaryMediaTypes", "apiKeySource", "minimumCompressionSize", "policy",
                         "disableExecuteApiEndpoint", "resources", "models", "authorizers",
                         "requestValidators", "gatewayResponses", "openApi"});
    api.id = r.requiredString("id");
    api.name = r.requiredString("name");
    api.description = r.string("description");
    api.version = r.string("version");
    if (r.has("endpointConfiguration")) {
        JsonReader endpoint = r.member("endpointConfiguration");
        if (endpoint.expectObject()) {
            endpoint.rejectUnknownKeys({"types", "vpcEndpointIds"});
            const QStringList types = endpoint.stringList("types");
            if (types.size() != 1) {
                endpoint.error(endpoint.pointerTo("types"),
                               QStringLiteral("expected exactly one endpoint type"));
            } else if (const auto type = enumFromName<EndpointType>(types.front())) {
                api.endpointConfiguration.type = *type;
            } else {
                endpoint.error(endpoint.pointerTo("types") + QStringLiteral("/0"),
                               QStringLiteral("expected one of %1, found \"%2\"")
                                   .arg(enumNames<EndpointType>().join(QStringLiteral(", ")),
                                        types.front()));
            }
            api.endpointConfiguration.vpcEndpointIds = endpoint.stringList("vpcEndpointIds");
        }
    }
    api.binaryMediaTypes = r.stringList("binaryMediaTypes");
    api.apiKeySource = readEnum(r, "apiKeySource", ApiKeySource::Header);
    api.minimumCompressionSize = r.optionalInteger("minimumCompressionSize");
    api.policy = readJsonText(r, "policy");
    api.disableExecuteApiEndpoint = r.boolean("disableExecuteApiEndpoint");

    std::map<QString, QString> writtenPaths;
    const size_t errorsBeforeResources = errors.size();
    if (!r.has("resources"))
        r.error(r.pointerTo("resources"), QStringLiteral("required array is missing"));
    r.forEachElement("resources", [&](JsonReader &res) {
        api.resources.push_back(readResource(res, writtenPaths));
    });
    // "path" is written for people reading the file; the parent chain is the truth, and a path
    // edited by hand without its pathPart would otherwise be silently ignored. Skipped when a
    // resource is already broken, since every path below it would repeat the same error.
    for (size_t i = 0; errors.size() == errorsBeforeResources && i < api.resources.size(); ++i) {
        const auto written = writtenPaths.find(api.resources[i].id);
        if (written == writtenPaths.end())
            continue;
        const QString actual = api.pathOf(api.resources[i].id);
        if (!actual.isEmpty() && written->second != actual) {
            r.error(r.pointerTo("resources") + QStringLiteral("/%1/path").arg(i),
                    QStringLiteral("path \"%1\" does not match the parent chain, which gives \"%2\"")
                        .arg(written->second, actual));
        }
    }

    r.forEachElement("models", [&](JsonReader &m) {
        Model model;
        if (!m.expectObject())
            return;
        m.rejectUnknownKeys({"id", "name", "description", "contentType", "schema"});
        model.id = m.requiredString("id");
        model.name = m.requiredString("name");
        model.description = m.string("description");
        model.contentType = m.string("contentType", model.contentType);
        model.schema = readJsonText(m, "schema");
        api.models.push_back(model);
    });
    r.forEachElement("authorizers", [&](JsonReader &a) {
        Authorizer authorizer;
        if (!a.expectObject())
            return;
        a.rejectUnknownKeys({"id", "name", "type", "authType", "authorizerUri",
                             "authorizerCredentials", "identitySource",
                             "identityValidationExpression", "authorizerResultTtlInSeconds",
                             "providerARNs", "openApi"});
        authorizer.id = a.requiredString("id");
        authorizer.name = a.requiredString("name");
        authorizer.type = readEnum(a, "type", AuthorizerType::Token);
        authorizer.authType = a.string("authType");
        authorizer.authorizerUri = a.string("authorizerUri");
        authorizer.authorizerCredentials = a.string("authorizerCredentials");
        authorizer.identitySource = a.string("identitySource");
        authorizer.identityValidationExpression = a.string("identityValidationExpression");
        authorizer.authorizerResultTtlInSeconds
            = a.integer("authorizerResultTtlInSeconds", authorizer.authorizerResultTtlInSeconds);
        authorizer.providerARNs = a.stringList("providerARNs");
        authorizer.openApiExtras = readOpenApiExtras(a);
        api.authorizers.push_back(authorizer);
    });
    r.forEachElement("requestValidators", [&](JsonReader &v) {
        RequestValidator validator;
        if (!v.expectObject())
            return;
        v.rejectUnknownKeys({"id", "name", "validateRequestBody", "validateRequestParameters"});
        validator.id = v.requiredString("id");
        validator.name = v.requiredString("name");
        validator.validateRequestBody = v.boolean("validateRequestBody");
        validator.validateRequestParameters = v.boolean("validateRequestParameters");
        api.requestValidators.push_back(validator);
    });
    r.forEachElement("gatewayResponses", [&](JsonReader &g) {
        GatewayResponse response;
        if (!g.expectObject())
            return;
        g.rejectUnknownKeys({"responseType", "statusCode", "responseParameters",
                             "responseTemplates"});
        response.responseType = g.requiredString("responseType");
        response.statusCode = g.string("statusCode");
        response.responseParameters = g.stringMap("responseParameters");
        response.responseTemplates = g.stringMap("responseTemplates");
        api.gatewayResponses.push_back(response);
    });
    api.openApiExtras = readOpenApiExtras(r);
    return api;
}

void readProject(JsonReader &r, Project &project, const std::vector<base::Diagnostic> &errors)
{
    if (!r.expectObject())
        return;
    r.rejectUnknownKeys({"formatVersion", "api", "deployments", "stages", "apiKeys", "usagePlans",
                         "localFunctions", "localUserPools", "savedRequests"});
    if (!r.has("formatVersion")) {
        r.error(r.pointerTo("formatVersion"),
                QStringLiteral("required integer is missing (is this a Portico project file?)"));
        return;
    }
    if (!r.value()["formatVersion"].is_number_integer()) {
        r.integer("formatVersion"); // reports the wrong type
        return;
    }
    const int version = r.integer("formatVersion", -1);
    if (version > Project::kFormatVersion) {
        r.error(r.pointerTo("formatVersion"),
                QStringLiteral("format version %1 is newer than this Portico reads (%2); "
                               "update Portico to open it")
                    .arg(version)
                    .arg(Project::kFormatVersion));
        return;
    }
    if (version < 1) {
        r.error(r.pointerTo("formatVersion"), QStringLiteral("expected a positive integer"));
        return;
    }
    JsonReader api = r.member("api");
    if (!r.has("api"))
        r.error(r.pointerTo("api"), QStringLiteral("required object is missing"));
    else
        project.api = readApi(api, errors);

    r.forEachElement("deployments", [&](JsonReader &d) {
        Deployment deployment;
        if (!d.expectObject())
            return;
        d.rejectUnknownKeys({"id", "createdDate", "description", "snapshot"});
        deployment.id = d.requiredString("id");
        const QString date = d.requiredString("createdDate");
        deployment.createdDate = QDateTime::fromString(date, Qt::ISODate);
        if (!date.isEmpty() && !deployment.createdDate.isValid())
            d.error(d.pointerTo("createdDate"),
                    QStringLiteral("expected an ISO 8601 date such as 2026-01-31T12:00:00Z, found \"%1\"")
                        .arg(date));
        deployment.createdDate = deployment.createdDate.toUTC();
        deployment.description = d.string("description");
        JsonReader snapshot = d.member("snapshot");
        if (!d.has("snapshot"))
            d.error(d.pointerTo("snapshot"), QStringLiteral("required object is missing"));
        else
            deployment.snapshot = readApi(snapshot, errors);
        project.deployments.push_back(deployment);
    });
    r.forEachElement("stages", [&](JsonReader &s) {
        Stage stage;
        if (!s.expectObject())
            return;
        s.rejectUnknownKeys({"stageName", "deploymentId", "description", "variables",
                             "methodSettings"});
        stage.stageName = s.requiredString("stageName");
        stage.deploymentId = s.string("deploymentId");
        stage.description = s.string("description");
        stage.variables = s.stringMap("variables");
        s.forEachMember("methodSettings", [&](const QString &key, JsonReader &ms) {
            MethodSetting setting;
            if (ms.expectObject()) {
                ms.rejectUnknownKeys({"throttlingRateLimit", "throttlingBurstLimit"});
                setting.throttlingRateLimit = ms.optionalNumber("throttlingRateLimit");
                setting.throttlingBurstLimit = ms.optionalInteger("throttlingBurstLimit");
            }
            stage.methodSettings[key] = setting;
        });
        project.stages.push_back(stage);
    });
    r.forEachElement("apiKeys", [&](JsonReader &k) {
        ApiKey key;
        if (!k.expectObject())
            return;
        k.rejectUnknownKeys({"id", "name", "value", "enabled", "description"});
        key.id = k.requiredString("id");
        key.name = k.requiredString("name");
        key.value = k.requiredString("value");
        key.enabled = k.boolean("enabled", true);
        key.description = k.string("description");
        project.apiKeys.push_back(key);
    });
    r.forEachElement("usagePlans", [&](JsonReader &p) {
        UsagePlan plan;
        if (!p.expectObject())
            return;
        p.rejectUnknownKeys({"id", "name", "description", "throttle", "quota", "apiStages",
                             "apiKeyIds"});
        plan.id = p.requiredString("id");
        plan.name = p.requiredString("name");
        plan.description = p.string("description");
        if (p.has("throttle")) {
            JsonReader t = p.member("throttle");
            plan.throttle = readThrottle(t);
        }
        if (p.has("quota")) {
            JsonReader q = p.member("quota");
            if (q.expectObject()) {
                q.rejectUnknownKeys({"limit", "period", "offset"});
                QuotaSettings quota;
                quota.limit = q.integer("limit");
                quota.period = readEnum(q, "period", QuotaPeriod::Day);
                quota.offset = q.integer("offset");
                plan.quota = quota;
            }
        }
        p.forEachElement("apiStages", [&](JsonReader &s) {
            UsagePlanStage stage;
            if (!s.expectObject())
                return;
            s.rejectUnknownKeys({"stage", "throttle"});
            stage.stage = s.requiredString("stage");
            s.forEachMember("throttle", [&](const QString &key, JsonReader &t) {
                stage.throttle[key] = readThrottle(t);
            });
            plan.apiStages.push_back(stage);
        });
        plan.apiKeyIds = p.stringList("apiKeyIds");
        project.usagePlans.push_back(plan);
    });
    r.forEachElement("localFunctions", [&](JsonReader &f) {
        LocalFunction function;
        if (!f.expectObject())
            return;
        f.rejectUnknownKeys({"name", "kind", "runtime", "handler", "command", "invokeUrl",
                             "workingDirectory", "environment", "timeoutSeconds", "concurrency"});
        function.name = f.requiredString("name");
        function.kind = readEnum(f, "kind", LocalFunctionKind::Handler);
        function.runtime = readEnum(f, "runtime", LocalRuntime::NodeJs);
        function.handler = f.string("handler");
        function.command = f.string("command");
        function.invokeUrl = f.string("invokeUrl");
        function.workingDirectory = f.string("workingDirectory");
        function.environment = f.stringMap("environment");
        function.timeoutSeconds = f.integer("timeoutSeconds", function.timeoutSeconds);
        function.concurrency = f.integer("concurrency", function.concurrency);
        project.localFunctions.push_back(function);
    });
    r.forEachElement("localUserPools", [&](JsonReader &u) {
        LocalUserPool pool;
        if (!u.expectObject())
            return;
        u.rejectUnknownKeys({"userPoolArn", "jwksFile"});
        pool.userPoolArn = u.requiredString("userPoolArn");
        pool.jwksFile = u.requiredString("jwksFile");
        project.localUserPools.push_back(pool);
    });
    r.forEachElement("savedRequests", [&](JsonReader &s) {
        project.savedRequests.push_back(readSavedRequest(s));
    });
}

} // namespace

base::Result<Project> ProjectReader::fromBytes(const QByteArray &text)
{
    Json document;
    base::JsonParseError parseError;
    if (!base::parseJson(text, document, parseError)) {
        return base::Diagnostic::error(
            QStringLiteral("line %1, column %2").arg(parseError.line).arg(parseError.column),
            parseError.message);
    }
    std::vector<base::Diagnostic> errors;
    JsonReader reader(document, QString(), errors);
    Project project;
    readProject(reader, project, errors);
    if (!errors.empty()) {
        if (errors.size() > kMaxReportedErrors)
            errors.resize(kMaxReportedErrors);
        return errors;
    }
    return project;
}

} // namespace portico::model
