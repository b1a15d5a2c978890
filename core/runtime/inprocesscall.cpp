#include "inprocesscall.h"

#include <QEventLoop>
#include <QTimer>

#include <mutex>

namespace portico::runtime {

void sendInProcess(Gateway &gateway, http::Request request,
                   std::function<void(http::Response)> done,
                   std::optional<NamedStrings> stageVariables)
{
    http::Responder respond = http::Responder::toCallback(std::move(done));
    if (stageVariables)
        gateway.handleWithStageVariables(std::move(request), std::move(respond),
                                         std::move(*stageVariables));
    else
        gateway.handle(std::move(request), std::move(respond));
}

std::optional<http::Response> sendInProcessAndWait(Gateway &gateway, http::Request request,
                                                   std::optional<NamedStrings> stageVariables,
                                                   int timeoutMs)
{
    // Shared with the callback, which may come from another thread after a timeout: the loop is
    // only reached under the mutex while it exists.
    struct Waiting
    {
        std::mutex mutex;
        QEventLoop *loop = nullptr;
        std::optional<http::Response> response;
    };
    auto waiting = std::make_shared<Waiting>();
    QEventLoop loop;
    waiting->loop = &loop;
    sendInProcess(
        gateway, std::move(request),
        [waiting](http::Response response) {
            std::lock_guard lock(waiting->mutex);
            waiting->response = std::move(response);
            if (waiting->loop)
                QMetaObject::invokeMethod(waiting->loop, &QEventLoop::quit, Qt::QueuedConnection);
        },
        std::move(stageVariables));

    std::unique_lock lock(waiting->mutex);
    if (!waiting->response) {
        lock.unlock();
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        lock.lock();
    }
    waiting->loop = nullptr;
    return std::move(waiting->response);
}

} // namespace portico::runtime
