#include "mainwindow.h"

#include "deploydialog.h"
#include "deploymenthistoryview.h"
#include "corsdialog.h"
#include "detailsview.h"
#include "importreportview.h"
#include "navigator.h"
#include "parts/partsview.h"
#include "problemspanel.h"
#include "quickopen.h"
#include "methodexecution/methodexecutionview.h"
#include "recentfiles.h"
#include "runcontrols.h"
#include "composer/requestcomposer.h"
#include "running/runtimecontroller.h"
#include "runtime/usagereport.h"
#include "inspector/inspectorpanel.h"
#include "templatebinding.h"
#include "verbbadgedelegate.h"

#include "base/atomicfile.h"
#include "base/diagnostic.h"
#include "base/ids.h"
#include "base/json.h"
#include "editing/apidocument.h"
#include "editing/autosaver.h"
#include "running/capturedsample.h"
#include "editing/projectparts.h"
#include "editing/resourcetreemodel.h"
#include "model/enums.h"
#include "model/apieditor.h"
#include "model/apikeys.h"
#include "model/projectfile.h"
#include "openapi/apimerge.h"
#include "openapi/importer.h"
#include "runtime/gatewayresponses.h"
#include "workbench/templateworkbench.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QMenuBar>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTreeView>
#include <QUndoStack>

