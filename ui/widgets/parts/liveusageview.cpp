#include "liveusageview.h"

#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::widgets::parts {

namespace {

constexpr int kRefreshMs = 500;

QString text(const base::Json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_null())
        return QStringLiteral("-");
    return QString::fromStdString(value.dump());
}

} // namespace

LiveUsageView::LiveUsageView(QWidget *parent)
    : QWidget(parent)
{
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("liveUsageNote"));
    m_note->setWordWrap(true);
    m_note->setEnabled(false);
    m_table = new QTreeWidget;
    m_table->setObjectName(QStringLiteral("liveUsageTable"));
    m_table->setHeaderLabels({tr("Plan"), tr("Key"), tr("Requests today"), tr("Throttled"), tr("Over quota"),
                              tr("Quota left")});
    m_table->setRootIsDecorated(false);
    m_table->setUniformRowHeights(true);
    // Numbers stay beside their names; the key's name takes the room.
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->setMaximumHeight(160);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_note);
    layout->addWidget(m_table);
    m_timer.setInterval(kRefreshMs);
    connect(&m_timer, &QTimer::timeout, this, &LiveUsageView::refresh);
    refresh();
}

void LiveUsageView::setSource(ReportSource source)
{
    m_source = std::move(source);
    refresh();
}

void LiveUsageView::setFilter(const QString &planId, const QString &keyId)
{
    m_planId = planId;
    m_keyId = keyId;
    refresh();
}

void LiveUsageView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void LiveUsageView::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

void LiveUsageView::refresh()
{
    const base::Json report = m_source ? m_source() : base::Json();
    if (report.is_null()) {
        m_note->setText(tr("Start the runtime (F5) to see this key's use live."));
        m_table->hide();
        return;
    }
    std::vector<QStringList> rows;
    for (const base::Json &plan : report.value("usagePlans", base::Json::array())) {
        const QString planId = text(plan["id"]);
        if (!m_planId.isEmpty() && planId != m_planId)
            continue;
        for (const base::Json &key : plan.value("keys", base::Json::array())) {
            if (!m_keyId.isEmpty() && text(key["id"]) != m_keyId)
                continue;
            const bool quota = key.contains("quota");
            rows.push_back({text(plan["name"]), text(key["name"]), text(key["today"]), text(key.value("throttled", base::Json(0))),
                            text(key.value("overQuota", base::Json(0))),
                            quota ? text(key["quota"]["remaining"]) : tr("no quota")});
        }
    }
    m_note->setText(rows.empty() ? tr("Not in a usage plan: nothing is metered.")
                                 : tr("Counted by the running runtime since it started (quota by period, as API Gateway does)."));
    m_table->setVisible(!rows.empty());
    // Rows updated in place: a table refreshed twice a second must not lose its selection or scroll.
    while (m_table->topLevelItemCount() > int(rows.size()))
        delete m_table->takeTopLevelItem(m_table->topLevelItemCount() - 1);
    for (size_t i = 0; i < rows.size(); ++i) {
        QTreeWidgetItem *item = m_table->topLevelItem(int(i));
        if (!item) {
            item = new QTreeWidgetItem;
            m_table->addTopLevelItem(item);
        }
        for (int column = 0; column < rows[i].size(); ++column) {
            if (item->text(column) != rows[i][column])
                item->setText(column, rows[i][column]);
            if (column >= 2)
                item->setTextAlignment(column, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
}

} // namespace portico::widgets::parts
