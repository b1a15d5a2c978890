// ApiDocument, its undo commands and ResourceTreeModel, without a window.
#include "editing/apidocument.h"
#include "editing/resourcetreemodel.h"
#include "model/apieditor.h"
#include "model/projectfile.h"

#include <QAbstractItemModelTester>
#include <QFile>
#include <QFont>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using portico::editing::ApiDocument;
using portico::editing::ResourceTreeModel;
using portico::model::Project;
using portico::model::ProjectFile;
using namespace Qt::StringLiterals;

namespace {

const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

enum class Edit { AddResource, RenameResource, DeleteResource, AddMethod, DeleteMethod };

// QVERIFY2 builds its message even when the check passes, so this must not touch a missing error.
QByteArray why(const portico::base::Status &status)
{
    return status.ok() ? QByteArray() : status.error().toString().toUtf8();
}

// The writer puts resources in path order; the document keeps them in the order they were made.
Project inPathOrder(Project project)
{
    // Paths first: pathOf() reads the very list that is being sorted.
    QHash<QString, QString> paths;
    for (const portico::model::Resource &resource : project.api.resources)
        paths.insert(resource.id, project.api.pathOf(resource.id));
    std::stable_sort(
        project.api.resources.begin(), project.api.resources.end(),
        [&paths](const portico::model::Resource &a, const portico::model::Resource &b) {
            return paths.value(a.id) < paths.value(b.id);
        });
    return project;
}

QString idOf(const ApiDocument &document, const QString &path)
{
    const portico::model::Resource *resource = document.api().findResourceByPath(path);
    return resource ? resource->id : QString();
}

// Runs one edit named by the resource's path, as a person would point at it.
portico::base::Status edit(ApiDocument &document, Edit kind, const QString &path,
                           const QString &argument)
{
    const QString id = idOf(document, path);
    switch (kind) {
    case Edit::AddResource: {
        const portico::base::Result<QString> added = document.addResource(id, argument);
        if (!added.ok())
            return added.errors();
        return portico::base::success();
    }
    case Edit::RenameResource:
        return document.renameResource(id, argument);
    case Edit::DeleteResource:
        return document.deleteResource(id);
    case Edit::AddMethod:
        return document.addMethod(id, argument);
    case Edit::DeleteMethod:
        return document.deleteMethod(id, argument);
    }
    return portico::base::success();
}

// "/pets" for a resource, "GET /pets" for a method.
bool exists(const ApiDocument &document, const QString &what)
{
    const qsizetype space = what.indexOf(QLatin1Char(' '));
    if (space < 0)
        return document.api().findResourceByPath(what) != nullptr;
    const portico::model::Resource *resource
        = document.api().findResourceByPath(what.mid(space + 1));
    return resource && resource->methods.contains(what.left(space));
}

QStringList childLabels(const QAbstractItemModel &model, const QModelIndex &parent)
{
    QStringList labels;
    for (int row = 0; row < model.rowCount(parent); ++row)
        labels.append(model.index(row, 0, parent).data().toString());
    return labels;
}

} // namespace

class TestApiDocument : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void newDocumentIsAnEmptyCleanProject();
    void loadsTheSample();
    void editsUndoAndRedoExactly_data();
    void editsUndoAndRedoExactly();
    void refusedEditChangesNothing_data();
    void refusedEditChangesNothing();
    void undoBackToTheSavedStateIsClean();
    void templateEditsMergeIntoOneUndoStepPerTemplate();
    void saveAsWritesTheFileAndMakesClean();
    void failedSaveKeepsTheChanges();
    void saveWithoutFileNameIsRefused();
    void failedLoadLeavesTheDocumentUntouched_data();
    void failedLoadLeavesTheDocumentUntouched();
    void treeModelShowsTheSample_data();
    void treeModelShowsTheSample();
    void treeModelRolesDescribeRows();
    void treeModelFollowsEditsAndUndo();
    void savedRequestsFollowRenamesAndMoves();

