// The navigator's second tree: one section row per kind of project part (Models, Authorizers,
// Request validators, Gateway responses, Local functions, Stages, Deployments, API keys, Usage
// plans), with a count, and under each its items by key. Small lists, so it is rebuilt whole, but
// only when what it shows changed: a form edit that keeps every label leaves it untouched (and the
// selection with it).
#pragma once

#include "model/project.h"

#include <QAbstractItemModel>

#include <vector>

namespace portico::editing {

class ApiDocument;

// The sections, in the navigator's order; each equals PartTraits<T>::kind of its item type.
enum class PartKind {
    Model = 0,
    Authorizer,
    RequestValidator,
    GatewayResponse,
    LocalFunction,
    Stage,
    Deployment,
    ApiKey,
    UsagePlan,
};
inline constexpr int kPartKindCount = 9;

// "Models", "Authorizers", ...
QString sectionTitle(PartKind kind);

class ProjectPartsModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Role {
        PartKindRole = Qt::UserRole + 1, // PartKind as int, on section and item rows
        PartKeyRole, // the item's key (PartTraits::keyOf); empty on a section row
        IsSectionRole,
    };

    explicit ProjectPartsModel(ApiDocument *document, QObject *parent = nullptr);

    QModelIndex sectionIndex(PartKind kind) const;
    // Invalid when there is no such item.
    QModelIndex indexOf(PartKind kind, const QString &key) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = QModelIndex()) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        QString key;
        QString label;
        QString toolTip;
        friend bool operator==(const Item &, const Item &) = default;
    };
    using Sections = std::vector<std::vector<Item>>;
    static Sections itemsOf(const model::Project &project);

    ApiDocument *m_document;
    Sections m_sections;
};

} // namespace portico::editing
