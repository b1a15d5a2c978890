#include "methodexecutionview.h"

#include "formfields.h"
#include "integrationrequestform.h"
#include "integrationresponseform.h"
#include "methodrequestform.h"
#include "methodresponseform.h"

#include "editing/apidocument.h"
#include "widgets/verbbadgedelegate.h"

#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace portico::widgets::methodexecution {

namespace {
QString describeAuthorization(const model::RestApi &api, const model::Method &method)
{
    QString text = model::enumName(method.authorizationType);
    if (const model::Authorizer *authorizer = api.findAuthorizer(method.authorizerId))
        text += QStringLiteral(" (%1)").arg(authorizer->name);
    return MethodExecutionView::tr("Auth: %1").arg(text);
}

QString passthroughSummary(model::PassthroughBehavior behavior)
{
    switch (behavior) {
    case model::PassthroughBehavior::WhenNoMatch:
        return MethodExecutionView::tr("Passthrough when no match");
    case model::PassthroughBehavior::WhenNoTemplates:
        return MethodExecutionView::tr("Passthrough when no templates");
    case model::PassthroughBehavior::Never:
        return MethodExecutionView::tr("Never passthrough");
    }
    return QString();
}

QString joinKeys(const auto &map)
{
    QStringList keys;
    for (const auto &entry : map)
        keys.append(entry.first);
    return keys.join(QStringLiteral(", "));
}
} // namespace

MethodExecutionView::MethodExecutionView(editing::ApiDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("methodExecution"));

    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("methodExecutionTitle"));
    m_title->setTextFormat(Qt::RichText);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_editProblem = makeProblemLabel(QStringLiteral("methodEditProblem"));

    m_diagram = new MethodFlowDiagram;
    connect(m_diagram, &MethodFlowDiagram::boxActivated, this, &MethodExecutionView::openBox);

    m_methodRequest = new MethodRequestForm;
    m_integrationRequest = new IntegrationRequestForm;
    m_integrationResponse = new IntegrationResponseForm;
    m_methodResponse = new MethodResponseForm;
    m_forms = new QStackedWidget;
    m_forms->setObjectName(QStringLiteral("methodForms"));
    for (MethodForm *form : std::initializer_list<MethodForm *> {
             m_methodRequest, m_integrationRequest, m_integrationResponse, m_methodResponse}) {
        m_forms->addWidget(form);
        connect(form, &MethodForm::methodEdited, this, &MethodExecutionView::commit);
    }
    connect(m_integrationRequest, &IntegrationRequestForm::editTemplateRequested, this,
            [this](const QString &contentType) {
                Q_EMIT requestTemplateEditRequested(m_resourceId, m_verb, contentType);
            });
    connect(m_integrationResponse, &IntegrationResponseForm::editTemplateRequested, this,
            [this](const QString &statusCode, const QString &contentType) {
                Q_EMIT responseTemplateEditRequested(m_resourceId, m_verb, statusCode, contentType);
            });

    for (QLineEdit *field : m_forms->findChildren<QLineEdit *>())
        leaveUndoToDocument(field);

    auto *scroll = new QScrollArea;
    scroll->setObjectName(QStringLiteral("methodFormScroll"));
    scroll->setWidget(m_forms);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 12, 12, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_diagram);
    layout->addWidget(m_editProblem);
    layout->addWidget(scroll, 1);
}

