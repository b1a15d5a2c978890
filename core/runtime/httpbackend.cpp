#include "httpbackend.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace portico::runtime {

namespace {

QNetworkAccessManager &threadManager()
{
    // One per thread: a manager and its replies belong to the thread that made them.
    thread_local std::unique_ptr<QNetworkAccessManager> manager;
    if (!manager) {
        manager = std::make_unique<QNetworkAccessManager>();
        manager->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
        manager->setAutoDeleteReplies(false);
    }
    return *manager;
}

} // namespace

bool isHopByHopHeader(const QString &name)
{
    static const char *const kNames[] = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
                                         "te", "trailer", "transfer-encoding", "upgrade", "content-length", "host"};
    for (const char *n : kNames) {
        if (name.compare(QLatin1String(n), Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

void HttpBackend::send(const BackendRequest &request, Completion done)
{
    QNetworkRequest outgoing(request.url);
    outgoing.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    outgoing.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    outgoing.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    outgoing.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    for (const auto &[name, value] : request.headers) {
        if (!isHopByHopHeader(name))
            outgoing.setRawHeader(name.toUtf8(), value.toUtf8());
    }
    QNetworkAccessManager &manager = threadManager();
    QNetworkReply *reply = manager.sendCustomRequest(outgoing, request.method, request.body);
    if (request.insecureSkipVerification)
        reply->ignoreSslErrors();

    auto timer = new QTimer(reply);
    timer->setSingleShot(true);
    auto timedOut = std::make_shared<bool>(false);
    QObject::connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(request.timeoutMs);

    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, timedOut, done = std::move(done)] {
        BackendResponse response;
        const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
        if (*timedOut) {
            response.outcome = BackendResponse::Outcome::TimedOut;
            response.error = QStringLiteral("Execution failed due to a timeout error");
        } else if (!status.isValid()) {
            response.outcome = BackendResponse::Outcome::Failed;
            response.error = reply->errorString();
        } else {
            response.status = status.toInt();
            for (const auto &[name, value] : reply->rawHeaderPairs())
                response.headers.emplace_back(QString::fromLatin1(name), QString::fromUtf8(value));
            response.body = reply->readAll();
        }
        reply->deleteLater();
        done(std::move(response));
    });
}

} // namespace portico::runtime
