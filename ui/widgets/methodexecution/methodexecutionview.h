// The method-execution view: the selected method's flow drawn as clickable boxes, and under it the
// form of the open box. Every edit of a form becomes one undoable ReplaceMethodCommand on the
// document; showMethod() re-reads the model after any change, so undo and redo show at once.
#pragma once

#include "methodflowdiagram.h"

#include <QWidget>

#include <array>

class QLabel;
class QStackedWidget;

namespace portico::editing {
class ApiDocument;
}

namespace portico::model {
struct Method;
struct RestApi;
} // namespace portico::model

namespace portico::widgets::methodexecution {

class IntegrationRequestForm;
class IntegrationResponseForm;
class MethodForm;
class MethodRequestForm;
class MethodResponseForm;

class MethodExecutionView : public QWidget
{
    Q_OBJECT

public:
    using Box = MethodFlowDiagram::Box;

    explicit MethodExecutionView(editing::ApiDocument *document, QWidget *parent = nullptr);

    // Shows the method as the document has it now; false (and an empty view) when there is none.
    bool showMethod(const QString &resourceId, const QString &verb);
    QString resourceId() const { return m_resourceId; }
    QString verb() const { return m_verb; }

    // Opens a box's form, as a click on it does.
    void openBox(Box box);
    Box currentBox() const;
    MethodFlowDiagram *diagram() const { return m_diagram; }
    // The form shown for a box (the Integration box shows the integration request's).
    MethodForm *form(Box box) const;

Q_SIGNALS:
    // "Edit in template workbench" of an integration request template, or of an integration
    // response's (by status code).
    void requestTemplateEditRequested(const QString &resourceId, const QString &verb,
                                      const QString &contentType);
    void responseTemplateEditRequested(const QString &resourceId, const QString &verb,
                                       const QString &statusCode, const QString &contentType);

private:
    void commit(const model::Method &method, const QString &description, const QString &mergeKey);
    void summarize(const model::RestApi &api, const model::Method &method);

    editing::ApiDocument *m_document;
    QString m_resourceId;
    QString m_verb;
    QLabel *m_title;
    QLabel *m_editProblem;
    MethodFlowDiagram *m_diagram;
    QStackedWidget *m_forms;
    MethodRequestForm *m_methodRequest;
    IntegrationRequestForm *m_integrationRequest;
    IntegrationResponseForm *m_integrationResponse;
    MethodResponseForm *m_methodResponse;
};

} // namespace portico::widgets::methodexecution
