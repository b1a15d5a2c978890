// The Integration request box's form (the Integration box opens it too): what the method calls
// (integration type, HTTP method, URI with the stage variables and path parameters it uses,
// timeout) and how the request is turned into the backend's request (passthrough behaviour,
// content handling, parameter mappings, mapping templates, each editable in the workbench).
#pragma once

#include "methodform.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace portico::widgets::methodexecution {

class RowTable;

class IntegrationRequestForm : public MethodForm
{
    Q_OBJECT

public:
    explicit IntegrationRequestForm(QWidget *parent = nullptr);

    // Puts the keyboard on the integration type, for the Integration box.
    void focusIntegrationType();

Q_SIGNALS:
    void editTemplateRequested(const QString &contentType);

protected:
    void load(const model::RestApi &api, const QString &resourcePath) override;

private:
    void changeType();
    void commitMappings();
    void commitTemplates();
    void describeUri();

    QLabel *m_missing;
    QComboBox *m_type;
    QComboBox *m_httpMethod;
    QLineEdit *m_uri;
    QLabel *m_uriHints;
    QLabel *m_uriProblem;
    QSpinBox *m_timeout;
    QComboBox *m_passthrough;
    QComboBox *m_contentHandling;
    RowTable *m_mappings;
    RowTable *m_templates;
};

} // namespace portico::widgets::methodexecution
