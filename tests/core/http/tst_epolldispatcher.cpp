// The server threads' epoll event dispatcher does what Qt's does for everything a thread of
// objects relies on: queued calls, deleteLater, single-shot and repeating timers (and stopping
// one from its own handler), socket notifiers on a real socket pair, and quit from another thread.
#include "http/epolldispatcher.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QSocketNotifier>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <sys/socket.h>
#include <unistd.h>

#include <atomic>

using portico::http::EpollEventDispatcher;

namespace {

// A thread running the epoll dispatcher, with one object living in it.
struct EpollThread
{
    QThread thread;
    QObject *context = nullptr;

    EpollThread()
    {
        auto *dispatcher = new EpollEventDispatcher;
        if (!dispatcher->isValid())
            qFatal("epoll is unavailable");
        thread.setEventDispatcher(dispatcher);
        thread.start();
        context = new QObject;
        context->moveToThread(&thread);
    }
    ~EpollThread()
    {
        QMetaObject::invokeMethod(context, [this] { delete context; }, Qt::BlockingQueuedConnection);
        thread.quit();
        thread.wait();
    }
    template<typename F>
    void run(F f)
    {
        QMetaObject::invokeMethod(context, std::move(f), Qt::BlockingQueuedConnection);
    }
};

} // namespace

class TestEpollDispatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queuedCallsRunInOrder()
    {
        EpollThread t;
        std::atomic_int last{0};
        std::atomic_bool ordered{true};
        for (int i = 1; i <= 1000; ++i) {
            QMetaObject::invokeMethod(t.context, [&, i] {
                if (last.load() != i - 1)
                    ordered = false;
                last = i;
            }, Qt::QueuedConnection);
        }
        QTRY_COMPARE(last.load(), 1000);
        QVERIFY(ordered.load());
    }

    void deleteLaterDeletes()
    {
        EpollThread t;
        QPointer<QObject> doomed;
        t.run([&] {
            doomed = new QObject;
            doomed->deleteLater();
        });
        QTRY_VERIFY(doomed.isNull());
    }

    void singleShotAndRepeatingTimersFire()
    {
        EpollThread t;
        std::atomic_int ticks{0};
        std::atomic<qint64> singleShotAfterMs{-1};
        QTimer *repeating = nullptr;
        t.run([&] {
            auto *clock = new QElapsedTimer;
            clock->start();
            QTimer::singleShot(120, t.context, [&, clock] {
                singleShotAfterMs = clock->elapsed();
                delete clock;
            });
            repeating = new QTimer(t.context);
            repeating->setInterval(10);
            QObject::connect(repeating, &QTimer::timeout, t.context, [&] {
                // Stopping a timer from its own handler.
                if (++ticks == 5)
                    repeating->stop();
            });
            repeating->start();
        });
        QTRY_VERIFY(singleShotAfterMs.load() >= 0);
        QVERIFY2(singleShotAfterMs.load() >= 115 && singleShotAfterMs.load() < 1000,
                 qPrintable(QString::number(singleShotAfterMs.load())));
        QTRY_COMPARE(ticks.load(), 5);
        QTest::qWait(100);
        QCOMPARE(ticks.load(), 5);
        int remaining = 0;
        t.run([&] {
            repeating->start(60000);
            remaining = repeating->remainingTime();
        });
        QVERIFY(remaining > 59000 && remaining <= 60000);
    }

    void zeroTimerRunsSoon()
    {
        EpollThread t;
        std::atomic_bool ran{false};
        t.run([&] { QTimer::singleShot(0, t.context, [&] { ran = true; }); });
        QTRY_VERIFY(ran.load());
    }

    void socketNotifiersSeeReadsAndWrites()
    {
        int pair[2];
        QCOMPARE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK, 0, pair), 0);
        EpollThread t;
        std::atomic_int bytesRead{0};
        std::atomic_int writable{0};
        QSocketNotifier *reader = nullptr;
        t.run([&] {
            reader = new QSocketNotifier(pair[0], QSocketNotifier::Read, t.context);
            QObject::connect(reader, &QSocketNotifier::activated, t.context, [&] {
                char buffer[64];
                const ssize_t n = ::read(pair[0], buffer, sizeof(buffer));
                if (n > 0)
                    bytesRead += int(n);
            });
            auto *writer = new QSocketNotifier(pair[0], QSocketNotifier::Write, t.context);
            QObject::connect(writer, &QSocketNotifier::activated, t.context, [&, writer] {
                ++writable;
                // Disabled at once, or a writable socket would fire forever.
                writer->setEnabled(false);
            });
        });
        QTRY_COMPARE(writable.load(), 1);
        QCOMPARE(::write(pair[1], "hello", 5), 5);
        QTRY_COMPARE(bytesRead.load(), 5);
        // A disabled notifier stays quiet; enabled again, it reports again.
        t.run([&] { reader->setEnabled(false); });
        QCOMPARE(::write(pair[1], "more", 4), 4);
        QTest::qWait(50);
        QCOMPARE(bytesRead.load(), 5);
        t.run([&] { reader->setEnabled(true); });
        QTRY_COMPARE(bytesRead.load(), 9);
        t.run([&] { delete reader; });
        ::close(pair[1]);
        ::close(pair[0]);
    }

    void quitFromAnotherThreadStopsTheLoop()
    {
        auto *dispatcher = new EpollEventDispatcher;
        QThread thread;
        thread.setEventDispatcher(dispatcher);
        thread.start();
        QTest::qWait(20);
        QElapsedTimer clock;
        clock.start();
        thread.quit();
        QVERIFY(thread.wait(2000));
        QVERIFY(clock.elapsed() < 1000);
    }
};

QTEST_GUILESS_MAIN(TestEpollDispatcher)
#include "tst_epolldispatcher.moc"
