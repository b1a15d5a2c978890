#include "methodrequestform.h"

#include "formfields.h"
#include "rowtable.h"

#include "model/pathrules.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QVBoxLayout>

namespace portico::widgets::methodexecution {

namespace {
const QString kParameterPrefix = QStringLiteral("method.request.");
const QStringList kLocations {QStringLiteral("path"), QStringLiteral("querystring"),
                              QStringLiteral("header"), QStringLiteral("multivaluequerystring"),
                              QStringLiteral("multivalueheader")};

// The AWS order of the console's list, rather than the enum's.
const QList<model::AuthorizationType> kAuthorizationTypes {
    model::AuthorizationType::None, model::AuthorizationType::AwsIam,
    model::AuthorizationType::Custom, model::AuthorizationType::CognitoUserPools};

QStringList parseScopes(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,]+"));
    return text.split(separators, Qt::SkipEmptyParts);
}

// "method.request.querystring.limit" -> ("querystring", "limit")
std::pair<QString, QString> splitParameter(const QString &key)
{
    const QString rest = key.mid(kParameterPrefix.size());
    const qsizetype dot = rest.indexOf(QLatin1Char('.'));
    if (!key.startsWith(kParameterPrefix) || dot < 0)
        return {QString(), key};
    return {rest.left(dot), rest.mid(dot + 1)};
}

} // namespace

MethodRequestForm::MethodRequestForm(QWidget *parent)
    : MethodForm(parent)
{
    setObjectName(QStringLiteral("methodRequestForm"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    m_operationName = new QLineEdit;
    m_operationName->setObjectName(QStringLiteral("operationName"));
    m_operationName->setPlaceholderText(tr("optional, such as GetPet"));
    connect(m_operationName, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(
            tr("Edit operation name"), [&](model::Method &m) { m.operationName = text; },
            QStringLiteral("operationName"));
    });
    form->addRow(tr("Operation name"), m_operationName);

    m_authorizationType = new QComboBox;
    m_authorizationType->setObjectName(QStringLiteral("authorizationType"));
    for (model::AuthorizationType type : kAuthorizationTypes)
        m_authorizationType->addItem(model::enumName(type), model::enumName(type));
    connect(m_authorizationType, &QComboBox::activated, this, [this] {
        const auto type
            = model::enumFromName<model::AuthorizationType>(fieldChoice(m_authorizationType));
        edit(tr("Change authorization"), [&](model::Method &m) {
            m.authorizationType = type.value_or(model::AuthorizationType::None);
            // Only CUSTOM and COGNITO_USER_POOLS name an authorizer; scopes need Cognito.
            if (m.authorizationType != model::AuthorizationType::Custom
                && m.authorizationType != model::AuthorizationType::CognitoUserPools)
                m.authorizerId.clear();
            if (m.authorizationType != model::AuthorizationType::CognitoUserPools)
                m.authorizationScopes.clear();
        });
    });
    form->addRow(tr("Authorization"), m_authorizationType);

    m_authorizer = new QComboBox;
    m_authorizer->setObjectName(QStringLiteral("authorizer"));
    connect(m_authorizer, &QComboBox::activated, this, [this] {
        const QString id = fieldChoice(m_authorizer);
        edit(tr("Change authorizer"), [&](model::Method &m) { m.authorizerId = id; });
    });
    m_authorizerProblem = makeProblemLabel(QStringLiteral("authorizerProblem"));
    auto *authorizerColumn = new QVBoxLayout;
    authorizerColumn->addWidget(m_authorizer);
    authorizerColumn->addWidget(m_authorizerProblem);
    form->addRow(tr("Authorizer"), authorizerColumn);

    m_scopes = new QLineEdit;
    m_scopes->setObjectName(QStringLiteral("authorizationScopes"));
    m_scopes->setPlaceholderText(tr("space-separated, such as pets/read pets/write"));
    connect(m_scopes, &QLineEdit::textEdited, this, [this](const QString &text) {
        edit(
            tr("Edit OAuth scopes"),
            [&](model::Method &m) { m.authorizationScopes = parseScopes(text); },
            QStringLiteral("authorizationScopes"));
    });
    form->addRow(tr("OAuth scopes"), m_scopes);

    m_apiKeyRequired = new QCheckBox(tr("API key required"));
    m_apiKeyRequired->setObjectName(QStringLiteral("apiKeyRequired"));
    connect(m_apiKeyRequired, &QCheckBox::clicked, this, [this](bool checked) {
        edit(checked ? tr("Require API key") : tr("Do not require API key"),
             [&](model::Method &m) { m.apiKeyRequired = checked; });
    });
    form->addRow(QString(), m_apiKeyRequired);

    m_validator = new QComboBox;
    m_validator->setObjectName(QStringLiteral("requestValidator"));
    connect(m_validator, &QComboBox::activated, this, [this] {
        const QString id = fieldChoice(m_validator);
        edit(tr("Change request validator"), [&](model::Method &m) { m.requestValidatorId = id; });
    });
    form->addRow(tr("Request validator"), m_validator);

    m_parameters = new RowTable(QStringLiteral("requestParameters"),
                                {{tr("Location"), RowTable::Kind::Choice, {}},
                                 {tr("Name"), RowTable::Kind::Text, tr("name")},
                                 {tr("Required"), RowTable::Kind::Check, {}}});
    RowTable::Choices locations;
    for (const QString &location : kLocations)
        locations.emplace_back(location, location);
    m_parameters->setChoices(0, locations);
    m_parameters->setNewRow({QStringLiteral("querystring"), QString(), QStringLiteral("false")});
    m_parameters->setAddText(tr("Add parameter"));
    connect(m_parameters, &RowTable::rowsEdited, this, &MethodRequestForm::commitParameters);

    m_models = new RowTable(
        QStringLiteral("requestModels"),
        {{tr("Content type"), RowTable::Kind::Text, QStringLiteral("application/json")},
         {tr("Model"), RowTable::Kind::Choice, {}}});
    m_models->setAddText(tr("Add model"));
    connect(m_models, &RowTable::rowsEdited, this, &MethodRequestForm::commitModels);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(
        tr("<b>Method request</b>: who may call the method and what the request declares."));
    layout->addWidget(title);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("<b>Request parameters</b>")));
    layout->addWidget(m_parameters);
    layout->addWidget(new QLabel(tr("<b>Request models</b>")));
    layout->addWidget(m_models);
    layout->addStretch(1);
}

