// Every lint rule, one row each: a change to the clean sample and the exact findings it causes.
// A row fails when its rule is missing (no finding) and when a rule fires where it should not.
#include "model/linter.h"
#include "model/projectfile.h"

#include <QTest>

#include <functional>

using namespace portico;
using namespace portico::model;

using Mutation = std::function<void(Project &)>;
Q_DECLARE_METATYPE(Mutation)

namespace {
const QString kRoot = QStringLiteral("r0otpets01");
const QString kPets = QStringLiteral("p3ts000001");
const QString kPetId = QStringLiteral("p3tid00001");
const QString kProxy = QStringLiteral("pr0xy00001");

Resource &resource(Project &p, const QString &id)
{
    return *p.api.findResource(id);
}
Method &method(Project &p, const QString &id, const char *verb)
{
    return resource(p, id).methods.at(QString::fromLatin1(verb));
}
Integration &integration(Project &p, const QString &id, const char *verb)
{
    return *method(p, id, verb).integration;
}
void addResource(Project &p, const QString &id, const QString &parent, const QString &part)
{
    Resource r;
    r.id = id;
    r.parentId = parent;
    r.pathPart = part;
    p.api.resources.push_back(r);
}
} // namespace

class TestLinter : public QObject
{
    Q_OBJECT

    Project m_sample;

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = ProjectFile::load(QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json"));
        QVERIFY(loaded.ok());
        m_sample = loaded.value();
    }

    void sampleIsClean()
    {
        QCOMPARE(Linter::lint(m_sample).size(), size_t(0));
    }

