#include "integrationrequestform.h"

#include "formfields.h"
#include "rowtable.h"

#include "model/pathrules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

namespace portico::widgets::methodexecution {

namespace {
// API Gateway's bounds for timeoutInMillis.
constexpr int kMinTimeout = 50;
constexpr int kMaxTimeout = 29000;

bool isHttp(model::IntegrationType type)
{
    return type == model::IntegrationType::Http || type == model::IntegrationType::HttpProxy;
}

bool isProxy(model::IntegrationType type)
{
    return type == model::IntegrationType::HttpProxy || type == model::IntegrationType::AwsProxy;
}

QStringList captures(const QString &pattern, const QString &text)
{
    const QRegularExpression re(pattern);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();) {
        const QString name = it.next().captured(1);
        if (!found.contains(name))
            found.append(name);
    }
    return found;
}

QStringList stageVariablesOf(const QString &uri)
{
    return captures(QStringLiteral("\\$\\{stageVariables\\.([A-Za-z0-9_]+)\\}"), uri);
}

// {name} placeholders, without the ${stageVariables.x} ones.
QStringList pathPlaceholdersOf(const QString &uri)
{
    return captures(QStringLiteral("(?<!\\$)\\{([^}]+)\\}"), uri);
}
} // namespace

IntegrationRequestForm::IntegrationRequestForm(QWidget *parent)
    : MethodForm(parent)
{
    setObjectName(QStringLiteral("integrationRequestForm"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_missing = new QLabel(tr("This method has no integration yet: choosing a type adds one."));
    m_missing->setObjectName(QStringLiteral("integrationMissing"));
    m_missing->setWordWrap(true);

    m_type = new QComboBox;
    m_type->setObjectName(QStringLiteral("integrationType"));
    for (const QString &name : model::enumNames<model::IntegrationType>())
        m_type->addItem(name, name);
    connect(m_type, &QComboBox::activated, this, &IntegrationRequestForm::changeType);
    form->addRow(tr("Integration type"), m_type);

    m_httpMethod = new QComboBox;
    m_httpMethod->setObjectName(QStringLiteral("integrationHttpMethod"));
    for (const QString &verb : model::httpVerbs())
        m_httpMethod->addItem(verb, verb);
    connect(m_httpMethod, &QComboBox::activated, this, [this] {
        const QString verb = fieldChoice(m_httpMethod);
        edit(tr("Change integration HTTP method"),
             [&](model::Method &m) { integrationOf(m).httpMethod = verb; });
    });
    form->addRow(tr("HTTP method"), m_httpMethod);

    m_uri = new QLineEdit;
    m_uri->setObjectName(QStringLiteral("integrationUri"));
    m_uri->setPlaceholderText(QStringLiteral("https://${stageVariables.backend}/pets/{petId}"));
    connect(m_uri, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(
            tr("Edit integration URI"), [&](model::Method &m) { integrationOf(m).uri = text; },
            QStringLiteral("integration.uri"));
    });
    m_uriHints = new QLabel;
    m_uriHints->setObjectName(QStringLiteral("integrationUriHints"));
    m_uriHints->setWordWrap(true);
    m_uriHints->setTextFormat(Qt::PlainText);
    m_uriProblem = makeProblemLabel(QStringLiteral("integrationUriProblem"));
    auto *uriColumn = new QVBoxLayout;
    uriColumn->addWidget(m_uri);
    uriColumn->addWidget(m_uriHints);
    uriColumn->addWidget(m_uriProblem);
    form->addRow(tr("URI"), uriColumn);

    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("integrationTimeout"));
    m_timeout->setRange(kMinTimeout, kMaxTimeout);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setSingleStep(1000);
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int value) {
        edit(
            tr("Change integration timeout"),
            [&](model::Method &m) { integrationOf(m).timeoutInMillis = value; },
            QStringLiteral("integration.timeout"));
    });
    form->addRow(tr("Timeout"), m_timeout);

    m_passthrough = new QComboBox;
    m_passthrough->setObjectName(QStringLiteral("passthroughBehavior"));
    for (const QString &name : model::enumNames<model::PassthroughBehavior>())
        m_passthrough->addItem(name, name);
    connect(m_passthrough, &QComboBox::activated, this, [this] {
        const auto behavior
            = model::enumFromName<model::PassthroughBehavior>(fieldChoice(m_passthrough));
        edit(tr("Change passthrough behaviour"), [&](model::Method &m) {
            integrationOf(m).passthroughBehavior
                = behavior.value_or(model::PassthroughBehavior::WhenNoMatch);
        });
    });
    form->addRow(tr("Passthrough"), m_passthrough);

    m_contentHandling = new QComboBox;
    m_contentHandling->setObjectName(QStringLiteral("integrationContentHandling"));
    m_contentHandling->addItem(tr("Passthrough (as received)"), QString());
    for (const QString &name : model::enumNames<model::ContentHandling>())
        m_contentHandling->addItem(name, name);
    connect(m_contentHandling, &QComboBox::activated, this, [this] {
        const auto handling
            = model::enumFromName<model::ContentHandling>(fieldChoice(m_contentHandling));
        edit(tr("Change content handling"),
             [&](model::Method &m) { integrationOf(m).contentHandling = handling; });
    });
    form->addRow(tr("Content handling"), m_contentHandling);

    m_mappings = new RowTable(
        QStringLiteral("integrationRequestParameters"),
        {{tr("Target"), RowTable::Kind::Text, QStringLiteral("integration.request.header.x-id")},
         {tr("Source"), RowTable::Kind::Text, QStringLiteral("method.request.path.id")}});
    m_mappings->setAddText(tr("Add mapping"));
    connect(m_mappings, &RowTable::rowsEdited, this, &IntegrationRequestForm::commitMappings);

    m_templates = new RowTable(
        QStringLiteral("requestTemplates"),
        {{tr("Content type"), RowTable::Kind::Text, QStringLiteral("application/json")}});
    m_templates->addRowAction(QStringLiteral("Edit"), tr("Edit in template workbench"));
    m_templates->setAddText(tr("Add mapping template"));
    connect(m_templates, &RowTable::rowsEdited, this, &IntegrationRequestForm::commitTemplates);
    connect(m_templates, &RowTable::rowActionTriggered, this, [this](int row, const QString &) {
        const QString contentType = m_templates->rows().at(size_t(row)).value(0).trimmed();
        if (!contentType.isEmpty())
            Q_EMIT editTemplateRequested(contentType);
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("<b>Integration request</b>: what the method calls and how the request is mapped.")));
    layout->addWidget(m_missing);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("<b>Parameter mappings</b> (target \u2190 source)")));
    layout->addWidget(m_mappings);
    layout->addWidget(new QLabel(tr("<b>Mapping templates</b>")));
    layout->addWidget(m_templates);
    layout->addStretch(1);
}

