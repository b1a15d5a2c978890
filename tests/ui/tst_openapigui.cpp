// File > Import and File > Export in the real main window (offscreen platform), driven through
// their menu actions with the dialog seams answered by the test: real corpus files in, the
// report's rows clickable, undo after a merge, and an export that imports back to the same API.
#include "editing/apidocument.h"
#include "editing/resourcetreemodel.h"
#include "openapi/importer.h"
#include "widgets/importreportview.h"
#include "widgets/mainwindow.h"

#include <QAction>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using portico::widgets::ImportChoice;
using portico::widgets::MainWindow;
using namespace Qt::StringLiterals;

namespace {

QString corpusFile(const QString &name)
{
    return QStringLiteral(PORTICO_SOURCE_DIR "/../shared/corpus/openapi/") + name;
}

class ImportingWindow : public MainWindow
{
public:
    QString importFile;
    std::optional<ImportChoice> importChoice;
    std::optional<portico::openapi::ExportOptions> exportOptions;
    QString exportFile;
    QStringList errors;

protected:
    QString askImportFileName() override { return importFile; }
    std::optional<ImportChoice> askImportChoice(const QString &) override { return importChoice; }
    std::optional<portico::openapi::ExportOptions> askExportOptions() override
    {
        return exportOptions;
    }
    QString askExportFileName(const portico::openapi::ExportOptions &) override
    {
        return exportFile;
    }
    QMessageBox::StandardButton askSaveChanges() override { return QMessageBox::Discard; }
    void showErrors(const QString &title, const QString &,
                    const std::vector<portico::base::Diagnostic> &d) override
    {
        errors << title;
        for (const portico::base::Diagnostic &diagnostic : d)
            errors << diagnostic.toString();
    }
};

void trigger(MainWindow &window, const QString &action)
{
    QAction *found = window.findChild<QAction *>(action);
    QVERIFY2(found, qPrintable(action));
    found->trigger();
}

int treeRows(MainWindow &window)
{
    // The root's children: a loaded tree shows the top-level resources under the API's root.
    const QAbstractItemModel *model = window.findChild<QTreeView *>(u"resourceTree"_s)->model();
    int rows = 0;
    for (int i = 0; i < model->rowCount(); ++i)
        rows += 1 + model->rowCount(model->index(i, 0));
    return rows;
}

} // namespace

class TestOpenApiGui : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importAsNewProjectFromTheFileMenu()
    {
        ImportingWindow window;
        window.show();
        window.importFile = corpusFile(u"localstack-petstore-authorizer.swagger2.json"_s);
        window.importChoice = ImportChoice {};
        trigger(window, u"actionImport"_s);
        QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
        QCOMPARE(window.document()->api().name, u"PetStore"_s);
        QVERIFY(window.document()->isDirty()); // never saved: closing asks
        QVERIFY(window.document()->filePath().isEmpty());
        QVERIFY(treeRows(window) >= 2);
        QVERIFY(window.goToOpenApiLocation(u"/paths/~1pets~1{petId}/get"_s));
        QCOMPARE(window.currentVerb(), u"GET"_s);
        QCOMPARE(window.document()->api().pathOf(window.currentResourceId()), u"/pets/{petId}"_s);
        QVERIFY(!window.importReport()); // a clean file: no report
    }

    // The report lists each problem with its pointer; clicking a row selects that method.
    void reportRowsGoToThePlace()
    {
        ImportingWindow window;
        window.show();
        QVERIFY(window.importOpenApi(
            corpusFile(u"sp-sqs-message-processing.swagger2.extracted.yaml"_s), {}));
        QVERIFY(window.importReport());
        QTreeWidget *list = window.importReport()->list();
        QVERIFY(list->topLevelItemCount() >= 3);
        QTreeWidgetItem *row = list->topLevelItem(0);
        QVERIFY2(row->data(0, Qt::UserRole).toString().startsWith(u"/paths/~1message/post"_s),
                 qPrintable(row->toolTip(0)));
        QVERIFY2(row->text(0).startsWith(u"POST /message \u203a integration"_s),
                 qPrintable(row->text(0)));
        window.select(window.document()->api().root()->id);
        const QRect where = list->visualItemRect(row);
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, where.center());
        QCOMPARE(window.currentVerb(), u"POST"_s);
        QCOMPARE(window.document()->api().pathOf(window.currentResourceId()), u"/message"_s);
    }

    void mergeIsOneUndoStep()
    {
        ImportingWindow window;
        QVERIFY(window.importOpenApi(corpusFile(u"awsdocs-simple-calc.swagger2.json"_s), {}));
        const portico::model::RestApi before = window.document()->api();
        ImportChoice merge;
        merge.mode = ImportChoice::Mode::Merge;
        QVERIFY(window.importOpenApi(corpusFile(u"localstack-integer-status-codes.oas30.yaml"_s),
                                     merge));
        QVERIFY(window.document()->api().findResourceByPath(u"/test"_s));
        QVERIFY(window.document()->api().findResourceByPath(u"/{a}/{b}/{op}"_s)); // kept
        window.document()->undoStack()->undo();
        QCOMPARE(window.document()->api(), before);
    }

    void notOpenApiShowsOneError()
    {
        ImportingWindow window;
        QTemporaryDir dir;
        QFile file(dir.filePath(u"x.json"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"hello": "world"})");
        file.close();
        QVERIFY(!window.importOpenApi(file.fileName(), {}));
        QCOMPARE(window.errors.value(0), u"Cannot import"_s);
        QVERIFY(window.errors.value(1).contains(u"neither \"openapi\" nor \"swagger\""_s));
    }

    // File > Export writes a file that imports back to the same API.
    void exportFromTheFileMenuImportsBack()
    {
        ImportingWindow window;
        QVERIFY(window.importOpenApi(corpusFile(u"localstack-cognito-auth.oas30.json"_s), {}));
        QTemporaryDir dir;
        window.exportOptions = portico::openapi::ExportOptions {};
        window.exportOptions->yaml = true;
        window.exportFile = dir.filePath(u"out.yaml"_s);
        trigger(window, u"actionExport"_s);
        QVERIFY2(window.errors.isEmpty(), qPrintable(window.errors.join(u'\n')));
        QFile written(window.exportFile);
        QVERIFY(written.open(QIODevice::ReadOnly));
        portico::openapi::ImportOptions options;
        options.apiId = window.document()->api().id;
        const auto again = portico::openapi::importOpenApi(written.readAll(), options);
        QVERIFY(again.ok());
        QCOMPARE(again->api.resources, window.document()->api().resources);
        QCOMPARE(again->api.authorizers.size(), window.document()->api().authorizers.size());
    }
};

QTEST_MAIN(TestOpenApiGui)
#include "tst_openapigui.moc"
