#include "requestcomposer.h"

#include "requestform.h"
#include "responseview.h"

#include "editing/apidocument.h"
#include "running/capturedsample.h"
#include "running/runtimecontroller.h"
#include "runtime/expectationcheck.h"
#include "runtime/savedrequestbuilder.h"
#include "widgets/runcontrols.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTabBar>
#include <QTabWidget>
#include <QUrlQuery>
#include <QVBoxLayout>

namespace portico::widgets::composer {

namespace {

const QString kDraft = QStringLiteral("draft");
const QString kAny = QStringLiteral("ANY");
// Verbs that carry a body: a fresh request for them starts with a JSON content type.
const QStringList kBodyVerbs = {QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH")};
const QStringList kVerbs = {QStringLiteral("GET"),   QStringLiteral("POST"),   QStringLiteral("PUT"),
                            QStringLiteral("PATCH"), QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                            QStringLiteral("OPTIONS")};

QString methodLabel(const QString &verb, const QString &path)
{
    return verb + QLatin1Char(' ') + path;
}

QStringList failureTexts(const model::RequestExpectations &expect, const http::Response &response)
{
    QStringList texts;
    for (const runtime::ExpectationFailure &failure : runtime::checkExpectations(expect, response))
        texts << failure.toString();
    return texts;
}

} // namespace

RequestComposer::RequestComposer(editing::ApiDocument *document, RunControls *run, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_run(run)
    , m_sender(new running::RequestSender(run->runtime(), this))
{
    setObjectName(QStringLiteral("requestComposer"));
    m_method = new QComboBox;
    m_method->setObjectName(QStringLiteral("composerMethod"));
    m_method->setMinimumContentsLength(24);
    m_method->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_sendVerb = new QComboBox;
    m_sendVerb->setObjectName(QStringLiteral("composerSendVerb"));
    m_sendVerb->addItems(kVerbs);
    m_sendVerb->setToolTip(tr("The verb sent to this ANY method"));
    m_stage = new QComboBox;
    m_stage->setObjectName(QStringLiteral("composerStage"));
    m_stage->setToolTip(tr("The stage the request goes to"));
    m_overHttp = new QCheckBox(tr("Over HTTP"));
    m_overHttp->setObjectName(QStringLiteral("composerOverHttp"));
    m_overHttp->setToolTip(tr("Send over a real socket to the runtime's port, as curl would; "
                              "otherwise straight into the gateway, in process"));
    m_send = new QPushButton(tr("Send"));
    m_send->setObjectName(QStringLiteral("composerSend"));
    m_send->setDefault(true);
    m_send->setToolTip(tr("Send the request (Ctrl+Return)"));
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    sendShortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &RequestComposer::send);
    connect(m_send, &QPushButton::clicked, this, &RequestComposer::send);

    m_saved = new QComboBox;
    m_saved->setObjectName(QStringLiteral("composerSaved"));
    m_saved->setMinimumContentsLength(16);
    m_saved->setToolTip(tr("The requests saved for this method"));
    m_save = new QPushButton(tr("Save"));
    m_save->setObjectName(QStringLiteral("composerSave"));
    m_save->setToolTip(tr("Save the request, with its expectations, in the project"));
    m_saveAs = new QPushButton(tr("Save As..."));
    m_saveAs->setObjectName(QStringLiteral("composerSaveAs"));
    m_delete = new QPushButton(tr("Delete"));
    m_delete->setObjectName(QStringLiteral("composerDelete"));
    m_url = new QLabel;
    m_url->setObjectName(QStringLiteral("composerUrl"));
    m_url->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_url->setEnabled(false);

    auto *top = new QHBoxLayout;
    top->addWidget(m_method, 1);
    top->addWidget(m_sendVerb);
    top->addWidget(new QLabel(tr("to")));
    top->addWidget(m_stage);
    top->addWidget(m_overHttp);
    top->addWidget(m_send);
    auto *savedRow = new QHBoxLayout;
    savedRow->addWidget(new QLabel(tr("Saved:")));
    savedRow->addWidget(m_saved, 1);
    savedRow->addWidget(m_save);
    savedRow->addWidget(m_saveAs);
    savedRow->addWidget(m_delete);
    savedRow->addWidget(m_url, 2);

    m_form = new RequestForm;
    m_response = new ResponseView;
    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("composerSplit"));
    split->addWidget(m_form);
    split->addWidget(m_response);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    // Every request tab's title in view: they are what says what the request holds.
    m_form->setMinimumWidth(m_form->tabs()->tabBar()->sizeHint().width() + 8);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(savedRow);
    layout->addWidget(split, 1);