namespace portico::widgets {

using editing::ResourceTreeModel;

namespace {
constexpr int kMaxErrorLines = 15;
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kSplitterKey = QStringLiteral("mainWindow/splitter");
// Docks and toolbars: where the person put Problems, the Inspector and the Run toolbar.
const QString kLayoutKey = QStringLiteral("mainWindow/layout");

QString fileFilter()
{
    return MainWindow::tr("Portico projects (*%1);;JSON files (*.json);;All files (*)")
        .arg(model::ProjectFile::kSuffix);
}
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_document(new editing::ApiDocument(this))
    , m_model(new ResourceTreeModel(m_document, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    createActions();
    createMenus();
    createCentralWidget();
    restoreWindowState();
    m_autosaver = new editing::Autosaver(m_document, this);
    createProblemsDock();
    createRuntime();
    // Once the docks and toolbars exist: they are what the saved layout places.
    restoreState(QSettings().value(kLayoutKey).toByteArray());

    connect(m_document, &editing::ApiDocument::filePathChanged, this, &MainWindow::updateTitle);
    connect(m_document, &editing::ApiDocument::cleanChanged, this,
            [this](bool clean) { setWindowModified(!clean); });
    // After the tree model's own reset, which is connected first.
    connect(m_document, &editing::ApiDocument::changed, this, [this] {
        updateDetails();
        updateActions();
    });

    updateTitle();
    updateDetails();
    updateActions();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    const auto makeAction
        = [this](const QString &objectName, const QString &text, const QKeySequence &shortcut) {
              auto *action = new QAction(text, this);
              action->setObjectName(objectName);
              action->setShortcut(shortcut);
              return action;
          };

    m_newAction = makeAction(QStringLiteral("actionNew"), tr("&New"), QKeySequence::New);
    m_openAction = makeAction(QStringLiteral("actionOpen"), tr("&Open..."), QKeySequence::Open);
    m_saveAction = makeAction(QStringLiteral("actionSave"), tr("&Save"), QKeySequence::Save);
    m_saveAsAction
        = makeAction(QStringLiteral("actionSaveAs"), tr("Save &As..."), QKeySequence::SaveAs);
    m_quitAction = makeAction(QStringLiteral("actionQuit"), tr("&Quit"), QKeySequence::Quit);
    connect(m_newAction, &QAction::triggered, this, &MainWindow::newProject);
    connect(m_openAction, &QAction::triggered, this, [this] {
        const QString path = askOpenFileName();
        if (!path.isEmpty())
            openFile(path);
    });
    connect(m_saveAction, &QAction::triggered, this, &MainWindow::save);
    connect(m_saveAsAction, &QAction::triggered, this, &MainWindow::saveAs);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_quickOpenAction = makeAction(QStringLiteral("actionQuickOpen"), tr("&Go to Anything..."),
                                   QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(m_quickOpenAction, &QAction::triggered, this, &MainWindow::openQuickOpen);
    m_importAction = makeAction(QStringLiteral("actionImport"), tr("&Import OpenAPI / Swagger..."),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    connect(m_importAction, &QAction::triggered, this, [this] {
        const QString path = askImportFileName();
        if (path.isEmpty())
            return;
        if (const std::optional<ImportChoice> choice = askImportChoice(path))
            importOpenApi(path, *choice);
    });
    m_exportAction = makeAction(QStringLiteral("actionExport"), tr("&Export..."),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    connect(m_exportAction, &QAction::triggered, this, [this] {
        const std::optional<openapi::ExportOptions> options = askExportOptions();
        if (!options)
            return;
        const QString path = askExportFileName(*options);
        if (!path.isEmpty())
            exportTo(path, *options);
    });

    m_undoAction = m_document->undoStack()->createUndoAction(this, tr("&Undo"));
    m_undoAction->setObjectName(QStringLiteral("actionUndo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = m_document->undoStack()->createRedoAction(this, tr("&Redo"));
    m_redoAction->setObjectName(QStringLiteral("actionRedo"));
    // Every binding of the platform, so that Ctrl+Shift+Z redoes where the first one is Ctrl+Y.
    m_redoAction->setShortcuts(QKeySequence::Redo);

    m_addResourceAction
        = makeAction(QStringLiteral("actionAddResource"), tr("Add Child &Resource..."),
                     QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_addMethodAction = makeAction(QStringLiteral("actionAddMethod"), tr("Add &Method..."),
                                   QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    m_deleteAction
        = makeAction(QStringLiteral("actionDelete"), tr("&Delete"), QKeySequence::Delete);
    // Delete only means "delete the selected node" while the navigator has the focus; editors
    // beside it keep their own Delete key.
    m_deleteAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(m_addResourceAction, &QAction::triggered, this, &MainWindow::promptAddChildResource);
    connect(m_addMethodAction, &QAction::triggered, this, &MainWindow::promptAddMethod);
    connect(m_deleteAction, &QAction::triggered, this, &MainWindow::deleteSelected);

    m_addPartAction = makeAction(QStringLiteral("actionAddPart"), tr("&Add..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    connect(m_addPartAction, &QAction::triggered, this, [this] {
        if (const std::optional<Navigator::PartSelection> part = m_navigator->currentPart())
            promptAddPart(part->kind);
    });
    m_deployAction = makeAction(QStringLiteral("actionDeploy"), tr("&Deploy API..."), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    connect(m_deployAction, &QAction::triggered, this, [this] {
        const std::optional<Navigator::PartSelection> part = m_navigator->currentPart();
        runDeployDialog(part && part->kind == editing::PartKind::Stage ? part->key : QString());
    });
    m_importKeysAction = makeAction(QStringLiteral("actionImportApiKeys"), tr("Import API &Keys (CSV)..."), QKeySequence());
    connect(m_importKeysAction, &QAction::triggered, this, [this] {
        const QString path = askApiKeyCsvFileName();
        if (path.isEmpty())
            return;
        const base::Status status = importApiKeys(path);
        if (!status.ok())
            showErrors(tr("Cannot import API keys"), tr("%1 could not be imported.").arg(QDir::toNativeSeparators(path)),
                       status.errors());
    });
    m_duplicateAction = makeAction(QStringLiteral("actionDuplicate"), tr("D&uplicate..."), QKeySequence(Qt::CTRL | Qt::Key_D));
    connect(m_duplicateAction, &QAction::triggered, this, &MainWindow::promptDuplicate);
    m_corsAction = makeAction(QStringLiteral("actionEnableCors"), tr("Enable &CORS..."), QKeySequence());
    connect(m_corsAction, &QAction::triggered, this, &MainWindow::promptEnableCors);
    m_filterAction = makeAction(QStringLiteral("actionFilter"), tr("&Filter Navigator"), QKeySequence::Find);
    connect(m_filterAction, &QAction::triggered, this, [this] {
        m_navigator->filterBox()->setFocus();
        m_navigator->filterBox()->selectAll();
    });

    m_scratchpadAction = makeAction(QStringLiteral("actionNewTemplateScratchpad"), tr("New &Template Scratchpad"),
                                    QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    connect(m_scratchpadAction, &QAction::triggered, this, &MainWindow::openTemplateScratchpad);
    m_editTemplateAction = makeAction(QStringLiteral("actionEditRequestTemplate"), tr("Edit Request &Template"),
                                      QKeySequence(Qt::CTRL | Qt::Key_T));
    connect(m_editTemplateAction, &QAction::triggered, this,
            [this] { editRequestTemplate(currentResourceId(), currentVerb()); });
    m_editResponseTemplateAction = makeAction(QStringLiteral("actionEditResponseTemplate"),
                                              tr("Edit Response Te&mplate"), QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_T));
    connect(m_editResponseTemplateAction, &QAction::triggered, this,
            [this] { editResponseTemplate(currentResourceId(), currentVerb()); });

    // Ctrl+W, and whatever else closes a document on this platform (Ctrl+F4).
    QList<QKeySequence> closeKeys {QKeySequence(Qt::CTRL | Qt::Key_W)};
    for (const QKeySequence &key : QKeySequence::keyBindings(QKeySequence::Close))
        if (!closeKeys.contains(key))
            closeKeys.append(key);
    m_closeTabAction = makeAction(QStringLiteral("actionCloseTab"), tr("&Close Tab"), QKeySequence());
    m_closeTabAction->setShortcuts(closeKeys);
    m_closeTabAction->setEnabled(false);
    connect(m_closeTabAction, &QAction::triggered, this,
            [this] { closeEditorTab(m_editorTabs->currentWidget()); });
    // Ctrl+PgDown / Ctrl+PgUp as in browsers and IDEs, Ctrl+Tab / Ctrl+Shift+Tab as well.
    m_nextTabAction = makeAction(QStringLiteral("actionNextTab"), tr("&Next Tab"), QKeySequence());
    m_nextTabAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    connect(m_nextTabAction, &QAction::triggered, this,
            [this] { showEditorTab((m_editorTabs->currentIndex() + 1) % m_editorTabs->count()); });
    m_previousTabAction = makeAction(QStringLiteral("actionPreviousTab"), tr("&Previous Tab"), QKeySequence());
    m_previousTabAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageUp),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab),
                                       QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Tab)});
    connect(m_previousTabAction, &QAction::triggered, this, [this] {
        showEditorTab((m_editorTabs->currentIndex() + m_editorTabs->count() - 1) % m_editorTabs->count());
    });
}

void MainWindow::createMenus()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->setObjectName(QStringLiteral("menuFile"));
    fileMenu->addAction(m_newAction);
    fileMenu->addAction(m_openAction);
    fileMenu->addAction(m_scratchpadAction);
    m_recentMenu = fileMenu->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("menuRecent"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::rebuildRecentMenu);
    rebuildRecentMenu();
    fileMenu->addSeparator();
    fileMenu->addAction(m_saveAction);
    fileMenu->addAction(m_saveAsAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_importAction);
    fileMenu->addAction(m_exportAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_closeTabAction);
    fileMenu->addAction(m_quitAction);

    QMenu *editMenu = menuBar()->addMenu(tr("&Edit"));
    editMenu->setObjectName(QStringLiteral("menuEdit"));
    editMenu->addAction(m_undoAction);
    editMenu->addAction(m_redoAction);
    editMenu->addSeparator();
    editMenu->addAction(m_addResourceAction);
    editMenu->addAction(m_addMethodAction);
    editMenu->addAction(m_duplicateAction);
    editMenu->addAction(m_corsAction);
    editMenu->addAction(m_deleteAction);
    editMenu->addAction(m_addPartAction);
    editMenu->addAction(m_importKeysAction);
    editMenu->addSeparator();
    editMenu->addAction(m_editTemplateAction);
    editMenu->addAction(m_editResponseTemplateAction);

    QMenu *goMenu = menuBar()->addMenu(tr("&Go"));
    goMenu->setObjectName(QStringLiteral("menuGo"));
    goMenu->addAction(m_quickOpenAction);
    goMenu->addAction(m_filterAction);
    goMenu->addSeparator();
    goMenu->addAction(m_nextTabAction);
    goMenu->addAction(m_previousTabAction);

    // Start and stop of the embedded runtime join Deploy here (docs/ui.md).
    QMenu *runMenu = menuBar()->addMenu(tr("&Run"));
    runMenu->setObjectName(QStringLiteral("menuRun"));
    runMenu->addAction(m_deployAction);
}

void MainWindow::createCentralWidget()
{
    m_navigator = new Navigator(m_document, m_model);
    m_navigator->resourceTree()->addActions({m_addResourceAction, m_addMethodAction, m_duplicateAction, m_corsAction, m_deleteAction,
                                             m_editTemplateAction, m_editResponseTemplateAction});
    m_navigator->partsTree()->addActions({m_addPartAction, m_deleteAction, m_deployAction, m_importKeysAction});
    connect(m_model, &ResourceTreeModel::moveFailed, this,
            [this](const QString &message) { statusBar()->showMessage(tr("Cannot move: %1").arg(message), 6000); });

    m_details = new DetailsView;
    // A method opens its execution view; a resource keeps the read-only details.
    m_methodExecution = new methodexecution::MethodExecutionView(m_document);
    connect(m_methodExecution, &methodexecution::MethodExecutionView::requestTemplateEditRequested, this,
            &MainWindow::editRequestTemplate);
    connect(m_methodExecution, &methodexecution::MethodExecutionView::responseTemplateEditRequested, this,
            &MainWindow::editIntegrationResponseTemplate);
    m_detailsStack = new QStackedWidget;
    m_detailsStack->setObjectName(QStringLiteral("detailsStack"));
    m_detailsStack->addWidget(m_details);
    m_detailsStack->addWidget(m_methodExecution);
    m_partsView = new parts::PartsView(m_document);
    connect(m_partsView, &parts::PartsView::addRequested, this, &MainWindow::promptAddPart);
    m_history = new DeploymentHistoryView(m_document);
    m_history->setObjectName(QStringLiteral("deploymentHistory"));
    m_partsView->setSectionPage(editing::PartKind::Deployment, m_history);
    connect(m_partsView, &parts::PartsView::historyRequested, this, [this](const QString &stage) {
        selectPart(editing::PartKind::Deployment);
        m_history->setStage(stage);
    });
    m_detailsStack->addWidget(m_partsView);

    m_editorTabs = new QTabWidget;
    m_editorTabs->setObjectName(QStringLiteral("editorTabs"));
    m_editorTabs->setDocumentMode(true);
    m_editorTabs->setTabsClosable(true);
    m_editorTabs->setUsesScrollButtons(true);
    m_editorTabs->setElideMode(Qt::ElideMiddle);
    m_editorTabs->addTab(m_detailsStack, tr("Designer"));
    m_editorTabs->setTabToolTip(0, tr("The selection in the navigator"));
    // The Designer is always there: no close button, on whichever side the style puts it.
    m_editorTabs->tabBar()->setTabButton(0, QTabBar::LeftSide, nullptr);
    m_editorTabs->tabBar()->setTabButton(0, QTabBar::RightSide, nullptr);
    connect(m_editorTabs, &QTabWidget::tabCloseRequested, this,
            [this](int index) { closeEditorTab(m_editorTabs->widget(index)); });
    connect(m_editorTabs, &QTabWidget::currentChanged, this,
            [this](int index) { m_closeTabAction->setEnabled(index > 0); });

    m_splitter = new QSplitter(Qt::Horizontal);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->addWidget(m_navigator);
    m_splitter->addWidget(m_editorTabs);
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    connect(m_navigator, &Navigator::currentChanged, this, [this] {
        updateDetails();
        updateActions();
        // Choosing something in the navigator is about the Designer; the tree selecting the same
        // row again after an edit (it is rebuilt on every change) is not.
        if (const QString selection = navigatorSelection(); selection != m_lastSelection) {
            m_lastSelection = selection;
            showEditorTab(0);
        }
    });
    // A click on the row that is already selected brings the Designer forward as well.
    for (QTreeView *tree : {m_navigator->resourceTree(), m_navigator->partsTree()})
        connect(tree, &QAbstractItemView::clicked, this, [this] { showEditorTab(0); });
    m_lastSelection = navigatorSelection();
}

QString MainWindow::navigatorSelection() const
{
    if (const std::optional<Navigator::PartSelection> part = m_navigator->currentPart())
        return QStringLiteral("part %1 %2").arg(static_cast<int>(part->kind)).arg(part->key);
    return QStringLiteral("resource %1 %2").arg(currentResourceId(), currentVerb());
}

void MainWindow::showEditorTab(int index)
{
    m_editorTabs->setCurrentIndex(index);
}

void MainWindow::restoreWindowState()
{
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1100, 700);
    if (!m_splitter->restoreState(settings.value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({320, 780});
}

bool MainWindow::newProject()
{
    if (!maybeSave())
        return false;
    (void)m_navigator->forgetCollapsed();
    m_document->newProject(tr("Untitled"));
    return true;
}

bool MainWindow::openFile(const QString &path)
{
    if (!maybeSave())
        return false;
    const QSet<QString> collapsed = m_navigator->forgetCollapsed();
    const base::Status status = m_document->load(path);
    if (!status.ok()) {
        m_navigator->setCollapsed(collapsed);
        showErrors(tr("Cannot open project"),
                   tr("%1 could not be opened.").arg(QDir::toNativeSeparators(path)),
                   status.errors());
        return false;
    }
    RecentFiles().add(m_document->filePath());
    return true;
}

bool MainWindow::save()
{
    if (m_document->filePath().isEmpty())
        return saveAs();
    const base::Status status = m_document->save();
    if (!status.ok()) {
        showErrors(tr("Cannot save project"),
                   tr("%1 could not be saved; your changes are still here.")
                       .arg(QDir::toNativeSeparators(m_document->filePath())),
                   status.errors());
        return false;
    }
    RecentFiles().add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())),
                             4000);
    return true;
}

bool MainWindow::saveAs()
{
    QString path = askSaveFileName();
    if (path.isEmpty())
        return false;
    if (!path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        path += model::ProjectFile::kSuffix;
    const base::Status status = m_document->saveAs(path);
    if (!status.ok()) {
        showErrors(tr("Cannot save project"),
                   tr("%1 could not be saved; your changes are still here.")
                       .arg(QDir::toNativeSeparators(path)),
                   status.errors());
        return false;
    }
    RecentFiles().add(m_document->filePath());
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->filePath())),
                             4000);
    return true;
}

base::Result<QString> MainWindow::addChildResource(const QString &parentId, const QString &pathPart)
{
    base::Result<QString> added = m_document->addResource(parentId, pathPart);
    if (added.ok())
        select(added.value());
    return added;
}

base::Status MainWindow::addMethod(const QString &resourceId, const QString &verb)
{
    base::Status status = m_document->addMethod(resourceId, verb);
    if (status.ok())
        select(resourceId, verb);
    return status;
}

base::Status MainWindow::deleteNode(const QString &resourceId, const QString &verb)
{
    if (verb.isEmpty())
        return m_document->deleteResource(resourceId);
    return m_document->deleteMethod(resourceId, verb);
}

QString MainWindow::currentResourceId() const
{
    return m_navigator->currentResourceId();
}

QString MainWindow::currentVerb() const
{
    return m_navigator->currentVerb();
}

bool MainWindow::select(const QString &resourceId, const QString &verb)
{
    return m_navigator->select(resourceId, verb);
}

bool MainWindow::selectPart(editing::PartKind kind, const QString &key)
{
    return m_navigator->selectPart(kind, key);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (!maybeSave()) {
        event->ignore();
        return;
    }
    m_autosaver->finish();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    settings.setValue(kLayoutKey, saveState());
    event->accept();
}

void MainWindow::createRuntime()
{
    m_run = new RunControls(m_document, this);
    addToolBar(Qt::TopToolBarArea, m_run->toolBar());
    statusBar()->addPermanentWidget(m_run->statusWidget());
    auto *dock = new QDockWidget(tr("Inspector"), this);
    dock->setObjectName(QStringLiteral("inspectorDock"));
    dock->setWidget(m_run->inspector());
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // Beside Problems, as a tab: the bottom strip stays one strip.
    if (auto *problems = findChild<QDockWidget *>(QStringLiteral("problemsDock"))) {
        tabifyDockWidget(problems, dock);
        problems->raise(); // the Inspector comes forward when the runtime starts
    }
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionShowInspector"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_7));
    if (QMenu *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("menuView")))
        viewMenu->addAction(toggle);
    if (QMenu *runMenu = menuBar()->findChild<QMenu *>(QStringLiteral("menuRun"))) {
        runMenu->insertAction(runMenu->actions().value(0), m_run->startStopAction());
        runMenu->insertSeparator(runMenu->actions().value(1));
    }
    // Live usage in the API key and usage plan forms, from the runtime's counters while it runs.
    m_partsView->setUsageSource([this]() -> base::Json {
        if (!m_run->isRunning())
            return nullptr;
        return runtime::usageReport(m_document->project(), m_run->runtime()->ledger(), QDateTime::currentDateTimeUtc());
    });
    auto *keptWhole = new QAction(tr("Inspector &Memory..."), this);
    keptWhole->setObjectName(QStringLiteral("actionInspectorMemory"));
    keptWhole->setToolTip(tr("How many of the latest requests the Inspector keeps whole"));
    connect(keptWhole, &QAction::triggered, this, [this] {
        if (const std::optional<int> kept = askKeptWhole(m_run->keptWhole()))
            m_run->setKeptWhole(*kept);
    });
    if (QMenu *viewMenu = menuBar()->findChild<QMenu *>(QStringLiteral("menuView")))
        viewMenu->addAction(keptWhole);
    m_testMethodAction = new QAction(tr("&Test Method..."), this);
    m_testMethodAction->setObjectName(QStringLiteral("actionTestMethod"));
    m_testMethodAction->setShortcut(QKeySequence(Qt::Key_F6)); // beside F5, which starts the runtime
    m_testMethodAction->setToolTip(tr("Compose a request to the selected method and send it to the runtime"));
    connect(m_testMethodAction, &QAction::triggered, this, [this] { openComposer(); });
    m_navigator->resourceTree()->addAction(m_testMethodAction);
    if (QMenu *runMenu = menuBar()->findChild<QMenu *>(QStringLiteral("menuRun")))
        runMenu->insertAction(runMenu->actions().value(1), m_testMethodAction);
    connect(m_run->inspector(), &inspector::InspectorPanel::editAndResendRequested, this,
            [this](const runtime::ExchangePtr &exchange) {
                if (!editAndResend(exchange))
                    statusBar()->showMessage(tr("The method that served this request is gone."), 5000);
            });
    connect(m_run->inspector(), &inspector::InspectorPanel::openInWorkbenchRequested, this,
            [this](const runtime::ExchangePtr &exchange) {
                if (!openCapturedInWorkbench(exchange))
                    statusBar()->showMessage(tr("The method that served this request has no integration now."), 5000);
            });
    // Starting shows what arrives.
    connect(m_run, &RunControls::runningChanged, this, [this, dock](bool running) {
        if (running) {
            dock->show();
            dock->raise();
            // Room for a dozen rows and the selected request's steps.
            if (dock->height() < 300)
                resizeDocks({dock}, {320}, Qt::Vertical);
        }
    });
}

