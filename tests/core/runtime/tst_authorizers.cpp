// Authorizers end to end over real HTTP: TOKEN and REQUEST Lambda authorizers run as real node
// workers and shell commands, their IAM policies evaluated against the method ARN (wildcards,
// explicit deny, implicit deny), results cached per identity, context values seen by templates
// and proxy events, usageIdentifierKey as the API key, failures as AWS's 500s; Cognito user pool
// tokens signed in the test with OpenSSL and checked against a JWKS file; AWS_IAM let through.
#include "runtime/gateway.h"
#include "runtime/iampolicy.h"
#include "runtime/projectstages.h"

#include "base/json.h"
#include "http/server.h"

#include "../../support/rawhttpclient.h"
#include "../../support/runtimefixtures.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <atomic>
#include <map>
#include <memory>
#include <thread>

using namespace portico;
using portico::test::json;
using portico::test::lambdaUri;
using portico::test::resource;
using portico::test::text;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

const char kApiId[] = "authzapi01";
const char kPoolArn[] = "arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_Local";
const char kIssuer[] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Local";
const char kAuthorizerKey[] = "authorizerKey0123456789abc";

const char kNodeHandlers[] = R"JS(
const policy = (principalId, effect, resource, extra = {}) => ({
  principalId,
  policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: effect, Resource: resource }] },
  ...extra,
});
exports.token = async (e) => {
  const t = e.authorizationToken;
  switch (t) {
  case 'allow': return policy('user-1', 'Allow', e.methodArn, { context: { s: 'text', n: 42, b: true } });
  case 'deny': return policy('user-2', 'Deny', e.methodArn);
  case 'elsewhere': return policy('user-3', 'Allow', 'arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/POST/elsewhere');
  case 'both': return { principalId: 'user-4', policyDocument: { Version: '2012-10-17', Statement: [
      { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: '*' },
      { Action: 'execute-api:*', Effect: 'Deny', Resource: [e.methodArn] }] } };
  case 'unauthorized': throw new Error('Unauthorized');
  case 'boom': throw new Error('database down');
  case 'malformed': return { principalId: 'user-5', policyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow' }] } };
  case 'nested': return policy('user-6', 'Allow', e.methodArn, { context: { user: { id: 1 } } });
  case 'not-json': return 'Allow';
  case 'hang': return new Promise(() => {});
  case 'crash': process.exit(3);
  case 'key': return policy('user-7', 'Allow', e.methodArn, { usageIdentifierKey: 'authorizerKey0123456789abc' });
  case 'unknown-key': return policy('user-8', 'Allow', e.methodArn, { usageIdentifierKey: 'notAKey0123456789abcdefgh' });
  case 'event': return policy('user-9', 'Allow', e.methodArn, { context: { event: JSON.stringify(e) } });
  }
  if (t.startsWith('resource ')) return policy('user-w', 'Allow', JSON.parse(t.slice(9)));
  return policy('nobody', 'Deny', '*');
};
exports.request = async (e) => policy('req-user', 'Allow', e.methodArn, { context: { event: JSON.stringify(e) } });
exports.echo = async (e) => ({ statusCode: 200, body: JSON.stringify(e.requestContext.authorizer) });
)JS";

// A MOCK method answering 200 with `responseTemplate`.
model::Method mockMethod(model::AuthorizationType type, const QString &authorizerId, const QString &responseTemplate)
{
    model::Method m;
    m.httpMethod = QStringLiteral("GET");
    m.authorizationType = type;
    m.authorizerId = authorizerId;
    model::Integration integration;
    integration.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    model::IntegrationResponse ok;
    ok.statusCode = QStringLiteral("200");
    ok.responseTemplates[QStringLiteral("application/json")] = responseTemplate;
    integration.integrationResponses[QStringLiteral("200")] = ok;
    m.integration = integration;
    return m;
}

model::Authorizer authorizer(const QString &id, model::AuthorizerType type, const QString &identitySource,
                             const QString &function, int ttl)
{
    model::Authorizer a;
    a.id = id;
    a.name = id;
    a.type = type;
    a.identitySource = identitySource;
    a.authorizerUri = function.isEmpty() ? QString() : lambdaUri(function);
    a.authorizerResultTtlInSeconds = ttl;
    return a;
}

model::LocalFunction handlerFunction(const QString &name, const QString &handler)
{
    model::LocalFunction f;
    f.name = name;
    f.kind = model::LocalFunctionKind::Handler;
    f.runtime = model::LocalRuntime::NodeJs;
    f.handler = handler;
    f.timeoutSeconds = 1;
    f.concurrency = 2;
    return f;
}

const char kAllowAll[] =
    R"({"principalId":"counted","policyDocument":{"Version":"2012-10-17","Statement":[{"Action":"execute-api:Invoke","Effect":"Allow","Resource":"*"}]}})";
// Not a raw string: moc would take the "/*" in it for the start of a comment.
const char kAllowCachedOnly[] =
    "{\"principalId\":\"counted\",\"policyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":"
    "\"execute-api:Invoke\",\"Effect\":\"Allow\",\"Resource\":\"arn:aws:execute-api:*:*:authzapi01/*/GET/cached\"}]}}";

// A command authorizer that counts its invocations, one line per call in `counter`.
model::LocalFunction countingFunction(const QString &name, const QString &counter, const char *output)
{
    model::LocalFunction f;
    f.name = name;
    f.kind = model::LocalFunctionKind::Command;
    f.command = QStringLiteral("echo call >> '%1'; cat > /dev/null; printf '%s' '%2'").arg(counter, QLatin1String(output));
    f.timeoutSeconds = 3;
    return f;
}

