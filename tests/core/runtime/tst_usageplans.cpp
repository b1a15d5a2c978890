// API keys and usage plans over real HTTP: AWS's 403 for a missing, unknown, disabled or
// plan-less key, 429 "Too Many Requests" when a token bucket is empty, 429 "Limit Exceeded" when
// the quota is spent, per-method and stage throttles; and exact counting under concurrency.
#include "runtime/gateway.h"
#include "runtime/projectstages.h"
#include "runtime/usageplans.h"

#include "http/server.h"

#include "../../support/rawhttpclient.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace portico;
using portico::test::RawHttpClient;
using portico::test::RawResponse;
using portico::test::rawRequest;

namespace {

model::ApiKey key(const char *id, const char *value, bool enabled = true)
{
    model::ApiKey k;
    k.id = QLatin1String(id);
    k.name = QLatin1String(id);
    k.value = QLatin1String(value);
    k.enabled = enabled;
    return k;
}

model::UsagePlan plan(const char *id, QStringList keys, std::optional<model::ThrottleSettings> throttle,
                      std::optional<model::QuotaSettings> quota, std::map<QString, model::ThrottleSettings> methodThrottle = {})
{
    model::UsagePlan p;
    p.id = QLatin1String(id);
    p.name = QLatin1String(id);
    p.throttle = throttle;
    p.quota = quota;
    p.apiKeyIds = keys;
    model::UsagePlanStage stage;
    stage.stage = QStringLiteral("prod");
    stage.throttle = std::move(methodThrottle);
    p.apiStages.push_back(stage);
    return p;
}

model::Method mock(bool keyRequired)
{
    model::Method m;
    m.httpMethod = QStringLiteral("GET");
    m.apiKeyRequired = keyRequired;
    model::Integration integration;
    integration.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    model::IntegrationResponse ok;
    ok.statusCode = QStringLiteral("200");
    ok.responseTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"key\":\"$context.identity.apiKeyId\"}");
    integration.integrationResponses[QStringLiteral("200")] = ok;
    m.integration = integration;
    return m;
}

model::Project project()
{
    model::Project p;
    p.api.id = QStringLiteral("plansapi01");
    model::Resource root;
    root.id = QStringLiteral("root");
    p.api.resources.push_back(root);
    for (const char *part : {"protected", "other", "open", "limited"}) {
        model::Resource r;
        r.id = QLatin1String(part);
        r.parentId = QStringLiteral("root");
        r.pathPart = QLatin1String(part);
        r.methods[QStringLiteral("GET")] = mock(QLatin1String(part) != QLatin1String("open") && QLatin1String(part) != QLatin1String("limited"));
        p.api.resources.push_back(r);
    }
    p.apiKeys = {key("k-burst", "burstKey0123456789abcdef"), key("k-quota", "quotaKey0123456789abcdef"),
                 key("k-off", "disabledKey0123456789abc", false), key("k-none", "noPlanKey0123456789abcd"),
                 key("k-method", "methodKey0123456789abcde"), key("k-many", "concurrentKey0123456789ab"),
                 key("k-free", "freeKey0123456789abcdefg")};
    // A rate so low it never refills during a test: exactly the burst passes.
    p.usagePlans = {plan("burst", {QStringLiteral("k-burst")}, model::ThrottleSettings{0.001, 5}, std::nullopt),
                    plan("quota", {QStringLiteral("k-quota")}, std::nullopt, model::QuotaSettings{7, model::QuotaPeriod::Day, 0}),
                    plan("method", {QStringLiteral("k-method")}, model::ThrottleSettings{1000, 1000}, std::nullopt,
                         {{QStringLiteral("/other/GET"), model::ThrottleSettings{0.001, 2}}}),
                    plan("many", {QStringLiteral("k-many")}, model::ThrottleSettings{0.001, 50}, std::nullopt),
                    plan("free", {QStringLiteral("k-free"), QStringLiteral("k-off")}, std::nullopt, std::nullopt)};
    model::Deployment deployment;
    deployment.id = QStringLiteral("d1");
    deployment.snapshot = p.api;
    p.deployments.push_back(deployment);
    model::Stage stage;
    stage.stageName = QStringLiteral("prod");
    stage.deploymentId = QStringLiteral("d1");
    // The stage throttles /limited for everyone, keyed or not.
    stage.methodSettings[QStringLiteral("/limited/GET")] = model::MethodSetting{0.001, 3};
    p.stages.push_back(stage);
    return p;
}

} // namespace

