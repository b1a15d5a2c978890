#include "stageforms.h"

#include "liveusageview.h"

#include "widgets/methodexecution/formfields.h"
#include "widgets/methodexecution/rowtable.h"

#include "running/trustedprojects.h"
#include "model/enums.h"
#include "runtime/functionhost.h"
#include "runtime/gatewayresponses.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QFontDatabase>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QApplication>

namespace portico::widgets::parts {

using methodexecution::RowTable;
using methodexecution::setFieldChecked;
using methodexecution::setFieldChoice;
using methodexecution::setFieldText;

namespace {

template<typename Spin, typename Value>
void setSpin(Spin *spin, Value value)
{
    if (spin->value() != value) {
        const QSignalBlocker blocker(spin);
        spin->setValue(value);
    }
}

std::map<QString, QString> rowsToMap(const std::vector<RowTable::Row> &rows)
{
    std::map<QString, QString> map;
    for (const RowTable::Row &row : rows) {
        if (!row.value(0).trimmed().isEmpty())
            map[row.value(0).trimmed()] = row.value(1);
    }
    return map;
}

std::vector<RowTable::Row> mapToRows(const std::map<QString, QString> &map)
{
    std::vector<RowTable::Row> rows;
    for (const auto &[key, value] : map)
        rows.push_back({key, value});
    return rows;
}

} // namespace

// ---------------------------------------------------------------------------------------------

StageForm::StageForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Stage"), parent)
{
    using model::Stage;
    m_description = addLine(tr("Description"), QStringLiteral("stageDescription"), [this](const QString &text) {
        edit<Stage>(tr("Change Stage Description"), [&](Stage &s) { s.description = text; }, QStringLiteral("description"));
    });
    m_deployment = new QComboBox;
    m_deployment->setObjectName(QStringLiteral("stageDeployment"));
    connect(m_deployment, &QComboBox::activated, this, [this] {
        const QString id = methodexecution::fieldChoice(m_deployment);
        const base::Status status = this->document()->pointStage(key(), id);
        showProblem(status.ok() ? QString() : status.error().message);
    });
    auto *history = new QPushButton(tr("Deployment &history..."));
    history->setObjectName(QStringLiteral("stageHistory"));
    connect(history, &QPushButton::clicked, this, [this] { Q_EMIT historyRequested(key()); });
    auto *deploymentRow = new QHBoxLayout;
    deploymentRow->addWidget(m_deployment, 1);
    deploymentRow->addWidget(history);
    fields()->addRow(tr("Deployment"), deploymentRow);
    m_invokeUrl = new QLabel;
    m_invokeUrl->setObjectName(QStringLiteral("stageInvokeUrl"));
    m_invokeUrl->setTextInteractionFlags(Qt::TextSelectableByMouse);
    fields()->addRow(tr("Invoke path"), m_invokeUrl);

    m_variables = new RowTable(QStringLiteral("stageVariables"),
                               {{tr("Name"), RowTable::Kind::Text, QStringLiteral("backendHost")},
                                {tr("Value"), RowTable::Kind::Text, QStringLiteral("example.com")}});
    m_variables->setAddText(tr("Add stage variable"));
    connect(m_variables, &RowTable::rowsEdited, this, [this] {
        edit<Stage>(tr("Change Stage Variables"), [&](Stage &s) { s.variables = rowsToMap(m_variables->rows()); });
    });
    fields()->addRow(tr("Stage variables"), m_variables);

    m_throttling = new RowTable(QStringLiteral("stageThrottling"),
                                {{tr("Method"), RowTable::Kind::Text, QStringLiteral("*/* or /pets/GET")},
                                 {tr("Rate (req/s)"), RowTable::Kind::Text, QStringLiteral("10000")},
                                 {tr("Burst"), RowTable::Kind::Text, QStringLiteral("5000")}});
    m_throttling->setAddText(tr("Add throttling"));
    m_throttling->setNewRow({QStringLiteral("*/*"), QString(), QString()});
    connect(m_throttling, &RowTable::rowsEdited, this, [this] {
        std::map<QString, model::MethodSetting> settings;
        QString problem;
        for (const RowTable::Row &row : m_throttling->rows()) {
            if (row.value(0).trimmed().isEmpty())
                continue;
            model::MethodSetting setting;
            bool ok = true;
            if (!row.value(1).isEmpty())
                setting.throttlingRateLimit = QLocale::c().toDouble(row.value(1), &ok);
            bool burstOk = true;
            if (!row.value(2).isEmpty())
                setting.throttlingBurstLimit = row.value(2).toInt(&burstOk);
            if (!ok || !burstOk) {
                problem = tr("%1: the rate and the burst are numbers").arg(row.value(0));
                continue;
            }
            settings[row.value(0).trimmed()] = setting;
        }
        m_throttling->setProblem(problem);
        if (problem.isEmpty())
            edit<Stage>(tr("Change Stage Throttling"), [&](Stage &s) { s.methodSettings = settings; });
    });
    fields()->addRow(tr("Throttling"), m_throttling);
}

bool StageForm::load()
{
    const model::Stage *s = editing::findPart<model::Stage>(project(), key());
    if (!s)
        return false;
    setHeading(tr("Stage %1").arg(s->stageName));
    setFieldText(m_description, s->description);
    {
        const QSignalBlocker blocker(m_deployment);
        m_deployment->clear();
        for (auto d = project().deployments.rbegin(); d != project().deployments.rend(); ++d) {
            const QString when = QLocale().toString(d->createdDate.toLocalTime(), QLocale::ShortFormat);
            m_deployment->addItem(d->description.isEmpty() ? QStringLiteral("%1 (%2)").arg(d->id, when)
                                                           : QStringLiteral("%1 · %2 (%3)").arg(d->id, d->description, when),
                                  d->id);
        }
        if (!project().findDeployment(s->deploymentId))
            m_deployment->addItem(tr("%1 (missing)").arg(s->deploymentId), s->deploymentId);
        setFieldChoice(m_deployment, s->deploymentId);
    }
    m_invokeUrl->setText(QStringLiteral("/%1/…").arg(s->stageName));
    m_variables->setRows(mapToRows(s->variables));
    std::vector<RowTable::Row> throttling;
    for (const auto &[method, setting] : s->methodSettings) {
        throttling.push_back({method,
                              setting.throttlingRateLimit ? QLocale::c().toString(*setting.throttlingRateLimit) : QString(),
                              setting.throttlingBurstLimit ? QString::number(*setting.throttlingBurstLimit) : QString()});
    }
    m_throttling->setRows(throttling);
    return true;
}

// ---------------------------------------------------------------------------------------------

UsagePlanForm::UsagePlanForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Usage plan"), parent)
{
    using model::UsagePlan;
    m_name = addLine(tr("Name"), QStringLiteral("planName"), [this](const QString &text) {
        edit<UsagePlan>(tr("Rename Usage Plan"), [&](UsagePlan &p) { p.name = text; }, QStringLiteral("name"));
    });
    m_description = addLine(tr("Description"), QStringLiteral("planDescription"), [this](const QString &text) {
        edit<UsagePlan>(tr("Change Usage Plan Description"), [&](UsagePlan &p) { p.description = text; },
                        QStringLiteral("description"));
    });

    m_throttleOn = new QCheckBox(tr("Throttle"));
    m_throttleOn->setObjectName(QStringLiteral("planThrottle"));
    m_rate = new QDoubleSpinBox;
    m_rate->setObjectName(QStringLiteral("planRate"));
    m_rate->setRange(0, 1e6);
    m_rate->setSuffix(tr(" req/s"));
    m_burst = new QSpinBox;
    m_burst->setObjectName(QStringLiteral("planBurst"));
    m_burst->setRange(0, 1000000);
    m_burst->setPrefix(tr("burst "));
    auto *throttleRow = new QHBoxLayout;
    throttleRow->addWidget(m_throttleOn);
    throttleRow->addWidget(m_rate, 1);
    throttleRow->addWidget(m_burst, 1);
    fields()->addRow(tr("Throttling"), throttleRow);
    connect(m_throttleOn, &QCheckBox::toggled, this, &UsagePlanForm::editThrottle);
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, &UsagePlanForm::editThrottle);
    connect(m_burst, &QSpinBox::valueChanged, this, &UsagePlanForm::editThrottle);

