#include "integrationresponseform.h"

#include "formfields.h"
#include "rowtable.h"

#include "model/pathrules.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace portico::widgets::methodexecution {

namespace {
const QString kHeaderPrefix = QStringLiteral("method.response.header.");

bool isStatusCode(const QString &text)
{
    static const QRegularExpression status(QStringLiteral("^[1-5]\\d\\d$"));
    return status.match(text).hasMatch();
}

QString listLabel(const model::IntegrationResponse &response)
{
    return response.selectionPattern.isEmpty()
        ? IntegrationResponseForm::tr("%1   default").arg(response.statusCode)
        : IntegrationResponseForm::tr("%1   /%2/")
              .arg(response.statusCode, response.selectionPattern);
}
} // namespace

IntegrationResponseForm::IntegrationResponseForm(QWidget *parent)
    : MethodForm(parent)
{
    setObjectName(QStringLiteral("integrationResponseForm"));

    const ResponseListWidgets parts
        = makeResponseListWidgets(QStringLiteral("integrationResponse"));
    m_list = parts.list;
    m_add = parts.add;
    m_remove = parts.remove;
    m_details = parts.details;
    m_status = parts.status;
    m_statusProblem = parts.statusProblem;
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_selected = m_list->item(row)->data(Qt::UserRole).toString();
        loadSelected();
    });
    connect(m_add, &QPushButton::clicked, this, &IntegrationResponseForm::addResponse);
    connect(m_remove, &QPushButton::clicked, this, &IntegrationResponseForm::removeResponse);
    QHBoxLayout *buttons = parts.buttons;

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A status code is a key: it changes once typed in full, not at every digit.
    connect(m_status, &QLineEdit::editingFinished, this, &IntegrationResponseForm::commitStatus);
    form->addRow(tr("Method response status"), parts.statusColumn);

    m_pattern = new QLineEdit;
    m_pattern->setObjectName(QStringLiteral("selectionPattern"));
    m_pattern->setPlaceholderText(tr("empty: the default response; else a regex such as 4\\d{2}"));
    connect(m_pattern, &QLineEdit::textEdited, this, [this](const QString &text) {
        const QRegularExpression re(text);
        showProblem(m_patternProblem,
                    re.isValid() ? QString()
                                 : tr("Not a regular expression: %1").arg(re.errorString()),
                    m_pattern);
        editSelected(
            tr("Edit selection pattern"),
            [&](model::IntegrationResponse &r) { r.selectionPattern = text; },
            QStringLiteral("integrationResponse.selectionPattern"));
    });
    m_patternProblem = makeProblemLabel(QStringLiteral("selectionPatternProblem"));
    auto *patternColumn = new QVBoxLayout;
    patternColumn->addWidget(m_pattern);
    patternColumn->addWidget(m_patternProblem);
    form->addRow(tr("Selection pattern"), patternColumn);

    m_contentHandling = new QComboBox;
    m_contentHandling->setObjectName(QStringLiteral("integrationResponseContentHandling"));
    m_contentHandling->addItem(tr("Passthrough (as received)"), QString());
    for (const QString &name : model::enumNames<model::ContentHandling>())
        m_contentHandling->addItem(name, name);
    connect(m_contentHandling, &QComboBox::activated, this, [this] {
        const auto handling
            = model::enumFromName<model::ContentHandling>(fieldChoice(m_contentHandling));
        editSelected(tr("Change response content handling"),
                     [&](model::IntegrationResponse &r) { r.contentHandling = handling; });
    });
    form->addRow(tr("Content handling"), m_contentHandling);

    m_headers = new RowTable(QStringLiteral("responseHeaderMappings"),
                             {{tr("Response header"), RowTable::Kind::Text,
                               QStringLiteral("Access-Control-Allow-Origin")},
                              {tr("Source"), RowTable::Kind::Text, QStringLiteral("'*'")}});
    m_headers->setAddText(tr("Add header mapping"));
    connect(m_headers, &RowTable::rowsEdited, this, &IntegrationResponseForm::commitHeaderMappings);

    m_templates = new RowTable(
        QStringLiteral("responseTemplates"),
        {{tr("Content type"), RowTable::Kind::Text, QStringLiteral("application/json")}});
    m_templates->addRowAction(QStringLiteral("Edit"), tr("Edit in template workbench"));
    m_templates->setAddText(tr("Add mapping template"));
    connect(m_templates, &RowTable::rowsEdited, this, &IntegrationResponseForm::commitTemplates);
    connect(m_templates, &RowTable::rowActionTriggered, this, [this](int row, const QString &) {
        const QString contentType = m_templates->rows().at(size_t(row)).value(0).trimmed();
        if (!contentType.isEmpty() && !m_selected.isEmpty())
            Q_EMIT editTemplateRequested(m_selected, contentType);
    });

    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addLayout(form);
    details->addWidget(
        new QLabel(tr("<b>Header mappings</b> (method response header \u2190 source)")));
    details->addWidget(m_headers);
    details->addWidget(new QLabel(tr("<b>Mapping templates</b>")));
    details->addWidget(m_templates);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("<b>Integration response</b>: which backend result becomes which "
                      "method response, and how it is mapped.")));
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_details);
    layout->addStretch(1);
}