// --- JWTs signed in the test, as a Cognito user pool signs them ---

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

struct RsaKey
{
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key{EVP_RSA_gen(2048), &EVP_PKEY_free};

    QByteArray component(const char *name) const
    {
        BIGNUM *bn = nullptr;
        if (!EVP_PKEY_get_bn_param(key.get(), name, &bn))
            return {};
        QByteArray bytes(BN_num_bytes(bn), Qt::Uninitialized);
        BN_bn2bin(bn, reinterpret_cast<unsigned char *>(bytes.data()));
        BN_free(bn);
        return bytes;
    }
    base::Json jwk(const char *kid) const
    {
        return base::Json{{"alg", "RS256"},
                          {"e", base64Url(component(OSSL_PKEY_PARAM_RSA_E)).toStdString()},
                          {"kid", kid},
                          {"kty", "RSA"},
                          {"n", base64Url(component(OSSL_PKEY_PARAM_RSA_N)).toStdString()},
                          {"use", "sig"}};
    }
    QByteArray sign(const QByteArray &data) const
    {
        EVP_MD_CTX *context = EVP_MD_CTX_new();
        size_t size = 0;
        QByteArray signature;
        if (EVP_DigestSignInit(context, nullptr, EVP_sha256(), nullptr, key.get()) == 1
            && EVP_DigestSign(context, nullptr, &size, reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size())) == 1) {
            signature.resize(qsizetype(size));
            if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &size,
                               reinterpret_cast<const unsigned char *>(data.constData()), size_t(data.size()))
                != 1)
                signature.clear();
            signature.resize(qsizetype(size));
        }
        EVP_MD_CTX_free(context);
        return signature;
    }
};

QByteArray jwt(const RsaKey &key, const char *kid, const base::Json &claims)
{
    const base::Json header{{"kid", kid}, {"alg", "RS256"}};
    const QByteArray signedPart = base64Url(QByteArray::fromStdString(header.dump())) + '.'
                                  + base64Url(QByteArray::fromStdString(claims.dump()));
    return signedPart + '.' + base64Url(key.sign(signedPart));
}

base::Json claims(const char *tokenUse, qint64 expiresInSeconds, const char *scope = nullptr)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    base::Json c{{"sub", "1c2d3e4f-aaaa-bbbb-cccc-123456789012"}, {"iss", kIssuer}, {"token_use", tokenUse},
                 {"auth_time", now - 10}, {"iat", now - 10}, {"exp", now + expiresInSeconds}};
    if (QByteArray(tokenUse) == "id") {
        c["email"] = "pat@example.com";
        c["aud"] = "4l1ent1d";
        c["cognito:groups"] = base::Json::array({"admins", "staff"});
    } else {
        c["client_id"] = "4l1ent1d";
        c["scope"] = scope ? scope : "aws.cognito.signin.user.admin";
    }
    return c;
}

