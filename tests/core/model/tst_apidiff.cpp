// The readable difference between two APIs: nothing for the same API (even imported again with
// other ids), and each kind of change reported once, at the place a person looks for it, with a
// long text shortened to the lines that differ.
#include "everyfieldproject.h"

#include "model/apidiff.h"

#include <QTest>

#include <functional>

using namespace portico::model;
using Kind = ApiChange::Kind;
using Edit = std::function<void(RestApi &)>;
using Changes = std::vector<ApiChange>;

Q_DECLARE_METATYPE(ApiChange)
Q_DECLARE_METATYPE(Edit)
Q_DECLARE_METATYPE(Changes)

namespace {

QString s(const char *text)
{
    return QString::fromUtf8(text);
}

const QString kRequestTemplate = s("{\n  \"limit\": \"$input.params('limit')\",\n  \"type\": \"dog\"\n}");
const QString kPetSchema = s("{\n  \"type\": \"object\",\n  \"properties\": {\n    \"id\": {\"type\": \"integer\"},\n"
                             "    \"name\": {\"type\": \"string\"}\n  }\n}");

Resource resource(const QString &id, const QString &parentId, const QString &pathPart)
{
    Resource r;
    r.id = id;
    r.parentId = parentId;
    r.pathPart = pathPart;
    return r;
}

Method mockMethod(const QString &verb)
{
    Method m;
    m.httpMethod = verb;
    m.integration = Integration {};
    m.integration->requestTemplates[s("application/json")] = s("{\"statusCode\": 200}");
    return m;
}

// A small PetStore with one of everything, ids prefixed by `idPrefix` so that two copies can
// differ in ids only.
RestApi petStore(const QString &idPrefix = s("a"))
{
    RestApi api;
    api.id = idPrefix + s("pi");
    api.name = s("PetStore");
    api.description = s("Pets, for sale");
    api.endpointConfiguration.type = EndpointType::Regional;

    Resource root = resource(idPrefix + s("root"), QString(), QString());
    root.methods[s("GET")] = mockMethod(s("GET"));
    Resource pets = resource(idPrefix + s("pets"), root.id, s("pets"));
    Method list;
    list.httpMethod = s("GET");
    list.requestParameters[s("method.request.querystring.limit")] = false;
    Integration http;
    http.type = IntegrationType::Http;
    http.httpMethod = s("GET");
    http.uri = s("http://petstore.example.com/pets");
    http.requestTemplates[s("application/json")] = kRequestTemplate;
    IntegrationResponse ok;
    ok.statusCode = s("200");
    ok.responseParameters[s("method.response.header.Access-Control-Allow-Origin")] = s("'*'");
    ok.responseTemplates[s("application/json")] = s("$input.json('$')");
    http.integrationResponses[s("200")] = ok;
    list.integration = http;
    MethodResponse listed;
    listed.statusCode = s("200");
    listed.responseParameters[s("method.response.header.Access-Control-Allow-Origin")] = false;
    listed.responseModels[s("application/json")] = s("Pet");
    list.methodResponses[s("200")] = listed;
    pets.methods[s("GET")] = list;
    Resource pet = resource(idPrefix + s("pet"), pets.id, s("{petId}"));
    pet.methods[s("GET")] = mockMethod(s("GET"));
    api.resources = {root, pets, pet};

    api.models = {Model {idPrefix + s("m1"), s("Pet"), QString(), s("application/json"), kPetSchema},
                  Model {idPrefix + s("m2"), s("Empty"), QString(), s("application/json"), s("{}")}};
    Authorizer owner;
    owner.id = idPrefix + s("auth");
    owner.name = s("PetOwner");
    owner.authorizerUri = s("arn:aws:lambda:owner");
    owner.identitySource = s("method.request.header.Authorization");
    api.authorizers = {owner};
    api.requestValidators = {RequestValidator {idPrefix + s("val"), s("body-only"), true, false}};
    GatewayResponse denied;
    denied.responseType = s("DEFAULT_4XX");
    denied.responseTemplates[s("application/json")] = s("{\"message\": $context.error.messageString}");
    api.gatewayResponses = {denied};
    return api;
}

Method &methodAt(RestApi &api, const QString &path, const QString &verb)
{
    for (Resource &resource : api.resources) {
        if (api.pathOf(resource.id) == path)
            return resource.methods.at(verb);
    }
    qFatal("no resource %s", qPrintable(path));
}

Integration &listIntegration(RestApi &api)
{
    return *methodAt(api, s("/pets"), s("GET")).integration;
}

ApiChange added(const char *where, const QString &after)
{
    return {Kind::Added, s(where), QString(), after};
}

ApiChange removed(const char *where, const QString &before)
{
    return {Kind::Removed, s(where), before, QString()};
}

ApiChange changed(const char *where, const QString &before, const QString &after)
{
    return {Kind::Changed, s(where), before, after};
}

// The numbered lines of a long text.
ApiChange textChanged(const char *where, const QString &before, const QString &after)
{
    return {Kind::Changed, s(where), before, after, true};
}

ApiChange textRemoved(const char *where, const QString &before)
{
    return {Kind::Removed, s(where), before, QString(), true};
}

// "line 1\nline 2\n..." with `count` lines.
QString numberedText(int count)
{
    QStringList lines;
    for (int i = 1; i <= count; ++i)
        lines.append(s("line %1").arg(i));
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestApiDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void sameApiHasNoChanges();
    void idsDoNotCount();
    void everyFieldCountsAgainstAnEmptyApi();
    void changeIsReportedAtItsPlace_data();
    void changeIsReportedAtItsPlace();
    void changesComeInAStableOrder();
    void longTextShowsOnlyTheLinesThatDiffer_data();
    void longTextShowsOnlyTheLinesThatDiffer();
    void formatsEachKind_data();
    void formatsEachKind();
};

void TestApiDiff::sameApiHasNoChanges()
{
    QVERIFY(diffApis(petStore(), petStore()).empty());
    const RestApi everything = everyFieldProject().api;
    QVERIFY(diffApis(everything, everything).empty());
    QCOMPARE(formatApiChanges({}), QString());
}

void TestApiDiff::idsDoNotCount()
{
    // The same API imported twice: every resource, authorizer and validator has another id.
    RestApi reimported = petStore(s("b"));
    Method &list = methodAt(reimported, s("/pets"), s("GET"));
    list.authorizationType = AuthorizationType::Custom;
    list.authorizerId = s("bauth");
    list.requestValidatorId = s("bval");
    RestApi original = petStore(s("a"));
    Method &originalList = methodAt(original, s("/pets"), s("GET"));
    originalList.authorizationType = AuthorizationType::Custom;
    originalList.authorizerId = s("aauth");
    originalList.requestValidatorId = s("aval");
    const Changes changes = diffApis(original, reimported);
    QVERIFY2(changes.empty(), qPrintable(formatApiChanges(changes)));
}

void TestApiDiff::everyFieldCountsAgainstAnEmptyApi()
{
    const RestApi everything = everyFieldProject().api;
    const Changes changes = diffApis(RestApi {}, everything);
    const QString text = formatApiChanges(changes);
    // Each part of the API shows up, each once, as added or changed.
    for (const Resource &r : everything.resources)
        QVERIFY2(text.contains(s("+ %1: ").arg(everything.pathOf(r.id))), qPrintable(text));
    for (const Model &m : everything.models)
        QVERIFY2(text.contains(s("+ model %1: ").arg(m.name)), qPrintable(text));
    for (const Authorizer &a : everything.authorizers)
        QVERIFY2(text.contains(s("+ authorizer %1: ").arg(a.name)), qPrintable(text));
    for (const RequestValidator &v : everything.requestValidators)
        QVERIFY2(text.contains(s("+ validator %1: ").arg(v.name)), qPrintable(text));
    for (const GatewayResponse &g : everything.gatewayResponses)
        QVERIFY2(text.contains(s("+ gateway response %1: ").arg(g.responseType)), qPrintable(text));
    QVERIFY2(text.contains(s("~ API \u203A name: (none) \u2192 %1").arg(everything.name)), qPrintable(text));
    // And back: the same places, removed.
    const Changes back = diffApis(everything, RestApi {});
    QCOMPARE(back.size(), changes.size());
    for (size_t i = 0; i < back.size(); ++i) {
        QCOMPARE(back[i].where, changes[i].where);
        QCOMPARE(back[i].before, changes[i].after);
    }
}

void TestApiDiff::changeIsReportedAtItsPlace_data()
{
    QTest::addColumn<Edit>("edit");
    QTest::addColumn<Changes>("expected");

    // The API's settings.
    QTest::newRow("name") << Edit([](RestApi &a) { a.name = s("PetShop"); })
                          << Changes {changed("API › name", s("PetStore"), s("PetShop"))};
    QTest::newRow("description") << Edit([](RestApi &a) { a.description.clear(); })
                                 << Changes {changed("API › description", s("Pets, for sale"), QString())};
    QTest::newRow("endpoint type") << Edit([](RestApi &a) { a.endpointConfiguration.type = EndpointType::Edge; })
                                   << Changes {changed("API › endpoint type", s("REGIONAL"), s("EDGE"))};
    QTest::newRow("binary media types")
        << Edit([](RestApi &a) { a.binaryMediaTypes = {s("image/png"), s("application/octet-stream")}; })
        << Changes {changed("API › binary media types", QString(), s("image/png, application/octet-stream"))};
    QTest::newRow("api key source") << Edit([](RestApi &a) { a.apiKeySource = ApiKeySource::Authorizer; })
                                    << Changes {changed("API › API key source", s("HEADER"), s("AUTHORIZER"))};
    QTest::newRow("minimum compression size") << Edit([](RestApi &a) { a.minimumCompressionSize = 1024; })
                                              << Changes {changed("API › minimum compression size", QString(), s("1024"))};
    QTest::newRow("policy")
        << Edit([](RestApi &a) { a.policy = s("{\n  \"Version\": \"2012-10-17\"\n}"); })
        << Changes {textChanged("API › resource policy", QString(),
                            s("1: {\n2:   \"Version\": \"2012-10-17\"\n3: }"))};

    // Resources by path, methods by verb.
    QTest::newRow("resource added")
        << Edit([](RestApi &a) { a.resources.push_back(resource(s("toys"), s("apet"), s("toys"))); })
        << Changes {added("/pets/{petId}/toys", s("no methods"))};
    QTest::newRow("resource removed") << Edit([](RestApi &a) { a.resources.pop_back(); })
                                      << Changes {removed("/pets/{petId}", s("methods GET"))};
    QTest::newRow("resource renamed is removed and added")
        << Edit([](RestApi &a) { a.findResource(s("apet"))->pathPart = s("{id}"); })
        << Changes {added("/pets/{id}", s("methods GET")), removed("/pets/{petId}", s("methods GET"))};
    QTest::newRow("method added")
        << Edit([](RestApi &a) { a.findResource(s("apet"))->methods[s("DELETE")] = mockMethod(s("DELETE")); })
        << Changes {added("DELETE /pets/{petId}", s("MOCK"))};
    QTest::newRow("method removed")
        << Edit([](RestApi &a) { a.findResource(s("apets"))->methods.clear(); })
        << Changes {removed("GET /pets", s("HTTP GET http://petstore.example.com/pets"))};

    // Method request.
    QTest::newRow("operation name")
        << Edit([](RestApi &a) { methodAt(a, s("/pets"), s("GET")).operationName = s("ListPets"); })
        << Changes {changed("GET /pets › operation name", QString(), s("ListPets"))};
    QTest::newRow("authorizer") << Edit([](RestApi &a) {
        Method &m = methodAt(a, s("/pets"), s("GET"));
        m.authorizationType = AuthorizationType::Custom;
        m.authorizerId = s("aauth");
    }) << Changes {changed("GET /pets › authorization", s("NONE"), s("CUSTOM")),
                   changed("GET /pets › authorizer", QString(), s("PetOwner"))};
    QTest::newRow("scopes") << Edit([](RestApi &a) {
        methodAt(a, s("/pets"), s("GET")).authorizationScopes = {s("pets/read"), s("pets/write")};
    }) << Changes {changed("GET /pets › OAuth scopes", QString(), s("pets/read pets/write"))};
    QTest::newRow("api key required")
        << Edit([](RestApi &a) { methodAt(a, s("/"), s("GET")).apiKeyRequired = true; })
        << Changes {changed("GET / › API key required", s("false"), s("true"))};
    QTest::newRow("request validator")
        << Edit([](RestApi &a) { methodAt(a, s("/pets"), s("GET")).requestValidatorId = s("aval"); })
        << Changes {changed("GET /pets › request validator", QString(), s("body-only"))};
    QTest::newRow("request parameter required")
        << Edit([](RestApi &a) {
               methodAt(a, s("/pets"), s("GET")).requestParameters[s("method.request.querystring.limit")] = true;
           })
        << Changes {changed("GET /pets › request parameter method.request.querystring.limit", s("optional"),
                            s("required"))};
    QTest::newRow("request parameter added")
        << Edit([](RestApi &a) {
               methodAt(a, s("/pets"), s("GET")).requestParameters[s("method.request.header.x-trace")] = false;
           })
        << Changes {added("GET /pets › request parameter method.request.header.x-trace", s("optional"))};
    QTest::newRow("request model")
        << Edit([](RestApi &a) { methodAt(a, s("/pets"), s("GET")).requestModels[s("application/json")] = s("Pet"); })
        << Changes {added("GET /pets › request model application/json", s("Pet"))};

    // Integration request.
    QTest::newRow("integration uri")
        << Edit([](RestApi &a) { listIntegration(a).uri = s("http://${stageVariables.backend}/pets"); })
        << Changes {changed("GET /pets › integration › uri", s("http://petstore.example.com/pets"),
                            s("http://${stageVariables.backend}/pets"))};
    QTest::newRow("integration type") << Edit([](RestApi &a) { listIntegration(a).type = IntegrationType::HttpProxy; })
                                      << Changes {changed("GET /pets › integration › type", s("HTTP"), s("HTTP_PROXY"))};
    QTest::newRow("integration removed")
        << Edit([](RestApi &a) { methodAt(a, s("/pets/{petId}"), s("GET")).integration.reset(); })
        << Changes {removed("GET /pets/{petId} › integration", s("MOCK"))};
    QTest::newRow("integration timeout and passthrough") << Edit([](RestApi &a) {
        listIntegration(a).timeoutInMillis = 5000;
        listIntegration(a).passthroughBehavior = PassthroughBehavior::Never;
    }) << Changes {changed("GET /pets › integration › passthrough behavior", s("WHEN_NO_MATCH"), s("NEVER")),
                   changed("GET /pets › integration › timeout (ms)", s("29000"), s("5000"))};
    QTest::newRow("integration content handling and tls") << Edit([](RestApi &a) {
        listIntegration(a).contentHandling = ContentHandling::ConvertToText;
        listIntegration(a).tlsConfig = TlsConfig {true};
    }) << Changes {changed("GET /pets › integration › content handling", QString(), s("CONVERT_TO_TEXT")),
                   changed("GET /pets › integration › insecure TLS (skip verification)", s("false"), s("true"))};
    QTest::newRow("integration request parameter")
        << Edit([](RestApi &a) {
               listIntegration(a).requestParameters[s("integration.request.querystring.limit")]
                   = s("method.request.querystring.limit");
           })
        << Changes {added("GET /pets › integration › request parameter integration.request.querystring.limit",
                          s("method.request.querystring.limit"))};
    QTest::newRow("request template line")
        << Edit([](RestApi &a) {
               listIntegration(a).requestTemplates[s("application/json")]
                   = QString(kRequestTemplate).replace(s("dog"), s("cat"));
           })
        << Changes {textChanged("GET /pets › integration › template application/json", s("3:   \"type\": \"dog\""),
                            s("3:   \"type\": \"cat\""))};
    QTest::newRow("request template added")
        << Edit([](RestApi &a) { listIntegration(a).requestTemplates[s("application/xml")] = s("<limit/>"); })
        << Changes {added("GET /pets › integration › template application/xml", s("<limit/>"))};
    QTest::newRow("request template removed")
        << Edit([](RestApi &a) { listIntegration(a).requestTemplates.clear(); })
        << Changes {textRemoved("GET /pets › integration › template application/json",
                            s("1: {\n2:   \"limit\": \"$input.params('limit')\",\n3:   \"type\": \"dog\"\n\u2026 1 more line"))};

    // Integration responses.
    QTest::newRow("integration response added") << Edit([](RestApi &a) {
        IntegrationResponse notFound;
        notFound.statusCode = s("404");
        notFound.selectionPattern = s("4\\d{2}");
        listIntegration(a).integrationResponses[s("404")] = notFound;
    }) << Changes {added("GET /pets › integration response 404", s("selection pattern 4\\d{2}"))};
    QTest::newRow("integration response pattern")
        << Edit([](RestApi &a) { listIntegration(a).integrationResponses[s("200")].selectionPattern = s("2\\d{2}"); })
        << Changes {changed("GET /pets › integration response 200 › selection pattern", QString(), s("2\\d{2}"))};
    QTest::newRow("integration response template")
        << Edit([](RestApi &a) {
               listIntegration(a).integrationResponses[s("200")].responseTemplates[s("application/json")]
                   = s("$input.json('$.pets')");
           })
        << Changes {changed("GET /pets › integration response 200 › template application/json",
                            s("$input.json('$')"), s("$input.json('$.pets')"))};
    QTest::newRow("integration response header mapping removed")
        << Edit([](RestApi &a) { listIntegration(a).integrationResponses[s("200")].responseParameters.clear(); })
        << Changes {removed("GET /pets › integration response 200 › header mapping "
                            "method.response.header.Access-Control-Allow-Origin",
                            s("'*'"))};

    // Method responses.
    QTest::newRow("method response header added")
        << Edit([](RestApi &a) {
               methodAt(a, s("/pets"), s("GET")).methodResponses[s("200")].responseParameters[s("method.response.header.ETag")]
                   = true;
           })
        << Changes {added("GET /pets › method response 200 › header method.response.header.ETag", s("required"))};
    QTest::newRow("method response model")
        << Edit([](RestApi &a) {
               methodAt(a, s("/pets"), s("GET")).methodResponses[s("200")].responseModels[s("application/json")] = s("Empty");
           })
        << Changes {changed("GET /pets › method response 200 › model application/json", s("Pet"), s("Empty"))};
    QTest::newRow("method response removed")
        << Edit([](RestApi &a) { methodAt(a, s("/pets"), s("GET")).methodResponses.clear(); })
        << Changes {removed("GET /pets › method response 200",
                            s("headers method.response.header.Access-Control-Allow-Origin; models application/json = Pet"))};

    // The named parts.
    QTest::newRow("model schema")
        << Edit([](RestApi &a) { a.models[0].schema.replace(s("integer"), s("string")); })
        << Changes {textChanged("model Pet › schema", s("4:     \"id\": {\"type\": \"integer\"},"),
                            s("4:     \"id\": {\"type\": \"string\"},"))};
    QTest::newRow("model added") << Edit([](RestApi &a) {
        a.models.push_back(Model {s("m3"), s("Error"), QString(), s("application/json"), s("{\"type\": \"object\"}")});
    }) << Changes {added("model Error", s("application/json {\"type\": \"object\"}"))};
    QTest::newRow("model removed") << Edit([](RestApi &a) { a.models.pop_back(); })
                                   << Changes {removed("model Empty", s("application/json {}"))};
    QTest::newRow("model with a long schema removed") << Edit([](RestApi &a) { a.models.erase(a.models.begin()); })
                                                      << Changes {removed("model Pet", s("application/json, schema of 7 lines"))};
    QTest::newRow("authorizer ttl") << Edit([](RestApi &a) { a.authorizers[0].authorizerResultTtlInSeconds = 0; })
                                    << Changes {changed("authorizer PetOwner › result TTL (s)", s("300"), s("0"))};
    QTest::newRow("authorizer added") << Edit([](RestApi &a) {
        Authorizer admin;
        admin.id = s("adm");
        admin.name = s("Admin");
        admin.type = AuthorizerType::Request;
        admin.authorizerUri = s("arn:aws:lambda:admin");
        a.authorizers.push_back(admin);
    }) << Changes {added("authorizer Admin", s("REQUEST arn:aws:lambda:admin"))};
    QTest::newRow("validator flag") << Edit([](RestApi &a) { a.requestValidators[0].validateRequestParameters = true; })
                                    << Changes {changed("validator body-only › validate parameters", s("false"), s("true"))};
    QTest::newRow("gateway response status")
        << Edit([](RestApi &a) { a.gatewayResponses[0].statusCode = s("400"); })
        << Changes {changed("gateway response DEFAULT_4XX › status code", QString(), s("400"))};
    QTest::newRow("gateway response added") << Edit([](RestApi &a) {
        GatewayResponse throttled;
        throttled.responseType = s("THROTTLED");
        throttled.responseParameters[s("gatewayresponse.header.Retry-After")] = s("'60'");
        a.gatewayResponses.push_back(throttled);
    }) << Changes {added("gateway response THROTTLED", s("default status"))};
}

void TestApiDiff::changeIsReportedAtItsPlace()
{
    QFETCH(Edit, edit);
    QFETCH(Changes, expected);
    RestApi edited = petStore();
    edit(edited);
    const Changes changes = diffApis(petStore(), edited);
    QCOMPARE(formatApiChanges(changes), formatApiChanges(expected));
    QVERIFY(changes == expected);
}

void TestApiDiff::changesComeInAStableOrder()
{
    RestApi edited = petStore();
    edited.gatewayResponses.clear();
    edited.requestValidators[0].validateRequestBody = false;
    edited.models[1].description = s("Nothing");
    methodAt(edited, s("/pets/{petId}"), s("GET")).apiKeyRequired = true;
    methodAt(edited, s("/"), s("GET")).operationName = s("Root");
    edited.name = s("PetShop");
    const QString expected = s("~ API › name: PetStore → PetShop\n"
                               "~ GET / › operation name: (none) → Root\n"
                               "~ GET /pets/{petId} › API key required: false → true\n"
                               "~ model Empty › description: (none) → Nothing\n"
                               "~ validator body-only › validate body: true → false\n"
                               "- gateway response DEFAULT_4XX: default status\n");
    QCOMPARE(formatApiChanges(diffApis(petStore(), edited)), expected);
}

void TestApiDiff::longTextShowsOnlyTheLinesThatDiffer_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::addColumn<QString>("shownBefore");
    QTest::addColumn<QString>("shownAfter");