    askRequestName = [this](const QString &suggestion) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Save Request"), tr("Name:"), QLineEdit::Normal, suggestion, &ok);
        if (!ok || name.trimmed().isEmpty())
            return std::nullopt;
        return name.trimmed();
    };

    connect(m_method, &QComboBox::activated, this, &RequestComposer::methodChosen);
    connect(m_saved, &QComboBox::activated, this, &RequestComposer::savedChosen);
    connect(m_stage, &QComboBox::activated, this, &RequestComposer::targetChanged);
    connect(m_overHttp, &QCheckBox::toggled, this, &RequestComposer::targetChanged);
    connect(m_sendVerb, &QComboBox::activated, this, &RequestComposer::targetChanged);
    connect(m_form, &RequestForm::edited, this, &RequestComposer::targetChanged);
    connect(m_save, &QPushButton::clicked, this, [this] {
        const QString name = m_saved->currentData().toString();
        if (!name.isEmpty()) {
            (void)saveAs(name); // an error shows in the saved row's tooltip
            return;
        }
        m_saveAs->click();
    });
    connect(m_saveAs, &QPushButton::clicked, this, [this] {
        const QString suggestion = m_saved->currentData().toString().isEmpty()
                                       ? methodLabel(currentRequest().verb(), m_resourcePath)
                                       : m_saved->currentData().toString();
        if (const std::optional<QString> name = askRequestName(suggestion))
            (void)saveAs(*name);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { (void)deleteSaved(); });
    connect(m_sender, &running::RequestSender::finished, this, &RequestComposer::showSent);
    connect(m_run->runtime(), &running::RuntimeController::stagesChanged, this, [this] {
        refreshStages();
        if (m_sendWhenServed) {
            m_sendWhenServed = false;
            sendNow();
        }
    });
    connect(m_run, &RunControls::runningChanged, this, [this](bool running) {
        if (!running)
            m_sendWhenServed = false;
        refreshStages();
    });
    connect(m_document, &editing::ApiDocument::changed, this, [this] {
        refreshMethods();
        refreshSaved();
    });

    refreshMethods();
    refreshStages();
    targetChanged();
    if (m_method->count() > 0)
        methodChosen();
}

RequestComposer::~RequestComposer() = default;

void RequestComposer::refreshMethods()
{
    // A renamed or moved resource: the form stays, under the method's new path.
    if (!m_resourceId.isEmpty()) {
        const model::Resource *resource = m_document->api().findResource(m_resourceId);
        const QString path = resource ? m_document->api().pathOf(m_resourceId) : QString();
        if (resource && resource->methods.count(m_verb) && path != m_resourcePath) {
            m_resourcePath = path;
            m_form->setResourcePath(path);
        }
    }
    QStringList labels;
    const model::RestApi &api = m_document->api();
    for (const model::Resource &resource : api.resources) {
        const QString path = api.pathOf(resource.id);
        for (const auto &entry : resource.methods)
            labels << methodLabel(entry.first, path);
    }
    // By path, then verb: the order of the navigator's tree.
    std::sort(labels.begin(), labels.end(), [](const QString &a, const QString &b) {
        const QString pathA = a.section(QLatin1Char(' '), 1), pathB = b.section(QLatin1Char(' '), 1);
        return pathA != pathB ? pathA < pathB : a < b;
    });
    QStringList current;
    for (int i = 0; i < m_method->count(); ++i)
        current << m_method->itemText(i);
    if (current == labels)
        return;
    const int shown = labels.indexOf(methodLabel(m_verb, m_resourcePath));
    {
        const QSignalBlocker blocker(m_method);
        m_method->clear();
        m_method->addItems(labels);
        m_method->setCurrentIndex(std::max(0, shown));
    }
    // The method shown was deleted (or renamed away): show one that exists.
    if (shown < 0 && !labels.isEmpty() && !m_resourcePath.isEmpty())
        methodChosen();
}

void RequestComposer::refreshStages()
{
    QStringList stages;
    if (m_run->isRunning())
        stages = m_run->runtime()->stageNames();
    if (stages.isEmpty()) {
        stages << kDraft;
        for (const model::Stage &stage : m_document->project().stages)
            stages << stage.stageName;
    }
    // The draft first: it is what the composer is mostly for.
    if (stages.removeAll(kDraft) > 0 || !m_run->isRunning())
        stages.prepend(kDraft);
    QStringList current;
    for (int i = 0; i < m_stage->count(); ++i)
        current << m_stage->itemText(i);
    if (current == stages)
        return;
    const QString chosen = m_stage->currentText();
    const QSignalBlocker blocker(m_stage);
    m_stage->clear();
    m_stage->addItems(stages);
    m_stage->setCurrentIndex(std::max(0, m_stage->findText(chosen)));
    targetChanged();
}

void RequestComposer::refreshSaved()
{
    const QString shown = m_saved->currentData().toString();
    const QSignalBlocker blocker(m_saved);
    m_saved->clear();
    m_saved->addItem(tr("(not saved)"), QString());
    for (const model::SavedRequest &request : m_document->project().savedRequests) {
        if (request.resourcePath == m_resourcePath && request.httpMethod == m_verb)
            m_saved->addItem(request.name, request.name);
    }
    m_saved->setCurrentIndex(std::max(0, m_saved->findData(shown)));
    m_delete->setEnabled(m_saved->currentIndex() > 0);
}

bool RequestComposer::openMethod(const QString &resourcePath, const QString &verb, const QString &savedName)
{
    const model::Resource *resource = m_document->api().findResourceByPath(resourcePath);
    if (!resource || !resource->methods.count(verb))
        return false;
    m_resourceId = resource->id;
    m_resourcePath = resourcePath;
    m_verb = verb;
    m_method->setCurrentIndex(m_method->findText(methodLabel(verb, resourcePath)));
    const model::SavedRequest *chosen = nullptr;
    for (const model::SavedRequest &request : m_document->project().savedRequests) {
        if (request.resourcePath == resourcePath && request.httpMethod == verb
            && (savedName.isEmpty() || request.name == savedName)) {
            chosen = &request;
            break;
        }
    }
    refreshSaved();
    if (chosen) {
        m_saved->setCurrentIndex(m_saved->findData(chosen->name));
        showRequest(*chosen);
    } else {
        m_saved->setCurrentIndex(0);
        showRequest(freshRequest(resourcePath, verb));
    }
    m_delete->setEnabled(m_saved->currentIndex() > 0);
    m_response->clear();
    return true;
}

bool RequestComposer::loadExchange(const runtime::ExchangePtr &exchange)
{
    if (!exchange)
        return false;
    const model::Resource *resource = m_document->api().findResourceByPath(exchange->resourcePath);
    if (!resource)
        return false;
    QString verb = exchange->httpMethod;
    if (!resource->methods.count(verb) && resource->methods.count(kAny))
        verb = kAny;
    if (!openMethod(exchange->resourcePath, verb))
        return false;
    // What was captured, not a saved request of the method.
    m_saved->setCurrentIndex(0);
    model::SavedRequest request = freshRequest(exchange->resourcePath, verb);
    request.sendMethod = verb == kAny ? exchange->httpMethod : QString();
    request.pathParameters = running::pathParameters(exchange->resourcePath, exchange->path);
    request.query.clear();
    const QUrlQuery query(QString::fromUtf8(exchange->request.query));
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded))
        request.query.emplace_back(name, value);
    request.headers.clear();
    for (const auto &[name, value] : exchange->request.headers) {
        const QByteArray lower = name.toLower();
        // What the transport adds on its own; the key and token have their own fields.
        if (lower == "host" || lower == "content-length" || lower == "connection" || lower == "transfer-encoding")
            continue;
        request.headers.emplace_back(QString::fromLatin1(name), QString::fromUtf8(value));
    }
    request.body = QString::fromUtf8(exchange->request.body);
    request.stageVariables = m_run->stageVariables(exchange->stage);
    showRequest(request);
    setTarget(exchange->stage, m_overHttp->isChecked());
    return true;
}

