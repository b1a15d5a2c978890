// The forms of what surrounds a deployed API: a stage (description, the deployment it serves,
// stage variables, method throttling), a usage plan (throttle, quota, stages, keys), a gateway
// response and a local function.
#pragma once

#include "partform.h"

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

namespace portico::runtime {
class FunctionHost;
}

namespace portico::widgets::methodexecution {
class RowTable;
}

namespace portico::widgets::parts {

class LiveUsageView;

class StageForm : public PartForm
{
    Q_OBJECT
public:
    explicit StageForm(editing::ApiDocument *document, QWidget *parent = nullptr);

Q_SIGNALS:
    // "Deployment history": the navigator's Deployments section, for this stage.
    void historyRequested(const QString &stageName);

protected:
    bool load() override;

private:
    QLineEdit *m_description;
    QComboBox *m_deployment;
    methodexecution::RowTable *m_variables;
    methodexecution::RowTable *m_throttling;
    QLabel *m_invokeUrl;
};

class UsagePlanForm : public PartForm
{
    Q_OBJECT
public:
    explicit UsagePlanForm(editing::ApiDocument *document, QWidget *parent = nullptr);
    LiveUsageView *usageView() const { return m_usage; }

protected:
    bool load() override;

private:
    void editThrottle();
    void editQuota();

    QLineEdit *m_name;
    QLineEdit *m_description;
    QCheckBox *m_throttleOn;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    QCheckBox *m_quotaOn;
    QSpinBox *m_quotaLimit;
    QComboBox *m_quotaPeriod;
    QSpinBox *m_quotaOffset;
    methodexecution::RowTable *m_stages;
    // Per-method throttling inside one of the plan's stages ("/pets/POST" in dev).
    methodexecution::RowTable *m_methodThrottle;
    QListWidget *m_keys;
    LiveUsageView *m_usage;
};

class GatewayResponseForm : public PartForm
{
    Q_OBJECT
public:
    explicit GatewayResponseForm(editing::ApiDocument *document, QWidget *parent = nullptr);

protected:
    bool load() override;

private:
    QLineEdit *m_status;
    methodexecution::RowTable *m_headers;
    methodexecution::RowTable *m_templates;
};

// A local function, and "Run once": a sample event (an API Gateway proxy request or an
// authorizer's, editable) sent to the function as it is now, its result or Lambda-shaped error
// shown below. It runs through the runtime's FunctionHost, off the UI thread, once the project is
// trusted.
class FunctionForm : public PartForm
{
    Q_OBJECT
public:
    explicit FunctionForm(editing::ApiDocument *document, QWidget *parent = nullptr);
    ~FunctionForm() override;

    QPlainTextEdit *eventEditor() const { return m_event; }
    QPlainTextEdit *resultView() const { return m_result; }
    // Runs the function on the event; the result arrives later (ranOnce()).
    void runOnce();
    // May this project's functions run? Asked once per project; tests answer it.
    std::function<bool(const QString &projectPath)> askTrust;

Q_SIGNALS:
    void ranOnce();

protected:
    bool load() override;

private:
    void showResult(const QString &text, bool problem);

    std::unique_ptr<runtime::FunctionHost> m_host;
    QString m_hostDirectory;
    QComboBox *m_sample;
    QPlainTextEdit *m_event;
    QPushButton *m_run;
    QPlainTextEdit *m_result;
    QLabel *m_resultStatus;
    int m_runs = 0;

    QLineEdit *m_name;
    QComboBox *m_kind;
    QComboBox *m_runtime;
    QLineEdit *m_handler;
    QLineEdit *m_command;
    QLineEdit *m_invokeUrl;
    QLineEdit *m_workingDirectory;
    methodexecution::RowTable *m_environment;
    QSpinBox *m_timeout;
    QSpinBox *m_concurrency;
};

} // namespace portico::widgets::parts
