#include "projectpartsmodel.h"

#include "apidocument.h"

#include "model/enums.h"

#include <QFont>
#include <QLocale>

namespace portico::editing {

namespace {

// Section rows carry no parent; item rows carry their section's number + 1 in the internal id.
constexpr quintptr kSectionRow = 0;

} // namespace

QString sectionTitle(PartKind kind)
{
    switch (kind) {
    case PartKind::Model: return QStringLiteral("Models");
    case PartKind::Authorizer: return QStringLiteral("Authorizers");
    case PartKind::RequestValidator: return QStringLiteral("Request validators");
    case PartKind::GatewayResponse: return QStringLiteral("Gateway responses");
    case PartKind::LocalFunction: return QStringLiteral("Local functions");
    case PartKind::Stage: return QStringLiteral("Stages");
    case PartKind::Deployment: return QStringLiteral("Deployments");
    case PartKind::ApiKey: return QStringLiteral("API keys");
    case PartKind::UsagePlan: return QStringLiteral("Usage plans");
    }
    return {};
}

ProjectPartsModel::ProjectPartsModel(ApiDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_sections(itemsOf(document->project()))
{
    connect(m_document, &ApiDocument::changed, this, [this] {
        Sections sections = itemsOf(m_document->project());
        if (sections == m_sections)
            return;
        // Same keys in the same places: only labels changed, so keep the rows (and the selection).
        bool sameShape = sections.size() == m_sections.size();
        for (size_t s = 0; sameShape && s < sections.size(); ++s) {
            sameShape = sections[s].size() == m_sections[s].size();
            for (size_t i = 0; sameShape && i < sections[s].size(); ++i)
                sameShape = sections[s][i].key == m_sections[s][i].key;
        }
        if (sameShape) {
            m_sections = std::move(sections);
            for (int s = 0; s < kPartKindCount; ++s) {
                const QModelIndex section = index(s, 0);
                Q_EMIT dataChanged(section, section);
                if (rowCount(section) > 0)
                    Q_EMIT dataChanged(index(0, 0, section), index(rowCount(section) - 1, 0, section));
            }
            return;
        }
        beginResetModel();
        m_sections = std::move(sections);
        endResetModel();
    });
}

ProjectPartsModel::Sections ProjectPartsModel::itemsOf(const model::Project &project)
{
    Sections sections(kPartKindCount);
    const model::RestApi &api = project.api;
    for (const model::Model &m : api.models)
        sections[int(PartKind::Model)].push_back({m.name, m.name, m.description});
    for (const model::Authorizer &a : api.authorizers) {
        sections[int(PartKind::Authorizer)].push_back(
            {a.id, a.name, QStringLiteral("%1 authorizer, id %2").arg(model::enumName(a.type), a.id)});
    }
    for (const model::RequestValidator &v : api.requestValidators)
        sections[int(PartKind::RequestValidator)].push_back({v.id, v.name, QStringLiteral("id %1").arg(v.id)});
    for (const model::GatewayResponse &g : api.gatewayResponses) {
        const QString label = g.statusCode.isEmpty() ? g.responseType
                                                     : QStringLiteral("%1 (%2)").arg(g.responseType, g.statusCode);
        sections[int(PartKind::GatewayResponse)].push_back({g.responseType, label, QString()});
    }
    for (const model::LocalFunction &f : project.localFunctions) {
        sections[int(PartKind::LocalFunction)].push_back(
            {f.name, f.name, QStringLiteral("%1 function").arg(model::enumName(f.kind))});
    }
    for (const model::Stage &s : project.stages) {
        sections[int(PartKind::Stage)].push_back(
            {s.stageName, s.stageName, QStringLiteral("serves deployment %1").arg(s.deploymentId)});
    }
    // Newest first, as a history reads.
    for (auto d = project.deployments.rbegin(); d != project.deployments.rend(); ++d) {
        QStringList servedBy;
        for (const model::Stage &s : project.stages) {
            if (s.deploymentId == d->id)
                servedBy << s.stageName;
        }
        QString label = d->id;
        if (!d->description.isEmpty())
            label += QStringLiteral(" · ") + d->description;
        if (!servedBy.isEmpty())
            label += QStringLiteral("  [%1]").arg(servedBy.join(QStringLiteral(", ")));
        sections[int(PartKind::Deployment)].push_back(
            {d->id, label, QLocale().toString(d->createdDate.toLocalTime(), QLocale::ShortFormat)});
    }
    for (const model::ApiKey &k : project.apiKeys) {
        const QString label = k.enabled ? k.name : QStringLiteral("%1 (disabled)").arg(k.name);
        sections[int(PartKind::ApiKey)].push_back({k.id, label, QStringLiteral("id %1").arg(k.id)});
    }
    for (const model::UsagePlan &p : project.usagePlans)
        sections[int(PartKind::UsagePlan)].push_back({p.id, p.name, QStringLiteral("id %1").arg(p.id)});
    return sections;
}

QModelIndex ProjectPartsModel::sectionIndex(PartKind kind) const
{
    return index(int(kind), 0);
}

QModelIndex ProjectPartsModel::indexOf(PartKind kind, const QString &key) const
{
    const std::vector<Item> &items = m_sections[size_t(kind)];
    for (size_t i = 0; i < items.size(); ++i) {
        if (items[i].key == key)
            return index(int(i), 0, sectionIndex(kind));
    }
    return {};
}

QModelIndex ProjectPartsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid())
        return row < kPartKindCount ? createIndex(row, 0, kSectionRow) : QModelIndex();
    if (parent.internalId() != kSectionRow || row >= int(m_sections[size_t(parent.row())].size()))
        return {};
    return createIndex(row, 0, quintptr(parent.row()) + 1);
}

QModelIndex ProjectPartsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kSectionRow);
}

int ProjectPartsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return kPartKindCount;
    if (parent.internalId() == kSectionRow)
        return int(m_sections[size_t(parent.row())].size());
    return 0;
}

int ProjectPartsModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ProjectPartsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const bool isSection = index.internalId() == kSectionRow;
    const int section = isSection ? index.row() : int(index.internalId() - 1);
    const Item *item = isSection ? nullptr : &m_sections[size_t(section)][size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        if (isSection) {
            const size_t count = m_sections[size_t(section)].size();
            const QString title = sectionTitle(PartKind(section));
            return count ? QStringLiteral("%1 (%2)").arg(title).arg(count) : title;
        }
        return item->label;
    case Qt::ToolTipRole:
        return isSection ? QVariant() : QVariant(item->toolTip);
    case Qt::FontRole:
        if (isSection) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case PartKindRole:
        return section;
    case PartKeyRole:
        return isSection ? QString() : item->key;
    case IsSectionRole:
        return isSection;
    default:
        return {};
    }
}

} // namespace portico::editing
