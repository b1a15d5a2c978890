// One request through the gateway, as the inspector and `serve --log` show it: ids, what came in,
// what matched, each step with its time, and what went out. A copyable value, published when the
// request ends.
#pragma once

#include "http/httpmessage.h"

#include <QDateTime>
#include <QString>

#include <vector>

namespace portico::runtime {

struct TraceLine
{
    // Microseconds since the request arrived.
    qint64 elapsedUs = 0;
    QString text;
};

struct Exchange
{
    QString requestId;
    QString extendedRequestId;
    QDateTime startedAt;
    QString stage;
    QString httpMethod;
    QString path;           // after the stage, as requested
    QString resourcePath;   // "/pets/{petId}", empty when nothing matched
    QString integrationType;
    http::Request request;
    http::Response response;
    qint64 latencyUs = 0;
    qint64 integrationLatencyUs = 0;
    // The execution log's lines, in the console's order and wording (see executionLog()).
    std::vector<TraceLine> lines;

    // The text of AWS's test-invoke execution log: a header line, then each line prefixed with a
    // Java Date.toString() timestamp ("Tue Jun 11 03:30:06 UTC 2024 : ").
    QString executionLog() const;
};

// Java's Date.toString() in UTC: "Tue Jun 11 03:30:06 UTC 2024".
QString javaDateString(const QDateTime &time);
// A map as Java's AbstractMap.toString() prints it: {a=1, b=2}; long output cut at about 1 KB
// with " [TRUNCATED]", as the console's log does.
QString javaMapString(const std::vector<std::pair<QString, QString>> &entries);
QString truncatedForLog(const QString &text);

} // namespace portico::runtime
