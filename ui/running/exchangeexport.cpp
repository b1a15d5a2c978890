#include "exchangeexport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>

namespace portico::running {

namespace {

// 'text' with any ' written as '\'' : safe in a POSIX shell whatever it holds.
QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

bool isHopByHop(const QByteArray &name)
{
    static const QList<QByteArray> names {"connection", "keep-alive", "transfer-encoding", "content-length", "host"};
    return names.contains(name.toLower());
}

QJsonArray headersOf(const http::HeaderList &headers)
{
    QJsonArray out;
    for (const auto &[name, value] : headers)
        out.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(name)}, {QStringLiteral("value"), QString::fromUtf8(value)}});
    return out;
}

QString mimeTypeOf(const http::HeaderList &headers)
{
    const QByteArray type = http::headerValue(headers, "content-type");
    return type.isEmpty() ? QStringLiteral("application/octet-stream") : QString::fromLatin1(type);
}

// HAR keeps text as text; anything that is not valid UTF-8 goes as base64, as the spec allows.
void putText(QJsonObject &object, const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body) {
        object.insert(QStringLiteral("text"), text);
    } else {
        object.insert(QStringLiteral("text"), QString::fromLatin1(body.toBase64()));
        object.insert(QStringLiteral("encoding"), QStringLiteral("base64"));
    }
}

} // namespace

QString curlCommand(const runtime::Exchange &exchange, const QString &baseUrl)
{
    QStringList parts {QStringLiteral("curl")};
    const QString method = QString::fromLatin1(exchange.request.method);
    if (method != QLatin1String("GET") || !exchange.request.body.isEmpty())
        parts << QStringLiteral("-X") << method;
    parts << shellQuoted(baseUrl + QString::fromUtf8(exchange.request.target));
    for (const auto &[name, value] : exchange.request.headers) {
        if (!isHopByHop(name))
            parts << QStringLiteral("-H") << shellQuoted(QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    }
    if (!exchange.request.body.isEmpty())
        parts << QStringLiteral("--data-binary") << shellQuoted(QString::fromUtf8(exchange.request.body));
    return parts.join(QLatin1Char(' '));
}

QByteArray harLog(const std::vector<runtime::ExchangePtr> &exchanges, const QString &baseUrl)
{
    QJsonArray entries;
    for (const runtime::ExchangePtr &exchange : exchanges) {
        const http::Request &request = exchange->request;
        const http::Response &response = exchange->response;
        QJsonArray query;
        for (const auto &[name, value] : QUrlQuery(QString::fromUtf8(request.query)).queryItems(QUrl::FullyDecoded))
            query.append(QJsonObject {{QStringLiteral("name"), name}, {QStringLiteral("value"), value}});
        QJsonObject harRequest {
            {QStringLiteral("method"), QString::fromLatin1(request.method)},
            {QStringLiteral("url"), QString(baseUrl + QString::fromUtf8(request.target))},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.%1").arg(request.versionMinor)},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersOf(request.headers)},
            {QStringLiteral("queryString"), query},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), qint64(request.body.size())},
        };
        if (!request.body.isEmpty()) {
            QJsonObject postData {{QStringLiteral("mimeType"), mimeTypeOf(request.headers)}};
            putText(postData, request.body);
            harRequest.insert(QStringLiteral("postData"), postData);
        }
        QJsonObject content {{QStringLiteral("size"), qint64(response.body.size())},
                             {QStringLiteral("mimeType"), mimeTypeOf(response.headers)}};
        putText(content, response.body);
        const QJsonObject harResponse {
            {QStringLiteral("status"), response.status},
            {QStringLiteral("statusText"), QString::fromLatin1(http::Response::reasonPhrase(response.status))},
            {QStringLiteral("httpVersion"), QStringLiteral("HTTP/1.1")},
            {QStringLiteral("cookies"), QJsonArray()},
            {QStringLiteral("headers"), headersOf(response.headers)},
            {QStringLiteral("content"), content},
            {QStringLiteral("redirectURL"), QString::fromLatin1(response.header("location"))},
            {QStringLiteral("headersSize"), -1},
            {QStringLiteral("bodySize"), qint64(response.body.size())},
        };
        const double totalMs = double(exchange->latencyUs) / 1000.0;
        const double integrationMs = double(exchange->integrationLatencyUs) / 1000.0;
        entries.append(QJsonObject {
            {QStringLiteral("startedDateTime"), exchange->startedAt.toUTC().toString(Qt::ISODateWithMs)},
            {QStringLiteral("time"), totalMs},
            {QStringLiteral("request"), harRequest},
            {QStringLiteral("response"), harResponse},
            {QStringLiteral("cache"), QJsonObject()},
            // The gateway's own work is "wait" less the integration, which HAR has no name for:
            // it goes in "receive" so that the phases add up to the total.
            {QStringLiteral("timings"), QJsonObject {{QStringLiteral("send"), 0},
                                                     {QStringLiteral("wait"), integrationMs},
                                                     {QStringLiteral("receive"), std::max(0.0, totalMs - integrationMs)}}},
            {QStringLiteral("comment"), QStringLiteral("%1 %2 stage %3, request id %4")
                                            .arg(exchange->integrationType, exchange->resourcePath, exchange->stage, exchange->requestId)},
        });
    }
    const QJsonObject log {{QStringLiteral("log"), QJsonObject {
        {QStringLiteral("version"), QStringLiteral("1.2")},
        {QStringLiteral("creator"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Portico")},
                                                 {QStringLiteral("version"), QStringLiteral(PORTICO_VERSION)}}},
        {QStringLiteral("entries"), entries},
    }}};
    return QJsonDocument(log).toJson(QJsonDocument::Indented);
}

} // namespace portico::running
