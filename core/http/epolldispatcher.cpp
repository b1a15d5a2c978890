#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <vector>

namespace portico::http {

namespace {

constexpr int kMaxEventsPerWait = 256;

} // namespace

EpollEventDispatcher::EpollEventDispatcher(QObject *parent) : QAbstractEventDispatcher(parent)
{
    m_epoll = ::epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wakeFd >= 0) {
        epoll_event event = {};
        event.events = EPOLLIN;
        event.data.fd = m_wakeFd;
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &event);
    }
}

EpollEventDispatcher::~EpollEventDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollEventDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    Q_EMIT awake();
    // Posted events first (queued calls, deleteLater), as Qt's dispatchers do.
    QCoreApplication::sendPostedEvents();
    if (m_interrupted.load())
        return false;

    const bool mayWait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    const int timeoutMs = mayWait ? waitTimeoutMs() : 0;
    if (timeoutMs != 0)
        Q_EMIT aboutToBlock();
    epoll_event events[kMaxEventsPerWait];
    int ready = ::epoll_wait(m_epoll, events, kMaxEventsPerWait, timeoutMs);
    if (ready < 0)
        ready = 0; // EINTR: go round again
    Q_EMIT awake();

    bool handled = false;
    for (int i = 0; i < ready; ++i) {
        if (events[i].data.fd == m_wakeFd) {
            eventfd_t count = 0;
            ::eventfd_read(m_wakeFd, &count);
            // Cleared before the posted events run: a post from now on wakes the next wait.
            m_wakeUpPending.store(false);
            handled = true;
        }
    }
    if (!flags.testFlag(QEventLoop::ExcludeSocketNotifiers)) {
        for (int i = 0; i < ready && !m_interrupted.load(); ++i) {
            if (events[i].data.fd != m_wakeFd) {
                activate(events[i].data.fd, events[i].events);
                handled = true;
            }
        }
    }
    if (!m_interrupted.load() && fireTimers())
        handled = true;
    return handled;
}

void EpollEventDispatcher::activate(int fd, uint32_t events)
{
    // Looked up again for each kind: a notifier's slot may disable or delete another notifier
    // of the same descriptor (or close it) before the next one would run.
    const auto send = [this, fd](QSocketNotifier *Watched::*which) {
        const auto it = m_watched.find(fd);
        if (it == m_watched.end() || !(it->second.*which))
            return;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(it->second.*which, &event);
    };
    if (events & (EPOLLIN | EPOLLHUP | EPOLLERR))
        send(&Watched::read);
    if (events & (EPOLLOUT | EPOLLERR))
        send(&Watched::write);
    if (events & EPOLLPRI)
        send(&Watched::exception);
}

void EpollEventDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    Watched &watched = m_watched[fd];
    switch (notifier->type()) {
    case QSocketNotifier::Read:
        watched.read = notifier;
        break;
    case QSocketNotifier::Write:
        watched.write = notifier;
        break;
    case QSocketNotifier::Exception:
        watched.exception = notifier;
        break;
    }
    updateInterest(fd);
}

void EpollEventDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    const auto it = m_watched.find(fd);
    if (it == m_watched.end())
        return;
    for (QSocketNotifier **slot : {&it->second.read, &it->second.write, &it->second.exception}) {
        if (*slot == notifier)
            *slot = nullptr;
    }
    updateInterest(fd);
}

void EpollEventDispatcher::updateInterest(int fd)
{
    const auto it = m_watched.find(fd);
    uint32_t wanted = 0;
    if (it != m_watched.end()) {
        if (it->second.read)
            wanted |= EPOLLIN;
        if (it->second.write)
            wanted |= EPOLLOUT;
        if (it->second.exception)
            wanted |= EPOLLPRI;
    }
    if (wanted == 0) {
        if (it != m_watched.end())
            m_watched.erase(it);
        // Fails harmlessly when the descriptor is already closed (epoll forgot it then).
        ::epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr);
        return;
    }
    epoll_event event = {};
    event.events = wanted;
    event.data.fd = fd;
    // A descriptor number can be closed and reused without its notifiers saying so first: MOD
    // and ADD each fall back to the other.
    if (::epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event) != 0 && errno == ENOENT)
        ::epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
}

void EpollEventDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer timer;
    timer.intervalMs = std::max<qint64>(0, interval);
    timer.type = timerType;
    timer.object = object;
    timer.deadline = Clock::now() + std::chrono::milliseconds(timer.intervalMs);
    m_timers[timerId] = timer;
}

bool EpollEventDispatcher::unregisterTimer(int timerId)
{
    return m_timers.erase(timerId) > 0;
}

bool EpollEventDispatcher::unregisterTimers(QObject *object)
{
    return std::erase_if(m_timers, [object](const auto &entry) { return entry.second.object == object; }) > 0;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollEventDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> timers;
    for (const auto &[id, timer] : m_timers) {
        if (timer.object == object)
            timers.append(TimerInfo(id, int(timer.intervalMs), timer.type));
    }
    return timers;
}

int EpollEventDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(it->second.deadline - Clock::now()).count();
    return int(std::max<qint64>(0, left));
}

int EpollEventDispatcher::waitTimeoutMs() const
{
    if (m_timers.empty())
        return -1;
    Clock::time_point next = Clock::time_point::max();
    for (const auto &[id, timer] : m_timers) {
        if (!timer.firing)
            next = std::min(next, timer.deadline);
    }
    if (next == Clock::time_point::max())
        return -1;
    const auto now = Clock::now();
    if (next <= now)
        return 0;
    // Rounded up: waking a little early would only mean waiting again.
    const auto us = std::chrono::duration_cast<std::chrono::microseconds>(next - now).count();
    return int(std::min<qint64>((us + 999) / 1000, 24 * 3600 * 1000));
}

bool EpollEventDispatcher::fireTimers()
{
    if (m_timers.empty())
        return false;
    const auto now = Clock::now();
    std::vector<int> due;
    for (const auto &[id, timer] : m_timers) {
        if (!timer.firing && timer.deadline <= now)
            due.push_back(id);
    }
    for (int id : due) {
        auto it = m_timers.find(id);
        // A timer stopped by an earlier one's handler does not fire.
        if (it == m_timers.end() || it->second.firing)
            continue;
        Timer &timer = it->second;
        // Keeps its cadence, without firing a burst to catch up after a stall.
        timer.deadline += std::chrono::milliseconds(timer.intervalMs);
        if (timer.deadline < now)
            timer.deadline = now + std::chrono::milliseconds(timer.intervalMs);
        timer.firing = true;
        QObject *object = timer.object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        // The handler may have stopped (or restarted: a new entry, not firing) the timer.
        it = m_timers.find(id);
        if (it != m_timers.end() && it->second.object == object)
            it->second.firing = false;
    }
    return !due.empty();
}

void EpollEventDispatcher::wakeUp()
{
    // One write until the loop has woken: a thousand posts cost one system call.
    if (m_wakeUpPending.exchange(true))
        return;
    ::eventfd_write(m_wakeFd, 1);
}

void EpollEventDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

} // namespace portico::http