private:
    QTemporaryDir m_dir;
};

// A saved request belongs to its method by path: renaming or moving a resource takes its requests
// (and those of the resources under it) along, and undo brings them back.
void TestApiDocument::savedRequestsFollowRenamesAndMoves()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    const auto paths = [&document] {
        QStringList list;
        for (const portico::model::SavedRequest &request : document.project().savedRequests)
            list << request.resourcePath;
        return list;
    };
    const QStringList before = paths();
    QVERIFY(before.contains(u"/pets/{petId}"_s) && before.contains(u"/pets"_s) && before.contains(u"/"_s));

    QVERIFY(document.renameResource(idOf(document, u"/pets"_s), u"animals"_s).ok());
    QStringList expected = before;
    expected.replaceInStrings(u"/pets"_s, u"/animals"_s);
    QCOMPARE(paths(), expected);
    QVERIFY(document.addResource(document.api().root()->id, u"v2"_s).ok());
    QVERIFY(document.moveResource(idOf(document, u"/animals"_s), idOf(document, u"/v2"_s)).ok());
    expected.replaceInStrings(u"/animals"_s, u"/v2/animals"_s);
    QCOMPARE(paths(), expected);
    QVERIFY(paths().contains(u"/"_s)); // the root's request stays

    document.undoStack()->undo(); // the move
    document.undoStack()->undo(); // the new resource
    document.undoStack()->undo(); // the rename
    QCOMPARE(paths(), before);
    document.undoStack()->redo();
    QVERIFY(paths().contains(u"/animals/{petId}"_s));
}

void TestApiDocument::newDocumentIsAnEmptyCleanProject()
{
    ApiDocument document;
    QVERIFY(!document.isDirty());
    QVERIFY(document.filePath().isEmpty());
    QCOMPARE(document.displayName(), QStringLiteral("Untitled"));
    QCOMPARE(document.api().resources.size(), size_t(1));
    QVERIFY(document.api().root());
}

void TestApiDocument::loadsTheSample()
{
    ApiDocument document;
    QSignalSpy changed(&document, &ApiDocument::changed);
    QSignalSpy pathChanged(&document, &ApiDocument::filePathChanged);

    const portico::base::Status status = document.load(kSample);
    QVERIFY2(status.ok(), why(status).constData());
    QCOMPARE(document.filePath(), QFileInfo(kSample).absoluteFilePath());
    QCOMPARE(document.displayName(), QStringLiteral("petstore.portico.json"));
    QVERIFY(!document.isDirty());
    QVERIFY(document.project() == ProjectFile::load(kSample).value());
    QCOMPARE(document.api().name, QStringLiteral("PetStore"));
    QCOMPARE(changed.count(), 1);
    QCOMPARE(pathChanged.count(), 1);
}

void TestApiDocument::editsUndoAndRedoExactly_data()
{
    QTest::addColumn<Edit>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("presentAfter");
    QTest::addColumn<QString>("absentAfter");

    QTest::newRow("add resource") << Edit::AddResource << u"/pets"_s << u"owners"_s
                                  << u"/pets/owners"_s << QString();
    QTest::newRow("add resource under a parameter")
        << Edit::AddResource << u"/pets/{petId}"_s << u"photos"_s << u"/pets/{petId}/photos"_s
        << QString();
    QTest::newRow("add parameter resource")
        << Edit::AddResource << u"/pets/{petId}"_s << u"{photoId}"_s << u"/pets/{petId}/{photoId}"_s
        << QString();
    QTest::newRow("rename resource with children")
        << Edit::RenameResource << u"/pets"_s << u"animals"_s << u"/animals/{petId}"_s
        << u"/pets"_s;
    QTest::newRow("rename parameter") << Edit::RenameResource << u"/pets/{petId}"_s << u"{id}"_s
                                      << u"GET /pets/{id}"_s << u"/pets/{petId}"_s;
    QTest::newRow("delete resource with its subtree")
        << Edit::DeleteResource << u"/pets"_s << QString() << u"/{proxy+}"_s << u"/pets/{petId}"_s;
    QTest::newRow("delete leaf resource") << Edit::DeleteResource << u"/pets/{petId}"_s << QString()
                                          << u"/pets"_s << u"/pets/{petId}"_s;
    QTest::newRow("delete greedy resource")
        << Edit::DeleteResource << u"/{proxy+}"_s << QString() << u"/pets"_s << u"/{proxy+}"_s;
    QTest::newRow("add method") << Edit::AddMethod << u"/pets/{petId}"_s << u"PUT"_s
                                << u"PUT /pets/{petId}"_s << QString();
    QTest::newRow("delete method")
        << Edit::DeleteMethod << u"/pets"_s << u"GET"_s << u"POST /pets"_s << u"GET /pets"_s;
    QTest::newRow("delete root method")
        << Edit::DeleteMethod << u"/"_s << u"GET"_s << u"/"_s << u"GET /"_s;
}

