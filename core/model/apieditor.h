// The editing operations on an API's resource tree and methods that keep it consistent: they
// refuse what API Gateway would refuse (bad path parts, duplicate siblings, a second variable at
// one level, children under a greedy parameter) and never leave orphans. The GUI's undo commands
// and the CLI both go through these.
#pragma once

#include "restapi.h"

#include "base/result.h"

#include <optional>

namespace portico::model {

class ApiEditor
{
public:
    explicit ApiEditor(RestApi &api)
        : m_api(api)
    {}

    // Returns the new resource's id.
    base::Result<QString> addResource(const QString &parentId, const QString &pathPart);
    base::Status renameResource(const QString &id, const QString &newPathPart);
    base::Status moveResource(const QString &id, const QString &newParentId);
    // What deleteResource removed: each resource with its position in RestApi::resources, in
    // list order, so that restoreResources puts everything back exactly where it was.
    using RemovedResources = std::vector<std::pair<size_t, Resource>>;

    // Removes the resource with its whole subtree and their methods; returns what was removed.
    base::Result<RemovedResources> deleteResource(const QString &id);
    // Puts back resources removed by deleteResource, at their old positions.
    base::Status restoreResources(const RemovedResources &removed);

    // A copy of the resource with its methods and whole subtree, as a sibling named
    // `newPathPart` (new ids throughout). Returns the copy's id.
    base::Result<QString> duplicateResource(const QString &id, const QString &newPathPart);
    // A copy of a method under another verb of the same resource.
    base::Status duplicateMethod(const QString &resourceId, const QString &verb, const QString &newVerb);

    base::Status addMethod(const QString &resourceId, const QString &verb);
    base::Status putMethod(const QString &resourceId, const Method &method);
    base::Result<Method> deleteMethod(const QString &resourceId, const QString &verb);

    // The mapping template for `contentType` of a method's integration request (empty
    // `statusCode`) or of its integration response `statusCode`; nullopt when there is none.
    static std::optional<QString> mappingTemplate(const RestApi &api, const QString &resourceId, const QString &verb,
                                                  const QString &statusCode, const QString &contentType);
    // Sets that template, or removes it when `text` is nullopt. Refused when the method or the
    // integration response does not exist, or the content type is empty.
    base::Status setMappingTemplate(const QString &resourceId, const QString &verb, const QString &statusCode,
                                    const QString &contentType, const std::optional<QString> &text);

private:
    // Empty when `pathPart` may stand under `parentId` (ignoring `self` when renaming or moving).
    QString checkPlacement(const QString &parentId, const QString &pathPart, const QString &self) const;

    RestApi &m_api;
};

} // namespace portico::model