    m_quotaOn = new QCheckBox(tr("Quota"));
    m_quotaOn->setObjectName(QStringLiteral("planQuota"));
    m_quotaLimit = new QSpinBox;
    m_quotaLimit->setObjectName(QStringLiteral("planQuotaLimit"));
    m_quotaLimit->setRange(0, 2000000000);
    m_quotaLimit->setSuffix(tr(" requests"));
    m_quotaPeriod = new QComboBox;
    m_quotaPeriod->setObjectName(QStringLiteral("planQuotaPeriod"));
    for (const auto &[period, name] : model::EnumNames<model::QuotaPeriod>::table)
        m_quotaPeriod->addItem(tr("per %1").arg(QString::fromLatin1(name).toLower()), QString::fromLatin1(name));
    m_quotaOffset = new QSpinBox;
    m_quotaOffset->setObjectName(QStringLiteral("planQuotaOffset"));
    m_quotaOffset->setRange(0, 30);
    m_quotaOffset->setPrefix(tr("offset "));
    m_quotaOffset->setToolTip(tr("Days (or weeks) into the period at which the quota starts counting, as AWS's offset."));
    auto *quotaRow = new QHBoxLayout;
    quotaRow->addWidget(m_quotaOn);
    quotaRow->addWidget(m_quotaLimit, 1);
    quotaRow->addWidget(m_quotaPeriod, 1);
    quotaRow->addWidget(m_quotaOffset);
    fields()->addRow(tr("Quota"), quotaRow);
    connect(m_quotaOn, &QCheckBox::toggled, this, &UsagePlanForm::editQuota);
    connect(m_quotaLimit, &QSpinBox::valueChanged, this, &UsagePlanForm::editQuota);
    connect(m_quotaPeriod, &QComboBox::activated, this, &UsagePlanForm::editQuota);
    connect(m_quotaOffset, &QSpinBox::valueChanged, this, &UsagePlanForm::editQuota);