std::optional<int> MainWindow::askKeptWhole(int current)
{
    bool ok = false;
    const int kept = QInputDialog::getInt(this, tr("Inspector Memory"),
                                          tr("Keep the latest requests whole (older ones stay as a summary row):"), current,
                                          RunControls::kMinKeptWhole, RunControls::kMaxKeptWhole, 1000, &ok);
    return ok ? std::optional<int>(kept) : std::nullopt;
}

composer::RequestComposer *MainWindow::showComposerTab()
{
    if (!m_composer) {
        m_composer = new composer::RequestComposer(m_document, m_run);
        const int index = m_editorTabs->addTab(m_composer, tr("Composer"));
        m_editorTabs->setTabToolTip(index, tr("Compose requests, send them to the runtime, check the answers"));
    }
    m_editorTabs->setCurrentWidget(m_composer);
    return m_composer;
}

composer::RequestComposer *MainWindow::openComposer(const QString &resourceId, const QString &verb)
{
    const bool fromSelection = resourceId.isEmpty() && verb.isEmpty();
    const QString id = fromSelection ? currentResourceId() : resourceId;
    const QString method = fromSelection ? currentVerb() : verb;
    composer::RequestComposer *composer = showComposerTab();
    if (!id.isEmpty() && !method.isEmpty())
        composer->openMethod(m_document->api().pathOf(id), method);
    return composer;
}

