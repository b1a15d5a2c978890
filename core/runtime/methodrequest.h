// The method request as the pipeline reads it: the client's request after routing, decoded once,
// with the lookups parameter mappings, templates and the Lambda proxy event need.
#pragma once

#include "http/httpmessage.h"

#include <QString>

#include <optional>
#include <utility>
#include <vector>

namespace portico::runtime {

using NamedStrings = std::vector<std::pair<QString, QString>>;

struct MethodRequest
{
    QString httpMethod;
    QString path;   // after the stage, decoded
    NamedStrings pathParameters;
    NamedStrings query;    // decoded, in order, repeats kept
    NamedStrings headers;  // names as sent, in order, repeats kept
    QByteArray body;
    QString sourceIp;

    // A query parameter or header by name (headers ignore case); with repeats, the last value,
    // as API Gateway's single-value maps keep it.
    std::optional<QString> queryValue(const QString &name) const;
    std::optional<QString> headerValue(const QString &name) const;
    std::optional<QString> pathValue(const QString &name) const;
    // Every value, in order.
    QStringList queryValues(const QString &name) const;
    QStringList headerValues(const QString &name) const;

    static MethodRequest fromHttp(const http::Request &request, const QString &pathAfterStage);
};

// "a=1&b=x%20y&a=2" -> [(a,1), (b,x y), (a,2)]; '+' is a space, as in form encoding.
NamedStrings parseQueryString(const QByteArray &query);

} // namespace portico::runtime