    m_stages = new RowTable(QStringLiteral("planStages"), {{tr("Stage"), RowTable::Kind::Choice, QString()}});
    m_stages->setAddText(tr("Add stage"));
    connect(m_stages, &RowTable::rowsEdited, this, [this] {
        edit<UsagePlan>(tr("Change Usage Plan Stages"), [&](UsagePlan &p) {
            std::vector<model::UsagePlanStage> stages;
            for (const RowTable::Row &row : m_stages->rows()) {
                const auto old = std::find_if(p.apiStages.begin(), p.apiStages.end(),
                                              [&](const model::UsagePlanStage &s) { return s.stage == row.value(0); });
                stages.push_back(old != p.apiStages.end() ? *old : model::UsagePlanStage {row.value(0), {}});
            }
            p.apiStages = stages;
        });
    });
    fields()->addRow(tr("Stages"), m_stages);

    m_methodThrottle = new RowTable(QStringLiteral("planMethodThrottle"),
                                    {{tr("Stage"), RowTable::Kind::Choice, QString()},
                                     {tr("Method"), RowTable::Kind::Text, QStringLiteral("/pets/POST")},
                                     {tr("Rate (req/s)"), RowTable::Kind::Text, QStringLiteral("1")},
                                     {tr("Burst"), RowTable::Kind::Text, QStringLiteral("2")}});
    m_methodThrottle->setAddText(tr("Add method throttling"));
    connect(m_methodThrottle, &RowTable::rowsEdited, this, [this] {
        std::map<QString, std::map<QString, model::ThrottleSettings>> byStage;
        QString problem;
        for (const RowTable::Row &row : m_methodThrottle->rows()) {
            const QString method = row.value(1).trimmed();
            if (method.isEmpty())
                continue;
            bool rateOk = false;
            bool burstOk = false;
            const double rate = QLocale::c().toDouble(row.value(2), &rateOk);
            const int burst = row.value(3).toInt(&burstOk);
            if (!rateOk || !burstOk) {
                problem = tr("%1: the rate and the burst are numbers").arg(method);
                continue;
            }
            byStage[row.value(0)][method] = model::ThrottleSettings {rate, burst};
        }
        m_methodThrottle->setProblem(problem);
        if (!problem.isEmpty())
            return;
        edit<model::UsagePlan>(tr("Change Method Throttling"), [&](model::UsagePlan &p) {
            for (model::UsagePlanStage &stage : p.apiStages) {
                const auto it = byStage.find(stage.stage);
                stage.throttle = it == byStage.end() ? std::map<QString, model::ThrottleSettings> {} : it->second;
            }
        });
    });
    fields()->addRow(tr("Method throttling"), m_methodThrottle);