model::Project project(const QString &directory)
{
    using model::AuthorizationType;
    using model::AuthorizerType;
    model::Project p;
    p.api.id = QLatin1String(kApiId);
    // The API key of a request comes from the authorizer's usageIdentifierKey, not x-api-key.
    p.api.apiKeySource = model::ApiKeySource::Authorizer;
    p.api.resources.push_back(resource(QStringLiteral("root"), {}, {}));
    const auto add = [&](const QString &path, model::Method method) {
        model::Resource r = resource(path, QStringLiteral("root"), path);
        r.methods[method.httpMethod] = method;
        p.api.resources.push_back(r);
        return &p.api.resources.back();
    };
    const QString contextTemplate = QStringLiteral(
        R"({"principalId":"$context.authorizer.principalId","s":"$context.authorizer.s","n":"$context.authorizer.n","b":"$context.authorizer.b"})");
    add(QStringLiteral("token"), mockMethod(AuthorizationType::Custom, QStringLiteral("tok"), contextTemplate));
    add(QStringLiteral("token-event"), mockMethod(AuthorizationType::Custom, QStringLiteral("tok"), QStringLiteral("$context.authorizer.event")));
    model::Method proxy = mockMethod(AuthorizationType::Custom, QStringLiteral("tok"), QString());
    proxy.integration->type = model::IntegrationType::AwsProxy;
    proxy.integration->httpMethod = QStringLiteral("POST");
    proxy.integration->uri = lambdaUri(QStringLiteral("fn-echo"));
    add(QStringLiteral("token-proxy"), proxy);
    model::Method keyed = mockMethod(AuthorizationType::Custom, QStringLiteral("tok"), QStringLiteral("{\"key\":\"$context.identity.apiKey\"}"));
    keyed.apiKeyRequired = true;
    add(QStringLiteral("keyed"), keyed);
    // /pets/{id}: the policies' wildcards are matched against .../GET/pets/42.
    model::Resource pets = resource(QStringLiteral("pets"), QStringLiteral("root"), QStringLiteral("pets"));
    p.api.resources.push_back(pets);
    model::Resource pet = resource(QStringLiteral("pet"), QStringLiteral("pets"), QStringLiteral("{id}"));
    pet.methods[QStringLiteral("GET")] = mockMethod(AuthorizationType::Custom, QStringLiteral("tok"), QStringLiteral("{\"pet\":\"$input.params('id')\"}"));
    p.api.resources.push_back(pet);
    add(QStringLiteral("validated"), mockMethod(AuthorizationType::Custom, QStringLiteral("validated"), QStringLiteral("{}")));
    add(QStringLiteral("cached"), mockMethod(AuthorizationType::Custom, QStringLiteral("cached"), QStringLiteral("{}")));
    add(QStringLiteral("cached2"), mockMethod(AuthorizationType::Custom, QStringLiteral("cached"), QStringLiteral("{}")));
    add(QStringLiteral("uncached"), mockMethod(AuthorizationType::Custom, QStringLiteral("uncached"), QStringLiteral("{}")));
    add(QStringLiteral("request"), mockMethod(AuthorizationType::Custom, QStringLiteral("req"), QStringLiteral("$context.authorizer.event")));
    add(QStringLiteral("request-count"), mockMethod(AuthorizationType::Custom, QStringLiteral("req-count"), QStringLiteral("{}")));
    add(QStringLiteral("request-stagevar"), mockMethod(AuthorizationType::Custom, QStringLiteral("req-stagevar"), QStringLiteral("{}")));
    add(QStringLiteral("request-context"), mockMethod(AuthorizationType::Custom, QStringLiteral("req-context"), QStringLiteral("{}")));
    add(QStringLiteral("cognito"),
        mockMethod(AuthorizationType::CognitoUserPools, QStringLiteral("pool"),
                   QStringLiteral(R"({"sub":"$context.authorizer.claims.sub","email":"$context.authorizer.claims.email","groups":"$context.authorizer.claims['cognito:groups']","exp":"$context.authorizer.claims.exp"})")));
    model::Method scoped = mockMethod(AuthorizationType::CognitoUserPools, QStringLiteral("pool"),
                                      QStringLiteral(R"({"scope":"$context.authorizer.claims.scope"})"));
    scoped.authorizationScopes = {QStringLiteral("pets/read"), QStringLiteral("pets/write")};
    add(QStringLiteral("cognito-scoped"), scoped);
    add(QStringLiteral("iam"), mockMethod(AuthorizationType::AwsIam, QString(), QStringLiteral("{\"iam\":true}")));
    add(QStringLiteral("missing-authorizer"), mockMethod(AuthorizationType::Custom, QStringLiteral("nope"), QStringLiteral("{}")));

    p.api.authorizers = {
        authorizer(QStringLiteral("tok"), AuthorizerType::Token, QStringLiteral("method.request.header.Authorization"), QStringLiteral("fn-auth"), 0),
        authorizer(QStringLiteral("validated"), AuthorizerType::Token, QStringLiteral("method.request.header.Authorization"),
                   QStringLiteral("fn-count-validated"), 0),
        authorizer(QStringLiteral("cached"), AuthorizerType::Token, QStringLiteral("method.request.header.X-Token"),
                   QStringLiteral("fn-count-cached"), 300),
        authorizer(QStringLiteral("uncached"), AuthorizerType::Token, QStringLiteral("method.request.header.X-Token"),
                   QStringLiteral("fn-count-uncached"), 0),
        authorizer(QStringLiteral("req"), AuthorizerType::Request,
                   QStringLiteral("method.request.header.X-User, method.request.querystring.tenant, stageVariables.env, context.identity.sourceIp"),
                   QStringLiteral("fn-request"), 0),
        authorizer(QStringLiteral("req-count"), AuthorizerType::Request,
                   QStringLiteral("method.request.header.X-User,method.request.querystring.tenant"), QStringLiteral("fn-count-request"), 300),
        authorizer(QStringLiteral("req-stagevar"), AuthorizerType::Request, QStringLiteral("stageVariables.missing"),
                   QStringLiteral("fn-request"), 0),
        authorizer(QStringLiteral("req-context"), AuthorizerType::Request, QStringLiteral("context.identity.user"),
                   QStringLiteral("fn-request"), 0),
        authorizer(QStringLiteral("pool"), AuthorizerType::CognitoUserPools, QStringLiteral("method.request.header.Authorization"), QString(), 300),
    };
    p.api.authorizers[1].identityValidationExpression = QStringLiteral("Bearer [a-z]+");
    p.api.authorizers.back().providerARNs = {QLatin1String(kPoolArn)};

    model::ApiKey key;
    key.id = QStringLiteral("k-auth");
    key.name = QStringLiteral("from the authorizer");
    key.value = QLatin1String(kAuthorizerKey);
    p.apiKeys = {key};
    model::UsagePlan plan;
    plan.id = QStringLiteral("plan");
    plan.name = QStringLiteral("plan");
    plan.apiKeyIds = {key.id};
    model::UsagePlanStage stage;
    stage.stage = QStringLiteral("dev");
    plan.apiStages = {stage};
    p.usagePlans = {plan};

    p.localFunctions = {
        handlerFunction(QStringLiteral("fn-auth"), QStringLiteral("handlers.token")),
        handlerFunction(QStringLiteral("fn-request"), QStringLiteral("handlers.request")),
        handlerFunction(QStringLiteral("fn-echo"), QStringLiteral("handlers.echo")),
        countingFunction(QStringLiteral("fn-count-validated"), directory + QStringLiteral("/validated.calls"), kAllowAll),
        countingFunction(QStringLiteral("fn-count-cached"), directory + QStringLiteral("/cached.calls"), kAllowCachedOnly),
        countingFunction(QStringLiteral("fn-count-uncached"), directory + QStringLiteral("/uncached.calls"), kAllowAll),
        countingFunction(QStringLiteral("fn-count-request"), directory + QStringLiteral("/request.calls"), kAllowAll),
    };
    p.localUserPools = {model::LocalUserPool{QLatin1String(kPoolArn), QStringLiteral("pool/jwks.json")}};
    return p;
}

} // namespace