model::SavedRequest RequestComposer::freshRequest(const QString &resourcePath, const QString &verb) const
{
    model::SavedRequest request;
    request.resourcePath = resourcePath;
    request.httpMethod = verb;
    if (verb == kAny)
        request.sendMethod = QStringLiteral("GET");
    const model::Resource *resource = m_document->api().findResourceByPath(resourcePath);
    if (!resource)
        return request;
    const model::Method &method = resource->methods.at(verb);
    // The method's declared parameters as rows to fill in: the required ones are what a test
    // of the method needs first.
    for (const auto &[parameter, required] : method.requestParameters) {
        if (!required)
            continue;
        const QString name = parameter.section(QLatin1Char('.'), 3);
        if (parameter.startsWith(QLatin1String("method.request.querystring.")))
            request.query.emplace_back(name, QString());
        else if (parameter.startsWith(QLatin1String("method.request.header.")))
            request.headers.emplace_back(name, QString());
    }
    if (kBodyVerbs.contains(request.verb()))
        request.headers.emplace(request.headers.begin(), QStringLiteral("Content-Type"), QStringLiteral("application/json"));
    if (method.apiKeyRequired) {
        for (const model::ApiKey &key : m_document->project().apiKeys) {
            if (key.enabled) {
                request.apiKeyId = key.id;
                break;
            }
        }
    }
    if (m_run->isRunning())
        request.stageVariables = m_run->stageVariables(kDraft);
    return request;
}