    m_keys = new QListWidget;
    m_keys->setObjectName(QStringLiteral("planKeys"));
    m_keys->setMaximumHeight(140);
    connect(m_keys, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        const QString id = item->data(Qt::UserRole).toString();
        const bool on = item->checkState() == Qt::Checked;
        edit<UsagePlan>(on ? tr("Add Key to Usage Plan") : tr("Remove Key from Usage Plan"), [&](UsagePlan &p) {
            p.apiKeyIds.removeAll(id);
            if (on)
                p.apiKeyIds << id;
        });
    });
    fields()->addRow(tr("API keys"), m_keys);
    m_usage = new LiveUsageView;
    fields()->addRow(tr("Usage"), m_usage);
}

void UsagePlanForm::editThrottle()
{
    m_rate->setEnabled(m_throttleOn->isChecked());
    m_burst->setEnabled(m_throttleOn->isChecked());
    edit<model::UsagePlan>(tr("Change Usage Plan Throttling"), [&](model::UsagePlan &p) {
        if (m_throttleOn->isChecked())
            p.throttle = model::ThrottleSettings {m_rate->value(), m_burst->value()};
        else
            p.throttle.reset();
    }, QStringLiteral("throttle"));
}

void UsagePlanForm::editQuota()
{
    m_quotaLimit->setEnabled(m_quotaOn->isChecked());
    m_quotaPeriod->setEnabled(m_quotaOn->isChecked());
    m_quotaOffset->setEnabled(m_quotaOn->isChecked());
    edit<model::UsagePlan>(tr("Change Usage Plan Quota"), [&](model::UsagePlan &p) {
        if (m_quotaOn->isChecked()) {
            model::QuotaSettings quota = p.quota.value_or(model::QuotaSettings {});
            quota.limit = m_quotaLimit->value();
            quota.period = model::enumFromName<model::QuotaPeriod>(methodexecution::fieldChoice(m_quotaPeriod))
                               .value_or(model::QuotaPeriod::Day);
            quota.offset = m_quotaOffset->value();
            p.quota = quota;
        } else {
            p.quota.reset();
        }
    }, QStringLiteral("quota"));
}

bool UsagePlanForm::load()
{
    const model::UsagePlan *p = editing::findPart<model::UsagePlan>(project(), key());
    if (!p)
        return false;
    setHeading(tr("Usage plan %1").arg(p->name));
    setFieldText(m_name, p->name);
    setFieldText(m_description, p->description);
    setFieldChecked(m_throttleOn, p->throttle.has_value());
    setSpin(m_rate, p->throttle ? p->throttle->rateLimit : 0.0);
    setSpin(m_burst, p->throttle ? p->throttle->burstLimit : 0);
    m_rate->setEnabled(p->throttle.has_value());
    m_burst->setEnabled(p->throttle.has_value());
    setFieldChecked(m_quotaOn, p->quota.has_value());
    setSpin(m_quotaLimit, p->quota ? p->quota->limit : 0);
    {
        const QSignalBlocker blocker(m_quotaPeriod);
        setFieldChoice(m_quotaPeriod, model::enumName(p->quota ? p->quota->period : model::QuotaPeriod::Day));
    }
    setSpin(m_quotaOffset, p->quota ? p->quota->offset : 0);
    m_quotaLimit->setEnabled(p->quota.has_value());
    m_quotaPeriod->setEnabled(p->quota.has_value());
    m_quotaOffset->setEnabled(p->quota.has_value());

    RowTable::Choices stages;
    for (const model::Stage &s : project().stages)
        stages.emplace_back(s.stageName, s.stageName);
    m_stages->setChoices(0, stages);
    m_stages->setNewRow({stages.empty() ? QString() : stages.front().second});
    std::vector<RowTable::Row> rows;
    for (const model::UsagePlanStage &s : p->apiStages)
        rows.push_back({s.stage});
    m_stages->setRows(rows);

    // Only the plan's own stages can hold method throttling.
    RowTable::Choices planStages;
    std::vector<RowTable::Row> throttles;
    for (const model::UsagePlanStage &s : p->apiStages) {
        planStages.emplace_back(s.stage, s.stage);
        for (const auto &[method, throttle] : s.throttle)
            throttles.push_back({s.stage, method, QLocale::c().toString(throttle.rateLimit), QString::number(throttle.burstLimit)});
    }
    m_methodThrottle->setChoices(0, planStages);
    m_methodThrottle->setNewRow({planStages.empty() ? QString() : planStages.front().second, QString(), QString(), QString()});
    m_methodThrottle->addButton()->setEnabled(!planStages.empty());
    m_methodThrottle->setRows(throttles);

    m_usage->setFilter(p->id, QString());
    const QSignalBlocker blocker(m_keys);
    m_keys->clear();
    for (const model::ApiKey &k : project().apiKeys) {
        auto *item = new QListWidgetItem(k.name, m_keys);
        item->setData(Qt::UserRole, k.id);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(p->apiKeyIds.contains(k.id) ? Qt::Checked : Qt::Unchecked);
    }
    if (project().apiKeys.empty())
        new QListWidgetItem(tr("(the project has no API keys)"), m_keys);
    return true;
}

