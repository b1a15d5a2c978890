// The inspector's table: every request through the runtime, newest last. The newest `fullLimit`
// (10,000 by default) keep their whole exchange (headers, bodies, execution log); older ones keep
// a summary row only, and beyond `summaryLimit` the oldest rows go. Rows arrive in batches (one
// insert per batch, not per request), so the table stays smooth at 1,000 requests a second.
#pragma once

#include "runtime/tracebus.h"

#include <QAbstractTableModel>
#include <QDateTime>

#include <deque>

namespace portico::running {

class ExchangeTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    // Status and time early: they are what a glance looks for.
    enum Column { Time, Method, Path, Status, Latency, Stage, Resource, Integration, ColumnCount };
    enum Role {
        // The runtime::ExchangePtr (as QVariant) of a row still kept in full; null otherwise.
        ExchangeRole = Qt::UserRole + 1,
        StatusRole,
        // Every text a search matches: method, path, stage, resource, status, request id.
        SearchTextRole,
    };

    explicit ExchangeTableModel(QObject *parent = nullptr);

    void setLimits(size_t fullLimit, size_t summaryLimit);
    size_t fullLimit() const { return m_fullLimit; }
    void append(const std::vector<runtime::ExchangePtr> &exchanges);
    void clear();
    // Null when the row is only a summary now (or out of range).
    runtime::ExchangePtr exchange(int row) const;
    // The full exchanges among `rows`, in row order.
    std::vector<runtime::ExchangePtr> exchanges(const QList<int> &rows) const;
    // Every full exchange, oldest first.
    std::vector<runtime::ExchangePtr> allExchanges() const;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QDateTime time;
        QString method;
        QString path;
        QString stage;
        QString resource;
        QString integration;
        QString requestId;
        int status = 0;
        qint64 latencyUs = 0;
        runtime::ExchangePtr full;
    };

    void dropDetailBeyondLimit();

    std::deque<Row> m_rows;
    // The last m_fullCount rows keep their exchange.
    size_t m_fullCount = 0;
    size_t m_fullLimit = 10000;
    size_t m_summaryLimit = 200000;
};

} // namespace portico::running

Q_DECLARE_METATYPE(portico::runtime::ExchangePtr)
