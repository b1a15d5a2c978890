#include "navigator.h"

#include "verbbadgedelegate.h"

#include "editing/apidocument.h"
#include "editing/resourcetreemodel.h"

#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTreeView>
#include <QVBoxLayout>

namespace portico::widgets {

using editing::PartKind;
using editing::ProjectPartsModel;
using editing::ResourceTreeModel;

namespace {

// Keeps the rows whose text holds every word of the filter (in any order, any case), with their
// ancestors, and all rows under a row that matches. A method row's text is "GET /pets/{petId}",
// a resource's its full path, a part's its label.
class WordFilter : public QSortFilterProxyModel
{
public:
    // `resources`: the source is a ResourceTreeModel, whose rows match by verb and path.
    WordFilter(bool resources, QObject *parent)
        : QSortFilterProxyModel(parent)
        , m_resources(resources)
    {}

    void setWords(const QString &text)
    {
        m_words = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override
    {
        if (m_words.isEmpty())
            return true;
        const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
        QString text = index.data(Qt::DisplayRole).toString();
        if (m_resources) {
            text = index.data(ResourceTreeModel::PathRole).toString();
            const QString verb = index.data(ResourceTreeModel::VerbRole).toString();
            if (!verb.isEmpty())
                text = verb + QLatin1Char(' ') + text;
        }
        for (const QString &word : m_words) {
            if (!text.contains(word, Qt::CaseInsensitive))
                return false;
        }
        return true;
    }

private:
    bool m_resources;
    QStringList m_words;
};

QTreeView *makeTree(const QString &objectName, QAbstractItemModel *model)
{
    auto *tree = new QTreeView;
    tree->setObjectName(objectName);
    tree->setModel(model);
    tree->setHeaderHidden(true);
    tree->setUniformRowHeights(true);
    tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    tree->setSelectionMode(QAbstractItemView::SingleSelection);
    tree->setContextMenuPolicy(Qt::ActionsContextMenu);
    return tree;
}

} // namespace

Navigator::Navigator(editing::ApiDocument *document, ResourceTreeModel *resources, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_resources(resources)
    , m_parts(new ProjectPartsModel(document, this))
    , m_resourceFilter(new WordFilter(true, this))
    , m_partsFilter(new WordFilter(false, this))
{
    m_resourceFilter->setSourceModel(m_resources);
    m_resourceFilter->setRecursiveFilteringEnabled(true);
    m_resourceFilter->setAutoAcceptChildRows(true);
    m_partsFilter->setSourceModel(m_parts);
    m_partsFilter->setRecursiveFilteringEnabled(true);
    m_partsFilter->setAutoAcceptChildRows(true);

    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("navigatorFilter"));
    m_filter->setPlaceholderText(tr("Filter (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &Navigator::applyFilter);

    m_resourceTree = makeTree(QStringLiteral("resourceTree"), m_resourceFilter);
    m_resourceTree->setItemDelegate(new VerbBadgeDelegate(m_resourceTree));
    // Drop a resource on another to move it there (the model performs the move as an edit).
    m_resourceTree->setDragEnabled(true);
    m_resourceTree->setAcceptDrops(true);
    m_resourceTree->setDropIndicatorShown(true);
    m_resourceTree->setDragDropMode(QAbstractItemView::DragDrop);
    m_resourceTree->setDefaultDropAction(Qt::MoveAction);

    m_partsTree = makeTree(QStringLiteral("partsTree"), m_partsFilter);

    auto *trees = new QSplitter(Qt::Vertical);
    trees->setObjectName(QStringLiteral("navigatorSplitter"));
    trees->addWidget(m_resourceTree);
    trees->addWidget(m_partsTree);
    trees->setStretchFactor(0, 1);
    trees->setStretchFactor(1, 1);
    trees->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(trees, 1);

    connect(m_resourceFilter, &QAbstractItemModel::modelAboutToBeReset, this, &Navigator::rememberResourceState);
    connect(m_resourceFilter, &QAbstractItemModel::modelReset, this, &Navigator::restoreResourceState);
    connect(m_resourceTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    makeActive(m_resourceTree);
                Q_EMIT currentChanged();
            });
    connect(m_resourceTree, &QTreeView::collapsed, this, [this](const QModelIndex &index) {
        if (!m_filtering)
            m_collapsed.insert(index.data(ResourceTreeModel::ResourceIdRole).toString());
    });
    connect(m_resourceTree, &QTreeView::expanded, this, [this](const QModelIndex &index) {
        if (!m_filtering)
            m_collapsed.remove(index.data(ResourceTreeModel::ResourceIdRole).toString());
    });

    const auto keysOf = [this](PartKind kind) {
        QStringList keys;
        const QModelIndex section = m_parts->sectionIndex(kind);
        for (int row = 0; row < m_parts->rowCount(section); ++row)
            keys << m_parts->index(row, 0, section).data(ProjectPartsModel::PartKeyRole).toString();
        return keys;
    };
    connect(m_partsFilter, &QAbstractItemModel::modelAboutToBeReset, this, [this, keysOf] {
        m_partCandidate = currentPart();
        m_keysBeforeReset = m_partCandidate ? keysOf(m_partCandidate->kind) : QStringList();
    });
    connect(m_partsFilter, &QAbstractItemModel::modelReset, this, [this, keysOf] {
        m_partsTree->expandAll();
        const std::optional<PartSelection> part = std::exchange(m_partCandidate, std::nullopt);
        if (!part || selectPart(part->kind, part->key))
            return;
        // Renamed (by its form, or by undoing a rename): one key went and one came.
        QStringList added = keysOf(part->kind);
        for (const QString &key : std::as_const(m_keysBeforeReset))
            added.removeAll(key);
        if (added.size() == 1 && !part->key.isEmpty() && !keysOf(part->kind).contains(part->key)
            && selectPart(part->kind, added.front()))
            return;
        // A deleted item falls back to its section.
        selectPart(part->kind);
    });
    connect(m_partsTree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                if (current.isValid())
                    makeActive(m_partsTree);
                Q_EMIT currentChanged();
            });
    m_partsTree->expandAll();

    restoreResourceState();
}

Navigator::~Navigator() = default;

QString Navigator::currentResourceId() const
{
    return m_resourceTree->currentIndex().data(ResourceTreeModel::ResourceIdRole).toString();
}

QString Navigator::currentVerb() const
{
    return m_resourceTree->currentIndex().data(ResourceTreeModel::VerbRole).toString();
}

bool Navigator::select(const QString &resourceId, const QString &verb)
{
    QModelIndex index = m_resourceFilter->mapFromSource(m_resources->indexOf(resourceId, verb));
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        // Filtered out: going somewhere on purpose beats the filter.
        m_filter->clear();
        index = m_resourceFilter->mapFromSource(m_resources->indexOf(resourceId, verb));
    }
    if (!index.isValid())
        return false;
    m_resourceTree->setCurrentIndex(index);
    m_resourceTree->scrollTo(index);
    return true;
}

std::optional<Navigator::PartSelection> Navigator::currentPart() const
{
    const QModelIndex index = m_partsTree->currentIndex();
    if (!index.isValid())
        return std::nullopt;
    return PartSelection {PartKind(index.data(ProjectPartsModel::PartKindRole).toInt()),
                          index.data(ProjectPartsModel::PartKeyRole).toString()};
}

bool Navigator::selectPart(PartKind kind, const QString &key)
{
    const auto find = [&] {
        return m_partsFilter->mapFromSource(key.isEmpty() ? m_parts->sectionIndex(kind) : m_parts->indexOf(kind, key));
    };
    QModelIndex index = find();
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        m_filter->clear();
        index = find();
    }
    if (!index.isValid())
        return false;
    m_partsTree->setCurrentIndex(index);
    m_partsTree->scrollTo(index);
    return true;
}