void IntegrationRequestForm::focusIntegrationType()
{
    m_type->setFocus(Qt::OtherFocusReason);
}

void IntegrationRequestForm::load(const model::RestApi &, const QString &)
{
    const std::optional<model::Integration> &integration = method().integration;
    const model::Integration shown = integration.value_or(model::Integration {});
    m_missing->setVisible(!integration);
    if (integration)
        setFieldChoice(m_type, model::enumName(shown.type));
    else {
        const QSignalBlocker blocker(m_type);
        m_type->setCurrentIndex(-1);
    }
    const bool calls = integration && shown.needsUri();
    setFieldChoice(m_httpMethod, shown.httpMethod);
    m_httpMethod->setEnabled(calls);
    setFieldText(m_uri, shown.uri);
    m_uri->setEnabled(calls);
    if (m_timeout->value() != shown.timeoutInMillis) {
        const QSignalBlocker blocker(m_timeout);
        m_timeout->setValue(shown.timeoutInMillis);
    }
    setFieldChoice(m_passthrough, model::enumName(shown.passthroughBehavior));
    setFieldChoice(m_contentHandling,
                   shown.contentHandling ? model::enumName(*shown.contentHandling) : QString());
    describeUri();

    std::vector<RowTable::Row> mappings;
    for (const auto &[target, source] : shown.requestParameters)
        mappings.push_back({target, source});
    m_mappings->setRows(mappings);
    m_mappings->setProblem(QString());

    std::vector<RowTable::Row> templates;
    QStringList tags;
    for (const auto &[contentType, text] : shown.requestTemplates) {
        templates.push_back({contentType});
        tags.append(contentType);
    }
    m_templates->setRows(templates, tags);
    m_templates->setProblem(
        isProxy(shown.type) && !templates.empty()
            ? tr("A proxy integration passes the request through; these templates are not used.")
            : QString());
}

void IntegrationRequestForm::changeType()
{
    const auto type = model::enumFromName<model::IntegrationType>(fieldChoice(m_type));
    if (!type)
        return;
    const QString verb = method().httpMethod;
    edit(tr("Change integration type to %1").arg(model::enumName(*type)), [&](model::Method &m) {
        model::Integration &integration = integrationOf(m);
        integration.type = *type;
        // What the console fills in, so that the new type is usable at once: Lambda is always
        // called with POST, an HTTP backend with the method's own verb.
        if (integration.httpMethod.isEmpty() && isHttp(*type))
            integration.httpMethod = verb;
        else if (integration.httpMethod.isEmpty() && integration.needsUri())
            integration.httpMethod = QStringLiteral("POST");
    });
}

