// Live usage of API keys through usage plans, as the running runtime counts it: per plan and key,
// the requests that passed today, those the plan's throttle or quota refused, and what is left of
// the quota this period. Shown in the API key and usage plan forms; refreshed twice a second
// while visible, from a report the window computes (the ledger is read under its lock, a few
// small maps: nothing that competes with requests).
#pragma once

#include "base/json.h"

#include <QTimer>
#include <QWidget>

#include <functional>

class QLabel;
class QTreeWidget;

namespace portico::widgets::parts {

class LiveUsageView : public QWidget
{
    Q_OBJECT

public:
    // `report` gives runtime::usageReport() of the project and the runtime's ledger, or null when
    // the runtime is stopped.
    using ReportSource = std::function<base::Json()>;

    explicit LiveUsageView(QWidget *parent = nullptr);

    void setSource(ReportSource source);
    // Only rows of this plan, or of this key (ids); both empty: everything.
    void setFilter(const QString &planId, const QString &keyId);
    // Reads the report now (the timer does it while visible).
    void refresh();

    QTreeWidget *table() const { return m_table; }

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    ReportSource m_source;
    QString m_planId;
    QString m_keyId;
    QTimer m_timer;
    QLabel *m_note;
    QTreeWidget *m_table;
};

} // namespace portico::widgets::parts
