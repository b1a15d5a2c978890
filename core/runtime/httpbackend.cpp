#include "httpbackend.h"

#include "http/clientpool.h"

namespace portico::runtime {

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
    http::ClientRequest outgoing;
    outgoing.method = request.method;
    outgoing.url = request.url;
    outgoing.body = request.body;
    outgoing.timeoutMs = request.timeoutMs;
    outgoing.verifyTls = !request.insecureSkipVerification;
    outgoing.headers.reserve(request.headers.size());
    for (const auto &[name, value] : request.headers) {
        if (!isHopByHopHeader(name))
            outgoing.headers.emplace_back(name.toUtf8(), value.toUtf8());
    }
    http::ClientPool::forThisThread().send(std::move(outgoing), [done = std::move(done)](http::ClientResult result) {
        BackendResponse response;
        switch (result.outcome) {
        case http::ClientResult::Outcome::TimedOut:
            response.outcome = BackendResponse::Outcome::TimedOut;
            response.error = QStringLiteral("Execution failed due to a timeout error");
            break;
        case http::ClientResult::Outcome::Failed:
            response.outcome = BackendResponse::Outcome::Failed;
            response.error = result.error;
            break;
        case http::ClientResult::Outcome::Ok:
            response.status = result.response.status;
            response.headers.reserve(result.response.headers.size());
            for (const auto &[name, value] : result.response.headers)
                response.headers.emplace_back(QString::fromLatin1(name), QString::fromUtf8(value));
            response.body = std::move(result.response.body);
            break;
        }
        done(std::move(response));
    });
}

} // namespace portico::runtime