composer::RequestComposer *MainWindow::editAndResend(const runtime::ExchangePtr &exchange)
{
    composer::RequestComposer *composer = showComposerTab();
    return composer->loadExchange(exchange) ? composer : nullptr;
}

workbench::TemplateWorkbench *MainWindow::openCapturedInWorkbench(const runtime::ExchangePtr &exchange)
{
    if (!exchange)
        return nullptr;
    const model::Resource *resource = m_document->api().findResourceByPath(exchange->resourcePath);
    if (!resource)
        return nullptr;
    // The verb that answered: the request's, or ANY when the resource has only that.
    QString verb = exchange->httpMethod;
    if (!resource->methods.count(verb) && resource->methods.count(QStringLiteral("ANY")))
        verb = QStringLiteral("ANY");
    QString contentType = QString::fromLatin1(exchange->request.header("content-type")).section(QLatin1Char(';'), 0, 0).trimmed();
    if (contentType.isEmpty())
        contentType = QStringLiteral("application/json"); // as API Gateway picks the template
    workbench::TemplateWorkbench *bench = editRequestTemplate(resource->id, verb, contentType);
    if (!bench)
        return nullptr;
    const running::CapturedSample sample = running::capturedSample(*exchange, m_run->stageVariables(exchange->stage));
    bench->setSampleRequest({sample.body, sample.path, sample.query, sample.headers, sample.stageVariables, sample.context});
    return bench;
}

void MainWindow::createProblemsDock()
{
    m_problems = new ProblemsPanel;
    auto *dock = new QDockWidget(tr("Problems"), this);
    dock->setObjectName(QStringLiteral("problemsDock"));
    dock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, dock);
    // A strip at the bottom, as in an IDE: the designer above keeps the room.
    resizeDocks({dock}, {130}, Qt::Vertical);
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->setObjectName(QStringLiteral("menuView"));
    QAction *toggle = dock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("actionShowProblems"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_6));
    viewMenu->addAction(toggle);
    connect(m_problems, &ProblemsPanel::locationActivated, this, &MainWindow::goToLintLocation);
    connect(m_problems, &ProblemsPanel::problemsChanged, this, [this, dock] {
        dock->setWindowTitle(tr("Problems (%1)").arg(m_problems->problems().size()));
    });
    connect(m_document, &editing::ApiDocument::changed, this,
            [this] { m_problems->scheduleLint(m_document->project()); });
    m_problems->lintNow(m_document->project());
}

bool MainWindow::goToLintLocation(const QString &location)
{
    if (!location.startsWith(QLatin1Char('/')))
        return false;
    const QStringList words = location.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const model::Resource *resource = m_document->api().findResourceByPath(words.value(0));
    if (!resource)
        return false;
    const QString verb = words.value(1);
    return select(resource->id, resource->methods.count(verb) ? verb : QString());
}

QDialog *MainWindow::openQuickOpen()
{
    auto *quickOpen = new QuickOpen(m_document->project(), this);
    quickOpen->setAttribute(Qt::WA_DeleteOnClose);
    connect(quickOpen, &QuickOpen::chosen, this, [this](const QString &resourceId, const QString &verb) {
        select(resourceId, verb);
        m_navigator->resourceTree()->setFocus();
    });
    connect(quickOpen, &QuickOpen::partChosen, this, [this](int kind, const QString &key) {
        selectPart(editing::PartKind(kind), key);
        m_navigator->partsTree()->setFocus();
    });
    // Centred at the top of the window, where the eye goes for a command palette.
    quickOpen->move(mapToGlobal(QPoint((width() - quickOpen->width()) / 2, 40)));
    quickOpen->show();
    quickOpen->input()->setFocus();
    return quickOpen;
}

bool MainWindow::offerRecovery()
{
    for (const editing::RecoveredProject &copy : editing::Autosaver::abandonedCopies()) {
        const QMessageBox::StandardButton answer = askRestoreRecovery(copy);
        if (answer == QMessageBox::Cancel)
            continue;
        if (answer == QMessageBox::Yes) {
            if (!maybeSave())
                return false;
            (void)m_navigator->forgetCollapsed();
            m_document->adoptUnsaved(copy.project, copy.originalPath);
            editing::Autosaver::discard(copy);
            return true;
        }
        editing::Autosaver::discard(copy);
    }
    return false;
}

QMessageBox::StandardButton MainWindow::askRestoreRecovery(const editing::RecoveredProject &copy)
{
    const QString what = copy.originalPath.isEmpty() ? tr("an untitled project (%1)").arg(copy.project.api.name)
                                                     : QDir::toNativeSeparators(copy.originalPath);
    QMessageBox box(QMessageBox::Question, tr("Restore unsaved work?"),
                    tr("Portico did not close normally last time. Unsaved changes to %1 were kept "
                       "(%2).")
                        .arg(what, QLocale().toString(copy.savedAt.toLocalTime(), QLocale::ShortFormat)),
                    QMessageBox::Yes | QMessageBox::No | QMessageBox::Cancel, this);
    box.button(QMessageBox::Yes)->setText(tr("&Restore"));
    box.button(QMessageBox::No)->setText(tr("&Discard"));
    box.button(QMessageBox::Cancel)->setText(tr("&Later"));
    box.setInformativeText(tr("Restore opens them unsaved; Discard deletes the copy; Later keeps it "
                              "for the next start."));
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

bool MainWindow::importOpenApi(const QString &path, const ImportChoice &choice)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        showErrors(tr("Cannot import"), tr("%1 could not be read.").arg(QDir::toNativeSeparators(path)),
                   {base::Diagnostic::error(QString(), file.errorString())});
        return false;
    }
    const QByteArray text = file.readAll();
    openapi::ImportOptions options;
    options.basePath = choice.basePath;
    if (choice.mode != ImportChoice::Mode::NewProject)
        options.apiId = m_document->api().id;
    QGuiApplication::setOverrideCursor(Qt::WaitCursor);
    auto imported = openapi::importOpenApi(text, options);
    QGuiApplication::restoreOverrideCursor();
    if (!imported.ok()) {
        showErrors(tr("Cannot import"),
                   tr("%1 is not an OpenAPI 3.0 or Swagger 2.0 definition that can be read.")
                       .arg(QDir::toNativeSeparators(path)),
                   imported.errors());
        return false;
    }
    const QString fileName = QFileInfo(path).fileName();
    switch (choice.mode) {
    case ImportChoice::Mode::NewProject: {
        if (!maybeSave())
            return false;
        model::Project project;
        project.api = imported->api;
        (void)m_navigator->forgetCollapsed();
        m_document->adoptUnsaved(std::move(project));
        break;
    }
    case ImportChoice::Mode::Merge: {
        model::RestApi merged = m_document->api();
        openapi::mergeApi(merged, imported->api);
        if (const base::Status status = m_document->replaceApi(std::move(merged), tr("Merge %1").arg(fileName));
            !status.ok()) {
            showErrors(tr("Cannot import"), tr("%1 could not be merged.").arg(fileName), status.errors());
            return false;
        }
        break;
    }
    case ImportChoice::Mode::Overwrite: {
        model::RestApi replaced = m_document->api();
        openapi::overwriteApi(replaced, imported->api);
        if (const base::Status status = m_document->replaceApi(std::move(replaced), tr("Import %1").arg(fileName));
            !status.ok()) {
            showErrors(tr("Cannot import"), tr("%1 could not replace the API.").arg(fileName), status.errors());
            return false;
        }
        break;
    }
    }
    delete m_importReport;
    m_importReport = nullptr;
    if (!imported->report.empty()) {
        const QString summary
            = tr("%1 imported. %n problem(s) found: each row says where in the file and what became "
                 "of it. Click a row to go to the place.",
                 nullptr, static_cast<int>(imported->report.size()))
                  .arg(fileName);
        m_importReport = new ImportReportView(summary, imported->report, this);
        connect(m_importReport, &ImportReportView::locationActivated, this, &MainWindow::goToOpenApiLocation);
        m_importReport->show();
    }
    return true;
}

