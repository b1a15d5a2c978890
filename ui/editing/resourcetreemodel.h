// The navigator's view of a document's resource tree: one top-level row for the root resource
// ("/"), under each resource first its methods (in model::httpVerbs() order), then its child
// resources sorted by path part. Rebuilt whole on every document change: trees are small, and
// finer-grained updates can come when the designer needs them.
#pragma once

#include "model/restapi.h"

#include <QAbstractItemModel>

#include <map>
#include <memory>
#include <tuple>
#include <vector>

namespace portico::editing {

class ApiDocument;

class ResourceTreeModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum class Kind { Resource, Method };

    enum Role {
        KindRole = Qt::UserRole + 1, // Kind as int
        ResourceIdRole, // the resource's id; a method row gives its resource's
        VerbRole, // "GET" on a method row, empty on a resource row
        PathRole, // "/pets/{petId}"
        IsParameterRole, // true for "{petId}" and "{proxy+}" resource rows
    };

    explicit ResourceTreeModel(ApiDocument *document, QObject *parent = nullptr);
    ~ResourceTreeModel() override;

    // The row of a resource (empty verb) or of one of its methods; invalid when there is none.
    QModelIndex indexOf(const QString &resourceId, const QString &verb = QString()) const;

    QModelIndex index(int row, int column,
                      const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Drag and drop moves a resource (not the root, not a method) under another resource; the
    // move is an undoable edit of the document, made once the drop has finished.
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data, Qt::DropAction action, int row, int column,
                      const QModelIndex &parent) override;
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }

Q_SIGNALS:
    // A drop was refused by the editing rules (a sibling with that path part, ...).
    void moveFailed(const QString &message);

private:
    struct Node;

    // The dragged resource's id, when `data` carries one that may move under `parentId`.
    QString draggedResource(const QMimeData *data, const QModelIndex &parent) const;

    // One entry per resource: what the tree shows of it (id, parent, path part, verbs).
    using Shape = std::vector<std::tuple<QString, QString, QString, QStringList>>;
    static Shape shapeOf(const model::RestApi &api);

    void rebuild();
    void addResourceNode(Node *parent, const model::Resource &resource,
                         const std::map<QString, std::vector<const model::Resource *>> &children);
    Node *nodeOf(const QModelIndex &index) const;
    QModelIndex indexOfNode(const Node *node) const;

    ApiDocument *m_document;
    std::unique_ptr<Node> m_root; // invisible; its one child is the API's root resource
    Shape m_shape;
};

} // namespace portico::editing
