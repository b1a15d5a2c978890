// The left side of the window: a filter box over two trees, the resource tree (resources with
// their methods; drag a resource onto another to move it) and the project's other parts (models,
// authorizers, ..., usage plans, as ProjectPartsModel lists them). One selection at a time across
// both: choosing in one tree clears the other, and currentChanged() says that what the details
// panel shows must change. The resource tree keeps what the person collapsed and the selection
// across the model's resets, and the filter shows every row whose words match, with its ancestors.
#pragma once

#include "editing/projectpartsmodel.h"

#include <QSet>
#include <QWidget>

#include <optional>
#include <utility>
#include <vector>

class QLineEdit;
class QSortFilterProxyModel;
class QTreeView;

namespace portico::editing {
class ApiDocument;
class ResourceTreeModel;
} // namespace portico::editing

namespace portico::widgets {

class Navigator : public QWidget
{
    Q_OBJECT

public:
    Navigator(editing::ApiDocument *document, editing::ResourceTreeModel *resources,
              QWidget *parent = nullptr);
    ~Navigator() override;

    QTreeView *resourceTree() const { return m_resourceTree; }
    QTreeView *partsTree() const { return m_partsTree; }
    QLineEdit *filterBox() const { return m_filter; }
    editing::ProjectPartsModel *partsModel() const { return m_parts; }

    // The selected resource tree row: a resource (empty verb) or a method; empty when the
    // selection is in the parts tree or there is none.
    QString currentResourceId() const;
    QString currentVerb() const;
    bool select(const QString &resourceId, const QString &verb = QString());

    struct PartSelection
    {
        editing::PartKind kind;
        // Empty for a section row.
        QString key;
    };
    // nullopt when the selection is in the resource tree or there is none.
    std::optional<PartSelection> currentPart() const;
    // An empty key selects the section. False when there is no such item (or it is filtered out).
    bool selectPart(editing::PartKind kind, const QString &key = QString());

    void setFilterText(const QString &text);

    // A new or opened project starts fully expanded; what was collapsed before is returned so
    // that a failed open can give it back.
    QSet<QString> forgetCollapsed();
    void setCollapsed(const QSet<QString> &collapsed) { m_collapsed = collapsed; }

Q_SIGNALS:
    void currentChanged();

private:
    void rememberResourceState();
    void restoreResourceState();
    void applyFilter();
    void makeActive(QTreeView *tree);

    editing::ApiDocument *m_document;
    editing::ResourceTreeModel *m_resources;
    editing::ProjectPartsModel *m_parts;
    QSortFilterProxyModel *m_resourceFilter;
    QSortFilterProxyModel *m_partsFilter;
    QLineEdit *m_filter;
    QTreeView *m_resourceTree;
    QTreeView *m_partsTree;
    // Resources the person collapsed; everything else is shown expanded.
    QSet<QString> m_collapsed;
    // Rows to select after a reset, nearest first: the row itself, then its ancestors.
    std::vector<std::pair<QString, QString>> m_selectionCandidates;
    std::optional<PartSelection> m_partCandidate;
    // The keys of the candidate's section before a reset: a key that is new after it is where a
    // renamed item went.
    QStringList m_keysBeforeReset;
    // Set while the filter expands everything, so that expanding is not taken as the person's.
    bool m_filtering = false;
};

} // namespace portico::widgets
