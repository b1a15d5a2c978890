// A request's steps as a waterfall: one bar per execution-log line from when it happened to when
// the next one did, so the integration's wait stands out as the long bar it is. Painted, not
// built of widgets: a log can have dozens of lines.
#pragma once

#include "runtime/tracebus.h"

#include <QWidget>

namespace portico::widgets::inspector {

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(QWidget *parent = nullptr);

    void setExchange(runtime::ExchangePtr exchange);
    // The steps as drawn: a short label and its start and length in microseconds.
    struct Step
    {
        QString label;
        qint64 startUs = 0;
        qint64 lengthUs = 0;
    };
    const std::vector<Step> &steps() const { return m_steps; }
    static std::vector<Step> stepsOf(const runtime::Exchange &exchange);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    runtime::ExchangePtr m_exchange;
    std::vector<Step> m_steps;
};

} // namespace portico::widgets::inspector
