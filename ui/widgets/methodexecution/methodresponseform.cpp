#include "methodresponseform.h"

#include "formfields.h"
#include "rowtable.h"

#include "model/pathrules.h"

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
} // namespace

MethodResponseForm::MethodResponseForm(QWidget *parent)
    : MethodForm(parent)
{
    setObjectName(QStringLiteral("methodResponseForm"));

    const ResponseListWidgets parts = makeResponseListWidgets(QStringLiteral("methodResponse"));
    m_list = parts.list;
    m_add = parts.add;
    m_remove = parts.remove;
    m_details = parts.details;
    m_status = parts.status;
    m_statusProblem = parts.statusProblem;
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || !m_api)
            return;
        m_selected = m_list->item(row)->data(Qt::UserRole).toString();
        loadSelected(*m_api);
    });
    connect(m_add, &QPushButton::clicked, this, &MethodResponseForm::addResponse);
    connect(m_remove, &QPushButton::clicked, this, &MethodResponseForm::removeResponse);
    QHBoxLayout *buttons = parts.buttons;

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    connect(m_status, &QLineEdit::editingFinished, this, &MethodResponseForm::commitStatus);
    form->addRow(tr("Status code"), parts.statusColumn);

    m_headers = new RowTable(QStringLiteral("methodResponseHeaders"),
                             {{tr("Header"), RowTable::Kind::Text, QStringLiteral("Content-Type")},
                              {tr("Required"), RowTable::Kind::Check, {}}});
    m_headers->setAddText(tr("Add header"));
    connect(m_headers, &RowTable::rowsEdited, this, &MethodResponseForm::commitHeaders);

    m_models = new RowTable(
        QStringLiteral("methodResponseModels"),
        {{tr("Content type"), RowTable::Kind::Text, QStringLiteral("application/json")},
         {tr("Model"), RowTable::Kind::Choice, {}}});
    m_models->setAddText(tr("Add model"));
    connect(m_models, &RowTable::rowsEdited, this, &MethodResponseForm::commitModels);

    auto *details = new QVBoxLayout(m_details);
    details->setContentsMargins(0, 0, 0, 0);
    details->addLayout(form);
    details->addWidget(new QLabel(tr("<b>Response headers</b>")));
    details->addWidget(m_headers);
    details->addWidget(new QLabel(tr("<b>Response models</b>")));
    details->addWidget(m_models);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(
        new QLabel(tr("<b>Method response</b>: the status codes the method answers with, "
                      "their headers and models.")));
    layout->addWidget(m_list);
    layout->addLayout(buttons);
    layout->addWidget(m_details);
    layout->addStretch(1);
}