void TestApiDocument::editsUndoAndRedoExactly()
{
    QFETCH(Edit, kind);
    QFETCH(QString, path);
    QFETCH(QString, argument);
    QFETCH(QString, presentAfter);
    QFETCH(QString, absentAfter);

    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    const Project before = document.project();
    QSignalSpy changed(&document, &ApiDocument::changed);
    QSignalSpy clean(&document, &ApiDocument::cleanChanged);

    const portico::base::Status status = edit(document, kind, path, argument);
    QVERIFY2(status.ok(), why(status).constData());
    const Project after = document.project();
    QVERIFY(after != before);
    QVERIFY(exists(document, presentAfter));
    QVERIFY(absentAfter.isEmpty() || !exists(document, absentAfter));
    QVERIFY(document.isDirty());
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(clean.count(), 1);
    QCOMPARE(clean.last().at(0).toBool(), false);

    document.undoStack()->undo();
    QVERIFY(document.project() == before);
    QVERIFY(!document.isDirty());
    QCOMPARE(changed.count(), 2);

    document.undoStack()->redo();
    QVERIFY(document.project() == after);
    QVERIFY(document.isDirty());

    document.undoStack()->undo();
    QVERIFY(document.project() == before);
}

void TestApiDocument::refusedEditChangesNothing_data()
{
    QTest::addColumn<Edit>("kind");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("message");

    QTest::newRow("duplicate sibling")
        << Edit::AddResource << u"/"_s << u"pets"_s << u"error: /: /pets already exists"_s;
    QTest::newRow("second variable sibling")
        << Edit::AddResource << u"/"_s << u"{other}"_s
        << u"error: /: a sibling ({proxy+}) of this resource already has a variable path part; "
           "only one is allowed"_s;
    QTest::newRow("child of a greedy parameter")
        << Edit::AddResource << u"/{proxy+}"_s << u"x"_s
        << u"error: /{proxy+}: a greedy path parameter ({proxy+}) cannot have child resources"_s;
    QTest::newRow("bad path part")
        << Edit::AddResource << u"/pets"_s << u"a b"_s
        << u"error: /pets: Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
           "beginning and the end and an optional plus sign before the closing brace."_s;
    QTest::newRow("rename root") << Edit::RenameResource << u"/"_s << u"x"_s
                                 << u"error: /: the root resource cannot be renamed"_s;
    QTest::newRow("rename onto a sibling") << Edit::RenameResource << u"/{proxy+}"_s << u"pets"_s
                                           << u"error: /{proxy+}: /pets already exists"_s;
    QTest::newRow("delete root") << Edit::DeleteResource << u"/"_s << QString()
                                 << u"error: /: the root resource cannot be deleted"_s;
    QTest::newRow("existing method") << Edit::AddMethod << u"/pets"_s << u"GET"_s
                                     << u"error: /pets GET: the method already exists"_s;
    QTest::newRow("unknown verb")
        << Edit::AddMethod << u"/pets"_s << u"TRACE"_s
        << u"error: /pets: \"TRACE\" is not one of GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS, "
           "ANY"_s;
    QTest::newRow("missing method") << Edit::DeleteMethod << u"/pets"_s << u"PUT"_s
                                    << u"error: /pets PUT: the method does not exist"_s;
}

