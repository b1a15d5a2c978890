// The base of the method-execution view's forms: each shows one part of a method and, for every
// edit, builds the whole edited method and hands it on through methodEdited(); the view turns it
// into one undoable ReplaceMethodCommand. A form is refreshed from the model after every change
// (an edit, an undo or redo) by showMethod(), which must leave a field being typed into alone.
#pragma once

#include "model/restapi.h"

#include <QWidget>

namespace portico::widgets::methodexecution {

class MethodForm : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    // `resourcePath` is the method's resource path, such as "/pets/{petId}".
    void showMethod(const model::RestApi &api, const QString &resourcePath,
                    const model::Method &method);

Q_SIGNALS:
    // An empty mergeKey is an edit of its own; equal keys merge (typing in one field).
    void methodEdited(const model::Method &method, const QString &description,
                      const QString &mergeKey);

protected:
    virtual void load(const model::RestApi &api, const QString &resourcePath) = 0;

    const model::Method &method() const { return m_method; }
    // Applies `change` to a copy of the shown method and reports it, unless it changed nothing.
    template<typename Change>
    void edit(const QString &description, Change &&change, const QString &mergeKey = QString())
    {
        model::Method edited = m_method;
        change(edited);
        if (edited != m_method)
            Q_EMIT methodEdited(edited, description, mergeKey);
    }
    // The integration to edit; a method without one gets a MOCK integration on its first edit.
    static model::Integration &integrationOf(model::Method &method);

private:
    model::Method m_method;
};

} // namespace portico::widgets::methodexecution