void Navigator::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

QSet<QString> Navigator::forgetCollapsed()
{
    return std::exchange(m_collapsed, {});
}

void Navigator::makeActive(QTreeView *tree)
{
    QTreeView *other = tree == m_resourceTree ? m_partsTree : m_resourceTree;
    if (other->currentIndex().isValid()) {
        const QSignalBlocker blocker(other->selectionModel());
        other->selectionModel()->clear();
        other->viewport()->update();
    }
}

void Navigator::applyFilter()
{
    rememberResourceState();
    const QString text = m_filter->text();
    static_cast<WordFilter *>(m_resourceFilter)->setWords(text);
    static_cast<WordFilter *>(m_partsFilter)->setWords(text);
    restoreResourceState();
    m_partsTree->expandAll();
}

void Navigator::rememberResourceState()
{
    m_selectionCandidates.clear();
    for (QModelIndex index = m_resourceTree->currentIndex(); index.isValid(); index = index.parent()) {
        // A method row's parent is its resource, so a deleted method falls back to it.
        m_selectionCandidates.emplace_back(index.data(ResourceTreeModel::ResourceIdRole).toString(),
                                           index.data(ResourceTreeModel::VerbRole).toString());
    }
}

void Navigator::restoreResourceState()
{
    m_filtering = true;
    m_resourceTree->expandAll();
    // While filtering, every match shows; the person's collapsed rows come back after.
    if (m_filter->text().isEmpty()) {
        for (const QString &resourceId : m_collapsed)
            m_resourceTree->collapse(m_resourceFilter->mapFromSource(m_resources->indexOf(resourceId)));
    }
    m_filtering = false;

    const bool partSelected = m_partsTree->currentIndex().isValid();
    for (const auto &[resourceId, verb] : std::exchange(m_selectionCandidates, {})) {
        const QModelIndex index = m_resourceFilter->mapFromSource(m_resources->indexOf(resourceId, verb));
        if (index.isValid()) {
            m_resourceTree->setCurrentIndex(index);
            m_resourceTree->scrollTo(index);
            return;
        }
    }
    if (!partSelected)
        m_resourceTree->setCurrentIndex(m_resourceFilter->index(0, 0));
}

} // namespace portico::widgets
