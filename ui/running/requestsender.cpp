#include "requestsender.h"

#include "runtimecontroller.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTimer>
#include <QUrl>

namespace portico::running {

namespace {

// How long the response waits for its trace. Traces come in batches every 50 ms; a trace later
// than this means the runtime is swamped, and the response is shown without its steps.
constexpr int kTraceWaitMs = 1000;
// Traces kept while waiting, in case the one awaited is among them.
constexpr size_t kRecentLimit = 256;

QString requestIdOf(const http::Response &response)
{
    return QString::fromLatin1(response.header("x-amzn-RequestId"));
}

} // namespace

RequestSender::RequestSender(RuntimeController *runtime, QObject *parent)
    : QObject(parent)
    , m_runtime(runtime)
    , m_traceWait(new QTimer(this))
{
    m_traceWait->setSingleShot(true);
    m_traceWait->setInterval(kTraceWaitMs);
    connect(m_traceWait, &QTimer::timeout, this, &RequestSender::finishNow);
    connect(m_runtime, &RuntimeController::exchangesArrived, this, &RequestSender::exchangesArrived);
}

RequestSender::~RequestSender()
{
    if (m_reply)
        m_reply->abort();
}

void RequestSender::send(const http::Request &request, bool overHttp,
                         const std::optional<runtime::NamedStrings> &stageVariables)
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
    const quint64 ticket = ++m_ticket;
    m_traceWait->stop();
    m_recent.clear();
    m_responded = false;
    m_pending.emplace();
    m_pending->request = request;
    m_pending->overHttp = overHttp;
    m_clock.start();

    if (!m_runtime->isRunning()) {
        failed(tr("The runtime is not running."), ticket);
        return;
    }
    if (!overHttp) {
        QPointer<RequestSender> self(this);
        const base::Status started = m_runtime->invoke(request, stageVariables, [self, ticket](http::Response response) {
            if (self)
                self->responded(std::move(response), ticket);
        });
        if (!started.ok())
            failed(started.error().message, ticket);
        return;
    }

    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    QNetworkRequest out(QUrl(m_runtime->baseUrl() + QString::fromUtf8(request.target)));
    for (const auto &[name, value] : request.headers) {
        const QByteArray lower = name.toLower();
        if (lower != "host" && lower != "content-length" && lower != "connection")
            out.setRawHeader(name, value);
    }
    // What the composer shows is what the runtime sent: no cache, no redirects followed.
    out.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    out.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = m_network->sendCustomRequest(out, request.method, request.body);
    m_reply = reply;
    connect(reply, &QNetworkReply::finished, this, [this, reply, ticket] {
        reply->deleteLater();
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (!status.isValid()) {
            failed(reply->errorString(), ticket);
            return;
        }
        http::Response response;
        response.status = status.toInt();
        for (const QNetworkReply::RawHeaderPair &header : reply->rawHeaderPairs())
            response.headers.emplace_back(header.first, header.second);
        response.body = reply->readAll();
        responded(std::move(response), ticket);
    });
}

void RequestSender::responded(http::Response response, quint64 ticket)
{
    if (ticket != m_ticket || !m_pending)
        return;
    m_pending->elapsedUs = m_clock.nsecsElapsed() / 1000;
    m_pending->response = std::move(response);
    m_responded = true;
    if (const auto it = m_recent.find(requestIdOf(m_pending->response)); it != m_recent.end())
        m_pending->exchange = it->second;
    finishIfComplete();
}

void RequestSender::failed(const QString &error, quint64 ticket)
{
    if (ticket != m_ticket || !m_pending)
        return;
    m_pending->elapsedUs = m_clock.nsecsElapsed() / 1000;
    m_pending->error = error.isEmpty() ? tr("No response") : error;
    // Nothing to wait for: there is no trace of a request that never reached the gateway.
    finishNow();
}

void RequestSender::exchangesArrived(const std::vector<runtime::ExchangePtr> &exchanges)
{
    if (!m_pending)
        return;
    for (const runtime::ExchangePtr &exchange : exchanges) {
        if (m_responded && exchange->requestId == requestIdOf(m_pending->response)) {
            m_pending->exchange = exchange;
            finishIfComplete();
            return;
        }
        if (!m_responded && m_recent.size() < kRecentLimit)
            m_recent.emplace(exchange->requestId, exchange);
    }
}

void RequestSender::finishIfComplete()
{
    if (!m_pending || !m_responded)
        return;
    // A response without a request id did not come from the gateway's pipeline (an unknown
    // stage still has one): nothing to wait for.
    if (m_pending->exchange || requestIdOf(m_pending->response).isEmpty()) {
        finishNow();
        return;
    }
    if (!m_traceWait->isActive())
        m_traceWait->start();
}

void RequestSender::finishNow()
{
    m_traceWait->stop();
    if (!m_pending)
        return;
    SentRequest sent = std::move(*m_pending);
    m_pending.reset();
    m_recent.clear();
    Q_EMIT finished(sent);
}

} // namespace portico::running