void TestApiDocument::refusedEditChangesNothing()
{
    QFETCH(Edit, kind);
    QFETCH(QString, path);
    QFETCH(QString, argument);
    QFETCH(QString, message);

    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    const Project before = document.project();
    QSignalSpy changed(&document, &ApiDocument::changed);

    const portico::base::Status status = edit(document, kind, path, argument);
    QVERIFY(!status.ok());
    QCOMPARE(status.errors().size(), size_t(1));
    QCOMPARE(status.error().toString(), message);
    QVERIFY(document.project() == before);
    QCOMPARE(document.undoStack()->count(), 0);
    QVERIFY(!document.isDirty());
    QCOMPARE(changed.count(), 0);
}

void TestApiDocument::undoBackToTheSavedStateIsClean()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    QVERIFY(document.addMethod(idOf(document, u"/pets"_s), u"PUT"_s).ok());
    QVERIFY(document.saveAs(m_dir.filePath(u"undo.portico.json"_s)).ok());
    QVERIFY(!document.isDirty());

    QVERIFY(document.addMethod(idOf(document, u"/pets"_s), u"PATCH"_s).ok());
    QVERIFY(document.isDirty());
    document.undoStack()->undo();
    QVERIFY(!document.isDirty());
    // Undoing past the saved state is a change too.
    document.undoStack()->undo();
    QVERIFY(document.isDirty());
}

void TestApiDocument::saveAsWritesTheFileAndMakesClean()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    QVERIFY(document.addResource(idOf(document, u"/"_s), u"owners"_s).ok());
    QVERIFY(document.isDirty());
    QSignalSpy clean(&document, &ApiDocument::cleanChanged);
    QSignalSpy pathChanged(&document, &ApiDocument::filePathChanged);

    const QString path = m_dir.filePath(u"saved.portico.json"_s);
    const portico::base::Status status = document.saveAs(path);
    QVERIFY2(status.ok(), why(status).constData());
    QVERIFY(!document.isDirty());
    QCOMPARE(clean.count(), 1);
    QCOMPARE(clean.last().at(0).toBool(), true);
    QCOMPARE(pathChanged.count(), 1);
    QCOMPARE(document.filePath(), path);
    QCOMPARE(document.displayName(), u"saved.portico.json"_s);

    const portico::base::Result<Project> reloaded = ProjectFile::load(path);
    QVERIFY(reloaded.ok());
    QVERIFY(reloaded.value() == inPathOrder(document.project()));

    // save() writes to the same file again.
    QVERIFY(document.deleteResource(idOf(document, u"/owners"_s)).ok());
    QVERIFY(document.isDirty());
    QVERIFY(document.save().ok());
    QVERIFY(!document.isDirty());
    QCOMPARE(pathChanged.count(), 1);
    QVERIFY(ProjectFile::load(path).value() == inPathOrder(document.project()));
}

void TestApiDocument::failedSaveKeepsTheChanges()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    QVERIFY(document.addMethod(idOf(document, u"/pets"_s), u"PUT"_s).ok());
    const Project edited = document.project();
    QSignalSpy pathChanged(&document, &ApiDocument::filePathChanged);

    const QString path = m_dir.filePath(u"no-such-directory/x.portico.json"_s);
    const portico::base::Status status = document.saveAs(path);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().location, path);
    QVERIFY(status.error().message.startsWith(u"cannot save: "_s));
    QVERIFY(document.isDirty());
    QVERIFY(document.project() == edited);
    QCOMPARE(document.filePath(), QFileInfo(kSample).absoluteFilePath());
    QCOMPARE(pathChanged.count(), 0);
    QVERIFY(!QFile::exists(path));
}

