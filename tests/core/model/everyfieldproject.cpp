#include "everyfieldproject.h"

using namespace portico::model;

namespace {
QString s(const char *text)
{
    return QString::fromUtf8(text);
}

RestApi everyFieldApi()
{
    RestApi api;
    api.id = s("every00001");
    api.name = s("Every field");
    api.description = s("Exercises every field — with non-ASCII text: ünïcödé ✓");
    api.version = s("2.1");
    api.endpointConfiguration.type = EndpointType::Private;
    api.endpointConfiguration.vpcEndpointIds = {s("vpce-0123456789abcdef0")};
    api.binaryMediaTypes = {s("image/png"), s("application/octet-stream")};
    api.apiKeySource = ApiKeySource::Authorizer;
    api.minimumCompressionSize = 1024;
    api.policy = s("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
                   "      \"Principal\": \"*\",\n      \"Action\": \"execute-api:Invoke\",\n"
                   "      \"Resource\": \"execute-api:/*\"\n    }\n  ]\n}");
    api.disableExecuteApiEndpoint = true;

    Resource root;
    root.id = s("root000001");
    Resource items;
    items.id = s("items00001");
    items.parentId = root.id;
    items.pathPart = s("items");
    Resource item;
    item.id = s("item000001");
    item.parentId = items.id;
    item.pathPart = s("{itemId}");
    Resource greedy;
    greedy.id = s("greedy0001");
    greedy.parentId = root.id;
    greedy.pathPart = s("{proxy+}");

    Method m;
    m.httpMethod = s("PUT");
    m.authorizationType = AuthorizationType::Custom;
    m.authorizerId = s("auth000001");
    m.authorizationScopes = {s("items/write"), s("items/read")};
    m.apiKeyRequired = true;
    m.operationName = s("PutItem");
    m.requestParameters = {{s("method.request.path.itemId"), true},
                           {s("method.request.header.X-Trace"), false}};
    m.requestModels = {{s("application/json"), s("Item")}};
    m.requestValidatorId = s("valid00001");
    MethodResponse ok;
    ok.statusCode = s("200");
    ok.responseParameters = {{s("method.response.header.X-Item"), true}};
    ok.responseModels = {{s("application/json"), s("Item")}};
    m.methodResponses[ok.statusCode] = ok;
    MethodResponse missing;
    missing.statusCode = s("404");
    m.methodResponses[missing.statusCode] = missing;

    Integration i;
    i.type = IntegrationType::Http;
    i.httpMethod = s("POST");
    i.uri = s("https://backend.example.com/items/{id}");
    i.credentials = s("arn:aws:iam::123456789012:role/ApiRole");
    i.connectionType = ConnectionType::VpcLink;
    i.connectionId = s("${stageVariables.vpcLinkId}");
    i.requestParameters = {{s("integration.request.path.id"), s("method.request.path.itemId")},
                           {s("integration.request.header.X-Source"), s("'portico'")}};
    i.requestTemplates = {{s("application/json"), s("{\"item\": $input.json('$')}")},
                          {s("application/xml"), s("#set($x = 1)\n<item>$x</item>")}};
    i.passthroughBehavior = PassthroughBehavior::Never;
    i.contentHandling = ContentHandling::ConvertToText;
    i.timeoutInMillis = 5000;
    i.cacheNamespace = s("items-ns");
    i.cacheKeyParameters = {s("method.request.path.itemId")};
    i.tlsConfig = TlsConfig{true};
    IntegrationResponse ir;
    ir.statusCode = s("200");
    ir.responseParameters = {{s("method.response.header.X-Item"), s("integration.response.header.X-Id")}};
    ir.responseTemplates = {{s("application/json"), s("$input.json('$.item')")}};
    ir.contentHandling = ContentHandling::ConvertToBinary;
    i.integrationResponses[ir.statusCode] = ir;
    IntegrationResponse notFound;
    notFound.statusCode = s("404");
    notFound.selectionPattern = s("4\\d{2}");
    i.integrationResponses[notFound.statusCode] = notFound;
    i.openApiExtras = {{s("/responseTransferMode"), s("\"STREAM\"")}};
    m.integration = i;
    m.openApiExtras = {{s("/summary"), s("\"Reads one item\"")},
                       {s("/tags"), s("[\"items\"]")}};
    item.methods[m.httpMethod] = m;

    Method any;
    any.httpMethod = s("ANY");
    Integration proxy;
    proxy.type = IntegrationType::AwsProxy;
    proxy.httpMethod = s("POST");
    proxy.uri = s("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                  "arn:aws:lambda:us-east-1:123456789012:function:items/invocations");
    proxy.timeoutInMillis = 29000;
    any.integration = proxy;
    greedy.methods[any.httpMethod] = any;

    api.resources = {root, items, item, greedy};

    Model model;
    model.id = s("model00001");
    model.name = s("Item");
    model.description = s("An item");
    model.contentType = s("application/json");
    model.schema = s("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"type\": \"object\",\n"
                     "  \"properties\": {\n    \"name\": {\n      \"type\": \"string\"\n    }\n  }\n}");
    Model broken;
    broken.id = s("model00002");
    broken.name = s("Draft");
    broken.contentType = s("application/xml");
    broken.schema = s("{ \"type\": \"obj"); // half-typed text is kept as text
    api.models = {model, broken};

    Authorizer a;
    a.id = s("auth000001");
    a.name = s("TokenCheck");
    a.type = AuthorizerType::Request;
    a.authType = s("custom");
    a.authorizerUri = s("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                        "arn:aws:lambda:us-east-1:123456789012:function:auth/invocations");
    a.authorizerCredentials = s("arn:aws:iam::123456789012:role/AuthRole");
    a.identitySource = s("method.request.header.Authorization, method.request.querystring.token");
    a.identityValidationExpression = s("^Bearer .+$");
    a.authorizerResultTtlInSeconds = 60;
    Authorizer cognito;
    cognito.id = s("auth000002");
    cognito.name = s("Pool");
    cognito.type = AuthorizerType::CognitoUserPools;
    cognito.identitySource = s("method.request.header.Authorization");
    cognito.providerARNs = {s("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC")};
    cognito.openApiExtras = {{s("/description"), s("\"The user pool\"")}};
    api.authorizers = {a, cognito};

    RequestValidator v;
    v.id = s("valid00001");
    v.name = s("Validate body and parameters");
    v.validateRequestBody = true;
    v.validateRequestParameters = true;
    api.requestValidators = {v};

    GatewayResponse g;
    g.responseType = s("UNAUTHORIZED");
    g.statusCode = s("401");
    g.responseParameters = {{s("gatewayresponse.header.WWW-Authenticate"), s("'Bearer'")}};
    g.responseTemplates = {{s("application/json"), s("{\"message\": $context.error.messageString}")}};
    GatewayResponse fallback;
    fallback.responseType = s("DEFAULT_5XX");
    api.gatewayResponses = {g, fallback};
    api.openApiExtras = {{s("/x-amazon-apigateway-documentation"),
                          s("{\"version\":\"1\",\"documentationParts\":[]}")}};
    return api;
}
} // namespace

Project everyFieldProject()
{
    Project p;
    p.api = everyFieldApi();

    Deployment d;
    d.id = s("deploy0001");
    d.createdDate = QDateTime(QDate(2026, 11, 24), QTime(8, 30, 15), Qt::UTC);
    d.description = s("First deployment");
    d.snapshot = p.api;
    d.snapshot.description = s("As it was when deployed");
    p.deployments = {d};

    Stage st;
    st.stageName = s("prod");
    st.deploymentId = d.id;
    st.description = s("Production");
    st.variables = {{s("backend"), s("https://backend.example.com")}, {s("vpcLinkId"), s("abc123")}};
    MethodSetting all;
    all.throttlingRateLimit = 50.5;
    all.throttlingBurstLimit = 100;
    MethodSetting put;
    put.throttlingBurstLimit = 5;
    st.methodSettings = {{s("*/*"), all}, {s("/items/{itemId}/PUT"), put}};
    p.stages = {st};

    ApiKey k;
    k.id = s("key0000001");
    k.name = s("partner");
    k.value = s("abcdefghijABCDEFGHIJ0123456789abcdefghij");
    k.enabled = false;
    k.description = s("Disabled partner key");
    p.apiKeys = {k};

    UsagePlan plan;
    plan.id = s("plan000001");
    plan.name = s("Gold");
    plan.description = s("Many requests");
    plan.throttle = ThrottleSettings{25.5, 50};
    plan.quota = QuotaSettings{10000, QuotaPeriod::Week, 1};
    UsagePlanStage ps;
    ps.stage = s("prod");
    ps.throttle = {{s("/items/{itemId}/PUT"), ThrottleSettings{2, 4}}};
    plan.apiStages = {ps};
    plan.apiKeyIds = {k.id};
    p.usagePlans = {plan};

    LocalFunction handler;
    handler.name = s("items");
    handler.kind = LocalFunctionKind::Handler;
    handler.runtime = LocalRuntime::Python;
    handler.handler = s("app.handler");
    handler.workingDirectory = s("functions/items");
    handler.environment = {{s("TABLE"), s("items")}, {s("DEBUG"), s("1")}};
    handler.timeoutSeconds = 10;
    handler.concurrency = 4;
    LocalFunction command;
    command.name = s("auth");
    command.kind = LocalFunctionKind::Command;
    command.command = s("./auth.sh --verbose");
    LocalFunction url;
    url.name = s("remote");
    url.kind = LocalFunctionKind::InvokeUrl;
    url.invokeUrl = s("http://127.0.0.1:9001/2015-03-31/functions/remote/invocations");
    p.localFunctions = {handler, command, url};
    p.localUserPools = {LocalUserPool{s("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC"),
                                      s("cognito/jwks.json")}};

    SavedRequest replace;
    replace.name = s("replace item 7 — ünïcödé");
    replace.resourcePath = s("/items/{itemId}");
    replace.httpMethod = s("PUT");
    replace.pathParameters = {{s("itemId"), s("7 / eight")}};
    replace.query = {{s("tag"), s("a")}, {s("tag"), s("b c")}};
    replace.headers = {{s("Content-Type"), s("application/json")}, {s("X-Trace"), s("1")}};
    replace.body = s("{\"name\": \"seven\"}");
    replace.stageVariables = {{s("backend"), s("http://127.0.0.1:9000")}};
    replace.apiKeyId = k.id;
    replace.authorizationToken = s("Bearer allow-me");
    replace.expect.status = 200;
    replace.expect.headers = {{s("Content-Type"), s("application/json")}};
    replace.expect.bodyMode = BodyExpectation::JsonSubset;
    replace.expect.body = s("{\n  \"id\": 7,\n  \"tags\": [\n    \"a\"\n  ]\n}");
    replace.expect.jsonPaths = {JsonPathExpectation{s("$.name"), s("\"seven\"")},
                            JsonPathExpectation{s("$.tags[0]"), std::nullopt},
                            JsonPathExpectation{s("$.owner"), s("{\n  \"id\": 1\n}")}};
    SavedRequest any;
    any.name = s("delete through the proxy");
    any.resourcePath = s("/{proxy+}");
    any.httpMethod = s("ANY");
    any.sendMethod = s("DELETE");
    any.pathParameters = {{s("proxy"), s("a/b/c")}};
    any.expect.bodyMode = BodyExpectation::Equals;
    any.expect.body = s("deleted\n");
    p.savedRequests = {replace, any};
    return p;
}
