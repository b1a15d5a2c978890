#include "requestform.h"

#include "model/pathrules.h"
#include "runtime/savedrequestbuilder.h"
#include "widgets/methodexecution/rowtable.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace portico::widgets::composer {

using methodexecution::RowTable;

namespace {

const QString kContentType = QStringLiteral("Content-Type");

QWidget *scrolled(QWidget *content)
{
    auto *area = new QScrollArea;
    area->setWidgetResizable(true);
    area->setFrameShape(QFrame::NoFrame);
    area->setWidget(content);
    return area;
}

std::vector<RowTable::Row> rowsOf(const model::NameValueList &pairs)
{
    std::vector<RowTable::Row> rows;
    for (const auto &[name, value] : pairs)
        rows.push_back({name, value});
    return rows;
}

std::vector<RowTable::Row> rowsOf(const std::map<QString, QString> &map)
{
    std::vector<RowTable::Row> rows;
    for (const auto &[name, value] : map)
        rows.push_back({name, value});
    return rows;
}

// Rows without a name are still being typed: they are not part of the request yet.
model::NameValueList pairsOf(const RowTable *table)
{
    model::NameValueList pairs;
    for (const RowTable::Row &row : table->rows()) {
        if (!row.value(0).trimmed().isEmpty())
            pairs.emplace_back(row.value(0).trimmed(), row.value(1));
    }
    return pairs;
}

std::map<QString, QString> mapOf(const RowTable *table)
{
    std::map<QString, QString> map;
    for (const auto &[name, value] : pairsOf(table))
        map[name] = value;
    return map;
}

QPlainTextEdit *codeEditor(const QString &objectName, const QString &placeholder)
{
    auto *editor = new QPlainTextEdit;
    editor->setObjectName(objectName);
    editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    editor->setPlaceholderText(placeholder);
    editor->setLineWrapMode(QPlainTextEdit::NoWrap);
    editor->setTabChangesFocus(true);
    return editor;
}

QLabel *hintLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setEnabled(false);
    return label;
}

} // namespace

