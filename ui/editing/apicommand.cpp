#include "apicommand.h"

#include "apidocument.h"

#include <QDebug>

namespace portico::editing {

ApiCommand::ApiCommand(ApiDocument *document, const QString &text)
    : m_document(document)
{
    setText(text);
}

base::Status ApiCommand::apply()
{
    base::Status status = doRedo();
    if (status.ok()) {
        m_skipNextRedo = true;
        Q_EMIT m_document->changed();
    }
    return status;
}

void ApiCommand::redo()
{
    if (m_skipNextRedo) {
        m_skipNextRedo = false;
        return;
    }
    check(doRedo(), "redo");
    Q_EMIT m_document->changed();
}

void ApiCommand::undo()
{
    check(doUndo(), "undo");
    Q_EMIT m_document->changed();
}

model::RestApi &ApiCommand::api()
{
    return m_document->m_project.api;
}

model::Project &ApiCommand::project()
{
    return m_document->m_project;
}

void ApiCommand::check(const base::Status &status, const char *what) const
{
    // Every edit goes through the stack, so a replayed edit meets the model it was made on; a
    // failure here is a bug in a command, not a user error.
    if (!status.ok()) {
        qWarning().noquote() << "portico: cannot" << what << text() << "-"
                             << status.error().toString();
    }
    Q_ASSERT(status.ok());
}

} // namespace portico::editing
