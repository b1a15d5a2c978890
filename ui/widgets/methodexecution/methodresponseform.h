// The Method response box's form: the status codes the method declares, and for the selected one
// its headers (with the required flag) and its models by content type.
#pragma once

#include "methodform.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QWidget;

namespace portico::widgets::methodexecution {

class RowTable;

class MethodResponseForm : public MethodForm
{
    Q_OBJECT

public:
    explicit MethodResponseForm(QWidget *parent = nullptr);

    QString selectedStatus() const { return m_selected; }
    bool selectStatus(const QString &statusCode);

protected:
    void load(const model::RestApi &api, const QString &resourcePath) override;

private:
    const model::MethodResponse *selectedResponse() const;
    void loadSelected(const model::RestApi &api);
    void addResponse();
    void removeResponse();
    void commitStatus();
    void commitHeaders();
    void commitModels();
    template<typename Change> void editSelected(const QString &description, Change &&change);

    QListWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_remove;
    QWidget *m_details;
    QLineEdit *m_status;
    QLabel *m_statusProblem;
    RowTable *m_headers;
    RowTable *m_models;
    QString m_selected;
    const model::RestApi *m_api = nullptr;
};

} // namespace portico::widgets::methodexecution