bool IntegrationResponseForm::selectStatus(const QString &statusCode)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == statusCode) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void IntegrationResponseForm::load(const model::RestApi &, const QString &)
{
    const bool hasIntegration = method().integration.has_value();
    m_add->setEnabled(hasIntegration);
    const std::map<QString, model::IntegrationResponse> responses = hasIntegration
        ? method().integration->integrationResponses
        : std::map<QString, model::IntegrationResponse> {};
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const auto &[status, response] : responses) {
            auto *item = new QListWidgetItem(listLabel(response), m_list);
            item->setData(Qt::UserRole, status);
        }
    }
    fitListHeight(m_list);
    if (!responses.contains(m_selected))
        m_selected = responses.empty() ? QString() : responses.begin()->first;
    {
        const QSignalBlocker blocker(m_list);
        selectStatus(m_selected);
    }
    loadSelected();
}

const model::IntegrationResponse *IntegrationResponseForm::selectedResponse() const
{
    if (!method().integration)
        return nullptr;
    const auto &responses = method().integration->integrationResponses;
    const auto it = responses.find(m_selected);
    return it == responses.end() ? nullptr : &it->second;
}

void IntegrationResponseForm::loadSelected()
{
    const model::IntegrationResponse *response = selectedResponse();
    m_details->setVisible(response);
    m_remove->setEnabled(response);
    if (!response)
        return;
    if (!m_status->hasFocus() || !m_status->isModified())
        setFieldText(m_status, response->statusCode);
    showProblem(m_statusProblem,
                method().methodResponses.contains(response->statusCode)
                    ? QString()
                    : tr("The method has no %1 response: add one under Method response.")
                          .arg(response->statusCode),
                m_status);
    setFieldText(m_pattern, response->selectionPattern);
    setFieldChoice(m_contentHandling,
                   response->contentHandling ? model::enumName(*response->contentHandling)
                                             : QString());

    std::vector<RowTable::Row> headers;
    QStringList undeclared;
    const auto declared = method().methodResponses.find(response->statusCode);
    for (const auto &[target, source] : response->responseParameters) {
        const QString name
            = target.startsWith(kHeaderPrefix) ? target.mid(kHeaderPrefix.size()) : target;
        headers.push_back({name, source});
        if (declared == method().methodResponses.end()
            || !declared->second.responseParameters.contains(target))
            undeclared.append(name);
    }
    m_headers->setRows(headers);
    m_headers->setProblem(undeclared.isEmpty()
                              ? QString()
                              : tr("Not declared by the method's %1 response: %2.")
                                    .arg(response->statusCode, undeclared.join(tr(", "))));

    std::vector<RowTable::Row> templates;
    QStringList tags;
    for (const auto &[contentType, text] : response->responseTemplates) {
        templates.push_back({contentType});
        tags.append(contentType);
    }
    m_templates->setRows(templates, tags);
    m_templates->setProblem(QString());
}

