#include "methodrequest.h"

#include <QUrl>

namespace portico::runtime {

namespace {

std::optional<QString> lastValue(const NamedStrings &values, const QString &name, Qt::CaseSensitivity cs)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (it->first.compare(name, cs) == 0)
            return it->second;
    }
    return std::nullopt;
}

QStringList allValues(const NamedStrings &values, const QString &name, Qt::CaseSensitivity cs)
{
    QStringList out;
    for (const auto &[key, value] : values) {
        if (key.compare(name, cs) == 0)
            out.append(value);
    }
    return out;
}

QString decodeComponent(QByteArray part)
{
    part.replace('+', ' ');
    return QUrl::fromPercentEncoding(part);
}

} // namespace

std::optional<QString> MethodRequest::queryValue(const QString &name) const
{
    return lastValue(query, name, Qt::CaseSensitive);
}

std::optional<QString> MethodRequest::headerValue(const QString &name) const
{
    return lastValue(headers, name, Qt::CaseInsensitive);
}

std::optional<QString> MethodRequest::pathValue(const QString &name) const
{
    return lastValue(pathParameters, name, Qt::CaseSensitive);
}

QStringList MethodRequest::queryValues(const QString &name) const
{
    return allValues(query, name, Qt::CaseSensitive);
}

QStringList MethodRequest::headerValues(const QString &name) const
{
    return allValues(headers, name, Qt::CaseInsensitive);
}

NamedStrings parseQueryString(const QByteArray &query)
{
    NamedStrings out;
    if (query.isEmpty())
        return out;
    for (const QByteArray &pair : query.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        if (eq < 0)
            out.emplace_back(decodeComponent(pair), QString());
        else
            out.emplace_back(decodeComponent(pair.left(eq)), decodeComponent(pair.mid(eq + 1)));
    }
    return out;
}

MethodRequest MethodRequest::fromHttp(const http::Request &request, const QString &pathAfterStage)
{
    MethodRequest out;
    out.httpMethod = QString::fromLatin1(request.method);
    out.path = pathAfterStage;
    out.query = parseQueryString(request.query);
    out.headers.reserve(request.headers.size());
    for (const auto &[name, value] : request.headers)
        out.headers.emplace_back(QString::fromLatin1(name), QString::fromUtf8(value));
    out.body = request.body;
    out.sourceIp = QString::fromLatin1(request.peerAddress);
    if (out.sourceIp.startsWith(QLatin1String("::ffff:")))
        out.sourceIp = out.sourceIp.mid(7);
    return out;
}

} // namespace portico::runtime
