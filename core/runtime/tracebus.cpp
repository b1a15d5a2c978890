#include "tracebus.h"

namespace portico::runtime {

std::vector<ExchangePtr> TraceSubscription::take()
{
    std::lock_guard lock(m_mutex);
    std::vector<ExchangePtr> out(std::make_move_iterator(m_queue.begin()), std::make_move_iterator(m_queue.end()));
    m_queue.clear();
    return out;
}

void TraceSubscription::push(ExchangePtr exchange)
{
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_mutex);
        wasEmpty = m_queue.empty();
        if (m_queue.size() >= m_capacity) {
            m_queue.pop_front();
            m_dropped.fetch_add(1);
        }
        m_queue.push_back(std::move(exchange));
    }
    if (wasEmpty)
        Q_EMIT available();
}

std::shared_ptr<TraceSubscription> TraceBus::subscribe(size_t capacity)
{
    auto subscription = std::make_shared<TraceSubscription>(capacity);
    std::lock_guard lock(m_mutex);
    m_subscriptions.push_back(subscription);
    m_count.store(int(m_subscriptions.size()));
    return subscription;
}

void TraceBus::unsubscribe(const std::shared_ptr<TraceSubscription> &subscription)
{
    std::lock_guard lock(m_mutex);
    std::erase(m_subscriptions, subscription);
    m_count.store(int(m_subscriptions.size()));
}

void TraceBus::publish(const ExchangePtr &exchange)
{
    if (!hasSubscribers())
        return;
    std::vector<std::shared_ptr<TraceSubscription>> targets;
    {
        std::lock_guard lock(m_mutex);
        targets = m_subscriptions;
    }
    for (const auto &subscription : targets)
        subscription->push(exchange);
}

} // namespace portico::runtime
