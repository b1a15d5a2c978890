#include "timelineview.h"

#include <QPainter>
#include <QPaintEvent>

namespace portico::widgets::inspector {

namespace {
constexpr int kRowHeight = 20;
constexpr int kLabelWidth = 330;
} // namespace

TimelineView::TimelineView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("inspectorTimeline"));
}

std::vector<TimelineView::Step> TimelineView::stepsOf(const runtime::Exchange &exchange)
{
    std::vector<Step> steps;
    const std::vector<runtime::TraceLine> &lines = exchange.lines;
    for (size_t i = 0; i < lines.size(); ++i) {
        const qint64 start = lines[i].elapsedUs;
        const qint64 end = i + 1 < lines.size() ? lines[i + 1].elapsedUs : std::max(start, exchange.latencyUs);
        QString label = lines[i].text.section(QLatin1Char(':'), 0, 0).trimmed();
        if (label.size() > 48)
            label = label.left(47) + QChar(0x2026);
        steps.push_back({label, start, std::max<qint64>(0, end - start)});
    }
    return steps;
}

void TimelineView::setExchange(runtime::ExchangePtr exchange)
{
    m_exchange = std::move(exchange);
    m_steps = m_exchange ? stepsOf(*m_exchange) : std::vector<Step> {};
    updateGeometry();
    update();
}

QSize TimelineView::sizeHint() const
{
    return {kLabelWidth + 300, int(m_steps.size() + 1) * kRowHeight + 8};
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    if (!m_exchange) {
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(rect(), Qt::AlignCenter, tr("Select a request to see its steps."));
        return;
    }
    const qint64 total = std::max<qint64>(1, m_exchange->latencyUs);
    const int barLeft = kLabelWidth + 8;
    const int barWidth = std::max(40, width() - barLeft - 70);
    const QColor bar = palette().color(QPalette::Highlight);
    int y = 4;
    for (const Step &step : m_steps) {
        painter.setPen(palette().color(QPalette::Text));
        painter.drawText(QRect(4, y, kLabelWidth, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft, step.label);
        const int x = barLeft + int(double(step.startUs) / double(total) * barWidth);
        const int w = std::max(2, int(double(step.lengthUs) / double(total) * barWidth));
        painter.fillRect(QRect(x, y + 4, w, kRowHeight - 8), bar);
        painter.setPen(palette().color(QPalette::PlaceholderText));
        painter.drawText(QRect(x + w + 4, y, 80, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                         QStringLiteral("%1 ms").arg(double(step.lengthUs) / 1000.0, 0, 'f', 2));
        y += kRowHeight;
    }
    painter.setPen(palette().color(QPalette::Text));
    painter.drawText(QRect(4, y, width() - 8, kRowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                     tr("Total %1 ms, of which integration %2 ms")
                         .arg(double(m_exchange->latencyUs) / 1000.0, 0, 'f', 2)
                         .arg(double(m_exchange->integrationLatencyUs) / 1000.0, 0, 'f', 2));
}

} // namespace portico::widgets::inspector
