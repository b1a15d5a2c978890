// The open project in the GUI: the model, the file it came from, and the undo stack every edit
// goes through. Dirty means "not at the undo stack's clean index", so undoing back to the saved
// state makes the document clean again. Views listen to changed() and re-read the model.
#pragma once

#include "model/project.h"
#include "setpartcommand.h"

#include "base/result.h"

#include <QObject>
#include <QString>
#include <QUndoStack>

#include <memory>

namespace portico::editing {

class ApiCommand;

class ApiDocument : public QObject
{
    Q_OBJECT

public:
    explicit ApiDocument(QObject *parent = nullptr);

    const model::Project &project() const { return m_project; }
    const model::RestApi &api() const { return m_project.api; }
    // Absolute path, or empty for a project never saved.
    QString filePath() const { return m_filePath; }
    // The file name, or "Untitled" for a project never saved.
    QString displayName() const;
    QUndoStack *undoStack() { return &m_undoStack; }
    bool isDirty() const { return !m_undoStack.isClean(); }

    // Replaces the document with a new project holding only a root resource.
    void newProject(const QString &apiName);
    // On failure the document is untouched and the diagnostics say why.
    base::Status load(const QString &path);
    // Needs a file path; a never-saved project must go through saveAs().
    base::Status save();
    // On failure the document keeps its path and stays dirty: nothing is lost.
    base::Status saveAs(const QString &path);

    // Applies the command; a refused edit is returned and never reaches the undo stack.
    base::Status push(std::unique_ptr<ApiCommand> command);

    // The editing operations, each one undoable command.
    base::Result<QString> addResource(const QString &parentId, const QString &pathPart);
    base::Status renameResource(const QString &resourceId, const QString &newPathPart);
    base::Status deleteResource(const QString &resourceId);
    base::Status addMethod(const QString &resourceId, const QString &verb);
    base::Status deleteMethod(const QString &resourceId, const QString &verb);
    // A mapping template of the method's integration request (empty statusCode) or of one of its
    // integration responses; consecutive edits of one template merge into one undo step.
    base::Status setTemplate(const QString &resourceId, const QString &verb, const QString &statusCode,
                             const QString &contentType, const QString &text);
    // The method replaced by an edited copy of it (same verb) as one undoable edit; consecutive
    // edits with the same non-empty `mergeKey` (typing in one field) merge into one undo step.
    base::Status replaceMethod(const QString &resourceId, const QString &verb, model::Method method,
                               const QString &description, const QString &mergeKey = QString());

    base::Status moveResource(const QString &resourceId, const QString &newParentId);

    // Adds (empty `key`), replaces or deletes (nullopt `value`) one item of a project part, as
    // SetPartCommand describes.
    template<typename T>
    base::Status setPart(const QString &key, std::optional<T> value, const QString &description,
                         const QString &mergeKey = QString())
    {
        return push(std::make_unique<SetPartCommand<T>>(this, key, std::move(value), description, mergeKey));
    }
    // API Gateway's CreateDeployment: a snapshot of the API as it is now becomes a new deployment
    // that stage `stageName` serves; a stage that does not exist yet is created (with
    // `newStageDescription`). One undo step. Returns the deployment's id.
    base::Result<QString> deploy(const QString &stageName, const QString &description,
                                 const QString &newStageDescription = QString());
    // Points a stage back (or forward) to one of the project's deployments: one undo step.
    base::Status pointStage(const QString &stageName, const QString &deploymentId);

    // The API replaced by `api` as one undoable edit (an import merged in or overwriting).
    base::Status replaceApi(model::RestApi api, const QString &description);
    // A project made elsewhere (an import, a recovered copy) becomes the document, unsaved so that
    // closing asks about it; `filePath` is where Save writes (empty: untitled).
    void adoptUnsaved(model::Project project, const QString &filePath = QString());

Q_SIGNALS:
    // The model changed: an edit, an undo or redo, a load or a new project.
    void changed();
    void filePathChanged();
    void cleanChanged(bool clean);

private:
    // Commands are the only writers of the model after a load.
    friend class ApiCommand;

    void replace(model::Project project, const QString &filePath);

    model::Project m_project;
    QString m_filePath;
    QUndoStack m_undoStack;
};

} // namespace portico::editing
