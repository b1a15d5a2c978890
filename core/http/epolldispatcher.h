// An event dispatcher for the server's worker threads built on Linux epoll. Qt's own UNIX
// dispatcher calls poll() over every socket notifier of the thread on each wake-up and rebuilds
// the descriptor list each time, so its cost grows with the number of open connections; epoll
// reports only the sockets that are ready. On the virtual machines people develop on, that scan
// was a fifth of the server's time at 32 connections.
//
// It does what the server's threads need of a dispatcher, and what Qt's does: posted events
// (and deleteLater), socket notifiers (read, write, exception), timers (QTimer, startTimer; all
// kept precisely), wakeUp and interrupt. It is Linux-only, like the server.
#pragma once

#include <QAbstractEventDispatcher>

#include <atomic>
#include <chrono>
#include <unordered_map>

namespace portico::http {

class EpollEventDispatcher : public QAbstractEventDispatcher
{
public:
    explicit EpollEventDispatcher(QObject *parent = nullptr);
    ~EpollEventDispatcher() override;

    // False when the kernel refused an epoll or eventfd descriptor: use Qt's dispatcher then.
    bool isValid() const { return m_epoll >= 0 && m_wakeFd >= 0; }

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    using Clock = std::chrono::steady_clock;

    struct Watched
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
        QSocketNotifier *exception = nullptr;
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        Clock::time_point deadline;
        bool firing = false;
    };

    // Tells epoll which events the notifiers of `fd` want (or forgets the descriptor).
    void updateInterest(int fd);
    // Milliseconds epoll may sleep: until the next timer, or -1 without timers.
    int waitTimeoutMs() const;
    // Sends QTimerEvent to every timer that is due; true when one fired.
    bool fireTimers();
    void activate(int fd, uint32_t events);

    int m_epoll = -1;
    int m_wakeFd = -1;
    std::atomic_bool m_wakeUpPending{false};
    std::atomic_bool m_interrupted{false};
    std::unordered_map<int, Watched> m_watched;
    std::unordered_map<int, Timer> m_timers;
};

} // namespace portico::http