bool MethodResponseForm::selectStatus(const QString &statusCode)
{
    for (int row = 0; row < m_list->count(); ++row) {
        if (m_list->item(row)->data(Qt::UserRole).toString() == statusCode) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void MethodResponseForm::load(const model::RestApi &api, const QString &)
{
    m_api = &api;
    const auto &responses = method().methodResponses;
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const auto &[status, response] : responses) {
            auto *item = new QListWidgetItem(status, m_list);
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
    loadSelected(api);
}

const model::MethodResponse *MethodResponseForm::selectedResponse() const
{
    const auto it = method().methodResponses.find(m_selected);
    return it == method().methodResponses.end() ? nullptr : &it->second;
}

void MethodResponseForm::loadSelected(const model::RestApi &api)
{
    const model::MethodResponse *response = selectedResponse();
    m_details->setVisible(response);
    m_remove->setEnabled(response);
    if (!response)
        return;
    if (!m_status->hasFocus() || !m_status->isModified())
        setFieldText(m_status, response->statusCode);
    showProblem(m_statusProblem, QString(), m_status);

    std::vector<RowTable::Row> headers;
    for (const auto &[key, required] : response->responseParameters) {
        const QString name = key.startsWith(kHeaderPrefix) ? key.mid(kHeaderPrefix.size()) : key;
        headers.push_back({name, required ? QStringLiteral("true") : QStringLiteral("false")});
    }
    m_headers->setRows(headers);
    m_headers->setProblem(QString());

    RowTable::Choices models;
    for (const model::Model &model : api.models)
        models.emplace_back(model.name, model.name);
    m_models->setChoices(1, models);
    m_models->setNewRow({QStringLiteral("application/json"),
                         api.models.empty() ? QString() : api.models.front().name});
    std::vector<RowTable::Row> rows;
    QStringList unknown;
    for (const auto &[contentType, model] : response->responseModels) {
        rows.push_back({contentType, model});
        if (!api.findModel(model))
            unknown.append(model);
    }
    m_models->setRows(rows);
    m_models->setProblem(unknown.isEmpty()
                             ? QString()
                             : tr("No model named %1 in this API.").arg(unknown.join(tr(", "))));
}

template<typename Change>
void MethodResponseForm::editSelected(const QString &description, Change &&change)
{
    const QString selected = m_selected;
    edit(description, [&](model::Method &m) {
        const auto it = m.methodResponses.find(selected);
        if (it != m.methodResponses.end())
            change(it->second);
    });
}

void MethodResponseForm::addResponse()
{
    // The status of an integration response without a method response, else the next free one
    // of the usual answers.
    QString status;
    if (method().integration) {
        for (const auto &[code, response] : method().integration->integrationResponses) {
            if (!method().methodResponses.contains(code)) {
                status = code;
                break;
            }
        }
    }
    for (const char *code : {"200", "400", "404", "500"}) {
        if (status.isEmpty() && !method().methodResponses.contains(QString::fromLatin1(code)))
            status = QString::fromLatin1(code);
    }
    for (int code = 201; status.isEmpty() && code < 600; ++code) {
        if (!method().methodResponses.contains(QString::number(code)))
            status = QString::number(code);
    }
    m_selected = status;
    edit(tr("Add method response %1").arg(status),
         [&](model::Method &m) { m.methodResponses[status].statusCode = status; });
}

void MethodResponseForm::removeResponse()
{
    const QString selected = m_selected;
    if (selected.isEmpty())
        return;
    edit(tr("Remove method response %1").arg(selected),
         [&](model::Method &m) { m.methodResponses.erase(selected); });
}

void MethodResponseForm::commitStatus()
{
    const QString status = m_status->text().trimmed();
    const QString selected = m_selected;
    m_status->setModified(false);
    if (status == selected || selected.isEmpty())
        return;
    QString problem;
    if (!isStatusCode(status))
        problem = tr("A status code is three digits from 100 to 599.");
    else if (method().methodResponses.contains(status))
        problem = tr("There is already a method response %1.").arg(status);
    if (!problem.isEmpty()) {
        showProblem(m_statusProblem, problem, m_status);
        return;
    }
    m_selected = status;
    edit(tr("Change method response %1 to %2").arg(selected, status), [&](model::Method &m) {
        auto node = m.methodResponses.extract(selected);
        if (node.empty())
            return;
        node.key() = status;
        node.mapped().statusCode = status;
        m.methodResponses.insert(std::move(node));
    });
}

void MethodResponseForm::commitHeaders()
{
    std::map<QString, bool> headers;
    QStringList problems;
    for (const RowTable::Row &row : m_headers->rows()) {
        const QString name = row[0].trimmed();
        if (name.isEmpty())
            continue;
        const QString key = kHeaderPrefix + name;
        if (!model::pathrules::isMethodResponseHeader(key))
            problems.append(tr("%1 is not a header name.").arg(name));
        else if (headers.contains(key))
            problems.append(tr("%1 is declared twice.").arg(name));
        headers[key] = row[1] == QLatin1String("true");
    }
    m_headers->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    editSelected(tr("Edit method response headers"),
                 [&](model::MethodResponse &r) { r.responseParameters = headers; });
}

void MethodResponseForm::commitModels()
{
    model::StringMap models;
    QStringList problems;
    for (const RowTable::Row &row : m_models->rows()) {
        const QString contentType = row[0].trimmed();
        if (contentType.isEmpty())
            continue;
        if (models.contains(contentType))
            problems.append(tr("%1 has two models.").arg(contentType));
        else if (row[1].isEmpty())
            problems.append(tr("Choose a model for %1.").arg(contentType));
        models[contentType] = row[1];
    }
    m_models->setProblem(problems.join(QLatin1Char('\n')));
    if (!problems.isEmpty())
        return;
    editSelected(tr("Edit method response models"),
                 [&](model::MethodResponse &r) { r.responseModels = models; });
}

} // namespace portico::widgets::methodexecution
