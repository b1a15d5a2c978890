// The Method request box's form: who may call the method (authorization type, authorizer, OAuth
// scopes, API key), how the request is validated (validator), and what it declares (request
// parameters with their location and required flag, request models by content type).
#pragma once

#include "methodform.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;

namespace portico::widgets::methodexecution {

class RowTable;

class MethodRequestForm : public MethodForm
{
    Q_OBJECT

public:
    explicit MethodRequestForm(QWidget *parent = nullptr);

protected:
    void load(const model::RestApi &api, const QString &resourcePath) override;

private:
    QString parameterWarnings() const;
    void commitParameters();
    void commitModels();
    void checkAuthorization(const model::RestApi &api);

    QLineEdit *m_operationName;
    QComboBox *m_authorizationType;
    QComboBox *m_authorizer;
    QLabel *m_authorizerProblem;
    QLineEdit *m_scopes;
    QCheckBox *m_apiKeyRequired;
    QComboBox *m_validator;
    RowTable *m_parameters;
    RowTable *m_models;
    QString m_resourcePath;
};

} // namespace portico::widgets::methodexecution
