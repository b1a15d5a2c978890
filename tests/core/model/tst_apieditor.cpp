// The editing operations keep the resource tree as API Gateway allows it, and undo data restores
// exactly what was there.
#include "model/apieditor.h"
#include "model/projectfile.h"

#include <QTest>

using namespace portico;
using namespace portico::model;

namespace {
const QString kRoot = QStringLiteral("r0otpets01");
const QString kPets = QStringLiteral("p3ts000001");
const QString kPetId = QStringLiteral("p3tid00001");
const QString kProxy = QStringLiteral("pr0xy00001");
} // namespace

class TestApiEditor : public QObject
{
    Q_OBJECT

    RestApi m_sample;

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = ProjectFile::load(QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json"));
        QVERIFY(loaded.ok());
        m_sample = loaded->api;
    }

    void mappingTemplatesAreSetAndRemoved()
    {
        RestApi api = m_sample;
        const QString json = QStringLiteral("application/json");
        const QString xml = QStringLiteral("application/xml");
        const QString get = QStringLiteral("GET");
        QCOMPARE(ApiEditor::mappingTemplate(api, kPets, get, QString(), xml), std::nullopt);
        QVERIFY(ApiEditor(api).setMappingTemplate(kPets, get, QString(), xml, QStringLiteral("<a/>")).ok());
        QCOMPARE(ApiEditor::mappingTemplate(api, kPets, get, QString(), xml), QStringLiteral("<a/>"));
        QVERIFY(ApiEditor(api).setMappingTemplate(kPets, get, QStringLiteral("200"), json, QStringLiteral("$input.body")).ok());
        QCOMPARE(api.findResource(kPets)->methods.at(get).integration->integrationResponses.at(QStringLiteral("200"))
                     .responseTemplates.at(json),
                 QStringLiteral("$input.body"));
        QVERIFY(ApiEditor(api).setMappingTemplate(kPets, get, QString(), xml, std::nullopt).ok());
        QCOMPARE(ApiEditor::mappingTemplate(api, kPets, get, QString(), xml), std::nullopt);

        QCOMPARE(ApiEditor(api).setMappingTemplate(kPets, QStringLiteral("PATCH"), QString(), json, QString()).error().toString(),
                 QStringLiteral("error: /pets PATCH: the method does not exist"));
        QCOMPARE(ApiEditor(api).setMappingTemplate(kPets, get, QStringLiteral("418"), json, QString()).error().toString(),
                 QStringLiteral("error: /pets GET integration response 418: does not exist"));
        QCOMPARE(ApiEditor(api).setMappingTemplate(kPets, get, QString(), QString(), QString()).error().toString(),
                 QStringLiteral("error: /pets GET integration: a mapping template needs a content type"));
    }

    void addResourceGivesAFreshIdAndPath()
    {
        RestApi api = m_sample;
        const auto id = ApiEditor(api).addResource(kPetId, QStringLiteral("photos"));
        QVERIFY(id.ok());
        QCOMPARE(id->size(), 10);
        QCOMPARE(api.pathOf(id.value()), QStringLiteral("/pets/{petId}/photos"));
        QCOMPARE(api.findResourceByPath(QStringLiteral("/pets/{petId}/photos"))->id, id.value());
    }

    void duplicateResourceCopiesTheSubtree()
    {
        RestApi api = m_sample;
        ApiEditor editor(api);
        const auto copy = editor.duplicateResource(kPets, QStringLiteral("animals"));
        QVERIFY(copy.ok());
        const Resource *animals = api.findResourceByPath(QStringLiteral("/animals"));
        QVERIFY(animals);
        QCOMPARE(animals->id, copy.value());
        QVERIFY(animals->id != kPets);
        QCOMPARE(animals->methods, api.findResource(kPets)->methods);
        const Resource *child = api.findResourceByPath(QStringLiteral("/animals/{petId}"));
        QVERIFY(child && child->id != kPetId);
        QCOMPARE(child->methods, api.findResource(kPetId)->methods);
        QCOMPARE(api.resources.size(), m_sample.resources.size() + 2);

        // Refused, and nothing left half-done: the root, a name a sibling has, a second variable.
        const RestApi before = api;
        QVERIFY(!editor.duplicateResource(kRoot, QStringLiteral("x")).ok());
        QVERIFY(!editor.duplicateResource(kPets, QStringLiteral("animals")).ok());
        QVERIFY(!editor.duplicateResource(kPetId, QStringLiteral("{other}")).ok());
        QCOMPARE(api, before);
    }

