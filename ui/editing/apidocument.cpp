#include "apidocument.h"

#include "addmethodcommand.h"
#include "addresourcecommand.h"
#include "deletemethodcommand.h"
#include "deleteresourcecommand.h"
#include "moveresourcecommand.h"
#include "renameresourcecommand.h"
#include "replaceapicommand.h"
#include "replacemethodcommand.h"
#include "settemplatecommand.h"

#include "model/pathrules.h"
#include "model/projectfile.h"

#include "base/diagnostic.h"
#include "base/ids.h"

#include <QFileInfo>

namespace portico::editing {

ApiDocument::ApiDocument(QObject *parent)
    : QObject(parent)
    , m_project(model::Project::createEmpty(QStringLiteral("Untitled")))
{
    connect(&m_undoStack, &QUndoStack::cleanChanged, this, &ApiDocument::cleanChanged);
}

QString ApiDocument::displayName() const
{
    if (m_filePath.isEmpty())
        return tr("Untitled");
    return QFileInfo(m_filePath).fileName();
}

void ApiDocument::newProject(const QString &apiName)
{
    replace(model::Project::createEmpty(apiName), QString());
}

base::Status ApiDocument::load(const QString &path)
{
    base::Result<model::Project> loaded = model::ProjectFile::load(path);
    if (!loaded.ok())
        return loaded.errors();
    replace(std::move(loaded).value(), QFileInfo(path).absoluteFilePath());
    return base::success();
}

base::Status ApiDocument::save()
{
    if (m_filePath.isEmpty())
        return base::Diagnostic::error(QString(), tr("the project has no file name yet"));
    return saveAs(m_filePath);
}

base::Status ApiDocument::saveAs(const QString &path)
{
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    base::Status status = model::ProjectFile::save(absolutePath, m_project);
    if (!status.ok())
        return status;
    m_undoStack.setClean();
    if (absolutePath != m_filePath) {
        m_filePath = absolutePath;
        Q_EMIT filePathChanged();
    }
    return base::success();
}

base::Status ApiDocument::push(std::unique_ptr<ApiCommand> command)
{
    base::Status status = command->apply();
    if (status.ok())
        m_undoStack.push(command.release());
    return status;
}

base::Result<QString> ApiDocument::addResource(const QString &parentId, const QString &pathPart)
{
    auto command = std::make_unique<AddResourceCommand>(this, parentId, pathPart);
    AddResourceCommand *added = command.get();
    base::Status status = push(std::move(command));
    if (!status.ok())
        return status.errors();
    return added->resourceId();
}

base::Status ApiDocument::renameResource(const QString &resourceId, const QString &newPathPart)
{
    return push(std::make_unique<RenameResourceCommand>(this, resourceId, newPathPart));
}

base::Status ApiDocument::deleteResource(const QString &resourceId)
{
    return push(std::make_unique<DeleteResourceCommand>(this, resourceId));
}

base::Status ApiDocument::addMethod(const QString &resourceId, const QString &verb)
{
    return push(std::make_unique<AddMethodCommand>(this, resourceId, verb));
}

base::Status ApiDocument::deleteMethod(const QString &resourceId, const QString &verb)
{
    return push(std::make_unique<DeleteMethodCommand>(this, resourceId, verb));
}

base::Status ApiDocument::setTemplate(const QString &resourceId, const QString &verb, const QString &statusCode,
                                      const QString &contentType, const QString &text)
{
    return push(std::make_unique<SetTemplateCommand>(this, resourceId, verb, statusCode, contentType, text));
}

base::Status ApiDocument::replaceMethod(const QString &resourceId, const QString &verb, model::Method method,
                                       const QString &description, const QString &mergeKey)
{
    return push(std::make_unique<ReplaceMethodCommand>(this, resourceId, verb, std::move(method), description,
                                                       mergeKey));
}

base::Status ApiDocument::moveResource(const QString &resourceId, const QString &newParentId)
{
    return push(std::make_unique<MoveResourceCommand>(this, resourceId, newParentId));
}

base::Result<QString> ApiDocument::deploy(const QString &stageName, const QString &description,
                                          const QString &newStageDescription)
{
    const QString name = stageName.trimmed();
    const QString reason = model::pathrules::checkStageName(name);
    if (!reason.isEmpty())
        return base::Diagnostic::error(QStringLiteral("stage %1").arg(name), reason);

    model::Deployment deployment;
    deployment.id = base::newResourceId();
    // Whole seconds, as AWS's createdDate and the project file keep it: a saved and reopened
    // project must equal the one in memory.
    deployment.createdDate = QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);
    deployment.description = description;
    deployment.snapshot = m_project.api;

    const model::Stage *existing = m_project.findStage(name);
    model::Stage stage = existing ? *existing : model::Stage {};
    if (!existing) {
        stage.stageName = name;
        stage.description = newStageDescription;
    }
    stage.deploymentId = deployment.id;

    m_undoStack.beginMacro(QStringLiteral("Deploy to %1").arg(name));
    base::Status status = setPart<model::Deployment>(QString(), std::move(deployment), QStringLiteral("Create Deployment"));
    if (status.ok()) {
        status = setPart<model::Stage>(existing ? name : QString(), std::move(stage),
                                       QStringLiteral("Point Stage %1").arg(name));
    }
    m_undoStack.endMacro();
    if (!status.ok()) {
        // The deployment alone is no deploy: take it back (and the empty macro with it).
        m_undoStack.undo();
        return status.errors();
    }
    return m_project.findStage(name)->deploymentId;
}

base::Status ApiDocument::pointStage(const QString &stageName, const QString &deploymentId)
{
    const model::Stage *existing = m_project.findStage(stageName);
    if (!existing)
        return base::Diagnostic::error(QStringLiteral("stage %1").arg(stageName), QStringLiteral("no such stage"));
    if (!m_project.findDeployment(deploymentId)) {
        return base::Diagnostic::error(QStringLiteral("stage %1").arg(stageName),
                                       QStringLiteral("no such deployment %1").arg(deploymentId));
    }
    model::Stage stage = *existing;
    stage.deploymentId = deploymentId;
    return setPart<model::Stage>(stageName, std::move(stage),
                                 QStringLiteral("Point Stage %1 to %2").arg(stageName, deploymentId));
}

base::Status ApiDocument::replaceApi(model::RestApi api, const QString &description)
{
    return push(std::make_unique<ReplaceApiCommand>(this, std::move(api), description));
}

void ApiDocument::adoptUnsaved(model::Project project, const QString &filePath)
{
    replace(std::move(project), filePath);
    m_undoStack.resetClean();
}

void ApiDocument::replace(model::Project project, const QString &filePath)
{
    // The old commands refer to the old project; clear() also makes the stack clean.
    m_undoStack.clear();
    m_project = std::move(project);
    const bool pathChanged = filePath != m_filePath;
    m_filePath = filePath;
    Q_EMIT changed();
    if (pathChanged)
        Q_EMIT filePathChanged();
}

} // namespace portico::editing
