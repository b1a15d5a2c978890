// The base of every undoable edit of an ApiDocument. An edit is applied once by the document
// before it is pushed, so that a refused edit (ApiEditor says no) can be reported to the caller
// instead of sitting on the undo stack as a command that did nothing.
#pragma once

#include "base/result.h"
#include "model/apieditor.h"
#include "model/project.h"

#include <QUndoCommand>

namespace portico::editing {

class ApiDocument;

class ApiCommand : public QUndoCommand
{
public:
    ApiCommand(ApiDocument *document, const QString &text);

    // Performs the edit the first time; the document pushes the command only on success.
    base::Status apply();

    void redo() final;
    void undo() final;

protected:
    // The edit itself; may refuse. Called by apply() and again by every redo().
    virtual base::Status doRedo() = 0;
    // Reverts a successful doRedo(); the stack guarantees the model is as doRedo() left it.
    virtual base::Status doUndo() = 0;

    model::RestApi &api();
    model::Project &project();
    model::ApiEditor editor() { return model::ApiEditor(api()); }

private:
    void check(const base::Status &status, const char *what) const;

    ApiDocument *m_document;
    // QUndoStack::push() calls redo(); the edit has already been applied by then.
    bool m_skipNextRedo = false;
};

} // namespace portico::editing