class TestUsagePlans : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<runtime::UsageLedger> m_ledger = std::make_shared<runtime::UsageLedger>();
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<http::Server> m_server;

    RawResponse get(const QByteArray &path, const QByteArray &apiKey = {})
    {
        RawHttpClient client(m_server->port());
        const QByteArray headers = apiKey.isEmpty() ? QByteArray() : "x-api-key: " + apiKey + "\r\n";
        return client.request(rawRequest("GET", path, headers)).value_or(RawResponse());
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::vector<base::Diagnostic> problems;
        auto stages = runtime::stagesFromProject(project(), std::nullopt, problems, m_ledger);
        QVERIFY(problems.empty());
        m_gateway = std::make_unique<runtime::Gateway>(QStringLiteral("plansapi01"));
        m_gateway->setStages(std::move(stages));
        m_server = std::make_unique<http::Server>(*m_gateway);
        QVERIFY(m_server->start().ok());
    }
    void cleanupTestCase() { m_server.reset(); }

    void keyNotRequired() { QCOMPARE(get("/prod/open").status, 200); }

    void badKeysAreForbidden_data()
    {
        QTest::addColumn<QByteArray>("apiKey");
        QTest::newRow("missing") << QByteArray();
        QTest::newRow("unknown") << QByteArray("notAKeyAtAll0123456789");
        QTest::newRow("disabled") << QByteArray("disabledKey0123456789abc");
        QTest::newRow("in no plan for the stage") << QByteArray("noPlanKey0123456789abcd");
    }
    void badKeysAreForbidden()
    {
        QFETCH(QByteArray, apiKey);
        RawResponse r = get("/prod/protected", apiKey);
        QCOMPARE(r.status, 403);
        QCOMPARE(r.body, QByteArray(R"({"message":"Forbidden"})"));
        QCOMPARE(r.header("x-amzn-ErrorType"), QByteArray("ForbiddenException"));
    }

    void goodKeyPassesAndIsInContext()
    {
        RawResponse r = get("/prod/protected", "freeKey0123456789abcdefg");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"key":"k-free"})"));
    }

    void burstThenThrottled()
    {
        for (int i = 0; i < 5; ++i)
            QCOMPARE(get("/prod/protected", "burstKey0123456789abcdef").status, 200);
        RawResponse r = get("/prod/protected", "burstKey0123456789abcdef");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray(R"({"message":"Too Many Requests"})"));
        // What the GUI's live usage shows beside the requests that passed.
        QCOMPARE(m_ledger->refusals(QStringLiteral("burst"), QStringLiteral("k-burst")).throttled, 1);
        QCOMPARE(m_ledger->refusals(QStringLiteral("burst"), QStringLiteral("k-burst")).overQuota, 0);
    }

    void quotaThenLimitExceeded()
    {
        for (int i = 0; i < 7; ++i)
            QCOMPARE(get("/prod/protected", "quotaKey0123456789abcdef").status, 200);
        RawResponse r = get("/prod/protected", "quotaKey0123456789abcdef");
        QCOMPARE(r.status, 429);
        QCOMPARE(r.body, QByteArray(R"({"message":"Limit Exceeded"})"));
        QCOMPARE(m_ledger->refusals(QStringLiteral("quota"), QStringLiteral("k-quota")).overQuota, 1);
        QCOMPARE(m_ledger->refusals(QStringLiteral("quota"), QStringLiteral("k-quota")).throttled, 0);
    }

    void methodThrottleOverridesThePlan()
    {
        QCOMPARE(get("/prod/other", "methodKey0123456789abcde").status, 200);
        QCOMPARE(get("/prod/other", "methodKey0123456789abcde").status, 200);
        QCOMPARE(get("/prod/other", "methodKey0123456789abcde").status, 429);
        // The plan's own (generous) throttle still applies elsewhere.
        QCOMPARE(get("/prod/protected", "methodKey0123456789abcde").status, 200);
    }

    void stageMethodThrottleAppliesToEveryone()
    {
        for (int i = 0; i < 3; ++i)
            QCOMPARE(get("/prod/limited").status, 200);
        QCOMPARE(get("/prod/limited").status, 429);
    }

    void exactlyTheBurstPassesUnderConcurrency()
    {
        // 16 clients at once, 10 requests each, against a bucket of 50 that does not refill.
        std::atomic_int passed{0};
        std::atomic_int throttled{0};
        std::vector<std::thread> clients;
        for (int t = 0; t < 16; ++t) {
            clients.emplace_back([&] {
                RawHttpClient client(m_server->port());
                for (int i = 0; i < 10; ++i) {
                    auto r = client.request(rawRequest("GET", "/prod/protected", "x-api-key: concurrentKey0123456789ab\r\n"));
                    if (r && r->status == 200)
                        ++passed;
                    else if (r && r->status == 429)
                        ++throttled;
                }
            });
        }
        for (auto &c : clients)
            c.join();
        QCOMPARE(passed.load(), 50);
        QCOMPARE(throttled.load(), 110);
    }

    void ledgerCountsExactlyFromManyThreads()
    {
        runtime::UsageLedger ledger;
        const model::ThrottleSettings throttle{0.001, 100};
        const model::QuotaSettings quota{250, model::QuotaPeriod::Month, 0};
        std::atomic_int tokens{0};
        std::atomic_int counted{0};
        std::vector<std::thread> threads;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 1000; ++i) {
                    if (ledger.take(QStringLiteral("b"), throttle, QDateTime::currentMSecsSinceEpoch()))
                        ++tokens;
                    if (ledger.count(QStringLiteral("q"), quota, now))
                        ++counted;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(tokens.load(), 100);
        QCOMPARE(counted.load(), 250);
        QCOMPARE(ledger.quotaState(QStringLiteral("q"))->used, qint64(250));
    }

    void quotaPeriodsAndOffset()
    {
        const QDateTime wednesday(QDate(2026, 11, 25), QTime(13, 5), Qt::UTC);
        QCOMPARE(runtime::UsageLedger::periodStart(model::QuotaPeriod::Day, wednesday), QDateTime(QDate(2026, 11, 25), QTime(0, 0), Qt::UTC));
        QCOMPARE(runtime::UsageLedger::periodStart(model::QuotaPeriod::Week, wednesday), QDateTime(QDate(2026, 11, 23), QTime(0, 0), Qt::UTC));
        QCOMPARE(runtime::UsageLedger::periodStart(model::QuotaPeriod::Month, wednesday), QDateTime(QDate(2026, 11, 1), QTime(0, 0), Qt::UTC));
        // The offset shortens the first period only.
        runtime::UsageLedger ledger;
        const model::QuotaSettings quota{5, model::QuotaPeriod::Day, 2};
        int first = 0;
        while (ledger.count(QStringLiteral("q"), quota, wednesday))
            ++first;
        QCOMPARE(first, 3);
        int next = 0;
        while (ledger.count(QStringLiteral("q"), quota, wednesday.addDays(1)))
            ++next;
        QCOMPARE(next, 5);
    }

    void maskedAsAwsLogsIt()
    {
        QCOMPARE(runtime::UsagePlans::masked(QStringLiteral("abcdefghijklmnopqrstuvwxyzbMZHBg")),
                 QStringLiteral("**************************bMZHBg"));
    }
};

QTEST_GUILESS_MAIN(TestUsagePlans)
#include "tst_usageplans.moc"
