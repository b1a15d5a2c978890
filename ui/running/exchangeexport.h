// What the inspector hands to other tools: a request as a curl command line (to paste into a
// terminal or a bug report) and requests as HAR 1.2 (http://www.softwareishard.com/blog/har-12-spec/),
// which browsers' developer tools open.
#pragma once

#include "runtime/tracebus.h"

#include <QByteArray>
#include <QString>

#include <vector>

namespace portico::running {

// `baseUrl` is the runtime's ("http://127.0.0.1:4010"); the request's own target follows it.
// Arguments are quoted for a POSIX shell.
QString curlCommand(const runtime::Exchange &exchange, const QString &baseUrl);

// The exchanges as a HAR 1.2 log, oldest first, creator "Portico".
QByteArray harLog(const std::vector<runtime::ExchangePtr> &exchanges, const QString &baseUrl);

} // namespace portico::running