bool MainWindow::exportTo(const QString &path, const openapi::ExportOptions &options)
{
    const auto exported = openapi::exportProject(m_document->project(), options);
    base::Status status = exported.ok() ? base::writeFileAtomically(path, exported->text)
                                        : base::Status(exported.errors());
    if (!status.ok()) {
        showErrors(tr("Cannot export"), tr("%1 was not written.").arg(QDir::toNativeSeparators(path)),
                   status.errors());
        return false;
    }
    if (!exported->warnings.empty())
        showErrors(tr("Exported with warnings"),
                   tr("%1 was written; some parts could not be exported as they are.")
                       .arg(QDir::toNativeSeparators(path)),
                   exported->warnings);
    return true;
}

bool MainWindow::goToOpenApiLocation(const QString &pointer)
{
    const QStringList tokens = base::jsonPointerTokens(pointer);
    if (tokens.size() < 2 || tokens[0] != QLatin1String("paths"))
        return false;
    const QString path = tokens[1];
    QString verb = tokens.value(2).toUpper();
    if (verb == QLatin1String("X-AMAZON-APIGATEWAY-ANY-METHOD"))
        verb = QStringLiteral("ANY");
    // With a base path prepended, the resource's path ends with the file's path.
    const model::RestApi &api = m_document->api();
    const model::Resource *resource = api.findResourceByPath(path);
    for (size_t i = 0; !resource && i < api.resources.size(); ++i)
        if (api.pathOf(api.resources[i].id).endsWith(path))
            resource = &api.resources[i];
    if (!resource)
        return false;
    if (!resource->methods.count(verb))
        verb.clear();
    return select(resource->id, verb);
}

QString MainWindow::askImportFileName()
{
    return QFileDialog::getOpenFileName(this, tr("Import OpenAPI / Swagger"),
                                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                        tr("OpenAPI and Swagger (*.json *.yaml *.yml);;All files (*)"));
}