void IntegrationRequestForm::describeUri()
{
    const std::optional<model::Integration> &integration = method().integration;
    if (!integration || !integration->needsUri()) {
        m_uriHints->setText(
            integration ? tr("A MOCK integration calls nothing; its response comes from the "
                             "request template's statusCode.")
                        : QString());
        m_uriHints->setVisible(integration.has_value());
        showProblem(m_uriProblem, QString(), m_uri);
        return;
    }
    const QString &uri = integration->uri;
    const QStringList variables = stageVariablesOf(uri);
    const QStringList placeholders = pathPlaceholdersOf(uri);
    QStringList hints;
    if (!variables.isEmpty())
        hints.append(tr("Stage variables: %1").arg(variables.join(QStringLiteral(", "))));
    if (!placeholders.isEmpty()) {
        QStringList described;
        for (const QString &name : placeholders) {
            const auto mapping = integration->requestParameters.find(
                QStringLiteral("integration.request.path.") + name);
            described.append(mapping == integration->requestParameters.end()
                                 ? QStringLiteral("{%1}").arg(name)
                                 : QStringLiteral("{%1} \u2190 %2").arg(name, mapping->second));
        }
        hints.append(tr("Path parameters: %1").arg(described.join(QStringLiteral(", "))));
    }
    m_uriHints->setText(hints.join(QStringLiteral("  \u00b7  ")));
    m_uriHints->setVisible(!hints.isEmpty());

    QStringList problems;
    if (uri.trimmed().isEmpty())
        problems.append(
            tr("A %1 integration needs a URI.").arg(model::enumName(integration->type)));
    else if (isHttp(integration->type) && !uri.startsWith(QLatin1String("http://"))
             && !uri.startsWith(QLatin1String("https://"))
             && !uri.startsWith(QLatin1String("${stageVariables.")))
        problems.append(tr("An HTTP URI starts with http:// or https:// (or a stage variable)."));
    else if (!isHttp(integration->type) && !uri.startsWith(QLatin1String("arn:")))
        problems.append(
            tr("An AWS integration URI is an ARN, such as "
               "arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/.../invocations."));
    for (const QString &name : placeholders) {
        // A proxy integration maps {proxy} itself only for the greedy parameter of the path.
        if (!integration->requestParameters.contains(QStringLiteral("integration.request.path.")
                                                     + name)
            && !(isProxy(integration->type) && name == QLatin1String("proxy")))
            problems.append(
                tr("{%1} has no mapping: add integration.request.path.%1 below.").arg(name));
    }
    showProblem(m_uriProblem, problems.join(QLatin1Char('\n')), m_uri);
}

void IntegrationRequestForm::commitMappings()
{
    model::StringMap mappings;
    QStringList problems;
    for (const RowTable::Row &row : m_mappings->rows()) {
        const QString target = row[0].trimmed();
        const QString source = row[1].trimmed();
        if (target.isEmpty() && source.isEmpty())
            continue;
        if (!model::pathrules::isIntegrationRequestTarget(target))
            problems.append(
                tr("%1 is not a target: use integration.request.{path|querystring|header}.NAME.")
                    .arg(target.isEmpty() ? tr("An empty name") : target));
        else if (mappings.contains(target))
            problems.append(tr("%1 is mapped twice.").arg(target));
        else if (!model::pathrules::isRequestMappingSource(source))
            problems.append(
                tr("%1 is not a source: use method.request.*, stageVariables.x, context.x or "
                   "'a literal'.")
                    .arg(source.isEmpty() ? tr("An empty source") : source));
        mappings[target] = source;
    }
    m_mappings->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    edit(tr("Edit integration parameter mappings"),
         [&](model::Method &m) { integrationOf(m).requestParameters = mappings; });
}

void IntegrationRequestForm::commitTemplates()
{
    const model::StringMap old
        = method().integration ? method().integration->requestTemplates : model::StringMap {};
    model::StringMap templates;
    QStringList problems;
    const std::vector<RowTable::Row> rows = m_templates->rows();
    for (int i = 0; i < int(rows.size()); ++i) {
        const QString contentType = rows[size_t(i)][0].trimmed();
        if (contentType.isEmpty())
            continue;
        if (templates.contains(contentType)) {
            problems.append(tr("%1 has two templates.").arg(contentType));
            continue;
        }
        // A renamed row keeps its template text; a new one starts empty.
        const auto text = old.find(m_templates->tag(i));
        templates[contentType] = text == old.end() ? QString() : text->second;
    }
    m_templates->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    edit(tr("Edit mapping templates"),
         [&](model::Method &m) { integrationOf(m).requestTemplates = templates; });
}

} // namespace portico::widgets::methodexecution