void RequestComposer::showRequest(const model::SavedRequest &request)
{
    m_form->setRequest(request, m_document->project());
    const bool any = request.httpMethod == kAny;
    m_sendVerb->setVisible(any);
    if (any)
        m_sendVerb->setCurrentText(request.verb());
    targetChanged();
}

model::SavedRequest RequestComposer::currentRequest() const
{
    model::SavedRequest request = m_form->request();
    request.name = m_saved->currentData().toString();
    if (request.httpMethod == kAny)
        request.sendMethod = m_sendVerb->currentText();
    return request;
}

QString RequestComposer::currentStage() const
{
    return m_stage->currentText();
}

bool RequestComposer::overHttp() const
{
    return m_overHttp->isChecked();
}

void RequestComposer::setTarget(const QString &stage, bool overHttp)
{
    if (m_stage->findText(stage) < 0)
        m_stage->addItem(stage);
    m_stage->setCurrentText(stage);
    m_overHttp->setChecked(overHttp);
    targetChanged();
}

void RequestComposer::methodChosen()
{
    const QString label = m_method->currentText();
    openMethod(label.section(QLatin1Char(' '), 1), label.section(QLatin1Char(' '), 0, 0));
}

void RequestComposer::savedChosen()
{
    const QString name = m_saved->currentData().toString();
    if (name.isEmpty())
        showRequest(freshRequest(m_resourcePath, m_verb));
    else
        openMethod(m_resourcePath, m_verb, name);
}

