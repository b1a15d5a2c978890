// Portico's main window: the resource navigator on the left, editor tabs on the right (the
// Designer, with the details of the selection, first; template workbenches after it), and the
// File and Edit menus over one ApiDocument. Every question the window asks a person
// (file names, path parts, verbs, save or discard, errors) goes through a virtual function, so
// tests drive the real window with answers instead of modal dialogs.
#pragma once

#include "base/result.h"
#include "model/corsconfigurator.h"
#include "editing/methodtemplates.h"
#include "editing/projectpartsmodel.h"
#include "runtime/tracebus.h"
#include "openapi/exporter.h"
#include "openapidialogs.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QSet>

#include <optional>
#include <vector>

class QAction;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTreeView;

namespace portico::editing {
class ApiDocument;
class Autosaver;
struct RecoveredProject;
class ResourceTreeModel;
} // namespace portico::editing

namespace portico::workbench {
class TemplateWorkbench;
} // namespace portico::workbench

namespace portico::widgets {

namespace composer {
class RequestComposer;
}

namespace methodexecution {
class MethodExecutionView;
}

namespace parts {
class PartsView;
}

class DeploymentHistoryView;
class DetailsView;
class ImportReportView;
class Navigator;
class ProblemsPanel;
class RunControls;
class TemplateBinding;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    editing::ApiDocument *document() const { return m_document; }
    editing::ResourceTreeModel *treeModel() const { return m_model; }

    // Each asks about unsaved changes first; false when cancelled or failed (errors are shown).
    bool newProject();
    bool openFile(const QString &path);
    bool save();
    bool saveAs();

    // The edits behind the Edit menu, with their arguments given, so they can run without
    // prompting. Errors are returned, not shown.
    base::Result<QString> addChildResource(const QString &parentId, const QString &pathPart);
    base::Status addMethod(const QString &resourceId, const QString &verb);
    base::Status deleteNode(const QString &resourceId, const QString &verb);
    // Edit > Duplicate: a resource with its subtree as a sibling named `newPathPart`, or a
    // method under another verb; one undo step each, the copy selected.
    base::Result<QString> duplicateResource(const QString &resourceId, const QString &newPathPart);
    base::Status duplicateMethod(const QString &resourceId, const QString &verb, const QString &newVerb);
    // Edit > Enable CORS on a resource, as the console does it; one undo step. The result's notes
    // say what could not be done (proxy integrations answer for themselves).
    base::Result<model::CorsResult> enableCors(const QString &resourceId, const model::CorsOptions &options);

    // The selected row: a resource (empty verb) or a method. Empty when nothing is selected.
    QString currentResourceId() const;
    QString currentVerb() const;
    // Selects a resource (empty verb) or a method row; false when there is none.
    bool select(const QString &resourceId, const QString &verb = QString());
    // Selects an item of the parts tree (an empty key: its section); false when there is none.
    bool selectPart(editing::PartKind kind, const QString &key = QString());
    Navigator *navigator() const { return m_navigator; }
    parts::PartsView *partsView() const { return m_partsView; }

    // Adds a new item of `kind` named `name` (a gateway response: of type `name`) with AWS's
    // defaults and selects it; a stage is a deployment of the API as it is to a new stage.
    // Returns the new item's key.
    base::Result<QString> addPart(editing::PartKind kind, const QString &name);
    // Deletes the selected resource, method or part item. Errors are returned, not shown.
    base::Status deleteSelection();
    // Run > Deploy API: the API as it is now becomes a new deployment that `stageName` serves
    // (created when new). Returns the deployment id.
    base::Result<QString> deployTo(const QString &stageName, const QString &description);
    // API keys from a CSV file in the format API Gateway imports, as one undo step.
    base::Status importApiKeys(const QString &path);