// ---------------------------------------------------------------------------------------------

GatewayResponseForm::GatewayResponseForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Gateway response"), parent)
{
    using model::GatewayResponse;
    m_status = addLine(tr("Status code"), QStringLiteral("gatewayStatus"), [this](const QString &text) {
        edit<GatewayResponse>(tr("Change Gateway Response Status"), [&](GatewayResponse &g) { g.statusCode = text; },
                              QStringLiteral("status"));
    });
    m_headers = new RowTable(QStringLiteral("gatewayHeaders"),
                             {{tr("Header"), RowTable::Kind::Text, QStringLiteral("Access-Control-Allow-Origin")},
                              {tr("Value"), RowTable::Kind::Text, QStringLiteral("'*'")}});
    m_headers->setAddText(tr("Add header"));
    connect(m_headers, &RowTable::rowsEdited, this, [this] {
        edit<GatewayResponse>(tr("Change Gateway Response Headers"), [&](GatewayResponse &g) {
            g.responseParameters.clear();
            for (const auto &[header, value] : rowsToMap(m_headers->rows()))
                g.responseParameters[QStringLiteral("gatewayresponse.header.") + header] = value;
        });
    });
    fields()->addRow(tr("Headers"), m_headers);
    m_templates = new RowTable(QStringLiteral("gatewayTemplates"),
                               {{tr("Content type"), RowTable::Kind::Text, QStringLiteral("application/json")},
                                {tr("Template"), RowTable::Kind::Text,
                                 QStringLiteral("{\"message\":$context.error.messageString}")}});
    m_templates->setAddText(tr("Add template"));
    m_templates->setNewRow({QStringLiteral("application/json"), QStringLiteral("{\"message\":$context.error.messageString}")});
    connect(m_templates, &RowTable::rowsEdited, this, [this] {
        edit<GatewayResponse>(tr("Change Gateway Response Templates"),
                              [&](GatewayResponse &g) { g.responseTemplates = rowsToMap(m_templates->rows()); });
    });
    fields()->addRow(tr("Body templates"), m_templates);
}

bool GatewayResponseForm::load()
{
    const model::GatewayResponse *g = editing::findPart<model::GatewayResponse>(project(), key());
    if (!g)
        return false;
    setHeading(tr("Gateway response %1").arg(g->responseType));
    const runtime::GatewayErrorType *type = runtime::findGatewayErrorType(g->responseType);
    m_status->setPlaceholderText(type ? tr("%1 (the default)").arg(type->status) : tr("the default"));
    setFieldText(m_status, g->statusCode);
    std::map<QString, QString> headers;
    for (const auto &[name, value] : g->responseParameters)
        headers[name.mid(name.lastIndexOf(QLatin1Char('.')) + 1)] = value;
    m_headers->setRows(mapToRows(headers));
    m_templates->setRows(mapToRows(g->responseTemplates));
    return true;
}

// ---------------------------------------------------------------------------------------------