RequestForm::RequestForm(QWidget *parent)
    : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("composerRequestTabs"));
    m_tabs->setDocumentMode(true);

    // Params: the path's fields, then the query string.
    auto *params = new QWidget;
    auto *paramsLayout = new QVBoxLayout(params);
    auto *pathTitle = new QLabel(tr("<b>Path</b>"));
    m_pathLayout = new QFormLayout;
    m_noPathParameters = hintLabel(QStringLiteral("composerNoPathParameters"));
    m_noPathParameters->setText(tr("This resource's path has no parameters."));
    m_query = new RowTable(QStringLiteral("composerQuery"),
                           {{tr("Name"), RowTable::Kind::Text, QStringLiteral("limit")},
                            {tr("Value"), RowTable::Kind::Text, QString()}});
    m_query->setAddText(tr("Add query parameter"));
    paramsLayout->addWidget(pathTitle);
    paramsLayout->addLayout(m_pathLayout);
    paramsLayout->addWidget(m_noPathParameters);
    paramsLayout->addWidget(new QLabel(tr("<b>Query string</b>")));
    paramsLayout->addWidget(m_query);
    paramsLayout->addStretch(1);
    m_tabs->addTab(scrolled(params), tr("Params"));

    auto *headers = new QWidget;
    auto *headersLayout = new QVBoxLayout(headers);
    m_headers = new RowTable(QStringLiteral("composerHeaders"),
                             {{tr("Name"), RowTable::Kind::Text, QStringLiteral("Accept")},
                              {tr("Value"), RowTable::Kind::Text, QString()}});
    m_headers->setAddText(tr("Add header"));
    headersLayout->addWidget(m_headers);
    headersLayout->addStretch(1);
    m_tabs->addTab(scrolled(headers), tr("Headers"));

    auto *body = new QWidget;
    auto *bodyLayout = new QVBoxLayout(body);
    m_contentType = new QComboBox;
    m_contentType->setObjectName(QStringLiteral("composerContentType"));
    m_contentType->setEditable(true);
    m_contentType->addItems({QString(), QStringLiteral("application/json"), QStringLiteral("application/xml"),
                             QStringLiteral("text/plain"), QStringLiteral("application/x-www-form-urlencoded")});
    m_contentType->lineEdit()->setPlaceholderText(tr("No Content-Type (API Gateway then picks application/json)"));
    auto *typeRow = new QFormLayout;
    typeRow->addRow(tr("Content type:"), m_contentType);
    m_body = codeEditor(QStringLiteral("composerBody"), tr("Request body"));
    bodyLayout->addLayout(typeRow);
    bodyLayout->addWidget(m_body, 1);
    m_tabs->addTab(body, tr("Body"));

    auto *auth = new QWidget;
    auto *authLayout = new QFormLayout(auth);
    m_apiKey = new QComboBox;
    m_apiKey->setObjectName(QStringLiteral("composerApiKey"));
    m_keyHint = hintLabel(QStringLiteral("composerKeyHint"));
    // Editable, with the tokens the project's saved requests use: switching between a user who may
    // and one who may not is a pick, not a paste.
    m_tokenChoices = new QComboBox;
    m_tokenChoices->setObjectName(QStringLiteral("composerTokenChoices"));
    m_tokenChoices->setEditable(true);
    m_tokenChoices->setInsertPolicy(QComboBox::NoInsert);
    m_token = m_tokenChoices->lineEdit();
    m_token->setObjectName(QStringLiteral("composerToken"));
    m_token->setPlaceholderText(tr("Bearer eyJ... or an allow/deny token for a local authorizer"));
    connect(m_tokenChoices, &QComboBox::activated, this, &RequestForm::edited);
    m_tokenHint = hintLabel(QStringLiteral("composerTokenHint"));
    authLayout->addRow(tr("API key:"), m_apiKey);
    authLayout->addRow(QString(), m_keyHint);
    authLayout->addRow(tr("Authorizer token:"), m_tokenChoices);
    authLayout->addRow(QString(), m_tokenHint);
    m_tabs->addTab(scrolled(auth), tr("Auth"));

    auto *variables = new QWidget;
    auto *variablesLayout = new QVBoxLayout(variables);
    m_stageVariablesNote = hintLabel(QStringLiteral("composerStageVariablesNote"));
    m_stageVariables = new RowTable(QStringLiteral("composerStageVariables"),
                                    {{tr("Name"), RowTable::Kind::Text, QStringLiteral("backend")},
                                     {tr("Value"), RowTable::Kind::Text, QString()}});
    m_stageVariables->setAddText(tr("Add stage variable"));
    variablesLayout->addWidget(m_stageVariablesNote);
    variablesLayout->addWidget(m_stageVariables);
    variablesLayout->addStretch(1);
    m_tabs->addTab(scrolled(variables), tr("Variables"));
    m_tabs->setTabToolTip(m_tabs->count() - 1, tr("Stage variables for the draft"));

    auto *expect = new QWidget;
    auto *expectLayout = new QVBoxLayout(expect);
    auto *statusRow = new QFormLayout;
    m_expectStatus = new QLineEdit;
    m_expectStatus->setObjectName(QStringLiteral("composerExpectStatus"));
    m_expectStatus->setPlaceholderText(tr("any"));
    m_expectStatus->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[1-5][0-9]{2}")), m_expectStatus));
    statusRow->addRow(tr("Status:"), m_expectStatus);
    m_expectHeaders = new RowTable(QStringLiteral("composerExpectHeaders"),
                                   {{tr("Header"), RowTable::Kind::Text, QStringLiteral("Content-Type")},
                                    {tr("Value"), RowTable::Kind::Text, QStringLiteral("application/json")}});
    m_expectHeaders->setAddText(tr("Expect header"));
    m_expectBodyMode = new QComboBox;
    m_expectBodyMode->setObjectName(QStringLiteral("composerExpectBodyMode"));
    m_expectBodyMode->addItem(tr("Body: anything"), int(model::BodyExpectation::None));
    m_expectBodyMode->addItem(tr("Body equals"), int(model::BodyExpectation::Equals));
    m_expectBodyMode->addItem(tr("Body contains JSON (subset)"), int(model::BodyExpectation::JsonSubset));
    m_expectBody = codeEditor(QStringLiteral("composerExpectBody"), tr("The expected body, or the JSON it must contain"));
    m_expectBody->setMaximumHeight(120);
    m_expectJsonPaths = new RowTable(QStringLiteral("composerExpectJsonPaths"),
                                     {{tr("JSONPath"), RowTable::Kind::Text, QStringLiteral("$.items[0].id")},
                                      {tr("Equals (JSON; empty: exists)"), RowTable::Kind::Text, QStringLiteral("1")}});
    m_expectJsonPaths->setAddText(tr("Add JSONPath check"));
    statusRow->addRow(tr("Headers:"), m_expectHeaders);
    expectLayout->addLayout(statusRow);
    expectLayout->addWidget(m_expectBodyMode);
    expectLayout->addWidget(m_expectBody);
    expectLayout->addWidget(new QLabel(tr("<b>JSONPath checks</b>")));
    expectLayout->addWidget(m_expectJsonPaths);
    expectLayout->addStretch(1);
    m_tabs->addTab(scrolled(expect), tr("Expect"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);

    for (RowTable *table : {m_query, m_headers, m_stageVariables, m_expectHeaders, m_expectJsonPaths})
        connect(table, &RowTable::rowsEdited, this, &RequestForm::edited);
    for (QPlainTextEdit *editor : {m_body, m_expectBody})
        connect(editor, &QPlainTextEdit::textChanged, this, &RequestForm::edited);
    for (QLineEdit *field : {m_token, m_expectStatus})
        connect(field, &QLineEdit::textEdited, this, &RequestForm::edited);
    connect(m_contentType, &QComboBox::currentTextChanged, this, &RequestForm::edited);
    connect(m_apiKey, &QComboBox::currentIndexChanged, this, &RequestForm::edited);
    connect(m_expectBodyMode, &QComboBox::currentIndexChanged, this, [this] {
        m_expectBody->setEnabled(m_expectBodyMode->currentData().toInt() != int(model::BodyExpectation::None));
        Q_EMIT edited();
    });
}