std::optional<ImportChoice> MainWindow::askImportChoice(const QString &path)
{
    ImportOptionsDialog dialog(QFileInfo(path).fileName(), m_document->displayName(), this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.choice();
}

std::optional<openapi::ExportOptions> MainWindow::askExportOptions()
{
    QStringList stages;
    for (const model::Stage &stage : m_document->project().stages)
        stages << stage.stageName;
    ExportOptionsDialog dialog(stages, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.options();
}

QString MainWindow::askExportFileName(const openapi::ExportOptions &options)
{
    const QString base = m_document->filePath().isEmpty()
                             ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                   + QLatin1Char('/') + m_document->api().name
                             : m_document->filePath().chopped(model::ProjectFile::kSuffix.size());
    const QString kind = options.format == openapi::ExportFormat::Swagger2   ? QStringLiteral(".swagger")
                         : options.format == openapi::ExportFormat::OpenApi3 ? QStringLiteral(".openapi")
                                                                             : QStringLiteral(".template");
    const QString suffix = options.yaml ? QStringLiteral(".yaml") : QStringLiteral(".json");
    return QFileDialog::getSaveFileName(this, tr("Export"), base + kind + suffix,
                                        tr("Definitions (*%1);;All files (*)").arg(suffix));
}

QString MainWindow::askOpenFileName()
{
    const QString dir = m_document->filePath().isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
        : QFileInfo(m_document->filePath()).absolutePath();
    return QFileDialog::getOpenFileName(this, tr("Open Project"), dir, fileFilter());
}

QString MainWindow::askSaveFileName()
{
    QString suggestion = m_document->filePath();
    if (suggestion.isEmpty()) {
        const QString name
            = m_document->api().name.isEmpty() ? tr("Untitled") : m_document->api().name;
        suggestion = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                         .filePath(name.toLower() + model::ProjectFile::kSuffix);
    }
    return QFileDialog::getSaveFileName(this, tr("Save Project As"), suggestion, fileFilter());
}

std::optional<QString> MainWindow::askPathPart(const QString &parentPath)
{
    bool ok = false;
    const QString answer = QInputDialog::getText(
        this, tr("Add Child Resource"),
        tr("Path part under %1\n(a name, {parameter} or {proxy+}):").arg(parentPath),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

std::optional<QString> MainWindow::askVerb(const QString &resourcePath, const QStringList &verbs)
{
    bool ok = false;
    const QString answer = QInputDialog::getItem(
        this, tr("Add Method"), tr("Method for %1:").arg(resourcePath), verbs, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

QMessageBox::StandardButton MainWindow::askSaveChanges()
{
    return QMessageBox::warning(
        this, tr("Unsaved Changes"),
        tr("%1 has unsaved changes. Save them?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
}

void MainWindow::showErrors(const QString &title, const QString &text,
                            const std::vector<base::Diagnostic> &errors)
{
    QStringList lines;
    for (const base::Diagnostic &error : errors)
        lines.append(error.toString());
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    // A broken file can hold hundreds of problems: show the first ones, keep all in the details.
    if (lines.size() > kMaxErrorLines) {
        box.setInformativeText(lines.mid(0, kMaxErrorLines).join(QLatin1Char('\n'))
                               + QLatin1Char('\n')
                               + tr("... and %1 more").arg(lines.size() - kMaxErrorLines));
        box.setDetailedText(lines.join(QLatin1Char('\n')));
    } else {
        box.setInformativeText(lines.join(QLatin1Char('\n')));
    }
    box.exec();
}

bool MainWindow::maybeSave()
{
    if (!m_document->isDirty())
        return true;
    switch (askSaveChanges()) {
    case QMessageBox::Save:
        return save();
    case QMessageBox::Discard:
        return true;
    default:
        return false;
    }
}

void MainWindow::promptAddChildResource()
{
    QString parentId = currentResourceId();
    if (parentId.isEmpty() && m_document->api().root())
        parentId = m_document->api().root()->id;
    const QString parentPath = m_document->api().pathOf(parentId);
    std::optional<QString> pathPart = askPathPart(parentPath);
    if (!pathPart)
        return;
    // "/orders" is what people type when they think in paths.
    QString part = pathPart->trimmed();
    if (part.startsWith(QLatin1Char('/')))
        part.remove(0, 1);
    const base::Result<QString> added = addChildResource(parentId, part);
    if (!added.ok()) {
        showErrors(tr("Cannot add resource"),
                   tr("%1 cannot be added under %2.").arg(part, parentPath), added.errors());
    }
}

void MainWindow::promptAddMethod()
{
    const QString resourceId = currentResourceId();
    const model::Resource *resource = m_document->api().findResource(resourceId);
    if (!resource)
        return;
    QStringList available;
    for (const QString &verb : model::httpVerbs()) {
        if (!resource->methods.contains(verb))
            available.append(verb);
    }
    const QString path = m_document->api().pathOf(resourceId);
    if (available.isEmpty())
        return;
    const std::optional<QString> verb = askVerb(path, available);
    if (!verb)
        return;
    const base::Status status = addMethod(resourceId, *verb);
    if (!status.ok()) {
        showErrors(tr("Cannot add method"), tr("%1 cannot be added to %2.").arg(*verb, path),
                   status.errors());
    }
}

void MainWindow::deleteSelected()
{
    const base::Status status = deleteSelection();
    if (!status.ok())
        showErrors(tr("Cannot delete"), tr("The selection cannot be deleted."), status.errors());
}

base::Result<QString> MainWindow::duplicateResource(const QString &resourceId, const QString &newPathPart)
{
    model::RestApi api = m_document->api();
    base::Result<QString> copy = model::ApiEditor(api).duplicateResource(resourceId, newPathPart);
    if (!copy.ok())
        return copy;
    const base::Status status
        = m_document->replaceApi(std::move(api), tr("Duplicate %1").arg(m_document->api().pathOf(resourceId)));
    if (!status.ok())
        return status.errors();
    select(copy.value());
    return copy;
}

base::Status MainWindow::duplicateMethod(const QString &resourceId, const QString &verb, const QString &newVerb)
{
    model::RestApi api = m_document->api();
    if (base::Status status = model::ApiEditor(api).duplicateMethod(resourceId, verb, newVerb); !status.ok())
        return status;
    base::Status status = m_document->replaceApi(std::move(api), tr("Duplicate %1 as %2").arg(verb, newVerb));
    if (status.ok())
        select(resourceId, newVerb);
    return status;
}

base::Result<model::CorsResult> MainWindow::enableCors(const QString &resourceId, const model::CorsOptions &options)
{
    model::RestApi api = m_document->api();
    base::Result<model::CorsResult> result = model::CorsConfigurator(api).enable(resourceId, options);
    if (!result.ok())
        return result;
    if (api == m_document->api())
        return result; // already enabled with these options
    const base::Status status
        = m_document->replaceApi(std::move(api), tr("Enable CORS on %1").arg(m_document->api().pathOf(resourceId)));
    if (!status.ok())
        return status.errors();
    return result;
}

void MainWindow::promptDuplicate()
{
    const QString resourceId = currentResourceId();
    const QString verb = currentVerb();
    const model::Resource *resource = m_document->api().findResource(resourceId);
    if (!resource)
        return;
    const QString path = m_document->api().pathOf(resourceId);
    if (!verb.isEmpty()) {
        QStringList available;
        for (const QString &candidate : model::httpVerbs()) {
            if (!resource->methods.contains(candidate))
                available << candidate;
        }
        if (available.isEmpty())
            return;
        const std::optional<QString> newVerb = askVerb(path, available);
        if (!newVerb)
            return;
        const base::Status status = duplicateMethod(resourceId, verb, *newVerb);
        if (!status.ok())
            showErrors(tr("Cannot duplicate"), tr("%1 %2 cannot be duplicated.").arg(verb, path), status.errors());
        return;
    }
    const std::optional<QString> part = askPathPart(m_document->api().pathOf(resource->parentId));
    if (!part)
        return;
    const base::Result<QString> copy = duplicateResource(resourceId, part->trimmed());
    if (!copy.ok())
        showErrors(tr("Cannot duplicate"), tr("%1 cannot be duplicated.").arg(path), copy.errors());
}

void MainWindow::promptEnableCors()
{
    const QString resourceId = currentResourceId();
    const model::Resource *resource = m_document->api().findResource(resourceId);
    if (!resource)
        return;
    QStringList verbs;
    for (const auto &[verb, method] : resource->methods)
        verbs << verb;
    const QString path = m_document->api().pathOf(resourceId);
    const std::optional<model::CorsOptions> options = askCorsOptions(path, verbs);
    if (!options)
        return;
    const base::Result<model::CorsResult> result = enableCors(resourceId, *options);
    if (!result.ok()) {
        showErrors(tr("Cannot enable CORS"), tr("CORS cannot be enabled on %1.").arg(path), result.errors());
        return;
    }
    statusBar()->showMessage(result->notes.isEmpty() ? tr("CORS enabled on %1").arg(path)
                                                     : tr("CORS enabled on %1; %2").arg(path, result->notes.join(QStringLiteral("; "))),
                             8000);
}

std::optional<model::CorsOptions> MainWindow::askCorsOptions(const QString &resourcePath, const QStringList &verbs)
{
    CorsDialog dialog(resourcePath, verbs, this);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.options();
}

base::Status MainWindow::deleteSelection()
{
    using editing::PartKind;
    if (const std::optional<Navigator::PartSelection> part = m_navigator->currentPart()) {
        if (part->key.isEmpty())
            return base::success();
        const QString text = tr("Delete %1").arg(editing::sectionTitle(part->kind));
        switch (part->kind) {
        case PartKind::Model: return m_document->setPart<model::Model>(part->key, std::nullopt, text);
        case PartKind::Authorizer: return m_document->setPart<model::Authorizer>(part->key, std::nullopt, text);
        case PartKind::RequestValidator:
            return m_document->setPart<model::RequestValidator>(part->key, std::nullopt, text);
        case PartKind::GatewayResponse:
            return m_document->setPart<model::GatewayResponse>(part->key, std::nullopt, text);
        case PartKind::LocalFunction: return m_document->setPart<model::LocalFunction>(part->key, std::nullopt, text);
        case PartKind::Stage: return m_document->setPart<model::Stage>(part->key, std::nullopt, text);
        case PartKind::Deployment: return m_document->setPart<model::Deployment>(part->key, std::nullopt, text);
        case PartKind::ApiKey: return m_document->setPart<model::ApiKey>(part->key, std::nullopt, text);
        case PartKind::UsagePlan: return m_document->setPart<model::UsagePlan>(part->key, std::nullopt, text);
        }
        return base::success();
    }
    const QString resourceId = currentResourceId();
    if (resourceId.isEmpty())
        return base::success();
    return deleteNode(resourceId, currentVerb());
}

void MainWindow::promptAddPart(editing::PartKind kind)
{
    using editing::PartKind;
    if (kind == PartKind::Stage || kind == PartKind::Deployment) {
        runDeployDialog(QString());
        return;
    }
    QStringList choices;
    if (kind == PartKind::GatewayResponse) {
        for (const QString &type : runtime::gatewayResponseTypes()) {
            if (!editing::findPart<model::GatewayResponse>(m_document->project(), type))
                choices << type;
        }
        if (choices.isEmpty())
            return;
    }
    const std::optional<QString> name = askPartName(kind, choices);
    if (!name)
        return;
    const base::Result<QString> added = addPart(kind, name->trimmed());
    if (!added.ok())
        showErrors(tr("Cannot add"), tr("%1 cannot be added.").arg(*name), added.errors());
}

base::Result<QString> MainWindow::addPart(editing::PartKind kind, const QString &name)
{
    using editing::PartKind;
    const QString text = tr("Add %1").arg(editing::sectionTitle(kind));
    base::Status status = base::success();
    QString key = name;
    switch (kind) {
    case PartKind::Model: {
        model::Model m;
        m.id = base::newResourceId();
        m.name = name;
        m.schema = QStringLiteral("{\n  \"$schema\": \"http://json-schema.org/draft-04/schema#\",\n  \"title\": %1,\n"
                                  "  \"type\": \"object\",\n  \"properties\": {}\n}")
                       .arg(base::jsonQuoted(name));
        static const QRegularExpression alphanumeric(QStringLiteral("^[a-zA-Z0-9]+$"));
        if (!alphanumeric.match(name).hasMatch())
            return base::Diagnostic::error(QStringLiteral("model %1").arg(name), tr("a model name is letters and digits only"));
        status = m_document->setPart<model::Model>(QString(), std::move(m), text);
        break;
    }
    case PartKind::Authorizer: {
        model::Authorizer a;
        a.id = key = base::newResourceId();
        a.name = name;
        a.identitySource = QStringLiteral("method.request.header.Authorization");
        status = m_document->setPart<model::Authorizer>(QString(), std::move(a), text);
        break;
    }
    case PartKind::RequestValidator: {
        model::RequestValidator v;
        v.id = key = base::newResourceId();
        v.name = name;
        v.validateRequestBody = true;
        v.validateRequestParameters = true;
        status = m_document->setPart<model::RequestValidator>(QString(), std::move(v), text);
        break;
    }
    case PartKind::GatewayResponse: {
        if (!runtime::gatewayResponseTypes().contains(name))
            return base::Diagnostic::error(name, tr("not a gateway response type"));
        model::GatewayResponse g;
        g.responseType = name;
        g.responseTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"message\":$context.error.messageString}");
        status = m_document->setPart<model::GatewayResponse>(QString(), std::move(g), text);
        break;
    }
    case PartKind::LocalFunction: {
        model::LocalFunction f;
        f.name = name;
        f.handler = QStringLiteral("index.handler");
        status = m_document->setPart<model::LocalFunction>(QString(), std::move(f), text);
        break;
    }
    case PartKind::Stage:
    case PartKind::Deployment: {
        base::Result<QString> deployed = deployTo(name, QString());
        if (!deployed.ok())
            return deployed.errors();
        key = kind == PartKind::Stage ? name : deployed.value();
        break;
    }
    case PartKind::ApiKey: {
        model::ApiKey k;
        k.id = key = base::newResourceId();
        k.name = name;
        k.value = base::newApiKeyValue();
        status = m_document->setPart<model::ApiKey>(QString(), std::move(k), text);
        break;
    }
    case PartKind::UsagePlan: {
        model::UsagePlan p;
        p.id = key = base::newResourceId();
        p.name = name;
        status = m_document->setPart<model::UsagePlan>(QString(), std::move(p), text);
        break;
    }
    }
    if (!status.ok())
        return status.errors();
    selectPart(kind, key);
    return key;
}

void MainWindow::runDeployDialog(const QString &stageName)
{
    DeployDialog dialog(m_document, this);
    if (!stageName.isEmpty())
        dialog.setStage(stageName);
    connect(&dialog, &DeployDialog::deployed, this, &MainWindow::showDeployed);
    dialog.exec();
}

base::Result<QString> MainWindow::deployTo(const QString &stageName, const QString &description)
{
    base::Result<QString> deployed = m_document->deploy(stageName, description);
    if (deployed.ok())
        showDeployed(stageName.trimmed(), deployed.value());
    return deployed;
}

void MainWindow::showDeployed(const QString &stageName, const QString &deploymentId)
{
    selectPart(editing::PartKind::Stage, stageName);
    statusBar()->showMessage(tr("Deployed to %1 (deployment %2)").arg(stageName, deploymentId), 5000);
}

base::Status MainWindow::importApiKeys(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return base::Diagnostic::error(QDir::toNativeSeparators(path), file.errorString());
    model::Project project = m_document->project();
    const model::ApiKeyImport imported = model::ApiKeys(project).importCsv(file.readAll(), QFileInfo(path).fileName());
    // Every key and plan the import touched, as one undo step.
    m_document->undoStack()->beginMacro(tr("Import API Keys"));
    base::Status status = base::success();
    for (const model::ApiKey &key : project.apiKeys) {
        const model::ApiKey *old = editing::findPart<model::ApiKey>(m_document->project(), key.id);
        if (!old || *old != key)
            status = m_document->setPart<model::ApiKey>(old ? key.id : QString(), key, tr("Import API Key"));
        if (!status.ok())
            break;
    }
    for (const model::UsagePlan &plan : project.usagePlans) {
        const model::UsagePlan *old = editing::findPart<model::UsagePlan>(m_document->project(), plan.id);
        if (status.ok() && old && *old != plan)
            status = m_document->setPart<model::UsagePlan>(plan.id, plan, tr("Add Imported Keys to Plan"));
    }
    m_document->undoStack()->endMacro();
    if (!status.ok())
        return status;
    if (!imported.problems.empty()) {
        showErrors(tr("Some API keys were not imported"),
                   tr("%1 added, %2 updated; these rows were skipped:").arg(imported.added).arg(imported.updated),
                   imported.problems);
    } else {
        statusBar()->showMessage(tr("%1 API keys added, %2 updated").arg(imported.added).arg(imported.updated), 5000);
    }
    selectPart(editing::PartKind::ApiKey);
    return base::success();
}

std::optional<QString> MainWindow::askPartName(editing::PartKind kind, const QStringList &choices)
{
    bool ok = false;
    const QString title = tr("Add to %1").arg(editing::sectionTitle(kind));
    const QString answer = choices.isEmpty()
                               ? QInputDialog::getText(this, title, tr("Name:"), QLineEdit::Normal, QString(), &ok)
                               : QInputDialog::getItem(this, title, tr("Response type:"), choices, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    return answer;
}

QString MainWindow::askApiKeyCsvFileName()
{
    return QFileDialog::getOpenFileName(this, tr("Import API Keys"),
                                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                        tr("CSV files (*.csv);;All files (*)"));
}

void MainWindow::openRecentFile(const QString &path)
{
    if (!QFileInfo(path).isFile()) {
        RecentFiles().remove(path);
        rebuildRecentMenu();
    }
    openFile(path);
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList files = RecentFiles().files();
    for (qsizetype i = 0; i < files.size(); ++i) {
        const QString &path = files.at(i);
        // "&1 petstore.portico.json": a mnemonic per entry; the full path in the status tip.
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1 %2").arg(i + 1).arg(QFileInfo(path).fileName()));
        action->setStatusTip(QDir::toNativeSeparators(path));
        action->setToolTip(QDir::toNativeSeparators(path));
        action->setData(path);
        connect(action, &QAction::triggered, this, [this, path] { openRecentFile(path); });
    }
    m_recentMenu->addSeparator();
    QAction *clear = m_recentMenu->addAction(tr("&Clear Menu"));
    clear->setObjectName(QStringLiteral("actionClearRecent"));
    clear->setEnabled(!files.isEmpty());
    connect(clear, &QAction::triggered, this, [this] {
        RecentFiles().clear();
        rebuildRecentMenu();
    });
}

void MainWindow::updateTitle()
{
    // "[*]" is where Qt puts the unsaved mark when windowModified is true.
    setWindowTitle(tr("%1[*] — Portico").arg(m_document->displayName()));
    setWindowModified(m_document->isDirty());
}

void MainWindow::updateActions()
{
    const std::optional<Navigator::PartSelection> part = m_navigator->currentPart();
    m_addPartAction->setEnabled(part.has_value());
    if (part)
        m_addPartAction->setText(tr("&Add to %1...").arg(editing::sectionTitle(part->kind)));

    const QString resourceId = currentResourceId();
    const model::Resource *resource = m_document->api().findResource(resourceId);
    const bool methodSelected = !currentVerb().isEmpty();
    const bool canHaveChildren = !resource || !resource->isGreedy();
    m_addResourceAction->setEnabled(canHaveChildren);
    m_addMethodAction->setEnabled(
        resource && resource->methods.size() < static_cast<size_t>(model::httpVerbs().size()));
    m_deleteAction->setEnabled(part ? !part->key.isEmpty() : resource && (methodSelected || !resource->isRoot()));
    m_duplicateAction->setEnabled(!part && resource && (methodSelected || !resource->isRoot()));
    m_corsAction->setEnabled(!part && resource && !methodSelected);
    const auto method = resource && methodSelected ? resource->methods.find(currentVerb()) : decltype(resource->methods.end()){};
    m_editTemplateAction->setEnabled(resource && methodSelected && method != resource->methods.end()
                                     && method->second.integration.has_value());
    m_editResponseTemplateAction->setEnabled(methodSelected
                                             && !defaultIntegrationResponse(resourceId, currentVerb()).isEmpty());
}

void MainWindow::addEditorTab(workbench::TemplateWorkbench *bench, const QString &title, const QString &toolTip)
{
    const int index = m_editorTabs->addTab(bench, title);
    m_editorTabs->setTabToolTip(index, toolTip);
    bench->setWindowTitle(toolTip);
    m_editorTabs->setCurrentIndex(index);
    // Open to type in, as an editor tab in an IDE (the workbench hands the focus to its editor).
    bench->setFocus();
}

void MainWindow::closeEditorTab(QWidget *page)
{
    const int index = m_editorTabs->indexOf(page);
    if (index <= 0)
        return;
    m_editorTabs->removeTab(index);
    // Later: this may run inside the workbench's own signal.
    page->deleteLater();
}

TemplateBinding *MainWindow::bindingAt(int index) const
{
    QWidget *page = index > 0 ? m_editorTabs->widget(index) : nullptr;
    return page ? page->findChild<TemplateBinding *>(QString(), Qt::FindDirectChildrenOnly) : nullptr;
}

workbench::TemplateWorkbench *MainWindow::openTemplateScratchpad()
{
    auto *bench = new workbench::TemplateWorkbench;
    bench->setObjectName(QStringLiteral("templateScratchpad"));
    bench->setTemplateText(QStringLiteral("#set($pet = $input.path('$'))\n{\n  \"id\": $pet.id,\n"
                                          "  \"name\": \"$util.escapeJavaScript($pet.name)\"\n}\n"));
    addEditorTab(bench, tr("Scratchpad"), tr("A template tied to nothing: its edits never reach the project"));
    return bench;
}

workbench::TemplateWorkbench *MainWindow::editRequestTemplate(const QString &resourceId, const QString &verb,
                                                              const QString &contentType)
{
    return editTemplate(resourceId, verb, QString(), contentType);
}

workbench::TemplateWorkbench *MainWindow::editResponseTemplate(const QString &resourceId, const QString &verb,
                                                               const QString &contentType)
{
    const QString statusCode = defaultIntegrationResponse(resourceId, verb);
    return statusCode.isEmpty() ? nullptr : editTemplate(resourceId, verb, statusCode, contentType);
}

workbench::TemplateWorkbench *MainWindow::editIntegrationResponseTemplate(const QString &resourceId,
                                                                         const QString &verb,
                                                                         const QString &statusCode,
                                                                         const QString &contentType)
{
    return editTemplate(resourceId, verb, statusCode, contentType);
}

QString MainWindow::defaultIntegrationResponse(const QString &resourceId, const QString &verb) const
{
    const model::Resource *resource = m_document->api().findResource(resourceId);
    const auto method = resource ? resource->methods.find(verb) : decltype(resource->methods.end()){};
    if (!resource || method == resource->methods.end() || !method->second.integration)
        return QString();
    const auto &responses = method->second.integration->integrationResponses;
    for (const auto &[status, response] : responses) {
        if (response.selectionPattern.isEmpty())
            return status;
    }
    return responses.empty() ? QString() : responses.begin()->first;
}

workbench::TemplateWorkbench *MainWindow::editTemplate(const QString &resourceId, const QString &verb,
                                                       const QString &statusCode, const QString &contentType)
{
    const model::Resource *resource = m_document->api().findResource(resourceId);
    const auto method = resource ? resource->methods.find(verb) : decltype(resource->methods.end()){};
    if (!resource || method == resource->methods.end() || !editing::hasTemplatePart(method->second, {statusCode, contentType}))
        return nullptr;
    const editing::TemplateSlot slot {statusCode, contentType};
    for (int index = 1; index < m_editorTabs->count(); ++index) {
        if (TemplateBinding *binding = bindingAt(index); binding && binding->isBoundTo(resourceId, verb, slot)) {
            showEditorTab(index);
            return qobject_cast<workbench::TemplateWorkbench *>(m_editorTabs->widget(index));
        }
    }

    auto *bench = new workbench::TemplateWorkbench;
    const auto nameBench = [bench](const editing::TemplateSlot &shown) {
        bench->setObjectName(shown.isRequest() ? QStringLiteral("requestTemplateWorkbench")
                                               : QStringLiteral("responseTemplateWorkbench"));
    };
    nameBench(slot);
    auto *binding = new TemplateBinding(m_document, bench, resourceId, verb, slot);
    connect(binding, &TemplateBinding::titleChanged, this, [this, bench, binding, nameBench] {
        const int index = m_editorTabs->indexOf(bench);
        if (index <= 0)
            return;
        m_editorTabs->setTabText(index, binding->title());
        m_editorTabs->setTabToolTip(index, binding->description());
        bench->setWindowTitle(binding->description());
        nameBench(binding->slot());
    });
    connect(binding, &TemplateBinding::editRefused, this,
            [this](const QString &message) { statusBar()->showMessage(message, 5000); });
    connect(binding, &TemplateBinding::templateGone, this, [this, bench] { closeEditorTab(bench); });
    connect(binding, &TemplateBinding::templateChosen, this,
            [this, binding](const editing::TemplateSlot &chosen) { chooseTemplate(binding, chosen); });
    connect(binding, &TemplateBinding::contentTypeWanted, this, [this, binding] { promptAddContentType(binding); });
    addEditorTab(bench, binding->title(), binding->description());
    return bench;
}

void MainWindow::chooseTemplate(TemplateBinding *binding, const editing::TemplateSlot &slot)
{
    for (int index = 1; index < m_editorTabs->count(); ++index) {
        if (TemplateBinding *other = bindingAt(index);
            other && other != binding && other->isBoundTo(binding->resourceId(), binding->verb(), slot)) {
            // One tab per template: the bar goes back to what its tab shows.
            binding->refreshChoices();
            showEditorTab(index);
            return;
        }
    }
    binding->retarget(slot);
}

void MainWindow::promptAddContentType(TemplateBinding *binding)
{
    const editing::TemplateSlot shown = binding->slot();
    const QString part = shown.isRequest() ? tr("the integration request")
                                           : tr("integration response %1").arg(shown.statusCode);
    const std::optional<QString> contentType = askContentType(part, binding->contentTypesOfPart());
    if (!contentType)
        return;
    const base::Status status = binding->addContentType(*contentType);
    if (!status.ok())
        showErrors(tr("Cannot add the template"), tr("No template was added to %1.").arg(part), status.errors());
}

std::optional<QString> MainWindow::askContentType(const QString &part, const QStringList &existing)
{
    QStringList offered;
    for (const QString &type : {QStringLiteral("application/json"), QStringLiteral("application/xml"),
                                QStringLiteral("text/plain"), QStringLiteral("text/html"),
                                QStringLiteral("application/x-www-form-urlencoded")})
        if (!existing.contains(type))
            offered.append(type);
    bool ok = false;
    const QString answer = QInputDialog::getItem(this, tr("Add Template"), tr("Content type of the new template for %1:").arg(part),
                                                 offered, 0, true, &ok);
    if (!ok || answer.trimmed().isEmpty())
        return std::nullopt;
    return answer.trimmed();
}

void MainWindow::updateDetails()
{
    if (const std::optional<Navigator::PartSelection> part = m_navigator->currentPart()) {
        // A deployment row opens the history with that deployment's changes.
        if (part->kind == editing::PartKind::Deployment && !part->key.isEmpty()
            && m_history->selectedDeployments() != QStringList {part->key})
            m_history->selectDeployments({part->key});
        if (m_partsView->showPart(part->kind, part->key)) {
            m_detailsStack->setCurrentWidget(m_partsView);
            return;
        }
    }
    if (!currentVerb().isEmpty() && m_methodExecution->showMethod(currentResourceId(), currentVerb())) {
        m_detailsStack->setCurrentWidget(m_methodExecution);
        return;
    }
    m_details->showSelection(m_document->api(), currentResourceId(), currentVerb());
    m_detailsStack->setCurrentWidget(m_details);
}

} // namespace portico::widgets