class TestAuthorizers : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    RsaKey m_poolKey;
    RsaKey m_otherKey;
    std::shared_ptr<runtime::FunctionHost> m_functions;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;
    std::shared_ptr<runtime::TraceSubscription> m_traces;
    std::map<QString, QString> m_logs;

    RawResponse get(const QByteArray &target, const QByteArray &headers = {})
    {
        RawHttpClient client(m_server->port());
        return client.request(rawRequest("GET", target, headers), 15000).value_or(RawResponse());
    }
    RawResponse getWithToken(const QByteArray &target, const QByteArray &token)
    {
        return get(target, "Authorization: " + token + "\r\n");
    }
    // The execution log of the request that gave `response`.
    QString logOf(const RawResponse &response)
    {
        const QString id = QString::fromLatin1(response.header("x-amzn-RequestId"));
        const auto collect = [&] {
            for (const runtime::ExchangePtr &e : m_traces->take())
                m_logs[e->requestId] = e->executionLog();
            return m_logs.count(id) > 0;
        };
        if (!QTest::qWaitFor(collect, 5000))
            return QStringLiteral("(no execution log for %1)").arg(id);
        return m_logs[id];
    }
    int calls(const char *counter) const
    {
        QFile file(m_dir.filePath(QLatin1String(counter) + QStringLiteral(".calls")));
        if (!file.open(QIODevice::ReadOnly))
            return 0;
        return int(file.readAll().count('\n'));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(m_poolKey.key && m_otherKey.key);
        QFile node(m_dir.filePath(QStringLiteral("handlers.js")));
        QVERIFY(node.open(QIODevice::WriteOnly));
        node.write(kNodeHandlers);
        node.close();
        QVERIFY(QDir(m_dir.path()).mkpath(QStringLiteral("pool")));
        QFile jwks(m_dir.filePath(QStringLiteral("pool/jwks.json")));
        QVERIFY(jwks.open(QIODevice::WriteOnly));
        jwks.write(QByteArray::fromStdString(base::Json{{"keys", base::Json::array({m_poolKey.jwk("pool-key-1")})}}.dump()));
        jwks.close();

        model::Project p = project(m_dir.path());
        runtime::DraftStage draft;
        draft.name = QStringLiteral("dev");
        draft.variables = {{QStringLiteral("env"), QStringLiteral("test")}};
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(p, draft, problems, nullptr, m_dir.path());
        QStringList reported;
        for (const base::Diagnostic &d : problems)
            reported.append(d.toString());
        QVERIFY2(problems.empty(), qPrintable(reported.join(QLatin1Char('\n'))));
        m_functions = std::make_shared<runtime::FunctionHost>(m_dir.path(), true);
        m_functions->setFunctions(p.localFunctions);
        for (auto &stage : stages)
            stage.functions = m_functions;
        m_gateway = std::make_unique<runtime::Gateway>(p.api.id);
        m_gateway->setStages(std::move(stages));
        m_traces = m_gateway->traces().subscribe();
        m_server = std::make_unique<http::Server>(*m_gateway);
        QVERIFY(m_server->start().ok());
    }
    void cleanupTestCase()
    {
        m_server.reset();
        if (m_gateway && m_traces)
            m_gateway->traces().unsubscribe(m_traces);
        m_gateway.reset();
        m_functions.reset();
    }

    // --- TOKEN authorizers ---

    void tokenAllowExposesPrincipalAndContext()
    {
        const RawResponse r = getWithToken("/dev/token", "allow");
        QCOMPARE(r.status, 200);
        // Context values reach templates stringified.
        QCOMPARE(r.body, QByteArray(R"({"principalId":"user-1","s":"text","n":"42","b":"true"})"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QStringLiteral(" : Starting authorizer: tok for request: ")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral(" : Authorizer result body before parsing: {\"principalId\":\"user-1\"")), qPrintable(log));
        // Principals are masked as AWS masks them: all but the last 6 characters ("user-1" has 6).
        QVERIFY2(log.contains(QStringLiteral(" : Using valid authorizer policy for principal: ******\n")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral(" : Successfully completed authorizer execution")), qPrintable(log));
        // The authorizer runs before the usage plan check and the method's execution.
        QVERIFY2(log.indexOf(QStringLiteral("Successfully completed authorizer execution"))
                     < log.indexOf(QStringLiteral("Verifying Usage Plan for request")),
                 qPrintable(log));
        QVERIFY2(log.indexOf(QStringLiteral("Verifying Usage Plan for request")) < log.indexOf(QStringLiteral("Starting execution for request")),
                 qPrintable(log));
    }

    void tokenEventIsAwsShape()
    {
        const RawResponse r = getWithToken("/dev/token-event", "event");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"type":"TOKEN","authorizationToken":"event","methodArn":"arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/GET/token-event"})"));
    }

    void tokenRejections_data()
    {
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("errorType");
        QTest::addColumn<QString>("logLine");
        QTest::newRow("explicit deny") << QByteArray("deny") << 403
                                       << QByteArray(R"({"Message":"User is not authorized to access this resource with an explicit deny"})")
                                       << QByteArray("AccessDeniedException")
                                       << QStringLiteral("The client is not authorized to perform this operation.");
        QTest::newRow("no statement allows the method (implicit deny)")
            << QByteArray("elsewhere") << 403 << QByteArray(R"({"Message":"User is not authorized to access this resource"})")
            << QByteArray("AccessDeniedException")
            << QStringLiteral("Policy evaluation: no statement allows execute-api:Invoke on "
                              "arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/GET/token");
        QTest::newRow("a deny wins over an allow") << QByteArray("both") << 403
                                                   << QByteArray(R"({"Message":"User is not authorized to access this resource with an explicit deny"})")
                                                   << QByteArray("AccessDeniedException")
                                                   << QStringLiteral("Policy evaluation: arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/GET/token matches "
                                                                     "Deny execute-api:* on arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/GET/token");
        QTest::newRow("function throws Unauthorized") << QByteArray("unauthorized") << 401 << QByteArray(R"({"message":"Unauthorized"})")
                                                      << QByteArray("UnauthorizedException")
                                                      << QStringLiteral("The authorizer function answered Unauthorized");
        QTest::newRow("function throws another error") << QByteArray("boom") << 500 << QByteArray(R"({"message":null})")
                                                       << QByteArray("AuthorizerConfigurationException")
                                                       << QStringLiteral("Lambda execution failed with status 200 due to customer function error: database down.");
        QTest::newRow("malformed policy") << QByteArray("malformed") << 500 << QByteArray(R"({"message":null})")
                                          << QByteArray("AuthorizerConfigurationException")
                                          << QStringLiteral("The authorizer's output is not usable: Statement 0: Action must be a string or a list of strings");
        QTest::newRow("context value that is an object") << QByteArray("nested") << 500 << QByteArray(R"({"message":null})")
                                                         << QByteArray("AuthorizerConfigurationException")
                                                         << QStringLiteral("context.user is object; only strings, numbers and booleans are allowed");
        QTest::newRow("output that is not an object") << QByteArray("not-json") << 500 << QByteArray(R"({"message":null})")
                                                      << QByteArray("AuthorizerConfigurationException")
                                                      << QStringLiteral("The authorizer's output is not usable: it is not a JSON object");
        QTest::newRow("function times out") << QByteArray("hang") << 500 << QByteArray(R"({"message":null})")
                                            << QByteArray("AuthorizerConfigurationException") << QStringLiteral("Task timed out after 1.00 seconds");
        QTest::newRow("function crashes") << QByteArray("crash") << 500 << QByteArray(R"({"message":null})")
                                          << QByteArray("AuthorizerConfigurationException") << QStringLiteral("Runtime exited with error: exit status 3");
    }
    void tokenRejections()
    {
        QFETCH(QByteArray, token);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, errorType);
        QFETCH(QString, logLine);
        const RawResponse r = getWithToken("/dev/token", token);
        QCOMPARE(r.status, status);
        QCOMPARE(r.body, body);
        QCOMPARE(r.header("x-amzn-ErrorType"), errorType);
        const QString log = logOf(r);
        QVERIFY2(log.contains(logLine), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral(" : Method completed with status: %1").arg(status)), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Starting execution for request")), qPrintable(log));
        if (status == 500)
            QVERIFY2(log.contains(QStringLiteral(" : Execution failed due to configuration error: Authorizer error")), qPrintable(log));
    }

    void missingTokenIsUnauthorized()
    {
        const RawResponse r = get("/dev/token");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QStringLiteral("Authorizer tok: the identity source method.request.header.Authorization is missing or empty")), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral(" : Unauthorized request: ")), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Starting authorizer")), qPrintable(log));
        QCOMPARE(getWithToken("/dev/token", "").status, 401);
    }

    void validationExpressionIsCheckedBeforeTheFunction()
    {
        const int before = calls("validated");
        const RawResponse ok = getWithToken("/dev/validated", "Bearer abc");
        QCOMPARE(ok.status, 200);
        QCOMPARE(calls("validated"), before + 1);
        const RawResponse r = getWithToken("/dev/validated", "abc");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
        // The whole token must match: a prefix match is not enough.
        QCOMPARE(getWithToken("/dev/validated", "Bearer abc1").status, 401);
        QCOMPARE(calls("validated"), before + 1);
        QVERIFY2(logOf(r).contains(QStringLiteral("the incoming identity does not match the identity validation expression Bearer [a-z]+")),
                 qPrintable(logOf(r)));
    }

    // --- policies ---

    void policyWildcards_data()
    {
        QTest::addColumn<QByteArray>("resource");
        QTest::addColumn<int>("status");
        const QByteArray prefix = "arn:aws:execute-api:us-east-1:000000000000:authzapi01";
        QTest::newRow("the method ARN itself") << QByteArray("\"" + prefix + "/dev/GET/pets/42\"") << 200;
        QTest::newRow("* for region, account, stage, last part") << QByteArray("\"arn:aws:execute-api:*:*:authzapi01/*/GET/pets/*\"") << 200;
        QTest::newRow("* crosses slashes") << QByteArray("\"" + prefix + "/dev/*\"") << 200;
        QTest::newRow("? is one character") << QByteArray("\"" + prefix + "/dev/GET/pets/4?\"") << 200;
        QTest::newRow("?? is two characters") << QByteArray("\"" + prefix + "/dev/GET/pets/??\"") << 200;
        QTest::newRow("??? is three characters") << QByteArray("\"" + prefix + "/dev/GET/pets/???\"") << 403;
        QTest::newRow("a prefix of the path") << QByteArray("\"" + prefix + "/dev/GET/pets/4\"") << 403;
        QTest::newRow("another verb") << QByteArray("\"" + prefix + "/dev/POST/*\"") << 403;
        QTest::newRow("another stage") << QByteArray("\"" + prefix + "/prod/*\"") << 403;
        QTest::newRow("another API") << QByteArray("\"arn:aws:execute-api:us-east-1:000000000000:otherapi01/*\"") << 403;
        QTest::newRow("a list with one match") << QByteArray("[\"" + prefix + "/dev/POST/*\", \"" + prefix + "/*/GET/pets/*\"]") << 200;
        QTest::newRow("everything") << QByteArray("\"*\"") << 200;
    }
    void policyWildcards()
    {
        QFETCH(QByteArray, resource);
        QFETCH(int, status);
        const RawResponse r = getWithToken("/dev/pets/42", "resource " + resource);
        QCOMPARE(r.status, status);
        if (status == 200)
            QCOMPARE(r.body, QByteArray(R"({"pet":"42"})"));
        else
            QCOMPARE(r.body, QByteArray(R"({"Message":"User is not authorized to access this resource"})"));
    }

    void wildcardMatching_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("matches");
        QTest::newRow("empty") << QString() << QString() << true;
        QTest::newRow("star matches empty") << QStringLiteral("a*") << QStringLiteral("a") << true;
        QTest::newRow("stars backtrack") << QStringLiteral("*a*b*c") << QStringLiteral("xxaxxbxxbc") << true;
        QTest::newRow("star then literal tail") << QStringLiteral("*/GET/*") << QStringLiteral("x/dev/POST/GET") << false;
        QTest::newRow("question mark needs a character") << QStringLiteral("ab?") << QStringLiteral("ab") << false;
        QTest::newRow("case matters") << QStringLiteral("ARN") << QStringLiteral("arn") << false;
    }
    void wildcardMatching()
    {
        QFETCH(QString, pattern);
        QFETCH(QString, text);
        QFETCH(bool, matches);
        QCOMPARE(runtime::iamWildcardMatch(pattern, text), matches);
    }

    // --- caching ---

    void resultsAreCachedPerTokenAndReevaluated()
    {
        const int before = calls("cached");
        QCOMPARE(get("/dev/cached", "X-Token: t1\r\n").status, 200);
        QCOMPARE(get("/dev/cached", "X-Token: t1\r\n").status, 200);
        QCOMPARE(calls("cached"), before + 1);
        // The cached policy is evaluated again against this method's ARN: it allows only GET /cached.
        const RawResponse other = get("/dev/cached2", "X-Token: t1\r\n");
        QCOMPARE(other.status, 403);
        QCOMPARE(other.body, QByteArray(R"({"Message":"User is not authorized to access this resource"})"));
        QCOMPARE(calls("cached"), before + 1);
        QVERIFY2(logOf(other).contains(QStringLiteral("Using the cached authorizer result for this identity")), qPrintable(logOf(other)));
        // Another token is another identity.
        QCOMPARE(get("/dev/cached", "X-Token: t2\r\n").status, 200);
        QCOMPARE(calls("cached"), before + 2);
    }

    void concurrentRequestsShareTheCache()
    {
        // Many requests on the server's threads at once: every one is answered, and the function
        // runs at most once per racing client before its result is cached.
        const int before = calls("cached");
        std::atomic_int allowed{0};
        std::vector<std::thread> clients;
        for (int t = 0; t < 8; ++t) {
            clients.emplace_back([&] {
                for (int i = 0; i < 10; ++i) {
                    RawHttpClient client(m_server->port());
                    const auto r = client.request(rawRequest("GET", "/dev/cached", "X-Token: shared\r\n"), 15000);
                    if (r && r->status == 200)
                        ++allowed;
                }
            });
        }
        for (std::thread &client : clients)
            client.join();
        QCOMPARE(allowed.load(), 80);
        QVERIFY2(calls("cached") - before >= 1 && calls("cached") - before <= 8, qPrintable(QString::number(calls("cached") - before)));
    }

    void ttlZeroDisablesTheCache()
    {
        const int before = calls("uncached");
        QCOMPARE(get("/dev/uncached", "X-Token: t1\r\n").status, 200);
        QCOMPARE(get("/dev/uncached", "X-Token: t1\r\n").status, 200);
        QCOMPARE(calls("uncached"), before + 2);
    }

    void requestResultsAreCachedByAllIdentitySources()
    {
        const int before = calls("request");
        QCOMPARE(get("/dev/request-count?tenant=a", "X-User: pat\r\n").status, 200);
        QCOMPARE(get("/dev/request-count?tenant=a&other=1", "X-User: pat\r\n").status, 200);
        QCOMPARE(calls("request"), before + 1);
        QCOMPARE(get("/dev/request-count?tenant=b", "X-User: pat\r\n").status, 200);
        QCOMPARE(get("/dev/request-count?tenant=a", "X-User: sam\r\n").status, 200);
        QCOMPARE(calls("request"), before + 3);
    }

    // --- REQUEST authorizers ---

    void requestEventCarriesTheRequest()
    {
        const RawResponse r = get("/dev/request?tenant=acme&tenant=acme2&x=1", "X-User: pat\r\nX-Multi: a\r\nX-Multi: b\r\n");
        QCOMPARE(r.status, 200);
        const base::Json event = json(r.body);
        QVERIFY2(event.is_object(), r.body.constData());
        std::string keys;
        for (auto it = event.begin(); it != event.end(); ++it)
            keys += (keys.empty() ? "" : ",") + it.key();
        QCOMPARE(keys, std::string("type,methodArn,resource,path,httpMethod,headers,multiValueHeaders,queryStringParameters,"
                                   "multiValueQueryStringParameters,pathParameters,stageVariables,requestContext"));
        QCOMPARE(text(event["type"]), QStringLiteral("REQUEST"));
        QCOMPARE(text(event["methodArn"]), QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:authzapi01/dev/GET/request"));
        QCOMPARE(text(event["resource"]), QStringLiteral("/request"));
        QCOMPARE(text(event["path"]), QStringLiteral("/request"));
        QCOMPARE(text(event["httpMethod"]), QStringLiteral("GET"));
        QCOMPARE(text(event["headers"]["X-User"]), QStringLiteral("pat"));
        QCOMPARE(text(event["headers"]["X-Multi"]), QStringLiteral("b"));
        QCOMPARE(QString::fromStdString(event["multiValueHeaders"]["X-Multi"].dump()), QStringLiteral(R"(["a","b"])"));
        QCOMPARE(QString::fromStdString(event["queryStringParameters"].dump()), QStringLiteral(R"({"tenant":"acme2","x":"1"})"));
        QCOMPARE(QString::fromStdString(event["multiValueQueryStringParameters"]["tenant"].dump()), QStringLiteral(R"(["acme","acme2"])"));
        QCOMPARE(QString::fromStdString(event["pathParameters"].dump()), QStringLiteral("{}"));
        QCOMPARE(QString::fromStdString(event["stageVariables"].dump()), QStringLiteral(R"({"env":"test"})"));
        QCOMPARE(text(event["requestContext"]["stage"]), QStringLiteral("dev"));
        QCOMPARE(text(event["requestContext"]["resourcePath"]), QStringLiteral("/request"));
        QCOMPARE(text(event["requestContext"]["identity"]["sourceIp"]), QStringLiteral("127.0.0.1"));
        QCOMPARE(QString::fromStdString(event["requestContext"]["requestId"].get<std::string>()),
                 QString::fromLatin1(r.header("x-amzn-RequestId")));
        QVERIFY(!event["requestContext"].contains("authorizer"));
    }

    void requestMissingIdentitySource_data()
    {
        QTest::addColumn<QByteArray>("target");
        QTest::addColumn<QByteArray>("headers");
        QTest::addColumn<QString>("source");
        QTest::newRow("header") << QByteArray("/dev/request?tenant=a") << QByteArray() << QStringLiteral("method.request.header.X-User");
        QTest::newRow("empty header") << QByteArray("/dev/request?tenant=a") << QByteArray("X-User: \r\n")
                                      << QStringLiteral("method.request.header.X-User");
        QTest::newRow("query string") << QByteArray("/dev/request") << QByteArray("X-User: pat\r\n")
                                      << QStringLiteral("method.request.querystring.tenant");
        QTest::newRow("stage variable") << QByteArray("/dev/request-stagevar") << QByteArray() << QStringLiteral("stageVariables.missing");
        QTest::newRow("context") << QByteArray("/dev/request-context") << QByteArray() << QStringLiteral("context.identity.user");
    }
    void requestMissingIdentitySource()
    {
        QFETCH(QByteArray, target);
        QFETCH(QByteArray, headers);
        QFETCH(QString, source);
        const RawResponse r = get(target, headers);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QStringLiteral("the identity source %1 is missing or empty").arg(source)), qPrintable(log));
        QVERIFY2(!log.contains(QStringLiteral("Starting authorizer")), qPrintable(log));
    }

    // --- what the method sees ---

    void proxyEventCarriesTheAuthorizer()
    {
        const RawResponse r = getWithToken("/dev/token-proxy", "allow");
        QCOMPARE(r.status, 200);
        const base::Json authorizer = json(r.body);
        QVERIFY2(authorizer.is_object(), r.body.constData());
        QCOMPARE(text(authorizer["principalId"]), QStringLiteral("user-1"));
        QVERIFY(authorizer["integrationLatency"].is_number_integer());
        QCOMPARE(text(authorizer["s"]), QStringLiteral("text"));
        QCOMPARE(text(authorizer["n"]), QStringLiteral("42"));
        QCOMPARE(text(authorizer["b"]), QStringLiteral("true"));
    }

    void usageIdentifierKeyIsTheApiKey()
    {
        const RawResponse r = getWithToken("/dev/keyed", "key");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"key":"authorizerKey0123456789abc"})"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QStringLiteral("Usage Plan check succeeded for API Key ********************789abc")), qPrintable(log));
        // No key from the authorizer: AWS's 403, whatever x-api-key says (the key source is AUTHORIZER).
        const RawResponse none = get("/dev/keyed", QByteArray("Authorization: allow\r\nx-api-key: ") + kAuthorizerKey + "\r\n");
        QCOMPARE(none.status, 403);
        QCOMPARE(none.body, QByteArray(R"({"message":"Forbidden"})"));
        QVERIFY2(logOf(none).contains(QStringLiteral("API Key source AUTHORIZER: no authorizer supplied a usageIdentifierKey")), qPrintable(logOf(none)));
        const RawResponse unknown = getWithToken("/dev/keyed", "unknown-key");
        QCOMPARE(unknown.status, 403);
        QCOMPARE(unknown.body, QByteArray(R"({"message":"Forbidden"})"));
    }

    void unknownAuthorizerIsAConfigurationError()
    {
        const RawResponse r = getWithToken("/dev/missing-authorizer", "allow");
        QCOMPARE(r.status, 500);
        QCOMPARE(r.body, QByteArray(R"({"message":null})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("AuthorizerConfigurationException"));
    }

    // --- COGNITO_USER_POOLS ---

    void cognitoIdTokenIsAccepted()
    {
        const base::Json c = claims("id", 3600);
        const RawResponse r = getWithToken("/dev/cognito", jwt(m_poolKey, "pool-key-1", c));
        QCOMPARE(r.status, 200);
        const base::Json body = json(r.body);
        QCOMPARE(text(body["sub"]), QStringLiteral("1c2d3e4f-aaaa-bbbb-cccc-123456789012"));
        QCOMPARE(text(body["email"]), QStringLiteral("pat@example.com"));
        QCOMPARE(text(body["groups"]), QStringLiteral("admins,staff"));
        // API Gateway prints exp and iat as Java dates.
        QCOMPARE(QString::fromStdString(body["exp"].get<std::string>()),
                 runtime::javaDateString(QDateTime::fromSecsSinceEpoch(c["exp"].get<qint64>(), Qt::UTC)));
        // A "Bearer " prefix is accepted too.
        QCOMPARE(getWithToken("/dev/cognito", "Bearer " + jwt(m_poolKey, "pool-key-1", c)).status, 200);
        QVERIFY2(logOf(r).contains(QStringLiteral("Cognito user pool authorizer pool: ID token of ") + QLatin1String(kIssuer)), qPrintable(logOf(r)));
    }

    void cognitoRejections_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("token");
        QTest::addColumn<QString>("reason");
        const QByteArray valid = jwt(m_poolKey, "pool-key-1", claims("id", 3600));
        QTest::newRow("expired") << QByteArray("/dev/cognito") << jwt(m_poolKey, "pool-key-1", claims("id", -60))
                                 << QStringLiteral("the token expired at ");
        QTest::newRow("signed by another key") << QByteArray("/dev/cognito") << jwt(m_otherKey, "pool-key-1", claims("id", 3600))
                                               << QStringLiteral("the token's signature is not valid");
        QByteArray tampered = valid;
        const QList<QByteArray> parts = valid.split('.');
        base::Json changed = claims("id", 3600);
        changed["email"] = "mallory@example.com";
        tampered = parts[0] + '.' + base64Url(QByteArray::fromStdString(changed.dump())) + '.' + parts[2];
        QTest::newRow("tampered claims") << QByteArray("/dev/cognito") << tampered << QStringLiteral("the token's signature is not valid");
        QTest::newRow("unknown key id") << QByteArray("/dev/cognito") << jwt(m_poolKey, "pool-key-9", claims("id", 3600))
                                        << QStringLiteral("the user pool's JWKS has no key pool-key-9");
        base::Json foreign = claims("id", 3600);
        foreign["iss"] = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other";
        QTest::newRow("another pool") << QByteArray("/dev/cognito") << jwt(m_poolKey, "pool-key-1", foreign)
                                      << QStringLiteral("is not one of the authorizer's user pools");
        QTest::newRow("access token without scopes on the method")
            << QByteArray("/dev/cognito") << jwt(m_poolKey, "pool-key-1", claims("access", 3600))
            << QStringLiteral("the method has no authorization scopes, so an ID token is required");
        QTest::newRow("missing scope") << QByteArray("/dev/cognito-scoped")
                                       << jwt(m_poolKey, "pool-key-1", claims("access", 3600, "pets/delete openid"))
                                       << QStringLiteral("the token's scopes [pets/delete, openid] include none of the method's [pets/read, pets/write]");
        QTest::newRow("ID token on a scoped method") << QByteArray("/dev/cognito-scoped") << valid
                                                     << QStringLiteral("so an access token is required");
        QTest::newRow("not a JWT") << QByteArray("/dev/cognito") << QByteArray("hello") << QStringLiteral("the token is not a JWT");
        QTest::newRow("no token") << QByteArray("/dev/cognito") << QByteArray()
                                  << QStringLiteral("the identity source method.request.header.Authorization is missing or empty");
    }
    void cognitoRejections()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, token);
        QFETCH(QString, reason);
        const RawResponse r = token.isEmpty() ? get(path) : getWithToken(path, token);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body, QByteArray(R"({"message":"Unauthorized"})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("UnauthorizedException"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(reason), qPrintable(log));
        QVERIFY2(log.contains(QStringLiteral(" : Unauthorized request: ")), qPrintable(log));
    }

    void cognitoAccessTokenWithOneOfTheScopes()
    {
        const RawResponse r = getWithToken("/dev/cognito-scoped", jwt(m_poolKey, "pool-key-1", claims("access", 3600, "openid pets/write")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"scope":"openid pets/write"})"));
    }

    // --- AWS_IAM ---

    void awsIamIsLetThroughWithATraceLine()
    {
        const RawResponse r = get("/dev/iam");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"iam":true})"));
        const QString log = logOf(r);
        QVERIFY2(log.contains(QStringLiteral("Authorization type AWS_IAM: Portico does not check SigV4 signatures locally")), qPrintable(log));
    }
};

QTEST_GUILESS_MAIN(TestAuthorizers)
#include "tst_authorizers.moc"
