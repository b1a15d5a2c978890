// The composer's request, field by field: a field for each path parameter of the method's
// resource, query parameters and headers (a name may repeat), the body with its content type,
// the draft's stage variables, the API key and authorizer token to send, and what the answer is
// expected to be. It edits a model::SavedRequest and only reports edits; the composer decides
// what to do with them.
#pragma once

#include "model/project.h"
#include "model/savedrequest.h"

#include <QWidget>

#include <map>

class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;

namespace portico::widgets::methodexecution {
class RowTable;
}

namespace portico::widgets::composer {

class RequestForm : public QWidget
{
    Q_OBJECT

public:
    explicit RequestForm(QWidget *parent = nullptr);

    // Shows `request` for the method it names in `project`: one field per {param} of its
    // resource path, the project's API keys, and hints from the method (a key is required, an
    // authorizer reads the token from a header).
    void setRequest(const model::SavedRequest &request, const model::Project &project);
    // What the fields say; the method (resourcePath, httpMethod, sendMethod) and name are those
    // given to setRequest().
    model::SavedRequest request() const;
    // The method's resource was renamed or moved: the form keeps what is typed in it (path
    // parameters by name).
    void setResourcePath(const QString &resourcePath);

    // For tests and the composer: the field of a path parameter (nullptr when there is none).
    QLineEdit *pathField(const QString &name) const;
    QPlainTextEdit *bodyEditor() const { return m_body; }
    QComboBox *contentTypeBox() const { return m_contentType; }
    QComboBox *apiKeyBox() const { return m_apiKey; }
    QLineEdit *tokenField() const { return m_token; }
    QLineEdit *expectedStatusField() const { return m_expectStatus; }
    QTabWidget *tabs() const { return m_tabs; }
    // Whether stage variables can be set: only for the in-process draft.
    void setStageVariablesEnabled(bool enabled, const QString &why);

Q_SIGNALS:
    void edited();

private:
    void rebuildPathFields(const QString &resourcePath);

    model::SavedRequest m_identity;
    QTabWidget *m_tabs;
    QFormLayout *m_pathLayout;
    QLabel *m_noPathParameters;
    std::map<QString, QLineEdit *> m_pathFields;
    methodexecution::RowTable *m_query;
    methodexecution::RowTable *m_headers;
    QComboBox *m_contentType;
    QPlainTextEdit *m_body;
    methodexecution::RowTable *m_stageVariables;
    QLabel *m_stageVariablesNote;
    QComboBox *m_apiKey;
    QLabel *m_keyHint;
    QComboBox *m_tokenChoices;
    QLineEdit *m_token;
    QLabel *m_tokenHint;
    QLineEdit *m_expectStatus;
    methodexecution::RowTable *m_expectHeaders;
    QComboBox *m_expectBodyMode;
    QPlainTextEdit *m_expectBody;
    methodexecution::RowTable *m_expectJsonPaths;
};

} // namespace portico::widgets::composer