template<typename Change>
void IntegrationResponseForm::editSelected(const QString &description, Change &&change,
                                           const QString &mergeKey)
{
    const QString selected = m_selected;
    edit(
        description,
        [&](model::Method &m) {
            auto &responses = integrationOf(m).integrationResponses;
            const auto it = responses.find(selected);
            if (it != responses.end())
                change(it->second);
        },
        mergeKey.isEmpty() ? QString() : mergeKey + QLatin1Char(':') + selected);
}

void IntegrationResponseForm::addResponse()
{
    const auto &responses = method().integration->integrationResponses;
    // The first declared method response without one, else the first free error status.
    QString status;
    for (const auto &[code, response] : method().methodResponses) {
        if (!responses.contains(code)) {
            status = code;
            break;
        }
    }
    for (int code = 500; status.isEmpty() && code < 600; ++code) {
        if (!responses.contains(QString::number(code)))
            status = QString::number(code);
    }
    bool hasDefault = false;
    for (const auto &[code, response] : responses)
        hasDefault = hasDefault || response.selectionPattern.isEmpty();
    m_selected = status;
    edit(tr("Add integration response %1").arg(status), [&](model::Method &m) {
        model::IntegrationResponse &response = integrationOf(m).integrationResponses[status];
        response.statusCode = status;
        // Only one response may be the default; a new one matches its own status at first.
        if (hasDefault)
            response.selectionPattern = status;
    });
}

void IntegrationResponseForm::removeResponse()
{
    const QString selected = m_selected;
    if (selected.isEmpty())
        return;
    edit(tr("Remove integration response %1").arg(selected),
         [&](model::Method &m) { integrationOf(m).integrationResponses.erase(selected); });
}

void IntegrationResponseForm::commitStatus()
{
    const QString status = m_status->text().trimmed();
    const QString selected = m_selected;
    m_status->setModified(false);
    if (status == selected)
        return;
    QString problem;
    if (!isStatusCode(status))
        problem = tr("A status code is three digits from 100 to 599.");
    else if (method().integration->integrationResponses.contains(status))
        problem = tr("There is already an integration response %1.").arg(status);
    if (!problem.isEmpty()) {
        showProblem(m_statusProblem, problem, m_status);
        return;
    }
    m_selected = status;
    edit(tr("Change integration response %1 to %2").arg(selected, status), [&](model::Method &m) {
        auto &responses = integrationOf(m).integrationResponses;
        auto node = responses.extract(selected);
        if (node.empty())
            return;
        node.key() = status;
        node.mapped().statusCode = status;
        responses.insert(std::move(node));
    });
}

void IntegrationResponseForm::commitHeaderMappings()
{
    model::StringMap mappings;
    QStringList problems;
    for (const RowTable::Row &row : m_headers->rows()) {
        const QString name = row[0].trimmed();
        const QString source = row[1].trimmed();
        if (name.isEmpty() && source.isEmpty())
            continue;
        const QString target = kHeaderPrefix + name;
        if (!model::pathrules::isMethodResponseHeader(target))
            problems.append(
                tr("%1 is not a header name.").arg(name.isEmpty() ? tr("An empty name") : name));
        else if (mappings.contains(target))
            problems.append(tr("%1 is mapped twice.").arg(name));
        else if (!model::pathrules::isResponseMappingSource(source))
            problems.append(
                tr("%1 is not a source: use integration.response.header.x, "
                   "integration.response.body, stageVariables.x, context.x or 'a literal'.")
                    .arg(source.isEmpty() ? tr("An empty source") : source));
        mappings[target] = source;
    }
    m_headers->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    editSelected(tr("Edit response header mappings"),
                 [&](model::IntegrationResponse &r) { r.responseParameters = mappings; });
}

void IntegrationResponseForm::commitTemplates()
{
    const model::IntegrationResponse *selected = selectedResponse();
    const model::StringMap old = selected ? selected->responseTemplates : model::StringMap {};
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
        const auto text = old.find(m_templates->tag(i));
        templates[contentType] = text == old.end() ? QString() : text->second;
    }
    m_templates->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    editSelected(tr("Edit response mapping templates"),
                 [&](model::IntegrationResponse &r) { r.responseTemplates = templates; });
}

} // namespace portico::widgets::methodexecution
