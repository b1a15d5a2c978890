// The resource tree of one deployment turned into a tree of path parts, built once per deployment
// and matched for every request as API Gateway matches: literal parts before {param} before
// {proxy+}, backtracking when a more specific branch leads nowhere, and the ANY method when the
// resource has no method for the verb.
#pragma once

#include "model/restapi.h"

#include <QString>

#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace portico::runtime {

struct RouteMatch
{
    const model::Resource *resource = nullptr;
    // Null when the resource exists but has neither the verb nor ANY.
    const model::Method *method = nullptr;
    QString resourcePath;
    // Decoded values of {param} and {proxy+} parts, in path order.
    std::vector<std::pair<QString, QString>> pathParameters;
};

class RouteTable
{
public:
    // `api` must outlive the table (the compiled deployment owns both).
    explicit RouteTable(const model::RestApi &api);
    ~RouteTable();
    RouteTable(RouteTable &&) noexcept;
    RouteTable &operator=(RouteTable &&) noexcept;

    // `path` is the request path after the stage, still percent-encoded ("/pets/a%20b").
    // No value: no resource has this path.
    std::optional<RouteMatch> match(const QString &verb, const QByteArray &path) const;

    // One path part of the tree (declared here so the matcher's helpers can walk it).
    struct Node;

private:
    std::unique_ptr<Node> m_root;
};

} // namespace portico::runtime
