#include "simpleforms.h"

#include "liveusageview.h"

#include "widgets/methodexecution/formfields.h"

#include "base/ids.h"
#include "base/limits.h"
#include "model/enums.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>

namespace portico::widgets::parts {

using methodexecution::setFieldChecked;
using methodexecution::setFieldChoice;
using methodexecution::setFieldText;

namespace {

QLabel *makeNote(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

QString usedByText(const QStringList &users)
{
    return users.isEmpty() ? PartForm::tr("Not used by any method.")
                           : PartForm::tr("Used by %1.").arg(users.join(QStringLiteral(", ")));
}

} // namespace

// ---------------------------------------------------------------------------------------------

ValidatorForm::ValidatorForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Request validator"), parent)
{
    using model::RequestValidator;
    m_name = addLine(tr("Name"), QStringLiteral("validatorName"), [this](const QString &text) {
        edit<RequestValidator>(tr("Rename Validator"), [&](RequestValidator &v) { v.name = text; }, QStringLiteral("name"));
    });
    m_body = addCheck(tr("Validate the request body against the method's model"), QStringLiteral("validatorBody"),
                      [this](bool on) {
                          edit<RequestValidator>(tr("Change Validator"),
                                                 [&](RequestValidator &v) { v.validateRequestBody = on; });
                      });
    m_parameters = addCheck(tr("Validate required query string parameters and headers"),
                            QStringLiteral("validatorParameters"), [this](bool on) {
                                edit<RequestValidator>(tr("Change Validator"),
                                                       [&](RequestValidator &v) { v.validateRequestParameters = on; });
                            });
    m_usedBy = makeNote(QStringLiteral("validatorUsedBy"));
    fields()->addRow(QString(), m_usedBy);
}

bool ValidatorForm::load()
{
    const model::RequestValidator *v = editing::findPart<model::RequestValidator>(project(), key());
    if (!v)
        return false;
    setHeading(tr("Request validator %1").arg(v->name));
    setFieldText(m_name, v->name);
    setFieldChecked(m_body, v->validateRequestBody);
    setFieldChecked(m_parameters, v->validateRequestParameters);
    m_usedBy->setText(usedByText(editing::referencesTo(project(), *v)));
    return true;
}

// ---------------------------------------------------------------------------------------------

AuthorizerForm::AuthorizerForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Authorizer"), parent)
{
    using model::Authorizer;
    m_name = addLine(tr("Name"), QStringLiteral("authorizerName"), [this](const QString &text) {
        edit<Authorizer>(tr("Rename Authorizer"), [&](Authorizer &a) { a.name = text; }, QStringLiteral("name"));
    });
    std::vector<std::pair<QString, QString>> types;
    for (const auto &[type, name] : model::EnumNames<model::AuthorizerType>::table)
        types.emplace_back(QString::fromLatin1(name), QString::fromLatin1(name));
    m_type = addChoice(tr("Type"), QStringLiteral("authorizerType"), types, [this](const QString &value) {
        edit<Authorizer>(tr("Change Authorizer Type"), [&](Authorizer &a) {
            a.type = model::enumFromName<model::AuthorizerType>(value).value_or(a.type);
            // The identity source AWS suggests for the new type, when none was set.
            if (a.identitySource.isEmpty() && a.type != model::AuthorizerType::Request)
                a.identitySource = QStringLiteral("method.request.header.Authorization");
        });
    });
    m_uri = addLine(tr("Lambda function"), QStringLiteral("authorizerUri"), [this](const QString &text) {
        edit<Authorizer>(tr("Change Authorizer Function"), [&](Authorizer &a) { a.authorizerUri = text; },
                         QStringLiteral("uri"));
    }, QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/arn:aws:lambda:us-east-1:123456789012:function:NAME/invocations"));
    m_uri->setToolTip(tr("The function's invocation URI; a local function with the same NAME answers it."));
    m_credentials = addLine(tr("Invoke role"), QStringLiteral("authorizerCredentials"), [this](const QString &text) {
        edit<Authorizer>(tr("Change Authorizer Role"), [&](Authorizer &a) { a.authorizerCredentials = text; },
                         QStringLiteral("credentials"));
    });
    m_identitySource = addLine(tr("Identity source"), QStringLiteral("authorizerIdentitySource"),
                               [this](const QString &text) {
                                   edit<Authorizer>(tr("Change Identity Source"),
                                                    [&](Authorizer &a) { a.identitySource = text; },
                                                    QStringLiteral("identitySource"));
                               },
                               QStringLiteral("method.request.header.Authorization"));
    m_validation = addLine(tr("Token validation"), QStringLiteral("authorizerValidation"), [this](const QString &text) {
        edit<Authorizer>(tr("Change Token Validation"), [&](Authorizer &a) { a.identityValidationExpression = text; },
                         QStringLiteral("validation"));
    }, tr("a regular expression the token must match"));
    m_ttl = new QSpinBox;
    m_ttl->setObjectName(QStringLiteral("authorizerTtl"));
    m_ttl->setRange(0, 3600);
    m_ttl->setSuffix(tr(" s"));
    connect(m_ttl, &QSpinBox::valueChanged, this, [this](int value) {
        edit<Authorizer>(tr("Change Authorizer Caching"), [&](Authorizer &a) { a.authorizerResultTtlInSeconds = value; },
                         QStringLiteral("ttl"));
    });
    fields()->addRow(tr("Result caching (TTL)"), m_ttl);
    m_providers = addLine(tr("User pool ARNs"), QStringLiteral("authorizerProviders"), [this](const QString &text) {
        edit<Authorizer>(tr("Change User Pools"), [&](Authorizer &a) {
            a.providerARNs.clear();
            for (const QString &arn : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                a.providerARNs << arn.trimmed();
        }, QStringLiteral("providers"));
    }, tr("comma-separated"));
    m_usedBy = makeNote(QStringLiteral("authorizerUsedBy"));
    fields()->addRow(QString(), m_usedBy);
}

bool AuthorizerForm::load()
{
    const model::Authorizer *a = editing::findPart<model::Authorizer>(project(), key());
    if (!a)
        return false;
    setHeading(tr("Authorizer %1").arg(a->name));
    setFieldText(m_name, a->name);
    setFieldChoice(m_type, model::enumName(a->type));
    setFieldText(m_uri, a->authorizerUri);
    setFieldText(m_credentials, a->authorizerCredentials);
    setFieldText(m_identitySource, a->identitySource);
    setFieldText(m_validation, a->identityValidationExpression);
    if (m_ttl->value() != a->authorizerResultTtlInSeconds) {
        const QSignalBlocker blocker(m_ttl);
        m_ttl->setValue(a->authorizerResultTtlInSeconds);
    }
    if (!m_providers->hasFocus())
        setFieldText(m_providers, a->providerARNs.join(QStringLiteral(", ")));
    // Only the fields the chosen type has.
    const bool cognito = a->type == model::AuthorizerType::CognitoUserPools;
    const auto show = [this](QWidget *field, bool visible) { fields()->setRowVisible(field, visible); };
    show(m_uri, !cognito);
    show(m_credentials, !cognito);
    show(m_validation, a->type == model::AuthorizerType::Token);
    show(m_providers, cognito);
    m_usedBy->setText(usedByText(editing::referencesTo(project(), *a)));
    return true;
}

// ---------------------------------------------------------------------------------------------

ApiKeyForm::ApiKeyForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("API key"), parent)
{
    using model::ApiKey;
    m_name = addLine(tr("Name"), QStringLiteral("apiKeyName"), [this](const QString &text) {
        edit<ApiKey>(tr("Rename API Key"), [&](ApiKey &k) { k.name = text; }, QStringLiteral("name"));
    });
    m_description = addLine(tr("Description"), QStringLiteral("apiKeyDescription"), [this](const QString &text) {
        edit<ApiKey>(tr("Change API Key Description"), [&](ApiKey &k) { k.description = text; },
                     QStringLiteral("description"));
    });
    m_enabled = addCheck(tr("Enabled"), QStringLiteral("apiKeyEnabled"), [this](bool on) {
        edit<ApiKey>(on ? tr("Enable API Key") : tr("Disable API Key"), [&](ApiKey &k) { k.enabled = on; });
    });
    m_value = new QLineEdit;
    m_value->setObjectName(QStringLiteral("apiKeyValue"));
    methodexecution::leaveUndoToDocument(m_value);
    connect(m_value, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (text.size() < base::limits::kApiKeyMinLength) {
            showProblem(tr("An API key is at least %1 characters long.").arg(base::limits::kApiKeyMinLength));
            return;
        }
        edit<ApiKey>(tr("Change API Key Value"), [&](ApiKey &k) { k.value = text; }, QStringLiteral("value"));
    });
    m_generate = new QPushButton(tr("&Generate"));
    m_generate->setObjectName(QStringLiteral("apiKeyGenerate"));
    connect(m_generate, &QPushButton::clicked, this, [this] {
        edit<ApiKey>(tr("Generate API Key Value"), [](ApiKey &k) { k.value = base::newApiKeyValue(); });
    });
    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_generate);
    fields()->addRow(tr("Value"), valueRow);
    m_plans = makeNote(QStringLiteral("apiKeyPlans"));
    fields()->addRow(QString(), m_plans);
    m_usage = new LiveUsageView;
    fields()->addRow(tr("Usage"), m_usage);
}

bool ApiKeyForm::load()
{
    const model::ApiKey *k = editing::findPart<model::ApiKey>(project(), key());
    if (!k)
        return false;
    setHeading(tr("API key %1").arg(k->name));
    setFieldText(m_name, k->name);
    setFieldText(m_description, k->description);
    setFieldChecked(m_enabled, k->enabled);
    setFieldText(m_value, k->value);
    const QStringList plans = editing::referencesTo(project(), *k);
    m_plans->setText(plans.isEmpty() ? tr("In no usage plan: add it to one to meter its use.")
                                     : tr("In %1.").arg(plans.join(QStringLiteral(", "))));
    m_usage->setFilter(QString(), k->id);
    return true;
}

} // namespace portico::widgets::parts