    const QString thirty = numberedText(30);
    QTest::newRow("one line in the middle") << thirty << QString(thirty).replace(s("line 17\n"), s("LINE 17\n"))
                                            << s("17: line 17") << s("17: LINE 17");
    QTest::newRow("line inserted") << thirty << QString(thirty).replace(s("line 17\n"), s("line 17\nnew\n"))
                                   << s("(no line 18)") << s("18: new");
    QTest::newRow("lines removed at the end") << thirty << numberedText(28) << s("29: line 29\n30: line 30")
                                              << s("(no line 29)");
    QTest::newRow("many lines") << thirty << numberedText(30).replace(s("line"), s("row"))
                                << s("1: line 1\n2: line 2\n3: line 3\n\u2026 27 more lines")
                                << s("1: row 1\n2: row 2\n3: row 3\n\u2026 27 more lines");
    const QString longLine = QString(150, QLatin1Char('x'));
    QTest::newRow("long line is cut") << longLine << longLine + s("y")
                                      << s("1: \u2026") + QString(100, QLatin1Char('x'))
                                      << s("1: \u2026") + QString(99, QLatin1Char('x')) + s("y");
    const QString middle = QString(80, QLatin1Char('a')) + QString(200, QLatin1Char('b'));
    QTest::newRow("long line is cut around the difference")
        << middle << QString(middle).replace(100, 1, QLatin1Char('C'))
        << s("1: \u2026") + QString(10, QLatin1Char('a')) + QString(90, QLatin1Char('b')) + s("\u2026")
        << s("1: \u2026") + QString(10, QLatin1Char('a')) + QString(20, QLatin1Char('b')) + s("C")
               + QString(69, QLatin1Char('b')) + s("\u2026");
    QTest::newRow("short single line is whole") << s("a") << s("b") << s("a") << s("b");
}

