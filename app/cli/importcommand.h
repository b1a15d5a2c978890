// portico-cli import: an OpenAPI/Swagger definition into a new or existing project.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

int runImport(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
