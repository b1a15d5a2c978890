#include "apieditor.h"

#include "pathrules.h"

#include "base/ids.h"

#include <algorithm>
#include <map>

namespace portico::model {

using base::Diagnostic;

QString ApiEditor::checkPlacement(const QString &parentId, const QString &pathPart,
                                  const QString &self) const
{
    const Resource *parent = m_api.findResource(parentId);
    if (!parent)
        return QStringLiteral("parent resource %1 does not exist").arg(parentId);
    const QString reason = pathrules::checkPathPart(pathPart);
    if (!reason.isEmpty())
        return reason;
    if (parent->isGreedy())
        return QStringLiteral("a greedy path parameter (%1) cannot have child resources")
            .arg(parent->pathPart);
    Resource candidate;
    candidate.pathPart = pathPart;
    for (const Resource *sibling : m_api.children(parentId)) {
        if (sibling->id == self)
            continue;
        if (sibling->pathPart == pathPart)
            return QStringLiteral("%1 already exists").arg(m_api.pathOf(sibling->id));
        if (candidate.isParameter() && sibling->isParameter())
            return QStringLiteral("a sibling (%1) of this resource already has a variable path "
                                  "part; only one is allowed")
                .arg(sibling->pathPart);
    }
    return {};
}

base::Result<QString> ApiEditor::addResource(const QString &parentId, const QString &pathPart)
{
    const QString reason = checkPlacement(parentId, pathPart, QString());
    if (!reason.isEmpty())
        return Diagnostic::error(m_api.pathOf(parentId), reason);
    Resource r;
    r.id = base::newResourceId();
    r.parentId = parentId;
    r.pathPart = pathPart;
    m_api.resources.push_back(r);
    return r.id;
}

base::Result<QString> ApiEditor::duplicateResource(const QString &id, const QString &newPathPart)
{
    const Resource *original = m_api.findResource(id);
    if (!original || original->isRoot())
        return Diagnostic::error(m_api.pathOf(id), QStringLiteral("the root resource cannot be duplicated"));
    // Copied first: adding resources moves the list the pointers point into.
    std::vector<Resource> subtree;
    for (const QString &member : m_api.subtreeIds(id))
        subtree.push_back(*m_api.findResource(member));
    const RestApi before = m_api;
    std::map<QString, QString> newIds;
    for (const Resource &resource : subtree) {
        const bool top = resource.id == id;
        base::Result<QString> added = addResource(top ? resource.parentId : newIds.at(resource.parentId),
                                                  top ? newPathPart : resource.pathPart);
        if (!added.ok()) {
            m_api = before;
            return added.errors();
        }
        newIds[resource.id] = added.value();
        m_api.findResource(added.value())->methods = resource.methods;
    }
    return newIds.at(id);
}

base::Status ApiEditor::duplicateMethod(const QString &resourceId, const QString &verb, const QString &newVerb)
{
    const Resource *resource = m_api.findResource(resourceId);
    const auto method = resource ? resource->methods.find(verb) : decltype(resource->methods.end()) {};
    if (!resource || method == resource->methods.end())
        return Diagnostic::error(m_api.pathOf(resourceId) + QLatin1Char(' ') + verb, QStringLiteral("no such method"));
    Method copy = method->second;
    copy.httpMethod = newVerb;
    // An operation name names one operation.
    copy.operationName.clear();
    return putMethod(resourceId, copy);
}

base::Status ApiEditor::renameResource(const QString &id, const QString &newPathPart)
{
    Resource *r = m_api.findResource(id);
    if (!r || r->isRoot())
        return Diagnostic::error(m_api.pathOf(id), QStringLiteral("the root resource cannot be renamed"));
    Resource renamed = *r;
    renamed.pathPart = newPathPart;
    if (renamed.isGreedy() && !m_api.children(id).empty())
        return Diagnostic::error(m_api.pathOf(id), QStringLiteral("a greedy path parameter cannot "
                                                                  "have child resources"));
    const QString reason = checkPlacement(r->parentId, newPathPart, id);
    if (!reason.isEmpty())
        return Diagnostic::error(m_api.pathOf(id), reason);
    r->pathPart = newPathPart;
    return base::success();
}

base::Status ApiEditor::moveResource(const QString &id, const QString &newParentId)
{
    Resource *r = m_api.findResource(id);
    if (!r || r->isRoot())
        return Diagnostic::error(m_api.pathOf(id), QStringLiteral("the root resource cannot be moved"));
    if (m_api.subtreeIds(id).contains(newParentId))
        return Diagnostic::error(m_api.pathOf(id), QStringLiteral("a resource cannot move under itself"));
    const QString reason = checkPlacement(newParentId, r->pathPart, id);
    if (!reason.isEmpty())
        return Diagnostic::error(m_api.pathOf(id), reason);
    r->parentId = newParentId;
    return base::success();
}

base::Result<ApiEditor::RemovedResources> ApiEditor::deleteResource(const QString &id)
{
    const Resource *r = m_api.findResource(id);
    if (!r)
        return Diagnostic::error(QStringLiteral("resource %1").arg(id), QStringLiteral("does not exist"));
    if (r->isRoot())
        return Diagnostic::error(QStringLiteral("/"), QStringLiteral("the root resource cannot be deleted"));
    const QStringList ids = m_api.subtreeIds(id);
    RemovedResources removed;
    for (size_t i = 0; i < m_api.resources.size(); ++i) {
        if (ids.contains(m_api.resources[i].id))
            removed.emplace_back(i, m_api.resources[i]);
    }
    std::erase_if(m_api.resources, [&](const Resource &res) { return ids.contains(res.id); });
    return removed;
}

base::Status ApiEditor::restoreResources(const RemovedResources &removed)
{
    for (const auto &[position, resource] : removed) {
        if (m_api.findResource(resource.id))
            return Diagnostic::error(m_api.pathOf(resource.id), QStringLiteral("already exists"));
    }
    // In list order, each position is valid once the ones before it are back.
    for (const auto &[position, resource] : removed)
        m_api.resources.insert(m_api.resources.begin() + qsizetype(std::min(position, m_api.resources.size())), resource);
    return base::success();
}

base::Status ApiEditor::addMethod(const QString &resourceId, const QString &verb)
{
    Method m;
    m.httpMethod = verb;
    Integration mock;
    mock.type = IntegrationType::Mock;
    mock.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    mock.integrationResponses[QStringLiteral("200")].statusCode = QStringLiteral("200");
    m.integration = mock;
    m.methodResponses[QStringLiteral("200")].statusCode = QStringLiteral("200");
    return putMethod(resourceId, m);
}

base::Status ApiEditor::putMethod(const QString &resourceId, const Method &method)
{
    Resource *r = m_api.findResource(resourceId);
    if (!r)
        return Diagnostic::error(QStringLiteral("resource %1").arg(resourceId), QStringLiteral("does not exist"));
    if (!httpVerbs().contains(method.httpMethod))
        return Diagnostic::error(m_api.pathOf(resourceId),
                                 QStringLiteral("\"%1\" is not one of %2")
                                     .arg(method.httpMethod, httpVerbs().join(QStringLiteral(", "))));
    if (r->methods.contains(method.httpMethod))
        return Diagnostic::error(m_api.pathOf(resourceId) + QLatin1Char(' ') + method.httpMethod,
                                 QStringLiteral("the method already exists"));
    r->methods[method.httpMethod] = method;
    return base::success();
}

std::optional<QString> ApiEditor::mappingTemplate(const RestApi &api, const QString &resourceId, const QString &verb,
                                                  const QString &statusCode, const QString &contentType)
{
    const Resource *r = api.findResource(resourceId);
    const auto method = r ? r->methods.find(verb) : decltype(r->methods.end()){};
    if (!r || method == r->methods.end() || !method->second.integration)
        return std::nullopt;
    const Integration &integration = *method->second.integration;
    const StringMap *templates = &integration.requestTemplates;
    if (!statusCode.isEmpty()) {
        const auto response = integration.integrationResponses.find(statusCode);
        if (response == integration.integrationResponses.end())
            return std::nullopt;
        templates = &response->second.responseTemplates;
    }
    const auto it = templates->find(contentType);
    if (it == templates->end())
        return std::nullopt;
    return it->second;
}

base::Status ApiEditor::setMappingTemplate(const QString &resourceId, const QString &verb, const QString &statusCode,
                                           const QString &contentType, const std::optional<QString> &text)
{
    Resource *r = m_api.findResource(resourceId);
    const auto method = r ? r->methods.find(verb) : decltype(r->methods.end()){};
    const QString where = m_api.pathOf(resourceId) + QLatin1Char(' ') + verb;
    if (!r || method == r->methods.end())
        return Diagnostic::error(where, QStringLiteral("the method does not exist"));
    if (!method->second.integration)
        return Diagnostic::error(where, QStringLiteral("the method has no integration"));
    if (contentType.isEmpty())
        return Diagnostic::error(where + QStringLiteral(" integration"), QStringLiteral("a mapping template needs a content type"));
    Integration &integration = *method->second.integration;
    StringMap *templates = &integration.requestTemplates;
    if (!statusCode.isEmpty()) {
        const auto response = integration.integrationResponses.find(statusCode);
        if (response == integration.integrationResponses.end())
            return Diagnostic::error(where + QStringLiteral(" integration response ") + statusCode,
                                     QStringLiteral("does not exist"));
        templates = &response->second.responseTemplates;
    }
    if (text)
        (*templates)[contentType] = *text;
    else
        templates->erase(contentType);
    return base::success();
}

base::Result<Method> ApiEditor::deleteMethod(const QString &resourceId, const QString &verb)
{
    Resource *r = m_api.findResource(resourceId);
    const auto it = r ? r->methods.find(verb) : decltype(r->methods.end()){};
    if (!r || it == r->methods.end())
        return Diagnostic::error(m_api.pathOf(resourceId) + QLatin1Char(' ') + verb,
                                 QStringLiteral("the method does not exist"));
    Method removed = it->second;
    r->methods.erase(it);
    return removed;
}

} // namespace portico::model
