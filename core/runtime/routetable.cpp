#include "routetable.h"

#include <QUrl>

namespace portico::runtime {

struct RouteTable::Node
{
    const model::Resource *resource = nullptr;
    QString resourcePath;
    std::vector<std::pair<QString, std::unique_ptr<Node>>> literals;
    std::unique_ptr<Node> parameter;
    QString parameterName;
    std::unique_ptr<Node> greedy;
    QString greedyName;

    Node *literalChild(const QString &part) const
    {
        for (const auto &[name, node] : literals) {
            if (name == part)
                return node.get();
        }
        return nullptr;
    }
};

RouteTable::RouteTable(const model::RestApi &api) : m_root(std::make_unique<Node>())
{
    const model::Resource *root = api.root();
    if (!root)
        return;
    m_root->resource = root;
    m_root->resourcePath = QStringLiteral("/");
    // A flat list with parent ids: walk it as a tree, children under their parent.
    struct Builder
    {
        const model::RestApi &api;
        void add(Node &node, const model::Resource &resource, const QString &path)
        {
            for (const model::Resource *child : api.children(resource.id)) {
                const QString childPath = (path == QLatin1String("/") ? QString() : path) + QLatin1Char('/') + child->pathPart;
                std::unique_ptr<Node> childNode = std::make_unique<Node>();
                childNode->resource = child;
                childNode->resourcePath = childPath;
                Node *raw = childNode.get();
                if (child->isGreedy()) {
                    node.greedyName = child->parameterName();
                    node.greedy = std::move(childNode);
                } else if (child->isParameter()) {
                    node.parameterName = child->parameterName();
                    node.parameter = std::move(childNode);
                } else {
                    node.literals.emplace_back(child->pathPart, std::move(childNode));
                }
                add(*raw, *child, childPath);
            }
        }
    };
    Builder{api}.add(*m_root, *root, m_root->resourcePath);
}

RouteTable::~RouteTable() = default;
RouteTable::RouteTable(RouteTable &&) noexcept = default;
RouteTable &RouteTable::operator=(RouteTable &&) noexcept = default;

namespace {

using Parameters = std::vector<std::pair<QString, QString>>;

const RouteTable::Node *walk(const RouteTable::Node &node, const std::vector<QString> &parts, size_t index,
                             Parameters &parameters)
{
    if (index == parts.size())
        return &node;
    const QString &part = parts[index];
    if (const RouteTable::Node *literal = node.literalChild(part)) {
        if (const RouteTable::Node *found = walk(*literal, parts, index + 1, parameters))
            return found;
    }
    if (node.parameter) {
        parameters.emplace_back(node.parameterName, part);
        if (const RouteTable::Node *found = walk(*node.parameter, parts, index + 1, parameters))
            return found;
        parameters.pop_back();
    }
    if (node.greedy) {
        QStringList rest;
        for (size_t i = index; i < parts.size(); ++i)
            rest.append(parts[i]);
        parameters.emplace_back(node.greedyName, rest.join(QLatin1Char('/')));
        return node.greedy.get();
    }
    return nullptr;
}

} // namespace

std::optional<RouteMatch> RouteTable::match(const QString &verb, const QByteArray &path) const
{
    if (!m_root->resource)
        return std::nullopt;
    std::vector<QString> parts;
    for (const QByteArray &raw : path.split('/')) {
        // Empty parts ("//", a trailing "/") do not count, as on API Gateway.
        if (!raw.isEmpty())
            parts.push_back(QUrl::fromPercentEncoding(raw));
    }
    Parameters parameters;
    const Node *node = walk(*m_root, parts, 0, parameters);
    if (!node || !node->resource)
        return std::nullopt;
    RouteMatch match;
    match.resource = node->resource;
    match.resourcePath = node->resourcePath;
    match.pathParameters = std::move(parameters);
    const auto &methods = node->resource->methods;
    auto it = methods.find(verb);
    if (it == methods.end())
        it = methods.find(QStringLiteral("ANY"));
    if (it != methods.end())
        match.method = &it->second;
    return match;
}

} // namespace portico::runtime