    void duplicateMethodUnderAnotherVerb()
    {
        RestApi api = m_sample;
        ApiEditor editor(api);
        QVERIFY(editor.duplicateMethod(kPetId, QStringLiteral("GET"), QStringLiteral("PUT")).ok());
        const Method &put = api.findResource(kPetId)->methods.at(QStringLiteral("PUT"));
        Method expected = api.findResource(kPetId)->methods.at(QStringLiteral("GET"));
        expected.httpMethod = QStringLiteral("PUT");
        expected.operationName.clear();
        QCOMPARE(put, expected);
        QVERIFY(!editor.duplicateMethod(kPetId, QStringLiteral("GET"), QStringLiteral("PATCH")).ok()); // exists
        QVERIFY(!editor.duplicateMethod(kPetId, QStringLiteral("DELETE"), QStringLiteral("HEAD")).ok()); // no DELETE
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("parent");
        QTest::addColumn<QString>("pathPart");
        QTest::addColumn<QString>("expected");
        QTest::newRow("duplicate sibling") << kRoot << QStringLiteral("pets")
                                           << QStringLiteral("error: /: /pets already exists");
        QTest::newRow("second variable") << kPets << QStringLiteral("{name}")
                                         << QStringLiteral("error: /pets: a sibling ({petId}) of this resource "
                                                           "already has a variable path part; only one is allowed");
        QTest::newRow("under greedy") << kProxy << QStringLiteral("x")
                                      << QStringLiteral("error: /{proxy+}: a greedy path parameter ({proxy+}) "
                                                        "cannot have child resources");
        QTest::newRow("bad characters") << kPets << QStringLiteral("a b")
                                        << QStringLiteral("error: /pets: Resource's path part only allow a-zA-Z0-9._- "
                                                          "and curly braces at the beginning and the end and an "
                                                          "optional plus sign before the closing brace.");
        QTest::newRow("slash") << kPets << QStringLiteral("a/b")
                               << QStringLiteral("error: /pets: Resource's path part only allow a-zA-Z0-9._- "
                                                 "and curly braces at the beginning and the end and an "
                                                 "optional plus sign before the closing brace.");
        QTest::newRow("missing parent") << QStringLiteral("nope") << QStringLiteral("x")
                                        << QStringLiteral("error: parent resource nope does not exist");
    }
    void refusals()
    {
        QFETCH(QString, parent);
        QFETCH(QString, pathPart);
        QFETCH(QString, expected);
        RestApi api = m_sample;
        const auto result = ApiEditor(api).addResource(parent, pathPart);
        QVERIFY(!result.ok());
        QCOMPARE(result.error().toString(), expected);
        QVERIFY(api == m_sample);
    }

    void renameChangesTheSubtreePaths()
    {
        RestApi api = m_sample;
        QVERIFY(ApiEditor(api).renameResource(kPets, QStringLiteral("animals")).ok());
        QCOMPARE(api.pathOf(kPetId), QStringLiteral("/animals/{petId}"));
        QVERIFY(!ApiEditor(api).renameResource(kRoot, QStringLiteral("x")).ok());
        // A resource with children cannot become greedy.
        const auto greedy = ApiEditor(api).renameResource(kPets, QStringLiteral("{all+}"));
        QVERIFY(!greedy.ok());
        QCOMPARE(greedy.error().message, QStringLiteral("a greedy path parameter cannot have child resources"));
        // Renaming to its own name is allowed (not a duplicate of itself).
        QVERIFY(ApiEditor(api).renameResource(kPets, QStringLiteral("animals")).ok());
    }

    void moveKeepsMethodsAndRefusesCycles()
    {
        RestApi api = m_sample;
        const auto other = ApiEditor(api).addResource(kRoot, QStringLiteral("shop"));
        QVERIFY(other.ok());
        QVERIFY(ApiEditor(api).moveResource(kPets, other.value()).ok());
        QCOMPARE(api.pathOf(kPetId), QStringLiteral("/shop/pets/{petId}"));
        QVERIFY(api.findResource(kPetId)->methods.contains(QStringLiteral("GET")));
        const auto cycle = ApiEditor(api).moveResource(other.value(), kPetId);
        QVERIFY(!cycle.ok());
        QCOMPARE(cycle.error().message, QStringLiteral("a resource cannot move under itself"));
        const auto underGreedy = ApiEditor(api).moveResource(other.value(), kProxy);
        QVERIFY(!underGreedy.ok());
    }

    void deleteRemovesTheSubtreeAndRestoreUndoesIt()
    {
        RestApi api = m_sample;
        const auto removed = ApiEditor(api).deleteResource(kPets);
        QVERIFY(removed.ok());
        QCOMPARE(removed->size(), size_t(2));
        QVERIFY(!api.findResource(kPets));
        QVERIFY(!api.findResource(kPetId));
        QVERIFY(!ApiEditor(api).deleteResource(kRoot).ok());
        QVERIFY(ApiEditor(api).restoreResources(removed.value()).ok());
        QCOMPARE(api.pathOf(kPetId), QStringLiteral("/pets/{petId}"));
        QCOMPARE(*api.findResource(kPetId), *m_sample.findResource(kPetId));
        QCOMPARE(api.resources.size(), m_sample.resources.size());
    }

    void methods()
    {
        RestApi api = m_sample;
        ApiEditor editor(api);
        QVERIFY(editor.addMethod(kPetId, QStringLiteral("DELETE")).ok());
        const Method &created = api.findResource(kPetId)->methods.at(QStringLiteral("DELETE"));
        QCOMPARE(created.integration->type, IntegrationType::Mock);
        QVERIFY(created.methodResponses.contains(QStringLiteral("200")));

        const auto twice = editor.addMethod(kPetId, QStringLiteral("DELETE"));
        QVERIFY(!twice.ok());
        QCOMPARE(twice.error().toString(), QStringLiteral("error: /pets/{petId} DELETE: the method already exists"));
        const auto badVerb = editor.addMethod(kPetId, QStringLiteral("FETCH"));
        QVERIFY(!badVerb.ok());

        const auto removed = editor.deleteMethod(kPetId, QStringLiteral("DELETE"));
        QVERIFY(removed.ok());
        QCOMPARE(removed->httpMethod, QStringLiteral("DELETE"));
        QVERIFY(api == m_sample);
        QVERIFY(!editor.deleteMethod(kPetId, QStringLiteral("DELETE")).ok());
    }
};

QTEST_GUILESS_MAIN(TestApiEditor)
#include "tst_apieditor.moc"