void RequestComposer::targetChanged()
{
    const bool draftInProcess = currentStage() == kDraft && !m_overHttp->isChecked();
    m_form->setStageVariablesEnabled(draftInProcess,
                                     draftInProcess ? tr("Sent with this request to the draft, in place of the Run toolbar's.")
                                                    : tr("Only a request sent to the draft in process carries its own stage "
                                                         "variables; stage %1 serves its own.").arg(currentStage()));
    const base::Result<http::Request> built = runtime::buildRequest(currentRequest(), m_document->project(), currentStage());
    const QString base = m_run->isRunning() ? m_run->runtime()->baseUrl() : QStringLiteral("http://127.0.0.1:PORT");
    m_url->setText(built.ok() ? base + QString::fromUtf8(built.value().target) : built.error().message);
    m_delete->setEnabled(m_saved->currentIndex() > 0);
}

base::Status RequestComposer::saveAs(const QString &name)
{
    model::SavedRequest request = currentRequest();
    request.name = name.trimmed();
    // Replacing the one of that name keeps its place in the project file.
    bool exists = false;
    for (const model::SavedRequest &saved : m_document->project().savedRequests)
        exists = exists || saved.key() == request.key();
    const base::Status status = m_document->setPart<model::SavedRequest>(
        exists ? request.key() : QString(), request, tr("Save request %1").arg(request.name));
    m_saved->setToolTip(status.ok() ? tr("The requests saved for this method") : status.error().message);
    if (status.ok()) {
        refreshSaved();
        m_saved->setCurrentIndex(m_saved->findData(request.name));
        m_delete->setEnabled(true);
    }
    return status;
}

base::Status RequestComposer::deleteSaved()
{
    const QString name = m_saved->currentData().toString();
    if (name.isEmpty())
        return base::Diagnostic::error(QString(), tr("this request is not saved"));
    model::SavedRequest request = currentRequest();
    request.name = name;
    const base::Status status = m_document->setPart<model::SavedRequest>(request.key(), std::nullopt,
                                                                         tr("Delete request %1").arg(name));
    if (status.ok()) {
        refreshSaved();
        m_saved->setCurrentIndex(0);
    }
    return status;
}

void RequestComposer::send()
{
    // Already waiting for the runtime to serve: that send goes with what the form says then.
    if (m_sendWhenServed)
        return;
    if (!m_run->isRunning()) {
        // The runtime compiles the project once started; the request goes when it serves it.
        m_sendWhenServed = true;
        m_response->showSending(tr("starting the runtime"));
        if (!m_run->start()) {
            m_sendWhenServed = false;
            m_response->clear();
        }
        return;
    }
    if (m_run->handOverPendingEdits()) {
        m_sendWhenServed = true;
        m_response->showSending(tr("serving the latest edits"));
        return;
    }
    sendNow();
}

void RequestComposer::sendNow()
{
    const model::SavedRequest request = currentRequest();
    const QString stage = currentStage();
    base::Result<http::Request> built = runtime::buildRequest(request, m_document->project(), stage);
    if (!built.ok()) {
        running::SentRequest failed;
        failed.overHttp = m_overHttp->isChecked();
        failed.error = built.error().message;
        showSent(failed);
        return;
    }
    m_sentExpectations = request.expect;
    std::optional<runtime::NamedStrings> variables;
    if (stage == kDraft && !m_overHttp->isChecked()) {
        variables.emplace();
        for (const auto &[name, value] : request.stageVariables)
            variables->emplace_back(name, value);
    }
    m_response->showSending(QString::fromUtf8(built.value().method + ' ' + built.value().target));
    m_sender->send(built.value(), m_overHttp->isChecked(), variables);
}

void RequestComposer::showSent(const running::SentRequest &sent)
{
    const bool checked = !m_sentExpectations.isEmpty() && sent.error.isEmpty();
    m_response->showResult(sent, checked, checked ? failureTexts(m_sentExpectations, sent.response) : QStringList());
    Q_EMIT responseShown(sent);
}

} // namespace portico::widgets::composer