    void rule_data()
    {
        QTest::addColumn<Mutation>("mutate");
        QTest::addColumn<QStringList>("expected");
        auto row = [](const char *name, Mutation m, QStringList expected) {
            QTest::newRow(name) << m << expected;
        };
        const QString awsPathPartRule = QStringLiteral(
            "Resource's path part only allow a-zA-Z0-9._- and curly braces at the beginning and the end "
            "and an optional plus sign before the closing brace.");

        // --- the resource tree
        row("duplicate sibling path parts",
            [](Project &p) { addResource(p, QStringLiteral("dup0000001"), kRoot, QStringLiteral("pets")); },
            {QStringLiteral("error: /pets: another resource under / has the same path part \"pets\"")});
        row("two parameter names at one level",
            [](Project &p) { addResource(p, QStringLiteral("name000001"), kPets, QStringLiteral("{name}")); },
            {QStringLiteral("error: /pets/{name}: a sibling ({petId}) of this resource already has a variable "
                            "path part; only one is allowed")});
        row("greedy parameter with children",
            [](Project &p) { addResource(p, QStringLiteral("child00001"), kProxy, QStringLiteral("more")); },
            {QStringLiteral("error: /{proxy+}: a greedy path parameter ({proxy+}) must be the last part of "
                            "the path; it cannot have child resources")});
        row("invalid path part characters",
            [](Project &p) { resource(p, kPetId).pathPart = QStringLiteral("{pet id}"); },
            {QStringLiteral("error: /pets/{pet id}: ") + awsPathPartRule});
        row("plus inside a literal part",
            [](Project &p) { addResource(p, QStringLiteral("plus000001"), kPets, QStringLiteral("a+b")); },
            {QStringLiteral("error: /pets/a+b: ") + awsPathPartRule});
        row("empty path part",
            [](Project &p) { addResource(p, QStringLiteral("empty00001"), kPets, QString()); },
            {QStringLiteral("error: /pets/: path part is empty")});
        row("no root resource",
            [](Project &p) { resource(p, kRoot).parentId = kPets; },
            {QStringLiteral("error: resource r0otpets01: its parents form a cycle"),
             QStringLiteral("error: resource p3ts000001: its parents form a cycle"),
             QStringLiteral("error: resource p3tid00001: its parents form a cycle"),
             QStringLiteral("error: resource pr0xy00001: its parents form a cycle"),
             QStringLiteral("error: /: the API has no root resource")});
        row("two roots",
            [](Project &p) { addResource(p, QStringLiteral("root000002"), QString(), QString()); },
            {QStringLiteral("error: /: the API has 2 root resources; it must have one")});
        row("missing parent",
            [](Project &p) { addResource(p, QStringLiteral("orphan0001"), QStringLiteral("gone000001"), QStringLiteral("x")); },
            {QStringLiteral("error: resource orphan0001: parent resource gone000001 does not exist")});
        row("duplicate resource id",
            [](Project &p) { addResource(p, kPets, kPetId, QStringLiteral("x")); },
            {QStringLiteral("error: /pets: resource id p3ts000001 is used twice")});

        // --- references
        row("missing request model",
            [](Project &p) { method(p, kPets, "POST").requestModels[QStringLiteral("application/json")] = QStringLiteral("Cat"); },
            {QStringLiteral("error: /pets POST method request: model Cat (for application/json) does not exist")});
        row("missing response model",
            [](Project &p) { method(p, kPets, "GET").methodResponses[QStringLiteral("200")].responseModels[QStringLiteral("application/json")] = QStringLiteral("Dogs"); },
            {QStringLiteral("error: /pets GET method response 200: model Dogs (for application/json) does not exist")});
        row("missing authorizer",
            [](Project &p) {
                method(p, kPets, "GET").authorizationType = AuthorizationType::Custom;
                method(p, kPets, "GET").authorizerId = QStringLiteral("nope");
            },
            {QStringLiteral("error: /pets GET method request: authorizer nope does not exist")});
        row("custom authorization without authorizer",
            [](Project &p) { method(p, kPets, "GET").authorizationType = AuthorizationType::Custom; },
            {QStringLiteral("error: /pets GET method request: authorization type CUSTOM needs an authorizer")});
        row("missing validator",
            [](Project &p) { method(p, kPets, "POST").requestValidatorId = QStringLiteral("gone"); },
            {QStringLiteral("error: /pets POST method request: request validator gone does not exist")});
        row("stage with missing deployment",
            [](Project &p) { p.stages[0].deploymentId = QStringLiteral("nope"); },
            {QStringLiteral("error: stage dev: deployment nope does not exist")});
        row("stage without deployment",
            [](Project &p) { p.stages[0].deploymentId.clear(); },
            {QStringLiteral("error: stage dev: the stage has no deployment")});
        row("usage plan with missing stage",
            [](Project &p) { p.usagePlans[0].apiStages[1].stage = QStringLiteral("staging"); },
            {QStringLiteral("error: usage plan Basic: stage staging does not exist")});
        row("usage plan with missing key",
            [](Project &p) { p.usagePlans[0].apiKeyIds.append(QStringLiteral("lostkey001")); },
            {QStringLiteral("error: usage plan Basic: API key lostkey001 does not exist")});

        // --- parameter expressions
        row("method request parameter in bad form",
            [](Project &p) { method(p, kPets, "GET").requestParameters[QStringLiteral("method.request.cookie.session")] = false; },
            {QStringLiteral("error: /pets GET method request: request parameter \"method.request.cookie.session\" "
                            "is not of the form method.request.querystring|header|path.NAME")});
        row("integration request target in bad form",
            [](Project &p) { integration(p, kPets, "GET").requestParameters[QStringLiteral("integration.request.body.x")] = QStringLiteral("'1'"); },
            {QStringLiteral("error: /pets GET integration: request parameter \"integration.request.body.x\" is not "
                            "of the form integration.request.querystring|header|path.NAME")});
        row("integration request source in bad form",
            [](Project &p) { integration(p, kPets, "GET").requestParameters[QStringLiteral("integration.request.header.X")] = QStringLiteral("request.header.X"); },
            {QStringLiteral("error: /pets GET integration: source \"request.header.X\" of integration.request.header.X "
                            "is not a method request parameter, 'literal', stageVariables.NAME or context.NAME")});
        row("undeclared method request source",
            [](Project &p) { integration(p, kPets, "GET").requestParameters[QStringLiteral("integration.request.header.X")] = QStringLiteral("method.request.header.X"); },
            {QStringLiteral("error: /pets GET integration: source method.request.header.X is not declared in the method request")});
        row("path parameter not in the path",
            [](Project &p) { integration(p, kPets, "GET").requestParameters[QStringLiteral("integration.request.path.id")] = QStringLiteral("method.request.path.id"); },
            {QStringLiteral("error: /pets GET integration: source method.request.path.id: the path /pets has no parameter {id}")});
        row("method response header in bad form",
            [](Project &p) { method(p, kPets, "GET").methodResponses[QStringLiteral("200")].responseParameters[QStringLiteral("method.response.body")] = false; },
            {QStringLiteral("error: /pets GET method response 200: response parameter \"method.response.body\" is not "
                            "of the form method.response.header.NAME")});
        row("integration response source in bad form",
            [](Project &p) { integration(p, kPets, "GET").integrationResponses[QStringLiteral("200")].responseParameters[QStringLiteral("method.response.header.Access-Control-Allow-Origin")] = QStringLiteral("*"); },
            {QStringLiteral("error: /pets GET integration response 200: source \"*\" of method.response.header."
                            "Access-Control-Allow-Origin is not integration.response.header.NAME, "
                            "integration.response.body, 'literal', stageVariables.NAME or context.NAME")});

        // --- integrations
        for (const auto &[name, type] : {std::pair{"uri missing for HTTP", IntegrationType::Http},
                                         std::pair{"uri missing for HTTP_PROXY", IntegrationType::HttpProxy},
                                         std::pair{"uri missing for AWS", IntegrationType::Aws}}) {
            const IntegrationType t = type;
            row(name,
                [t](Project &p) {
                    integration(p, kPets, "GET").type = t;
                    integration(p, kPets, "GET").uri.clear();
                },
                {QStringLiteral("error: /pets GET integration: uri is required")});
        }
        row("uri missing for AWS_PROXY",
            [](Project &p) {
                Integration &i = integration(p, kPets, "GET");
                i.type = IntegrationType::AwsProxy;
                i.httpMethod = QStringLiteral("POST");
                i.uri = QStringLiteral("  ");
            },
            {QStringLiteral("error: /pets GET integration: uri is required")});
        row("HTTP uri not a URL",
            [](Project &p) { integration(p, kPets, "GET").uri = QStringLiteral("ftp://files.example.com/pets"); },
            {QStringLiteral("error: /pets GET integration: uri \"ftp://files.example.com/pets\" must be an http:// "
                            "or https:// URL")});
        row("HTTP without httpMethod",
            [](Project &p) { integration(p, kPets, "GET").httpMethod.clear(); },
            {QStringLiteral("error: /pets GET integration: httpMethod is required for HTTP integrations")});
        row("Lambda proxy not POST",
            [](Project &p) {
                Integration &i = integration(p, kPets, "GET");
                i.type = IntegrationType::AwsProxy;
                i.uri = QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/f/invocations");
            },
            {QStringLiteral("error: /pets GET integration: Lambda proxy integrations are invoked with POST, not GET")});
        row("timeout below 50 ms",
            [](Project &p) { integration(p, kPets, "GET").timeoutInMillis = 49; },
            {QStringLiteral("error: /pets GET integration: timeoutInMillis 49 is outside 50 to 29000")});
        row("timeout above 29 s",
            [](Project &p) { integration(p, kPets, "GET").timeoutInMillis = 29001; },
            {QStringLiteral("error: /pets GET integration: timeoutInMillis 29001 is outside 50 to 29000")});
        row("integration response without method response",
            [](Project &p) { integration(p, kPets, "GET").integrationResponses[QStringLiteral("500")].statusCode = QStringLiteral("500"); },
            {QStringLiteral("error: /pets GET integration response 500: there is no method response 500 to map it to")});
        row("status code not three digits",
            [](Project &p) { method(p, kPets, "GET").methodResponses[QStringLiteral("20x")].statusCode = QStringLiteral("20x"); },
            {QStringLiteral("error: /pets GET method response 20x: status code \"20x\" is not a three-digit HTTP status")});
        row("method without integration",
            [](Project &p) { method(p, kPetId, "GET").integration.reset(); },
            {QStringLiteral("warning: /pets/{petId} GET: no integration is defined; API Gateway refuses to deploy "
                            "such a method")});

        // --- named parts, stages, keys, functions
        row("duplicate stage names",
            [](Project &p) { p.stages.push_back(p.stages[0]); },
            {QStringLiteral("error: stage dev: another stage has the same name")});
        row("stage name with a space",
            [](Project &p) {
                p.stages[1].stageName = QStringLiteral("pro d");
                p.usagePlans[0].apiStages[1].stage = QStringLiteral("pro d");
            },
            {QStringLiteral("error: stage pro d: stage names may only contain letters, digits, hyphens and "
                            "underscores (at most 128)")});
        row("stage variable name",
            [](Project &p) { p.stages[0].variables[QStringLiteral("backend-url")] = QStringLiteral("x"); },
            {QStringLiteral("error: stage dev: stage variable name \"backend-url\" may only contain letters, "
                            "digits and underscores")});
        row("duplicate model name",
            [](Project &p) { p.api.models.push_back(p.api.models[0]); },
            {QStringLiteral("error: model Pet: another model has the same name")});
        row("model name with punctuation",
            [](Project &p) { p.api.models.push_back(Model{QStringLiteral("m2"), QStringLiteral("Pet_2"), {}, QStringLiteral("application/json"), {}}); },
            {QStringLiteral("error: model Pet_2: model names may only contain letters and digits")});
        row("authorizer without uri",
            [](Project &p) { p.api.authorizers.push_back(Authorizer{QStringLiteral("a1"), QStringLiteral("Auth"), AuthorizerType::Token, {}, {}, {}, QStringLiteral("method.request.header.Authorization"), {}, 300, {}, {}}); },
            {QStringLiteral("error: authorizer Auth: authorizerUri is required for TOKEN authorizers")});
        row("authorizer ttl too long",
            [](Project &p) { p.api.authorizers.push_back(Authorizer{QStringLiteral("a1"), QStringLiteral("Auth"), AuthorizerType::Token, {}, QStringLiteral("arn:x"), {}, {}, {}, 3601, {}, {}}); },
            {QStringLiteral("error: authorizer Auth: authorizerResultTtlInSeconds 3601 is outside 0 to 3600")});
        row("cognito authorizer without pools",
            [](Project &p) { p.api.authorizers.push_back(Authorizer{QStringLiteral("a1"), QStringLiteral("Pool"), AuthorizerType::CognitoUserPools, {}, {}, {}, {}, {}, 300, {}, {}}); },
            {QStringLiteral("error: authorizer Pool: providerARNs is required for COGNITO_USER_POOLS authorizers")});
        row("minimum compression size",
            [](Project &p) { p.api.minimumCompressionSize = 10485761; },
            {QStringLiteral("error: api: Invalid minimum compression size, must be between 0 and 10485760")});
        row("API key too short",
            [](Project &p) { p.apiKeys[0].value = QStringLiteral("short"); },
            {QStringLiteral("error: API key demo-key: the key value must be 20 to 128 characters long")});
        row("local function without handler",
            [](Project &p) { p.localFunctions.push_back(LocalFunction{QStringLiteral("fn"), LocalFunctionKind::Handler, LocalRuntime::NodeJs, {}, {}, {}, {}, {}, 3, 1}); },
            {QStringLiteral("error: local function fn: handler is required (file.function, as in AWS)")});
        const auto saved = [](const char *path, const char *verb) {
            SavedRequest request;
            request.name = QStringLiteral("try it");
            request.resourcePath = QString::fromLatin1(path);
            request.httpMethod = QString::fromLatin1(verb);
            return request;
        };
        row("saved request for a method that is gone",
            [&](Project &p) {
                SavedRequest request = saved("/pets/{petId}", "PUT");
                request.pathParameters[QStringLiteral("petId")] = QStringLiteral("1");
                p.savedRequests.push_back(request);
            },
            {QStringLiteral("warning: saved request \"try it\" (/pets/{petId} PUT): the method no longer exists")});
        row("saved request without a path parameter's value (renamed since)",
            [&](Project &p) {
                SavedRequest request = saved("/pets/{petId}", "GET");
                request.pathParameters[QStringLiteral("id")] = QStringLiteral("1");
                p.savedRequests.push_back(request);
            },
            {QStringLiteral("warning: saved request \"try it\" (/pets/{petId} GET): path parameter petId has no value")});
        row("saved request for a resource that is gone",
            [&](Project &p) { p.savedRequests.push_back(saved("/owners", "GET")); },
            {QStringLiteral("warning: saved request \"try it\" (/owners GET): the method no longer exists")});
        row("saved request with a key that is gone",
            [&](Project &p) {
                SavedRequest request = saved("/pets", "GET");
                request.apiKeyId = QStringLiteral("nokey00001");
                p.savedRequests.push_back(request);
            },
            {QStringLiteral("warning: saved request \"try it\" (/pets GET): API key nokey00001 does not exist")});
        row("saved request with a JSONPath that does not compile",
            [&](Project &p) {
                SavedRequest request = saved("/pets", "GET");
                request.expect.jsonPaths = {{QStringLiteral("$.items[0].id"), QStringLiteral("1")},
                                            {QStringLiteral("$.items[?(@.id ==]"), std::nullopt}};
                p.savedRequests.push_back(request);
            },
            {QStringLiteral("warning: saved request \"try it\" (/pets GET): JSONPath $.items[?(@.id ==]: "
                            "expected a value: a path (@... or $...), a string, a number, true, false, null, a JSON "
                            "array or object, or a /regex/")});
    }
    void rule()
    {
        QFETCH(Mutation, mutate);
        QFETCH(QStringList, expected);
        Project p = m_sample;
        // The sample's saved requests would add a warning to every row that moves a method;
        // the rows about saved requests bring their own.
        p.savedRequests.clear();
        mutate(p);
        QStringList found;
        for (const base::Diagnostic &d : Linter::lint(p))
            found.append(d.toString());
        // Joined, so that a failure prints both lists in full.
        QCOMPARE(found.join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestLinter)
#include "tst_linter.moc"
