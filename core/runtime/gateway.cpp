#include "gateway.h"

#include "methodexecution.h"

#include "base/json.h"

#include <QUrl>

namespace portico::runtime {

namespace {

// Splits "/a/b/c" after `count` segments: ({"a","b"}, "/c").
std::pair<QList<QByteArray>, QByteArray> takeSegments(const QByteArray &path, int count)
{
    QList<QByteArray> taken;
    qsizetype pos = 0;
    while (taken.size() < count) {
        while (pos < path.size() && path[pos] == '/')
            ++pos;
        if (pos >= path.size())
            break;
        qsizetype end = path.indexOf('/', pos);
        if (end < 0)
            end = path.size();
        taken.append(path.mid(pos, end - pos));
        pos = end;
    }
    QByteArray rest = path.mid(pos);
    if (rest.isEmpty())
        rest = "/";
    return {taken, rest};
}

http::Response jsonMessage(int status, const QByteArray &message, const QByteArray &errorType)
{
    http::Response response;
    response.status = status;
    response.setHeader("Content-Type", "application/json");
    if (!errorType.isEmpty())
        response.setHeader("x-amzn-ErrorType", errorType);
    response.body = "{\"message\":" + base::jsonQuoted(QString::fromUtf8(message)).toUtf8() + "}";
    return response;
}

} // namespace

InvokeTarget resolveInvokeTarget(const QByteArray &host, const QByteArray &path)
{
    InvokeTarget target;
    static const QByteArray localstackHost = ".execute-api.localhost.localstack.cloud";
    const QByteArray hostName = host.left(host.indexOf(':') < 0 ? host.size() : host.indexOf(':')).toLower();
    if (hostName.endsWith(localstackHost)) {
        target.apiId = QString::fromLatin1(hostName.left(hostName.size() - localstackHost.size()));
        auto [segments, rest] = takeSegments(path, 1);
        target.stage = segments.isEmpty() ? QString() : QString::fromUtf8(segments[0]);
        target.path = rest;
        return target;
    }
    if (path.startsWith("/_aws/execute-api/")) {
        auto [segments, rest] = takeSegments(path, 4);
        if (segments.size() >= 4) {
            target.apiId = QString::fromUtf8(segments[2]);
            target.stage = QString::fromUtf8(segments[3]);
            target.path = rest;
            return target;
        }
    }
    if (path.startsWith("/restapis/")) {
        auto [segments, rest] = takeSegments(path, 4);
        if (segments.size() >= 4 && segments[3] == "_user_request_") {
            target.apiId = QString::fromUtf8(segments[1]);
            target.stage = QString::fromUtf8(segments[2]);
            target.path = rest;
            return target;
        }
    }
    auto [segments, rest] = takeSegments(path, 1);
    target.stage = segments.isEmpty() ? QString() : QString::fromUtf8(segments[0]);
    target.path = rest;
    return target;
}

Gateway::Gateway(QString apiId) : m_served(std::make_shared<Served>())
{
    std::const_pointer_cast<Served>(m_served)->apiId = std::move(apiId);
}

void Gateway::setStages(std::vector<ServedStage> stages)
{
    auto next = std::make_shared<Served>();
    for (ServedStage &stage : stages) {
        const QString name = stage.name;
        next->stages.emplace(name, std::make_shared<const ServedStage>(std::move(stage)));
    }
    std::lock_guard lock(m_mutex);
    next->apiId = m_served->apiId;
    m_served = std::move(next);
}

void Gateway::setApiId(QString apiId)
{
    std::lock_guard lock(m_mutex);
    auto next = std::make_shared<Served>(*m_served);
    next->apiId = std::move(apiId);
    m_served = std::move(next);
}

std::shared_ptr<const Gateway::Served> Gateway::served() const
{
    std::lock_guard lock(m_mutex);
    return m_served;
}

QString Gateway::apiId() const
{
    return served()->apiId;
}

std::vector<QString> Gateway::stageNames() const
{
    std::vector<QString> names;
    for (const auto &entry : served()->stages)
        names.push_back(entry.first);
    return names;
}

void Gateway::handle(http::Request request, http::Responder respond)
{
    dispatch(std::move(request), std::move(respond), std::nullopt);
}

void Gateway::handleWithStageVariables(http::Request request, http::Responder respond, NamedStrings stageVariables)
{
    dispatch(std::move(request), std::move(respond), std::move(stageVariables));
}

void Gateway::dispatch(http::Request request, http::Responder respond, std::optional<NamedStrings> stageVariables)
{
    const InvokeTarget target = resolveInvokeTarget(request.header("Host"), request.path);
    const std::shared_ptr<const Served> served = this->served();
    if (!target.apiId.isEmpty() && target.apiId.compare(served->apiId, Qt::CaseInsensitive) != 0) {
        // LocalStack's answer for an API id it does not serve.
        respond.send(jsonMessage(404, "The API id '" + target.apiId.toUtf8() + "' does not correspond to a deployed API Gateway API",
                                 "NotFoundException"));
        return;
    }
    auto it = served->stages.find(QUrl::fromPercentEncoding(target.stage.toUtf8()));
    if (it == served->stages.end()) {
        // API Gateway answers a stage that does not exist with a plain 403.
        respond.send(jsonMessage(403, "Forbidden", "ForbiddenException"));
        return;
    }
    std::shared_ptr<const ServedStage> stage = it->second;
    if (stageVariables) {
        auto withVariables = std::make_shared<ServedStage>(*stage);
        withVariables->variables = std::move(*stageVariables);
        stage = std::move(withVariables);
    }
    auto execution = std::make_shared<MethodExecution>(std::move(stage), std::move(request), QString::fromUtf8(target.path),
                                                       std::move(respond), m_traces, served->apiId);
    execution->run();
}

} // namespace portico::runtime