void TestApiDiff::longTextShowsOnlyTheLinesThatDiffer()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    QFETCH(QString, shownBefore);
    QFETCH(QString, shownAfter);
    RestApi from = petStore();
    RestApi to = petStore();
    from.models[0].schema = before;
    to.models[0].schema = after;
    const Changes changes = diffApis(from, to);
    QCOMPARE(changes.size(), size_t(1));
    QCOMPARE(changes[0].where, s("model Pet › schema"));
    QCOMPARE(changes[0].before, shownBefore);
    QCOMPARE(changes[0].after, shownAfter);
}

void TestApiDiff::formatsEachKind_data()
{
    QTest::addColumn<ApiChange>("change");
    QTest::addColumn<QString>("text");

    QTest::newRow("added") << added("/pets", s("methods GET")) << s("+ /pets: methods GET");
    QTest::newRow("removed") << removed("model Pet", s("{}")) << s("- model Pet: {}");
    QTest::newRow("changed") << changed("API › name", s("A"), s("B")) << s("~ API › name: A → B");
    QTest::newRow("changed from nothing") << changed("API › version", QString(), s("2"))
                                          << s("~ API › version: (none) → 2");
    QTest::newRow("changed lines") << changed("model Pet › schema", s("3: a\n4: b"), s("3: c"))
                                   << s("~ model Pet › schema\n    was: 3: a\n         4: b\n    now: 3: c");
    QTest::newRow("added lines") << added("model Pet", s("1: {\n2: }")) << s("+ model Pet\n    new: 1: {\n         2: }");
    QTest::newRow("one changed line of a text")
        << textChanged("model Pet › schema", s("23:   \"minimum\": 0"), s("23:   \"minimum\": 1"))
        << s("~ model Pet › schema\n    was: 23:   \"minimum\": 0\n    now: 23:   \"minimum\": 1");
}

void TestApiDiff::formatsEachKind()
{
    QFETCH(ApiChange, change);
    QFETCH(QString, text);
    QCOMPARE(formatApiChange(change), text);
}

QTEST_GUILESS_MAIN(TestApiDiff)
#include "tst_apidiff.moc"