    // The editor tabs: "Designer" (the details of the selection) first, then the template
    // workbenches.
    QTabWidget *editorTabs() const { return m_editorTabs; }
    // File > New Template Scratchpad: a template workbench in a "Scratchpad" tab, tied to nothing.
    workbench::TemplateWorkbench *openTemplateScratchpad();
    // Edit > Edit Request Template: the workbench over the method's integration request template
    // for `contentType`, in a tab of its own (the tab it already has, when it has one); every
    // edit goes to the document as an undoable command, and undo or redo shows in the workbench.
    // Its template bar switches it to the method's other templates. The tab closes when the
    // method goes away. nullptr when the method does not exist or has no integration.
    workbench::TemplateWorkbench *editRequestTemplate(const QString &resourceId, const QString &verb,
                                                      const QString &contentType = QStringLiteral("application/json"));
    // Edit > Edit Response Template: the same for the template of the method's default
    // integration response (the one without a selection pattern, else the first).
    workbench::TemplateWorkbench *editResponseTemplate(const QString &resourceId, const QString &verb,
                                                       const QString &contentType = QStringLiteral("application/json"));
    // The same for the integration response of any status code (the method-execution view's
    // "Edit in template workbench"); nullptr when the method or the response does not exist.
    workbench::TemplateWorkbench *editIntegrationResponseTemplate(const QString &resourceId, const QString &verb,
                                                                  const QString &statusCode,
                                                                  const QString &contentType);

    // File > Import: an OpenAPI 3.0 / Swagger 2.0 file (JSON or YAML) as a new unsaved project,
    // merged into this one or replacing its API (one undo step either way). The report, when
    // the import has one, opens beside the window. False when the file cannot be imported (the
    // error is shown) or unsaved changes were kept.
    bool importOpenApi(const QString &path, const ImportChoice &choice);
    // File > Export: the project as OpenAPI, Swagger, CloudFormation or SAM, written atomically.
    bool exportTo(const QString &path, const openapi::ExportOptions &options);
    // Selects what a JSON pointer of the imported file names: the method of /paths/~1a/get, the
    // resource of /paths/~1a. False when it names nothing in the navigator.
    bool goToOpenApiLocation(const QString &pointer);
    // At start: copies of unsaved work left by a session that crashed or was killed are offered
    // one by one; the first one accepted becomes the document (unsaved, at its old path). The
    // others stay for the next start. True when one was restored.
    bool offerRecovery();
    editing::Autosaver *autosaver() const { return m_autosaver; }
    // The Problems dock: lint findings of the project as it changes.
    ProblemsPanel *problemsPanel() const { return m_problems; }
    // The Run toolbar, the embedded runtime and the Inspector it feeds.
    RunControls *runControls() const { return m_run; }
    // Selects what a lint location names ("/pets/{petId} GET integration", "/pets"). False when
    // it names nothing in the navigator (a stage, a usage plan).
    bool goToLintLocation(const QString &location);

    // Ctrl+P: the quick-open box over every resource, method and named part; choosing one selects it.
    QDialog *openQuickOpen();

    // The Inspector's "Open in Workbench": the request template of the method that served
    // `exchange` (for its content type) in a tab, the captured request as its sample input.
    // nullptr when the method or its integration is gone.
    workbench::TemplateWorkbench *openCapturedInWorkbench(const runtime::ExchangePtr &exchange);

    // Run > Test Method: the request composer in its editor tab (one for the window), showing
    // the method `verb` of `resourceId` (the navigator's method when both are empty).
    composer::RequestComposer *openComposer(const QString &resourceId = QString(), const QString &verb = QString());
    // The Inspector's "Edit and Resend": the captured request in the composer. nullptr when the
    // method that served it is gone.
    composer::RequestComposer *editAndResend(const runtime::ExchangePtr &exchange);

    // The report of the last import; nullptr when it had nothing to say.
    ImportReportView *importReport() const { return m_importReport; }

protected:
    void closeEvent(QCloseEvent *event) override;

    // The dialog seams. std::nullopt or an empty string means the person cancelled.
    virtual QString askOpenFileName();
    virtual QString askSaveFileName();
    virtual std::optional<QString> askPathPart(const QString &parentPath);
    virtual std::optional<QString> askVerb(const QString &resourcePath, const QStringList &verbs);
    // The name of a new part item; for a gateway response one of `choices` (the types).
    virtual std::optional<QString> askPartName(editing::PartKind kind, const QStringList &choices);
    // Run > Deploy API's dialog, which deploys when accepted (`stageName` preselected).
    virtual void runDeployDialog(const QString &stageName);
    virtual QString askApiKeyCsvFileName();
    virtual std::optional<model::CorsOptions> askCorsOptions(const QString &resourcePath, const QStringList &verbs);
    virtual QString askImportFileName();
    virtual std::optional<ImportChoice> askImportChoice(const QString &path);
    virtual std::optional<openapi::ExportOptions> askExportOptions();
    virtual QString askExportFileName(const openapi::ExportOptions &options);
    // Restore this copy of unsaved work? Yes, No (discard it) or Cancel (keep it for later).
    virtual QMessageBox::StandardButton askRestoreRecovery(const editing::RecoveredProject &copy);
    // The content type of a template to add beside `existing` ones of `part` (a template
    // workbench's "Add content type…").
    virtual std::optional<QString> askContentType(const QString &part, const QStringList &existing);
    // View > Inspector Memory: how many requests to keep whole.
    virtual std::optional<int> askKeptWhole(int current);
    // Save, Discard or Cancel.
    virtual QMessageBox::StandardButton askSaveChanges();
    virtual void showErrors(const QString &title, const QString &text,
                            const std::vector<base::Diagnostic> &errors);

private:
    void createActions();
    void createMenus();
    void createCentralWidget();
    void createProblemsDock();
    void createRuntime();
    // The composer's tab, made when first asked for, brought forward.
    composer::RequestComposer *showComposerTab();
    void restoreWindowState();