void RequestForm::setRequest(const model::SavedRequest &request, const model::Project &project)
{
    const QSignalBlocker blocker(this);
    m_identity = request;
    rebuildPathFields(request.resourcePath);
    for (const auto &[name, field] : m_pathFields) {
        const auto it = request.pathParameters.find(name);
        field->setText(it == request.pathParameters.end() ? QString() : it->second);
    }
    m_query->setRows(rowsOf(request.query));

    model::NameValueList headers;
    QString contentType;
    for (const auto &[name, value] : request.headers) {
        if (name.compare(kContentType, Qt::CaseInsensitive) == 0 && contentType.isEmpty())
            contentType = value;
        else
            headers.emplace_back(name, value);
    }
    m_headers->setRows(rowsOf(headers));
    {
        const QSignalBlocker typeBlocker(m_contentType);
        m_contentType->setCurrentText(contentType);
    }
    {
        const QSignalBlocker bodyBlocker(m_body);
        if (m_body->toPlainText() != request.body)
            m_body->setPlainText(request.body);
    }
    m_stageVariables->setRows(rowsOf(request.stageVariables));

    {
        const QSignalBlocker keyBlocker(m_apiKey);
        m_apiKey->clear();
        m_apiKey->addItem(tr("None"), QString());
        for (const model::ApiKey &key : project.apiKeys) {
            m_apiKey->addItem(key.enabled ? key.name : tr("%1 (disabled)").arg(key.name), key.id);
        }
        m_apiKey->setCurrentIndex(std::max(0, m_apiKey->findData(request.apiKeyId)));
    }
    const model::Resource *resource = project.api.findResourceByPath(request.resourcePath);
    const model::Method *method = nullptr;
    if (resource) {
        const auto it = resource->methods.find(request.httpMethod);
        if (it != resource->methods.end())
            method = &it->second;
    }
    m_keyHint->setText(method && method->apiKeyRequired ? tr("This method requires an API key (x-api-key).")
                                                        : tr("This method does not require an API key."));
    // Said as buildRequest() places it, so the hint and what is sent agree.
    const runtime::TokenPlacement token = runtime::tokenPlacement(request, project.api);
    if (token.authorizerName.isEmpty())
        m_tokenHint->setText(tr("This method has no authorizer: the token is sent as an Authorization header."));
    else if (token.inQuery)
        m_tokenHint->setText(tr("Sent as the %1 query parameter, which authorizer %2 reads.").arg(token.name, token.authorizerName));
    else
        m_tokenHint->setText(tr("Sent in the %1 header, which authorizer %2 reads.").arg(token.name, token.authorizerName));
    {
        const QSignalBlocker tokenBlocker(m_tokenChoices);
        QStringList tokens;
        for (const model::SavedRequest &saved : project.savedRequests) {
            if (!saved.authorizationToken.isEmpty() && !tokens.contains(saved.authorizationToken))
                tokens << saved.authorizationToken;
        }
        m_tokenChoices->clear();
        m_tokenChoices->addItems(tokens);
        m_token->setText(request.authorizationToken);
    }

    const model::RequestExpectations &expect = request.expect;
    m_expectStatus->setText(expect.status ? QString::number(*expect.status) : QString());
    m_expectHeaders->setRows(rowsOf(expect.headers));
    m_expectBodyMode->setCurrentIndex(std::max(0, m_expectBodyMode->findData(int(expect.bodyMode))));
    m_expectBody->setEnabled(expect.bodyMode != model::BodyExpectation::None);
    {
        const QSignalBlocker expectBlocker(m_expectBody);
        if (m_expectBody->toPlainText() != expect.body)
            m_expectBody->setPlainText(expect.body);
    }
    std::vector<RowTable::Row> checks;
    for (const model::JsonPathExpectation &check : expect.jsonPaths)
        checks.push_back({check.path, check.equals.value_or(QString())});
    m_expectJsonPaths->setRows(checks);
}

