// The Integration response box's form: the method's integration responses (status, selection
// pattern, content handling) in a list, and for the selected one its header mappings and mapping
// templates (each editable in the template workbench).
#pragma once

#include "methodform.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace portico::widgets::methodexecution {

class RowTable;

class IntegrationResponseForm : public MethodForm
{
    Q_OBJECT

public:
    explicit IntegrationResponseForm(QWidget *parent = nullptr);

    // The status code of the response shown below the list; empty when there is none.
    QString selectedStatus() const { return m_selected; }
    bool selectStatus(const QString &statusCode);

Q_SIGNALS:
    void editTemplateRequested(const QString &statusCode, const QString &contentType);

protected:
    void load(const model::RestApi &api, const QString &resourcePath) override;

private:
    const model::IntegrationResponse *selectedResponse() const;
    void loadSelected();
    void addResponse();
    void removeResponse();
    void commitStatus();
    void commitHeaderMappings();
    void commitTemplates();
    // Edits the selected integration response of a copy of the method.
    template<typename Change>
    void editSelected(const QString &description, Change &&change,
                      const QString &mergeKey = QString());

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QWidget *m_details;
    QLineEdit *m_status;
    QLabel *m_statusProblem;
    QLineEdit *m_pattern;
    QLabel *m_patternProblem;
    QComboBox *m_contentHandling;
    RowTable *m_headers;
    RowTable *m_templates;
    QString m_selected;
};

} // namespace portico::widgets::methodexecution