    bool maybeSave();
    void promptAddChildResource();
    void promptAddMethod();
    void promptAddPart(editing::PartKind kind);
    void promptDuplicate();
    // After a deploy from the dialog or deployTo(): the stage selected, the deployment named.
    void showDeployed(const QString &stageName, const QString &deploymentId);
    void promptEnableCors();
    void deleteSelected();
    void openRecentFile(const QString &path);
    void rebuildRecentMenu();

    // A new editor tab showing `bench`, made current.
    void addEditorTab(workbench::TemplateWorkbench *bench, const QString &title, const QString &toolTip);
    // Closes the editor tab of `page`; the Designer stays.
    void closeEditorTab(QWidget *page);
    // The binding of the template workbench in tab `index`; nullptr for the Designer and scratchpads.
    TemplateBinding *bindingAt(int index) const;
    // Where the binding's workbench goes when the person picks a template in its bar: to a
    // tab that already shows that template, else that template in the same tab.
    void chooseTemplate(TemplateBinding *binding, const editing::TemplateSlot &slot);
    void promptAddContentType(TemplateBinding *binding);
    void showEditorTab(int index);
    // What the navigator has selected, as one comparable string.
    QString navigatorSelection() const;
    // An empty statusCode is the integration request.
    workbench::TemplateWorkbench *editTemplate(const QString &resourceId, const QString &verb,
                                               const QString &statusCode, const QString &contentType);
    // Empty when the method has no integration responses.
    QString defaultIntegrationResponse(const QString &resourceId, const QString &verb) const;

    void updateTitle();
    void updateActions();
    void updateDetails();

    editing::ApiDocument *m_document;
    editing::ResourceTreeModel *m_model;
    QSplitter *m_splitter = nullptr;
    Navigator *m_navigator = nullptr;
    parts::PartsView *m_partsView = nullptr;
    DeploymentHistoryView *m_history = nullptr;
    DetailsView *m_details = nullptr;
    methodexecution::MethodExecutionView *m_methodExecution = nullptr;
    QStackedWidget *m_detailsStack = nullptr;
    QTabWidget *m_editorTabs = nullptr;
    // The navigator's selection when the Designer was last brought forward for it.
    QString m_lastSelection;
    QMenu *m_recentMenu = nullptr;

    QAction *m_newAction = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_saveAction = nullptr;
    QAction *m_saveAsAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_addResourceAction = nullptr;
    QAction *m_addMethodAction = nullptr;
    QAction *m_deleteAction = nullptr;
    QAction *m_scratchpadAction = nullptr;
    QAction *m_editTemplateAction = nullptr;
    QAction *m_editResponseTemplateAction = nullptr;
    QAction *m_closeTabAction = nullptr;
    QAction *m_nextTabAction = nullptr;
    QAction *m_previousTabAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_exportAction = nullptr;
    ImportReportView *m_importReport = nullptr;
    editing::Autosaver *m_autosaver = nullptr;
    QAction *m_quickOpenAction = nullptr;
    QAction *m_filterAction = nullptr;
    QAction *m_duplicateAction = nullptr;
    QAction *m_corsAction = nullptr;
    QAction *m_addPartAction = nullptr;
    QAction *m_deployAction = nullptr;
    QAction *m_importKeysAction = nullptr;
    QAction *m_testMethodAction = nullptr;
    QPointer<composer::RequestComposer> m_composer;
    ProblemsPanel *m_problems = nullptr;
    RunControls *m_run = nullptr;
};

} // namespace portico::widgets