FunctionForm::FunctionForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Local function"), parent)
{
    using model::LocalFunction;
    m_name = addLine(tr("Name"), QStringLiteral("functionName"), [this](const QString &text) {
        edit<LocalFunction>(tr("Rename Function"), [&](LocalFunction &f) { f.name = text; }, QStringLiteral("name"));
    });
    m_name->setToolTip(tr("The NAME in the function ARN (arn:aws:lambda:REGION:ACCOUNT:function:NAME) that "
                          "integrations and authorizers invoke."));
    std::vector<std::pair<QString, QString>> kinds {{tr("Handler (Node.js or Python code, as Lambda runs it)"), QStringLiteral("handler")},
                                                    {tr("Command (event on stdin, result on stdout)"), QStringLiteral("command")},
                                                    {tr("Invoke URL (a Lambda emulator)"), QStringLiteral("invokeUrl")}};
    m_kind = addChoice(tr("Runs as"), QStringLiteral("functionKind"), kinds, [this](const QString &value) {
        edit<LocalFunction>(tr("Change Function Kind"), [&](LocalFunction &f) {
            f.kind = model::enumFromName<model::LocalFunctionKind>(value).value_or(f.kind);
        });
    });
    m_runtime = addChoice(tr("Runtime"), QStringLiteral("functionRuntime"),
                          {{QStringLiteral("Node.js"), QStringLiteral("nodejs")}, {QStringLiteral("Python"), QStringLiteral("python")}},
                          [this](const QString &value) {
                              edit<LocalFunction>(tr("Change Function Runtime"), [&](LocalFunction &f) {
                                  f.runtime = model::enumFromName<model::LocalRuntime>(value).value_or(f.runtime);
                              });
                          });
    m_handler = addLine(tr("Handler"), QStringLiteral("functionHandler"), [this](const QString &text) {
        edit<LocalFunction>(tr("Change Handler"), [&](LocalFunction &f) { f.handler = text; }, QStringLiteral("handler"));
    }, QStringLiteral("index.handler"));
    m_command = addLine(tr("Command"), QStringLiteral("functionCommand"), [this](const QString &text) {
        edit<LocalFunction>(tr("Change Command"), [&](LocalFunction &f) { f.command = text; }, QStringLiteral("command"));
    }, QStringLiteral("./handler.sh"));
    m_invokeUrl = addLine(tr("Invoke URL"), QStringLiteral("functionInvokeUrl"), [this](const QString &text) {
        edit<LocalFunction>(tr("Change Invoke URL"), [&](LocalFunction &f) { f.invokeUrl = text; }, QStringLiteral("invokeUrl"));
    }, QStringLiteral("http://127.0.0.1:9001/2015-03-31/functions/NAME/invocations"));
    m_workingDirectory = addLine(tr("Working directory"), QStringLiteral("functionDirectory"), [this](const QString &text) {
        edit<LocalFunction>(tr("Change Working Directory"), [&](LocalFunction &f) { f.workingDirectory = text; },
                            QStringLiteral("directory"));
    }, tr("relative to the project file"));
    m_environment = new RowTable(QStringLiteral("functionEnvironment"),
                                 {{tr("Variable"), RowTable::Kind::Text, QStringLiteral("TABLE_NAME")},
                                  {tr("Value"), RowTable::Kind::Text, QString()}});
    m_environment->setAddText(tr("Add variable"));
    connect(m_environment, &RowTable::rowsEdited, this, [this] {
        edit<LocalFunction>(tr("Change Function Environment"),
                            [&](LocalFunction &f) { f.environment = rowsToMap(m_environment->rows()); });
    });
    fields()->addRow(tr("Environment"), m_environment);
    m_timeout = new QSpinBox;
    m_timeout->setObjectName(QStringLiteral("functionTimeout"));
    m_timeout->setRange(1, 900);
    m_timeout->setSuffix(tr(" s"));
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int value) {
        edit<LocalFunction>(tr("Change Function Timeout"), [&](LocalFunction &f) { f.timeoutSeconds = value; },
                            QStringLiteral("timeout"));
    });
    fields()->addRow(tr("Timeout"), m_timeout);
    m_concurrency = new QSpinBox;
    m_concurrency->setObjectName(QStringLiteral("functionConcurrency"));
    m_concurrency->setRange(1, 64);
    m_concurrency->setToolTip(tr("Warm workers at most: one invocation per worker at a time."));
    connect(m_concurrency, &QSpinBox::valueChanged, this, [this](int value) {
        edit<LocalFunction>(tr("Change Function Concurrency"), [&](LocalFunction &f) { f.concurrency = value; },
                            QStringLiteral("concurrency"));
    });
    fields()->addRow(tr("Concurrency"), m_concurrency);

    // Run once: a sample event, editable, and what the function gave back.
    m_sample = new QComboBox;
    m_sample->setObjectName(QStringLiteral("functionSample"));
    m_sample->addItem(tr("API Gateway proxy request (Lambda proxy integration)"), QStringLiteral(
        "{\n  \"resource\": \"/pets/{petId}\",\n  \"path\": \"/pets/7\",\n  \"httpMethod\": \"GET\",\n"
        "  \"headers\": {\"Accept\": \"application/json\"},\n"
        "  \"multiValueHeaders\": {\"Accept\": [\"application/json\"]},\n"
        "  \"queryStringParameters\": null,\n  \"multiValueQueryStringParameters\": null,\n"
        "  \"pathParameters\": {\"petId\": \"7\"},\n  \"stageVariables\": null,\n"
        "  \"requestContext\": {\"resourcePath\": \"/pets/{petId}\", \"httpMethod\": \"GET\", \"stage\": \"dev\","
        " \"requestId\": \"c6af9ac6-7b61-11e6-9a41-93e8deadbeef\"},\n"
        "  \"body\": null,\n  \"isBase64Encoded\": false\n}\n"));
    m_sample->addItem(tr("TOKEN authorizer"), QStringLiteral(
        "{\n  \"type\": \"TOKEN\",\n  \"authorizationToken\": \"Bearer owner-sam\",\n"
        "  \"methodArn\": \"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/GET/pets/7\"\n}\n"));
    m_sample->addItem(tr("REQUEST authorizer"), QStringLiteral(
        "{\n  \"type\": \"REQUEST\",\n  \"methodArn\": \"arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/dev/GET/pets/7\",\n"
        "  \"resource\": \"/pets/{petId}\",\n  \"path\": \"/pets/7\",\n  \"httpMethod\": \"GET\",\n"
        "  \"headers\": {\"Authorization\": \"Bearer owner-sam\"},\n  \"queryStringParameters\": {},\n"
        "  \"pathParameters\": {\"petId\": \"7\"},\n  \"stageVariables\": {}\n}\n"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_event = new QPlainTextEdit;
    m_event->setObjectName(QStringLiteral("functionEvent"));
    m_event->setFont(mono);
    m_event->setPlainText(m_sample->currentData().toString());
    m_event->setMinimumHeight(140);
    connect(m_sample, &QComboBox::activated, this, [this] { m_event->setPlainText(m_sample->currentData().toString()); });
    m_run = new QPushButton(tr("&Run Once"));
    m_run->setObjectName(QStringLiteral("functionRun"));
    connect(m_run, &QPushButton::clicked, this, &FunctionForm::runOnce);
    auto *sampleRow = new QHBoxLayout;
    sampleRow->addWidget(m_sample, 1);
    sampleRow->addWidget(m_run);
    fields()->addRow(tr("Sample event"), sampleRow);
    fields()->addRow(QString(), m_event);
    m_resultStatus = new QLabel;
    m_resultStatus->setObjectName(QStringLiteral("functionResultStatus"));
    m_resultStatus->setTextFormat(Qt::PlainText);
    m_result = new QPlainTextEdit;
    m_result->setObjectName(QStringLiteral("functionResult"));
    m_result->setFont(mono);
    m_result->setReadOnly(true);
    m_result->setMinimumHeight(100);
    m_result->setPlaceholderText(tr("The function's result appears here."));
    fields()->addRow(tr("Result"), m_resultStatus);
    fields()->addRow(QString(), m_result);

    askTrust = [this](const QString &projectPath) {
        return QMessageBox::question(this, tr("Run this project's functions?"),
                                     tr("%1 runs commands and code from the project's folder on this "
                                        "machine. Only allow it for projects you trust.")
                                         .arg(QDir::toNativeSeparators(projectPath)),
                                     QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
            == QMessageBox::Yes;
    };
}

FunctionForm::~FunctionForm() = default;

void FunctionForm::showResult(const QString &text, bool problem)
{
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, methodexecution::problemColor(pal));
    m_resultStatus->setPalette(pal);
    m_resultStatus->setText(text);
}

void FunctionForm::runOnce()
{
    const model::LocalFunction *function = editing::findPart<model::LocalFunction>(project(), key());
    if (!function)
        return;
    QJsonParseError parseError;
    QJsonDocument::fromJson(m_event->toPlainText().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        showResult(tr("The event is not JSON: %1 (at character %2)").arg(parseError.errorString()).arg(parseError.offset), true);
        return;
    }
    const QString projectPath = document()->filePath();
    if (!running::TrustedProjects::isTrusted(projectPath)) {
        if (!askTrust || !askTrust(projectPath)) {
            showResult(tr("Not run: the project is not trusted."), true);
            return;
        }
        running::TrustedProjects::trust(projectPath);
    }
    // Relative working directories are relative to the project file, as at run time.
    const QString directory = projectPath.isEmpty() ? QDir::currentPath() : QFileInfo(projectPath).absolutePath();
    if (!m_host || m_hostDirectory != directory) {
        m_host.reset();
        m_host = std::make_unique<runtime::FunctionHost>(directory, true);
        m_hostDirectory = directory;
    }
    // The function as the form shows it now; workers of a changed definition are restarted.
    m_host->setFunctions(project().localFunctions);
    m_run->setEnabled(false);
    showResult(tr("Running %1...").arg(function->name), false);
    m_result->clear();
    const int run = ++m_runs;
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QPointer<FunctionForm> self(this);
    m_host->invoke(function->name, m_event->toPlainText().toUtf8(),
                   QStringLiteral("portico-run-once-%1").arg(run),
                   [self, clock, run](runtime::InvocationResult result) {
                       const qint64 elapsed = clock->elapsed();
                       // Called on the host's threads: the form is touched on its own.
                       QMetaObject::invokeMethod(qApp, [self, result = std::move(result), elapsed, run] {
                           if (!self || run != self->m_runs)
                               return;
                           self->m_run->setEnabled(true);
                           const QJsonDocument json = QJsonDocument::fromJson(result.payload);
                           self->m_result->setPlainText(json.isNull() ? QString::fromUtf8(result.payload)
                                                                      : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
                           switch (result.outcome) {
                           case runtime::InvocationResult::Outcome::Success:
                               self->showResult(tr("Succeeded in %1 ms").arg(elapsed), false);
                               break;
                           case runtime::InvocationResult::Outcome::FunctionError:
                               self->showResult(tr("The function failed in %1 ms: %2 %3")
                                                    .arg(elapsed)
                                                    .arg(result.errorType, result.errorMessage),
                                                true);
                               break;
                           case runtime::InvocationResult::Outcome::NotInvoked:
                               self->showResult(tr("Not run: %1").arg(result.detail), true);
                               break;
                           }
                           Q_EMIT self->ranOnce();
                       }, Qt::QueuedConnection);
                   });
}

bool FunctionForm::load()
{
    const model::LocalFunction *f = editing::findPart<model::LocalFunction>(project(), key());
    if (!f)
        return false;
    setHeading(tr("Local function %1").arg(f->name));
    setFieldText(m_name, f->name);
    setFieldChoice(m_kind, model::enumName(f->kind));
    setFieldChoice(m_runtime, model::enumName(f->runtime));
    setFieldText(m_handler, f->handler);
    setFieldText(m_command, f->command);
    setFieldText(m_invokeUrl, f->invokeUrl);
    setFieldText(m_workingDirectory, f->workingDirectory);
    m_environment->setRows(mapToRows(f->environment));
    setSpin(m_timeout, f->timeoutSeconds);
    setSpin(m_concurrency, f->concurrency);
    // Only the fields its kind uses.
    fields()->setRowVisible(m_runtime, f->kind == model::LocalFunctionKind::Handler);
    fields()->setRowVisible(m_handler, f->kind == model::LocalFunctionKind::Handler);
    fields()->setRowVisible(m_command, f->kind == model::LocalFunctionKind::Command);
    fields()->setRowVisible(m_invokeUrl, f->kind == model::LocalFunctionKind::InvokeUrl);
    fields()->setRowVisible(m_workingDirectory, f->kind != model::LocalFunctionKind::InvokeUrl);
    fields()->setRowVisible(m_concurrency, f->kind == model::LocalFunctionKind::Handler);
    return true;
}

} // namespace portico::widgets::parts