model::SavedRequest RequestForm::request() const
{
    model::SavedRequest request;
    request.name = m_identity.name;
    request.resourcePath = m_identity.resourcePath;
    request.httpMethod = m_identity.httpMethod;
    request.sendMethod = m_identity.sendMethod;
    for (const auto &[name, field] : m_pathFields)
        request.pathParameters[name] = field->text();
    request.query = pairsOf(m_query);
    const QString contentType = m_contentType->currentText().trimmed();
    if (!contentType.isEmpty())
        request.headers.emplace_back(kContentType, contentType);
    for (auto &header : pairsOf(m_headers))
        request.headers.push_back(std::move(header));
    request.body = m_body->toPlainText();
    request.stageVariables = mapOf(m_stageVariables);
    request.apiKeyId = m_apiKey->currentData().toString();
    request.authorizationToken = m_token->text().trimmed();

    model::RequestExpectations &expect = request.expect;
    bool statusOk = false;
    const int status = m_expectStatus->text().toInt(&statusOk);
    if (statusOk)
        expect.status = status;
    expect.headers = mapOf(m_expectHeaders);
    expect.bodyMode = model::BodyExpectation(m_expectBodyMode->currentData().toInt());
    if (expect.bodyMode != model::BodyExpectation::None)
        expect.body = m_expectBody->toPlainText();
    for (const RowTable::Row &row : m_expectJsonPaths->rows()) {
        if (row.value(0).trimmed().isEmpty())
            continue;
        model::JsonPathExpectation check;
        check.path = row.value(0).trimmed();
        if (!row.value(1).trimmed().isEmpty())
            check.equals = row.value(1).trimmed();
        expect.jsonPaths.push_back(check);
    }
    return request;
}

void RequestForm::setResourcePath(const QString &resourcePath)
{
    std::map<QString, QString> values;
    for (const auto &[name, field] : m_pathFields)
        values[name] = field->text();
    m_identity.resourcePath = resourcePath;
    rebuildPathFields(resourcePath);
    for (const auto &[name, field] : m_pathFields) {
        const auto it = values.find(name);
        if (it != values.end())
            field->setText(it->second);
    }
}

QLineEdit *RequestForm::pathField(const QString &name) const
{
    const auto it = m_pathFields.find(name);
    return it == m_pathFields.end() ? nullptr : it->second;
}

void RequestForm::setStageVariablesEnabled(bool enabled, const QString &why)
{
    m_stageVariables->setEnabled(enabled);
    m_stageVariablesNote->setText(why);
}

void RequestForm::rebuildPathFields(const QString &resourcePath)
{
    const QStringList names = model::pathrules::pathParameterNames(resourcePath);
    QStringList current;
    for (const auto &entry : m_pathFields)
        current << entry.first;
    QStringList sorted = names;
    sorted.sort();
    if (sorted == current)
        return;
    while (m_pathLayout->rowCount() > 0)
        m_pathLayout->removeRow(0);
    m_pathFields.clear();
    for (const QString &name : names) {
        auto *field = new QLineEdit;
        field->setObjectName(QStringLiteral("composerPath_") + name);
        const bool greedy = resourcePath.contains(QLatin1Char('{') + name + QStringLiteral("+}"));
        field->setPlaceholderText(greedy ? tr("a/b/c (may hold slashes)") : tr("value"));
        connect(field, &QLineEdit::textEdited, this, &RequestForm::edited);
        m_pathLayout->addRow(QLatin1Char('{') + name + (greedy ? QStringLiteral("+}") : QStringLiteral("}")), field);
        m_pathFields[name] = field;
    }
    m_noPathParameters->setVisible(names.isEmpty());
}

} // namespace portico::widgets::composer
