#include "capturedsample.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

namespace portico::running {

namespace {

QString jsonObject(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

std::map<QString, QString> pathParameters(const QString &resourcePath, const QString &path)
{
    std::map<QString, QString> parameters;
    const QStringList templateParts = resourcePath.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < templateParts.size() && i < parts.size(); ++i) {
        const QString &part = templateParts[i];
        if (!part.startsWith(QLatin1Char('{')) || !part.endsWith(QLatin1Char('}')))
            continue;
        QString name = part.mid(1, part.size() - 2);
        if (name.endsWith(QLatin1Char('+'))) {
            name.chop(1);
            parameters[name] = QUrl::fromPercentEncoding(parts.mid(i).join(QLatin1Char('/')).toUtf8());
            break;
        }
        parameters[name] = QUrl::fromPercentEncoding(parts[i].toUtf8());
    }
    return parameters;
}

CapturedSample capturedSample(const runtime::Exchange &exchange, const std::map<QString, QString> &stageVariables)
{
    CapturedSample sample;
    sample.body = QString::fromUtf8(exchange.request.body);
    QJsonObject path;
    for (const auto &[name, value] : pathParameters(exchange.resourcePath, exchange.path))
        path.insert(name, value);
    sample.path = jsonObject(path);
    QJsonObject query;
    for (const auto &[name, value] : QUrlQuery(QString::fromUtf8(exchange.request.query)).queryItems(QUrl::FullyDecoded)) {
        if (!query.contains(name))
            query.insert(name, value);
    }
    sample.query = jsonObject(query);
    QJsonObject headers;
    for (const auto &[name, value] : exchange.request.headers) {
        const QString key = QString::fromLatin1(name);
        if (!headers.contains(key))
            headers.insert(key, QString::fromUtf8(value));
    }
    sample.headers = jsonObject(headers);
    QJsonObject variables;
    for (const auto &[name, value] : stageVariables)
        variables.insert(name, value);
    sample.stageVariables = jsonObject(variables);
    sample.context = jsonObject(QJsonObject {
        {QStringLiteral("requestId"), exchange.requestId},
        {QStringLiteral("extendedRequestId"), exchange.extendedRequestId},
        {QStringLiteral("stage"), exchange.stage},
        {QStringLiteral("httpMethod"), exchange.httpMethod},
        {QStringLiteral("resourcePath"), exchange.resourcePath},
        {QStringLiteral("path"), QStringLiteral("/%1%2").arg(exchange.stage, exchange.path)},
        {QStringLiteral("requestTimeEpoch"), exchange.startedAt.toMSecsSinceEpoch()},
    });
    return sample;
}

} // namespace portico::running
