#include "runcontrols.h"

#include "running/exchangetablemodel.h"

#include "inspector/inspectorpanel.h"

#include "editing/apidocument.h"
#include "running/runtimecontroller.h"
#include "running/trustedprojects.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSaveFile>
#include <QMenu>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStyle>
#include <QToolBar>
#include <QToolButton>

namespace portico::widgets {

namespace {
const QString kPortKey = QStringLiteral("runtime/port");
const QString kDraftKey = QStringLiteral("runtime/serveDraft");
const QString kVariablesKey = QStringLiteral("runtime/draftVariables");
const QString kKeptWholeKey = QStringLiteral("inspector/keptWhole");
const QString kHiddenStagesKey = QStringLiteral("runtime/hiddenStages");
constexpr int kDefaultKeptWhole = 10000;
// Rows kept in all, whole or as a summary: the table's own bound.
constexpr size_t kSummaryRows = 200000;
// Edits arrive per keystroke; the runtime recompiles after a pause in typing.
constexpr int kProjectDebounceMs = 300;
} // namespace

RunControls::RunControls(editing::ApiDocument *document, QWidget *window)
    : QObject(window)
    , m_document(document)
    , m_window(window)
    , m_runtime(new running::RuntimeController(this))
    , m_inspector(new inspector::InspectorPanel)
{
    const QSettings settings;
    m_startStop = new QAction(window->style()->standardIcon(QStyle::SP_MediaPlay), tr("&Start Runtime"), this);
    m_startStop->setObjectName(QStringLiteral("actionStartRuntime"));
    m_startStop->setShortcut(QKeySequence(Qt::Key_F5));
    m_startStop->setToolTip(tr("Serve the API on loopback (F5)"));
    connect(m_startStop, &QAction::triggered, this, [this] {
        if (isRunning())
            stop();
        else
            start();
    });

    m_port = new QSpinBox;
    m_port->setObjectName(QStringLiteral("runtimePort"));
    m_port->setRange(0, 65535);
    m_port->setSpecialValueText(tr("any free port"));
    m_port->setPrefix(tr("port "));
    m_port->setValue(settings.value(kPortKey, 0).toInt());
    m_port->setToolTip(tr("The port to listen on; 0 picks a free one. Takes effect at the next start."));
    connect(m_port, &QSpinBox::valueChanged, this, [](int port) { QSettings().setValue(kPortKey, port); });
    m_draft = new QCheckBox(tr("Serve draft"));
    m_draft->setObjectName(QStringLiteral("runtimeDraft"));
    m_draft->setChecked(settings.value(kDraftKey, true).toBool());
    m_draft->setToolTip(tr("Also serve the API as it is now, undeployed, as stage \"draft\""));
    m_variables = new QLineEdit(settings.value(kVariablesKey).toString());
    m_variables->setObjectName(QStringLiteral("runtimeDraftVariables"));
    m_variables->setPlaceholderText(tr("draft stage variables: name=value, ..."));
    m_variables->setClearButtonEnabled(true);
    m_variables->setMaximumWidth(320);
    const auto draftChanged = [this] {
        QSettings settings;
        settings.setValue(kDraftKey, m_draft->isChecked());
        settings.setValue(kVariablesKey, m_variables->text());
        QString problem;
        const runtime::NamedStrings variables = parsedVariables(&problem);
        m_variables->setToolTip(problem);
        m_variables->setEnabled(m_draft->isChecked());
        if (problem.isEmpty() && m_runtime->isRunning())
            m_runtime->setDraft(m_draft->isChecked(), variables);
    };
    connect(m_draft, &QCheckBox::toggled, this, draftChanged);
    connect(m_variables, &QLineEdit::editingFinished, this, draftChanged);

    m_hiddenStages = settings.value(kHiddenStagesKey).toStringList();
    m_stages = new QToolButton;
    m_stages->setObjectName(QStringLiteral("runtimeStages"));
    m_stages->setText(tr("Stages"));
    m_stages->setToolTip(tr("Which deployed stages are served"));
    m_stages->setPopupMode(QToolButton::InstantPopup);
    auto *stagesMenu = new QMenu(m_stages);
    stagesMenu->setObjectName(QStringLiteral("runtimeStagesMenu"));
    m_stages->setMenu(stagesMenu);
    // Built when opened: the project's stages change with every deploy.
    connect(stagesMenu, &QMenu::aboutToShow, this, [this, stagesMenu] {
        stagesMenu->clear();
        for (const model::Stage &stage : m_document->project().stages) {
            QAction *action = stagesMenu->addAction(stage.stageName);
            action->setCheckable(true);
            action->setChecked(!m_hiddenStages.contains(stage.stageName));
            const QString name = stage.stageName;
            connect(action, &QAction::toggled, this, [this, name](bool served) { setStageServed(name, served); });
        }
        if (stagesMenu->isEmpty())
            stagesMenu->addAction(tr("(no deployed stage yet: Run > Deploy API)"))->setEnabled(false);
    });

    m_toolBar = new QToolBar(tr("Run"));
    m_toolBar->setObjectName(QStringLiteral("runToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_startStop);
    m_toolBar->addWidget(m_port);
    m_toolBar->addWidget(m_stages);
    m_toolBar->addWidget(m_draft);
    m_toolBar->addWidget(m_variables);

    m_status = new QWidget;
    m_status->setObjectName(QStringLiteral("runtimeStatus"));
    m_url = new QLabel;
    m_url->setObjectName(QStringLiteral("runtimeUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copy = new QToolButton;
    m_copy->setObjectName(QStringLiteral("runtimeCopyUrl"));
    m_copy->setText(tr("Copy"));
    m_copy->setAutoRaise(true);
    m_copy->setToolTip(tr("Copy the invoke URL"));
    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(invokeUrl()); });
    auto *statusLayout = new QHBoxLayout(m_status);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->addWidget(m_url);
    statusLayout->addWidget(m_copy);

    m_projectDebounce.setSingleShot(true);
    m_projectDebounce.setInterval(kProjectDebounceMs);
    connect(&m_projectDebounce, &QTimer::timeout, this, [this] {
        m_runtime->setProject(m_document->project(), m_document->filePath());
    });
    connect(m_document, &editing::ApiDocument::changed, this, &RunControls::projectChanged);
    connect(m_document, &editing::ApiDocument::filePathChanged, this, &RunControls::projectChanged);
    m_runtime->setProject(m_document->project(), m_document->filePath());
    setKeptWhole(settings.value(kKeptWholeKey, kDefaultKeptWhole).toInt());

    connect(m_runtime, &running::RuntimeController::exchangesArrived, m_inspector, &inspector::InspectorPanel::addExchanges);
    connect(m_runtime, &running::RuntimeController::exchangesArrived, this,
            [this](const std::vector<runtime::ExchangePtr> &batch) { m_requestsThisSecond += batch.size(); });
    connect(m_runtime, &running::RuntimeController::stagesChanged, this, &RunControls::updateStatus);
    connect(m_inspector, &inspector::InspectorPanel::exportHarRequested, this, &RunControls::exportHar);
    m_rateTimer.setInterval(1000);
    connect(&m_rateTimer, &QTimer::timeout, this, [this] {
        m_rate = double(m_requestsThisSecond);
        m_requestsThisSecond = 0;
        updateStatus();
    });

    askTrust = [this](const QString &projectPath) {
        return QMessageBox::question(m_window, tr("Run this project's local functions?"),
                                     tr("%1 has local functions: serving it runs their commands and code on this "
                                        "machine. Allow it only for projects you trust. Without it, integrations "
                                        "that call them answer as a failing Lambda would.")
                                         .arg(QDir::toNativeSeparators(projectPath)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
    askHarFileName = [this] {
        return QFileDialog::getSaveFileName(m_window, tr("Export HAR"),
                                            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation)
                                                + QStringLiteral("/portico.har"),
                                            tr("HAR files (*.har);;All files (*)"));
    };
    showError = [this](const QString &title, const QString &text) { QMessageBox::warning(m_window, title, text); };
    updateStatus();
}

RunControls::~RunControls()
{
    // The inspector may be docked elsewhere; the runtime goes with this object.
    m_runtime->stop();
}

bool RunControls::isRunning() const
{
    return m_runtime->isRunning();
}

QString RunControls::invokeUrl() const
{
    return m_runtime->baseUrl();
}

std::map<QString, QString> RunControls::stageVariables(const QString &stage) const
{
    if (const model::Stage *deployed = m_document->project().findStage(stage))
        return deployed->variables;
    std::map<QString, QString> variables;
    QString problem;
    for (const auto &[name, value] : parsedVariables(&problem))
        variables[name] = value;
    return variables;
}

void RunControls::setPort(int port)
{
    m_port->setValue(port);
}

void RunControls::setServeDraft(bool serve)
{
    m_draft->setChecked(serve);
}

void RunControls::setDraftVariables(const QString &text)
{
    m_variables->setText(text);
    Q_EMIT m_variables->editingFinished();
}

runtime::NamedStrings RunControls::parsedVariables(QString *problem) const
{
    runtime::NamedStrings variables;
    static const QRegularExpression separators(QStringLiteral("[,\\s]+"));
    for (const QString &pair : m_variables->text().split(separators, Qt::SkipEmptyParts)) {
        const qsizetype equals = pair.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *problem = tr("\"%1\" is not name=value").arg(pair);
            continue;
        }
        variables.emplace_back(pair.left(equals), pair.mid(equals + 1));
    }
    return variables;
}

bool RunControls::start()
{
    const QString path = m_document->filePath();
    if (!m_document->project().localFunctions.empty() && !running::TrustedProjects::isTrusted(path)) {
        if (askTrust && askTrust(path))
            running::TrustedProjects::trust(path);
    }
    running::RuntimeController::Settings settings;
    settings.port = quint16(m_port->value());
    settings.serveDraft = m_draft->isChecked();
    settings.hiddenStages = m_hiddenStages;
    QString problem;
    settings.draftVariables = parsedVariables(&problem);
    m_runtime->setProject(m_document->project(), path);
    const base::Status started = m_runtime->start(settings);
    if (!started.ok()) {
        if (showError)
            showError(tr("Cannot start the runtime"), started.error().toString());
        return false;
    }
    m_inspector->setBaseUrl(m_runtime->baseUrl());
    m_startStop->setText(tr("&Stop Runtime"));
    m_startStop->setIcon(m_window->style()->standardIcon(QStyle::SP_MediaStop));
    m_startStop->setToolTip(tr("Stop serving (F5)"));
    m_rateTimer.start();
    updateStatus();
    Q_EMIT runningChanged(true);
    return true;
}

void RunControls::stop()
{
    if (!m_runtime->isRunning())
        return;
    m_runtime->stop();
    m_rateTimer.stop();
    m_startStop->setText(tr("&Start Runtime"));
    m_startStop->setIcon(m_window->style()->standardIcon(QStyle::SP_MediaPlay));
    m_startStop->setToolTip(tr("Serve the API on loopback (F5)"));
    updateStatus();
    Q_EMIT runningChanged(false);
}

void RunControls::setStageServed(const QString &stage, bool served)
{
    if (served == !m_hiddenStages.contains(stage))
        return;
    if (served)
        m_hiddenStages.removeAll(stage);
    else
        m_hiddenStages.append(stage);
    QSettings().setValue(kHiddenStagesKey, m_hiddenStages);
    m_runtime->setHiddenStages(m_hiddenStages);
}

void RunControls::setKeptWhole(int requests)
{
    const int kept = std::clamp(requests, kMinKeptWhole, kMaxKeptWhole);
    m_inspector->model()->setLimits(size_t(kept), kSummaryRows);
    if (QSettings().value(kKeptWholeKey, kDefaultKeptWhole).toInt() != kept)
        QSettings().setValue(kKeptWholeKey, kept);
}

int RunControls::keptWhole() const
{
    return int(m_inspector->model()->fullLimit());
}

bool RunControls::handOverPendingEdits()
{
    if (!m_projectDebounce.isActive())
        return false;
    m_projectDebounce.stop();
    m_runtime->setProject(m_document->project(), m_document->filePath());
    return true;
}

void RunControls::projectChanged()
{
    if (m_runtime->isRunning())
        m_projectDebounce.start();
}

void RunControls::updateStatus()
{
    const bool running = m_runtime->isRunning();
    m_copy->setVisible(running);
    if (!running) {
        m_url->setText(tr("Runtime stopped (F5 starts it)"));
        return;
    }
    QString text = tr("Serving %1 · stages %2").arg(m_runtime->baseUrl(), m_runtime->stageNames().join(QStringLiteral(", ")));
    if (m_rate > 0)
        text += tr(" · %1 req/s").arg(m_rate, 0, 'f', 0);
    if (!m_runtime->problems().empty())
        text += tr(" · %1 problems").arg(m_runtime->problems().size());
    m_url->setText(text);
}

void RunControls::exportHar()
{
    const QString path = askHarFileName ? askHarFileName() : QString();
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_inspector->harForSelection()) < 0 || !file.commit()) {
        if (showError)
            showError(tr("Cannot export HAR"), tr("%1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    }
}

} // namespace portico::widgets
