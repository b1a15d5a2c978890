#include "savedrequestbuilder.h"

#include <QUrl>

namespace portico::runtime {

namespace {

const QLatin1String kHeaderSource("method.request.header.");
const QLatin1String kQuerySource("method.request.querystring.");

QString where(const model::SavedRequest &saved)
{
    return QStringLiteral("%1 %2 request \"%3\"")
        .arg(saved.resourcePath, saved.httpMethod, saved.name);
}

// "/pets/{petId}" with petId=a b -> "/pets/a%20b"; a greedy "{proxy+}" keeps its slashes.
base::Result<QByteArray> encodedPath(const model::SavedRequest &saved)
{
    QByteArray out;
    for (const QString &segment : saved.resourcePath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        out += '/';
        if (!segment.startsWith(QLatin1Char('{')) || !segment.endsWith(QLatin1Char('}'))) {
            out += QUrl::toPercentEncoding(segment);
            continue;
        }
        const bool greedy = segment.endsWith(QLatin1String("+}"));
        const QString name = segment.mid(1, segment.size() - (greedy ? 3 : 2));
        const auto value = saved.pathParameters.find(name);
        if (value == saved.pathParameters.end() || value->second.isEmpty())
            return base::Diagnostic::error(
                where(saved), QStringLiteral("path parameter %1 has no value").arg(name));
        out += QUrl::toPercentEncoding(value->second, greedy ? QByteArray("/") : QByteArray());
    }
    return out.isEmpty() ? QByteArray("/") : out;
}

QByteArray encodedQuery(const model::NameValueList &query)
{
    QByteArray out;
    for (const auto &[name, value] : query) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

const model::RestApi &servedApi(const model::Project &project, const QString &stage)
{
    if (const model::Stage *deployed = project.findStage(stage)) {
        if (const model::Deployment *deployment = project.findDeployment(deployed->deploymentId))
            return deployment->snapshot;
    }
    return project.api;
}

void setHeader(http::HeaderList &headers, const QByteArray &name, const QByteArray &value)
{
    std::erase_if(headers, [&](const auto &header) {
        return header.first.compare(name, Qt::CaseInsensitive) == 0;
    });
    headers.emplace_back(name, value);
}

} // namespace

TokenPlacement tokenPlacement(const model::SavedRequest &saved, const model::RestApi &api)
{
    const model::Resource *resource = api.findResourceByPath(saved.resourcePath);
    if (!resource)
        return {};
    const auto method = resource->methods.find(saved.httpMethod);
    if (method == resource->methods.end() || method->second.authorizerId.isEmpty())
        return {};
    const model::Authorizer *authorizer = api.findAuthorizer(method->second.authorizerId);
    if (!authorizer)
        return {};
    TokenPlacement placement;
    placement.authorizerName = authorizer->name;
    for (const QString &part :
         authorizer->identitySource.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString source = part.trimmed();
        if (source.startsWith(kHeaderSource)) {
            placement.name = source.mid(kHeaderSource.size());
            return placement;
        }
        if (source.startsWith(kQuerySource)) {
            placement.inQuery = true;
            placement.name = source.mid(kQuerySource.size());
            return placement;
        }
    }
    return placement;
}

base::Result<http::Request> buildRequest(const model::SavedRequest &saved,
                                         const model::Project &project, const QString &stage)
{
    base::Result<QByteArray> path = encodedPath(saved);
    if (!path.ok())
        return path.errors();
    http::Request request;
    request.method = saved.verb().toUtf8();
    request.path = '/' + QUrl::toPercentEncoding(stage) + path.value();
    request.peerAddress = "127.0.0.1";
    request.body = saved.body.toUtf8();

    model::NameValueList query = saved.query;
    for (const auto &[name, value] : saved.headers)
        request.headers.emplace_back(name.toUtf8(), value.toUtf8());
    if (!http::hasHeader(request.headers, "Host"))
        request.headers.emplace_back("Host", "localhost");
    if (!saved.apiKeyId.isEmpty()) {
        const model::ApiKey *key = project.findApiKey(saved.apiKeyId);
        if (!key)
            return base::Diagnostic::error(
                where(saved), QStringLiteral("API key %1 does not exist").arg(saved.apiKeyId));
        setHeader(request.headers, "x-api-key", key->value.toUtf8());
    }
    if (!saved.authorizationToken.isEmpty()) {
        const TokenPlacement source = tokenPlacement(saved, servedApi(project, stage));
        if (source.inQuery) {
            std::erase_if(query,
                          [&](const auto &parameter) { return parameter.first == source.name; });
            query.emplace_back(source.name, saved.authorizationToken);
        } else {
            setHeader(request.headers, source.name.toUtf8(), saved.authorizationToken.toUtf8());
        }
    }
    std::erase_if(request.headers, [](const auto &header) {
        return header.first.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0;
    });
    const bool sendsBody = !request.body.isEmpty() || request.method == "POST"
        || request.method == "PUT" || request.method == "PATCH";
    if (sendsBody)
        setHeader(request.headers, "Content-Length", QByteArray::number(request.body.size()));
    else
        std::erase_if(request.headers, [](const auto &header) {
            return header.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
        });

    request.query = encodedQuery(query);
    request.target = request.query.isEmpty() ? request.path : request.path + '?' + request.query;
    return request;
}

} // namespace portico::runtime
