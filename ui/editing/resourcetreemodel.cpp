#include "resourcetreemodel.h"

#include "apidocument.h"

#include "model/enums.h"

#include "base/diagnostic.h"

#include <QFont>
#include <QMimeData>
#include <QTimer>

#include <algorithm>

namespace {
const QString kResourceMimeType = QStringLiteral("application/x-portico-resource-id");
}

namespace portico::editing {

struct ResourceTreeModel::Node
{
    Kind kind = Kind::Resource;
    QString resourceId;
    QString verb;
    Node *parent = nullptr;
    int row = 0;
    std::vector<std::unique_ptr<Node>> children;

    Node *addChild(Kind childKind, const QString &id, const QString &childVerb)
    {
        auto child = std::make_unique<Node>();
        child->kind = childKind;
        child->resourceId = id;
        child->verb = childVerb;
        child->parent = this;
        child->row = static_cast<int>(children.size());
        children.push_back(std::move(child));
        return children.back().get();
    }
};

ResourceTreeModel::ResourceTreeModel(ApiDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_root(std::make_unique<Node>())
{
    m_shape = shapeOf(m_document->api());
    rebuild();
    connect(m_document, &ApiDocument::changed, this, [this] {
        // Most edits (a form field, a template) leave the tree as it is: no reset then, so
        // typing in a large API does not rebuild and re-expand thousands of rows per key.
        Shape shape = shapeOf(m_document->api());
        if (shape == m_shape)
            return;
        m_shape = std::move(shape);
        beginResetModel();
        rebuild();
        endResetModel();
    });
}

ResourceTreeModel::~ResourceTreeModel() = default;

ResourceTreeModel::Shape ResourceTreeModel::shapeOf(const model::RestApi &api)
{
    Shape shape;
    shape.reserve(api.resources.size());
    for (const model::Resource &resource : api.resources) {
        QStringList verbs;
        for (const auto &[verb, method] : resource.methods)
            verbs << verb;
        shape.emplace_back(resource.id, resource.parentId, resource.pathPart, verbs);
    }
    return shape;
}

void ResourceTreeModel::rebuild()
{
    m_root = std::make_unique<Node>();
    const model::RestApi &api = m_document->api();
    // Children looked up once for the whole tree, not by scanning every resource per node.
    std::map<QString, std::vector<const model::Resource *>> children;
    for (const model::Resource &resource : api.resources)
        children[resource.parentId].push_back(&resource);
    for (auto &[parentId, list] : children)
        std::sort(list.begin(), list.end(), [](const model::Resource *a, const model::Resource *b) {
            return a->pathPart < b->pathPart;
        });
    if (const model::Resource *root = api.root())
        addResourceNode(m_root.get(), *root, children);
}

void ResourceTreeModel::addResourceNode(
    Node *parent, const model::Resource &resource,
    const std::map<QString, std::vector<const model::Resource *>> &children)
{
    const QString &resourceId = resource.id;
    Node *node = parent->addChild(Kind::Resource, resourceId, QString());
    for (const QString &verb : model::httpVerbs()) {
        if (resource.methods.contains(verb))
            node->addChild(Kind::Method, resourceId, verb);
    }
    const auto found = children.find(resourceId);
    if (found == children.end())
        return;
    for (const model::Resource *child : found->second) {
        // A cycle in a hand-edited file would recurse forever; the linter reports it.
        const Node *ancestor = parent;
        bool cycle = false;
        for (; ancestor; ancestor = ancestor->parent)
            cycle = cycle || ancestor->resourceId == child->id;
        if (!cycle)
            addResourceNode(node, *child, children);
    }
}

ResourceTreeModel::Node *ResourceTreeModel::nodeOf(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<Node *>(index.internalPointer()) : m_root.get();
}

QModelIndex ResourceTreeModel::indexOfNode(const Node *node) const
{
    if (!node || node == m_root.get())
        return {};
    return createIndex(node->row, 0, const_cast<Node *>(node));
}

QModelIndex ResourceTreeModel::indexOf(const QString &resourceId, const QString &verb) const
{
    std::vector<const Node *> pending {m_root.get()};
    while (!pending.empty()) {
        const Node *node = pending.back();
        pending.pop_back();
        if (node != m_root.get() && node->resourceId == resourceId && node->verb == verb)
            return indexOfNode(node);
        for (const auto &child : node->children)
            pending.push_back(child.get());
    }
    return {};
}

QModelIndex ResourceTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    return indexOfNode(nodeOf(parent)->children.at(static_cast<size_t>(row)).get());
}

QModelIndex ResourceTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    return indexOfNode(nodeOf(child)->parent);
}

int ResourceTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.column() > 0)
        return 0;
    return static_cast<int>(nodeOf(parent)->children.size());
}

int ResourceTreeModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ResourceTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Node *node = nodeOf(index);
    const model::RestApi &api = m_document->api();
    const model::Resource *resource = api.findResource(node->resourceId);
    if (!resource)
        return {};
    const bool isMethod = node->kind == Kind::Method;
    const bool isParameter = !isMethod && resource->isParameter();

    switch (role) {
    case Qt::DisplayRole:
        if (isMethod)
            return node->verb;
        return resource->isRoot() ? QStringLiteral("/") : resource->pathPart;
    case Qt::ToolTipRole:
        if (isMethod)
            return QString(node->verb + QLatin1Char(' ') + api.pathOf(node->resourceId));
        return api.pathOf(node->resourceId);
    case Qt::FontRole:
        if (isParameter) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case KindRole:
        return static_cast<int>(node->kind);
    case ResourceIdRole:
        return node->resourceId;
    case VerbRole:
        return node->verb;
    case PathRole:
        return api.pathOf(node->resourceId);
    case IsParameterRole:
        return isParameter;
    default:
        return {};
    }
}

QHash<int, QByteArray> ResourceTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KindRole, "kind");
    names.insert(ResourceIdRole, "resourceId");
    names.insert(VerbRole, "verb");
    names.insert(PathRole, "path");
    names.insert(IsParameterRole, "isParameter");
    return names;
}

Qt::ItemFlags ResourceTreeModel::flags(const QModelIndex &index) const
{
    Qt::ItemFlags flags = QAbstractItemModel::flags(index);
    if (!index.isValid())
        return flags;
    const Node *node = nodeOf(index);
    if (node->kind == Kind::Resource) {
        flags |= Qt::ItemIsDropEnabled;
        if (node->parent != m_root.get())
            flags |= Qt::ItemIsDragEnabled;
    }
    return flags;
}

QStringList ResourceTreeModel::mimeTypes() const
{
    return {kResourceMimeType};
}

QMimeData *ResourceTreeModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.size() != 1 || nodeOf(indexes.first())->kind != Kind::Resource)
        return nullptr;
    auto *data = new QMimeData;
    data->setData(kResourceMimeType, nodeOf(indexes.first())->resourceId.toUtf8());
    return data;
}

QString ResourceTreeModel::draggedResource(const QMimeData *data, const QModelIndex &parent) const
{
    if (!data || !data->hasFormat(kResourceMimeType) || !parent.isValid())
        return {};
    const Node *target = nodeOf(parent);
    const QString id = QString::fromUtf8(data->data(kResourceMimeType));
    if (target->kind != Kind::Resource || !m_document->api().findResource(id))
        return {};
    // Onto itself, its own parent or its own subtree is no move.
    const model::Resource *resource = m_document->api().findResource(id);
    if (resource->parentId == target->resourceId || m_document->api().subtreeIds(id).contains(target->resourceId))
        return {};
    return id;
}

bool ResourceTreeModel::canDropMimeData(const QMimeData *data, Qt::DropAction action, int, int,
                                        const QModelIndex &parent) const
{
    return action == Qt::MoveAction && !draggedResource(data, parent).isEmpty();
}

bool ResourceTreeModel::dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                                     const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const QString id = draggedResource(data, parent);
    const QString parentId = nodeOf(parent)->resourceId;
    // After the view has finished with the drop: the move resets this model, and the view still
    // holds indexes of the drag until then.
    QTimer::singleShot(0, this, [this, id, parentId] {
        const base::Status status = m_document->moveResource(id, parentId);
        if (!status.ok())
            Q_EMIT moveFailed(status.error().toString());
    });
    return true;
}

} // namespace portico::editing
