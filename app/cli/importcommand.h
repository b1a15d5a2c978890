// portico-cli import: an OpenAPI/Swagger definition into a new or existing project.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

int runImport(const QStringList &args, QTextStream &out, QTextStream &err);
// Times the phases of an import in-process (bench/import).
int runBenchImport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