void TestApiDocument::saveWithoutFileNameIsRefused()
{
    ApiDocument document;
    QVERIFY(document.addResource(document.api().root()->id, u"a"_s).ok());
    const portico::base::Status status = document.save();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().toString(), u"error: the project has no file name yet"_s);
    QVERIFY(document.isDirty());
}

void TestApiDocument::failedLoadLeavesTheDocumentUntouched_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content"); // empty: the file does not exist

    QTest::newRow("missing file") << u"missing.portico.json"_s << QByteArray();
    QTest::newRow("not JSON") << u"broken.portico.json"_s << QByteArray("{ \"formatVersion\": ");
    QTest::newRow("not a project") << u"array.portico.json"_s << QByteArray("[1, 2, 3]");
    QTest::newRow("newer format") << u"future.portico.json"_s
                                  << QByteArray("{\"formatVersion\": 99, \"api\": {}}");
}

void TestApiDocument::failedLoadLeavesTheDocumentUntouched()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);

    const QString path = m_dir.filePath(fileName);
    if (!content.isEmpty()) {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(content);
    }

    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    QVERIFY(document.addMethod(idOf(document, u"/pets"_s), u"PUT"_s).ok());
    const Project edited = document.project();
    QSignalSpy changed(&document, &ApiDocument::changed);
    QSignalSpy pathChanged(&document, &ApiDocument::filePathChanged);
    QSignalSpy clean(&document, &ApiDocument::cleanChanged);

    const portico::base::Status status = document.load(path);
    QVERIFY(!status.ok());
    // Every diagnostic names the file.
    for (const portico::base::Diagnostic &error : status.errors())
        QVERIFY2(error.location.startsWith(path), qPrintable(error.toString()));
    QVERIFY(document.project() == edited);
    QCOMPARE(document.filePath(), QFileInfo(kSample).absoluteFilePath());
    QVERIFY(document.isDirty());
    QCOMPARE(document.undoStack()->count(), 1);
    QCOMPARE(changed.count(), 0);
    QCOMPARE(pathChanged.count(), 0);
    QCOMPARE(clean.count(), 0);
}

void TestApiDocument::treeModelShowsTheSample_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QStringList>("children");

    // Methods first in httpVerbs() order, then child resources by path part.
    QTest::newRow("/") << u"/"_s << QStringList {u"GET"_s, u"pets"_s, u"{proxy+}"_s};
    QTest::newRow("/pets") << u"/pets"_s << QStringList {u"GET"_s, u"POST"_s, u"{petId}"_s};
    QTest::newRow("/pets/{petId}") << u"/pets/{petId}"_s << QStringList {u"GET"_s, u"PATCH"_s};
    QTest::newRow("/{proxy+}") << u"/{proxy+}"_s << QStringList {u"ANY"_s};
}

void TestApiDocument::treeModelShowsTheSample()
{
    QFETCH(QString, path);
    QFETCH(QStringList, children);

    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    ResourceTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    QCOMPARE(childLabels(model, QModelIndex()), QStringList {u"/"_s});
    const QModelIndex index = model.indexOf(idOf(document, path));
    QVERIFY(index.isValid());
    QCOMPARE(childLabels(model, index), children);
    QCOMPARE(index.data(Qt::ToolTipRole).toString(), path);
}