void MethodRequestForm::load(const model::RestApi &api, const QString &resourcePath)
{
    const model::Method &m = method();
    m_resourcePath = resourcePath;
    setFieldText(m_operationName, m.operationName);
    setFieldChoice(m_authorizationType, model::enumName(m.authorizationType));

    // The choices follow the API: authorizers and validators may have changed since last time.
    {
        const QSignalBlocker blocker(m_authorizer);
        m_authorizer->clear();
        m_authorizer->addItem(tr("(none)"), QString());
        for (const model::Authorizer &authorizer : api.authorizers) {
            m_authorizer->addItem(
                tr("%1 (%2)").arg(authorizer.name, model::enumName(authorizer.type)),
                authorizer.id);
        }
        if (!m.authorizerId.isEmpty() && m_authorizer->findData(m.authorizerId) < 0)
            m_authorizer->addItem(tr("%1 (missing)").arg(m.authorizerId), m.authorizerId);
        m_authorizer->setCurrentIndex(m_authorizer->findData(m.authorizerId));
    }
    const bool namesAuthorizer = m.authorizationType == model::AuthorizationType::Custom
        || m.authorizationType == model::AuthorizationType::CognitoUserPools;
    m_authorizer->setEnabled(namesAuthorizer);
    checkAuthorization(api);

    if (parseScopes(m_scopes->text()) != m.authorizationScopes)
        setFieldText(m_scopes, m.authorizationScopes.join(QLatin1Char(' ')));
    m_scopes->setEnabled(m.authorizationType == model::AuthorizationType::CognitoUserPools);
    setFieldChecked(m_apiKeyRequired, m.apiKeyRequired);

    {
        const QSignalBlocker blocker(m_validator);
        m_validator->clear();
        m_validator->addItem(tr("(none)"), QString());
        for (const model::RequestValidator &validator : api.requestValidators)
            m_validator->addItem(validator.name, validator.id);
        if (!m.requestValidatorId.isEmpty() && m_validator->findData(m.requestValidatorId) < 0)
            m_validator->addItem(tr("%1 (missing)").arg(m.requestValidatorId),
                                 m.requestValidatorId);
        m_validator->setCurrentIndex(m_validator->findData(m.requestValidatorId));
    }

    std::vector<RowTable::Row> parameters;
    for (const auto &[key, required] : m.requestParameters) {
        const auto [location, name] = splitParameter(key);
        parameters.push_back(
            {location, name, required ? QStringLiteral("true") : QStringLiteral("false")});
    }
    m_parameters->setRows(parameters);
    m_parameters->setProblem(parameterWarnings());

    RowTable::Choices models;
    for (const model::Model &model : api.models)
        models.emplace_back(model.name, model.name);
    m_models->setChoices(1, models);
    m_models->setNewRow({QStringLiteral("application/json"),
                         api.models.empty() ? QString() : api.models.front().name});
    std::vector<RowTable::Row> rows;
    for (const auto &[contentType, model] : m.requestModels)
        rows.push_back({contentType, model});
    m_models->setRows(rows);
    QStringList unknown;
    for (const auto &[contentType, model] : m.requestModels) {
        if (!api.findModel(model))
            unknown.append(model);
    }
    m_models->setProblem(unknown.isEmpty()
                             ? QString()
                             : tr("No model named %1 in this API.").arg(unknown.join(tr(", "))));
}

