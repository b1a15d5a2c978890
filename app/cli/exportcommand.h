// `portico-cli export PROJECT --format ...`: the project as OpenAPI 3.0, Swagger 2.0 (with API
// Gateway's extensions, or a clean public spec), or a CloudFormation / SAM template, in JSON or
// YAML, to standard output or atomically to a file.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

extern const char kExportUsage[];

// Exit code: 0 on success (warnings about what could not be exported go to stderr); 2 on a
// usage error, an unreadable project, an unknown stage or an unwritable output file.
int runExport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
