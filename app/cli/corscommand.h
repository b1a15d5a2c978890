// `portico-cli cors PROJECT --resource PATH ...`: the console's "Enable CORS" on one resource of
// a project file (model::CorsConfigurator), saved atomically.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

extern const char kCorsUsage[];

// Exit code: 0 when CORS is enabled (or already was, with these settings); 1 when the project
// cannot take it (unknown resource or method, an OPTIONS method that is not MOCK); 2 on a usage
// error or an unreadable or unwritable file.
int runCors(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