void TestApiDocument::treeModelRolesDescribeRows()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    ResourceTreeModel model(&document);

    const QString petsId = idOf(document, u"/pets"_s);
    const QModelIndex get = model.indexOf(petsId, u"GET"_s);
    QCOMPARE(get.data().toString(), u"GET"_s);
    QCOMPARE(get.data(ResourceTreeModel::KindRole).toInt(), int(ResourceTreeModel::Kind::Method));
    QCOMPARE(get.data(ResourceTreeModel::ResourceIdRole).toString(), petsId);
    QCOMPARE(get.data(ResourceTreeModel::VerbRole).toString(), u"GET"_s);
    QCOMPARE(get.data(ResourceTreeModel::PathRole).toString(), u"/pets"_s);
    QCOMPARE(get.data(Qt::ToolTipRole).toString(), u"GET /pets"_s);
    QCOMPARE(get.parent(), model.indexOf(petsId));

    const QModelIndex petId = model.indexOf(idOf(document, u"/pets/{petId}"_s));
    QCOMPARE(petId.data(ResourceTreeModel::KindRole).toInt(),
             int(ResourceTreeModel::Kind::Resource));
    QVERIFY(petId.data(ResourceTreeModel::VerbRole).toString().isEmpty());
    QVERIFY(petId.data(ResourceTreeModel::IsParameterRole).toBool());
    QVERIFY(petId.data(Qt::FontRole).value<QFont>().italic());
    QVERIFY(!model.indexOf(petsId).data(ResourceTreeModel::IsParameterRole).toBool());
    QVERIFY(!model.indexOf(petsId, u"PUT"_s).isValid());
}

void TestApiDocument::treeModelFollowsEditsAndUndo()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    ResourceTreeModel model(&document);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    const QString petsId = idOf(document, u"/pets"_s);

    QVERIFY(document.addResource(petsId, u"alpha"_s).ok());
    QVERIFY(document.addMethod(petsId, u"DELETE"_s).ok());
    QCOMPARE(reset.count(), 2);
    QCOMPARE(childLabels(model, model.indexOf(petsId)),
             (QStringList {u"GET"_s, u"POST"_s, u"DELETE"_s, u"alpha"_s, u"{petId}"_s}));

    document.undoStack()->undo();
    document.undoStack()->undo();
    QCOMPARE(childLabels(model, model.indexOf(petsId)),
             (QStringList {u"GET"_s, u"POST"_s, u"{petId}"_s}));

    document.newProject(u"Empty"_s);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
}

void TestApiDocument::templateEditsMergeIntoOneUndoStepPerTemplate()
{
    ApiDocument document;
    QVERIFY(document.load(kSample).ok());
    const Project before = document.project();
    const QString pets = document.api().findResourceByPath(u"/pets"_s)->id;
    const QString json = u"application/json"_s;
    const auto requestTemplate = [&](const QString &verb) {
        return portico::model::ApiEditor::mappingTemplate(document.api(), pets, verb, QString(), json);
    };

    const std::optional<QString> postBefore = requestTemplate(u"POST"_s);

    // Typing: each keystroke an edit of the same template.
    QVERIFY(document.setTemplate(pets, u"GET"_s, QString(), json, u"{"_s).ok());
    QVERIFY(document.setTemplate(pets, u"GET"_s, QString(), json, u"{}"_s).ok());
    QCOMPARE(document.undoStack()->count(), 1);
    // Another template is another step.
    QVERIFY(document.setTemplate(pets, u"POST"_s, QString(), json, u"[]"_s).ok());
    QCOMPARE(document.undoStack()->count(), 2);
    QCOMPARE(requestTemplate(u"GET"_s), u"{}"_s);

    document.undoStack()->undo();
    QCOMPARE(requestTemplate(u"GET"_s), u"{}"_s);
    QCOMPARE(requestTemplate(u"POST"_s), postBefore);
    document.undoStack()->undo();
    QVERIFY(document.project() == before);
    QVERIFY(!document.isDirty());
    document.undoStack()->redo();
    QCOMPARE(requestTemplate(u"GET"_s), u"{}"_s);

    // A refused edit never reaches the stack.
    QCOMPARE(document.setTemplate(pets, u"PATCH"_s, QString(), json, u"x"_s).error().toString(),
             u"error: /pets PATCH: the method does not exist"_s);
    QCOMPARE(document.undoStack()->index(), 1);
    QCOMPARE(document.undoStack()->count(), 2);
}

QTEST_MAIN(TestApiDocument)
#include "tst_apidocument.moc"