bool MethodExecutionView::showMethod(const QString &resourceId, const QString &verb)
{
    const model::RestApi &api = m_document->api();
    const model::Resource *resource = api.findResource(resourceId);
    const auto method
        = resource ? resource->methods.find(verb) : decltype(resource->methods.end()) {};
    if (!resource || method == resource->methods.end()) {
        m_resourceId.clear();
        m_verb.clear();
        m_title->clear();
        setEnabled(false);
        return false;
    }
    setEnabled(true);
    if (resourceId != m_resourceId || verb != m_verb)
        showProblem(m_editProblem, QString());
    m_resourceId = resourceId;
    m_verb = verb;

    const QString path = api.pathOf(resourceId);
    // The verb as the navigator's badge shows it, so a method reads the same in both places.
    m_title->setText(
        QStringLiteral("<span style=\"background-color:%1; color:white; font-weight:bold\">"
                       "&nbsp;%2&nbsp;</span>&nbsp; <b>%3</b>%4")
            .arg(VerbBadgeDelegate::badgeColor(verb).name(), verb.toHtmlEscaped(),
                 path.toHtmlEscaped(),
                 method->second.operationName.isEmpty()
                     ? QString()
                     : QStringLiteral(" &nbsp;(%1)")
                           .arg(method->second.operationName.toHtmlEscaped())));
    summarize(api, method->second);
    for (MethodForm *form : std::initializer_list<MethodForm *> {
             m_methodRequest, m_integrationRequest, m_integrationResponse, m_methodResponse})
        form->showMethod(api, path, method->second);
    return true;
}

void MethodExecutionView::summarize(const model::RestApi &api, const model::Method &method)
{
    QStringList request {describeAuthorization(api, method),
                         method.apiKeyRequired ? tr("API key required") : tr("No API key")};
    const model::RequestValidator *validator = api.findRequestValidator(method.requestValidatorId);
    request.append(validator ? tr("Validator: %1").arg(validator->name)
                             : tr("Parameters: %1").arg(method.requestParameters.size()));
    m_diagram->setLines(Box::MethodRequest, request);

    const model::Integration none;
    const model::Integration &integration = method.integration ? *method.integration : none;
    m_diagram->setLines(
        Box::IntegrationRequest,
        {tr("Templates: %1")
             .arg(integration.requestTemplates.empty() ? tr("none")
                                                       : joinKeys(integration.requestTemplates)),
         tr("Mappings: %1").arg(integration.requestParameters.size()),
         passthroughSummary(integration.passthroughBehavior)});

    QStringList target;
    if (!method.integration)
        target = {tr("none yet")};
    else if (integration.needsUri())
        target = {model::enumName(integration.type) + QLatin1Char(' ') + integration.httpMethod,
                  integration.uri, tr("Timeout: %1 ms").arg(integration.timeoutInMillis)};
    else
        target = {model::enumName(integration.type), tr("answers locally")};
    m_diagram->setLines(Box::Integration, target);

    QStringList responses;
    for (const auto &[status, response] : integration.integrationResponses)
        responses.append(response.selectionPattern.isEmpty() ? tr("%1 default").arg(status)
                                                             : status);
    m_diagram->setLines(Box::IntegrationResponse,
                        {responses.isEmpty() ? tr("none") : responses.join(QStringLiteral(", "))});
    m_diagram->setLines(
        Box::MethodResponse,
        {method.methodResponses.empty() ? tr("none") : joinKeys(method.methodResponses)});
}

void MethodExecutionView::openBox(Box box)
{
    m_diagram->setCurrentBox(box);
    m_forms->setCurrentWidget(form(box));
    if (box == Box::Integration)
        m_integrationRequest->focusIntegrationType();
}

MethodExecutionView::Box MethodExecutionView::currentBox() const
{
    return m_diagram->currentBox();
}

MethodForm *MethodExecutionView::form(Box box) const
{
    switch (box) {
    case Box::MethodRequest:
        return m_methodRequest;
    case Box::IntegrationRequest:
    case Box::Integration:
        return m_integrationRequest;
    case Box::IntegrationResponse:
        return m_integrationResponse;
    case Box::MethodResponse:
        return m_methodResponse;
    }
    return m_methodRequest;
}

void MethodExecutionView::commit(const model::Method &method, const QString &description,
                                 const QString &mergeKey)
{
    const QString what
        = QStringLiteral("%1 %2").arg(m_verb, m_document->api().pathOf(m_resourceId));
    // The document's changed() calls showMethod() again before this returns.
    const base::Status status = m_document->replaceMethod(
        m_resourceId, m_verb, method, tr("%1 (%2)").arg(description, what), mergeKey);
    showProblem(m_editProblem, status.ok() ? QString() : status.error().toString());
}

} // namespace portico::widgets::methodexecution
