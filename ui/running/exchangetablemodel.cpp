#include "exchangetablemodel.h"

#include <QLocale>

namespace portico::running {

ExchangeTableModel::ExchangeTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ExchangeTableModel::setLimits(size_t fullLimit, size_t summaryLimit)
{
    m_fullLimit = fullLimit;
    m_summaryLimit = std::max(summaryLimit, fullLimit);
    dropDetailBeyondLimit();
}

void ExchangeTableModel::append(const std::vector<runtime::ExchangePtr> &exchanges)
{
    if (exchanges.empty())
        return;
    // The oldest go first, in one removal, so that the table never holds more than the limit.
    const size_t incoming = std::min(exchanges.size(), m_summaryLimit);
    const size_t overflow = m_rows.size() + incoming > m_summaryLimit ? m_rows.size() + incoming - m_summaryLimit : 0;
    if (overflow > 0) {
        const size_t removed = std::min(overflow, m_rows.size());
        beginRemoveRows(QModelIndex(), 0, int(removed) - 1);
        m_rows.erase(m_rows.begin(), m_rows.begin() + std::ptrdiff_t(removed));
        m_fullCount = std::min(m_fullCount, m_rows.size());
        endRemoveRows();
    }
    const auto first = exchanges.end() - std::ptrdiff_t(incoming);
    beginInsertRows(QModelIndex(), int(m_rows.size()), int(m_rows.size() + incoming) - 1);
    for (auto it = first; it != exchanges.end(); ++it) {
        const runtime::Exchange &e = **it;
        m_rows.push_back({e.startedAt, e.httpMethod, e.path, e.stage, e.resourcePath, e.integrationType, e.requestId,
                          e.response.status, e.latencyUs, *it});
    }
    m_fullCount += incoming;
    endInsertRows();
    dropDetailBeyondLimit();
}

void ExchangeTableModel::dropDetailBeyondLimit()
{
    // Only the pointer goes: the summary row stays as it is, so no view needs telling.
    while (m_fullCount > m_fullLimit) {
        m_rows[m_rows.size() - m_fullCount].full.reset();
        --m_fullCount;
    }
}

void ExchangeTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_fullCount = 0;
    endResetModel();
}

runtime::ExchangePtr ExchangeTableModel::exchange(int row) const
{
    if (row < 0 || size_t(row) >= m_rows.size())
        return nullptr;
    return m_rows[size_t(row)].full;
}

std::vector<runtime::ExchangePtr> ExchangeTableModel::exchanges(const QList<int> &rows) const
{
    QList<int> sorted = rows;
    std::sort(sorted.begin(), sorted.end());
    std::vector<runtime::ExchangePtr> out;
    for (const int row : sorted) {
        if (runtime::ExchangePtr e = exchange(row))
            out.push_back(std::move(e));
    }
    return out;
}

std::vector<runtime::ExchangePtr> ExchangeTableModel::allExchanges() const
{
    std::vector<runtime::ExchangePtr> out;
    for (size_t i = m_rows.size() - m_fullCount; i < m_rows.size(); ++i)
        out.push_back(m_rows[i].full);
    return out;
}

int ExchangeTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExchangeTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExchangeTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size())
        return {};
    const Row &row = m_rows[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Time: return row.time.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case Method: return row.method;
        case Path: return row.path;
        case Stage: return row.stage;
        case Resource: return row.resource.isEmpty() ? QStringLiteral("—") : row.resource;
        case Status: return row.status;
        case Latency: return QLocale().toString(double(row.latencyUs) / 1000.0, 'f', 2);
        case Integration: return row.integration.isEmpty() ? QStringLiteral("—") : row.integration;
        default: return {};
        }
    case Qt::TextAlignmentRole:
        if (index.column() == Status || index.column() == Latency)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        return row.full ? QStringLiteral("Request id %1").arg(row.requestId)
                        : QStringLiteral("Request id %1 (older than the last %2: summary only)").arg(row.requestId).arg(m_fullLimit);
    case ExchangeRole:
        return QVariant::fromValue(row.full);
    case StatusRole:
        return row.status;
    case SearchTextRole:
        return QStringList {row.method, row.path, row.stage, row.resource, QString::number(row.status), row.requestId,
                            row.integration}
            .join(QLatin1Char(' '));
    default:
        return {};
    }
}

QVariant ExchangeTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time: return tr("Time");
    case Method: return tr("Method");
    case Path: return tr("Path");
    case Stage: return tr("Stage");
    case Resource: return tr("Resource");
    case Status: return tr("Status");
    case Latency: return tr("ms");
    case Integration: return tr("Integration");
    default: return {};
    }
}

} // namespace portico::running
