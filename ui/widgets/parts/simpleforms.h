// The forms of the small parts: a request validator, an authorizer, an API key. Each is a column
// of fields over one item; see PartForm for how edits become undo steps.
#pragma once

#include "partform.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace portico::widgets::parts {

class LiveUsageView;

class ValidatorForm : public PartForm
{
    Q_OBJECT
public:
    explicit ValidatorForm(editing::ApiDocument *document, QWidget *parent = nullptr);

protected:
    bool load() override;

private:
    QLineEdit *m_name;
    QCheckBox *m_body;
    QCheckBox *m_parameters;
    QLabel *m_usedBy;
};

// TOKEN, REQUEST and COGNITO_USER_POOLS authorizers, with the fields API Gateway has for each.
class AuthorizerForm : public PartForm
{
    Q_OBJECT
public:
    explicit AuthorizerForm(editing::ApiDocument *document, QWidget *parent = nullptr);

protected:
    bool load() override;

private:
    QLineEdit *m_name;
    QComboBox *m_type;
    QLineEdit *m_uri;
    QLineEdit *m_credentials;
    QLineEdit *m_identitySource;
    QLineEdit *m_validation;
    QSpinBox *m_ttl;
    QLineEdit *m_providers;
    QLabel *m_usedBy;
};

// An API key: name, description, enabled, and the value (typed, or generated as the console does).
class ApiKeyForm : public PartForm
{
    Q_OBJECT
public:
    explicit ApiKeyForm(editing::ApiDocument *document, QWidget *parent = nullptr);

    QPushButton *generateButton() const { return m_generate; }
    LiveUsageView *usageView() const { return m_usage; }

protected:
    bool load() override;

private:
    QLineEdit *m_name;
    QLineEdit *m_description;
    QCheckBox *m_enabled;
    QLineEdit *m_value;
    QPushButton *m_generate;
    QLabel *m_plans;
    LiveUsageView *m_usage;
};

} // namespace portico::widgets::parts