void MethodRequestForm::checkAuthorization(const model::RestApi &api)
{
    const model::Method &m = method();
    QString problem;
    const model::Authorizer *authorizer = api.findAuthorizer(m.authorizerId);
    if (m.authorizationType == model::AuthorizationType::Custom
        || m.authorizationType == model::AuthorizationType::CognitoUserPools) {
        if (m.authorizerId.isEmpty())
            problem = tr("%1 needs an authorizer.").arg(model::enumName(m.authorizationType));
        else if (!authorizer)
            problem = tr("No authorizer with id %1 in this API.").arg(m.authorizerId);
        else if ((authorizer->type == model::AuthorizerType::CognitoUserPools)
                 != (m.authorizationType == model::AuthorizationType::CognitoUserPools))
            problem
                = tr("A %1 authorizer cannot serve %2 authorization.")
                      .arg(model::enumName(authorizer->type), model::enumName(m.authorizationType));
    }
    showProblem(m_authorizerProblem, problem, m_authorizer);
}

QString MethodRequestForm::parameterWarnings() const
{
    // Allowed by API Gateway, but such a parameter never receives a value.
    QStringList warnings;
    const QStringList declaredPath = model::pathrules::pathParameterNames(m_resourcePath);
    for (const auto &[key, required] : method().requestParameters) {
        const auto [location, name] = splitParameter(key);
        if (location == QLatin1String("path") && !declaredPath.contains(name))
            warnings.append(tr("The path %1 has no {%2}.").arg(m_resourcePath, name));
    }
    return warnings.join(QLatin1Char('\n'));
}

void MethodRequestForm::commitParameters()
{
    std::map<QString, bool> parameters;
    QStringList problems;
    for (const RowTable::Row &row : m_parameters->rows()) {
        // A row still without a name is being added; it becomes a parameter once named.
        if (row[1].trimmed().isEmpty())
            continue;
        const QString key = kParameterPrefix + row[0] + QLatin1Char('.') + row[1].trimmed();
        if (!model::pathrules::isMethodRequestParameter(key))
            problems.append(tr("%1 is not a valid parameter name.").arg(row[1]));
        else if (parameters.contains(key))
            problems.append(tr("%1 %2 is declared twice.").arg(row[0], row[1]));
        parameters[key] = row[2] == QLatin1String("true");
    }
    m_parameters->setProblem(problems.join(QLatin1Char('\n')));
    // A bad row is shown, not saved: the model only ever holds what API Gateway accepts.
    if (!problems.isEmpty())
        return;
    edit(tr("Edit request parameters"),
         [&](model::Method &m) { m.requestParameters = parameters; });
}

void MethodRequestForm::commitModels()
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
    edit(tr("Edit request models"), [&](model::Method &m) { m.requestModels = models; });
}

} // namespace portico::widgets::methodexecution
