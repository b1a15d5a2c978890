// Hands finished exchanges to whoever watches (the GUI's inspector, `serve --log`) without ever
// making a request wait for them: each subscriber has a bounded queue; when it is full the oldest
// exchange is dropped and counted. Publishing costs a lock and a shared pointer copy per subscriber.
#pragma once

#include "exchange.h"

#include <QObject>

#include <atomic>
#include <deque>
#include <memory>
#include <mutex>
#include <vector>

namespace portico::runtime {

using ExchangePtr = std::shared_ptr<const Exchange>;

class TraceSubscription : public QObject
{
    Q_OBJECT
public:
    explicit TraceSubscription(size_t capacity) : m_capacity(capacity) {}

    // Everything queued since the last call, oldest first.
    std::vector<ExchangePtr> take();
    // Exchanges dropped because the queue was full, since the subscription began.
    quint64 dropped() const { return m_dropped.load(); }

    void push(ExchangePtr exchange);

Q_SIGNALS:
    // Emitted (from the publishing thread) when the queue goes from empty to non-empty: connect it
    // queued and call take().
    void available();

private:
    const size_t m_capacity;
    std::mutex m_mutex;
    std::deque<ExchangePtr> m_queue;
    std::atomic<quint64> m_dropped{0};
};

class TraceBus
{
public:
    std::shared_ptr<TraceSubscription> subscribe(size_t capacity = 10000);
    void unsubscribe(const std::shared_ptr<TraceSubscription> &subscription);

    // True when someone listens: the pipeline then records the detailed execution log.
    bool hasSubscribers() const { return m_count.load(std::memory_order_relaxed) > 0; }
    void publish(const ExchangePtr &exchange);

private:
    mutable std::mutex m_mutex;
    std::vector<std::shared_ptr<TraceSubscription>> m_subscriptions;
    std::atomic_int m_count{0};
};

} // namespace portico::runtime
