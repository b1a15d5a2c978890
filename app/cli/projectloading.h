// Loading a project for a CLI command: the project, or its errors printed one per line.
#pragma once

#include "model/project.h"

#include <QTextStream>

#include <optional>

namespace portico::cli {

std::optional<model::Project> loadProjectOrReport(const QString &file, QTextStream &err);

} // namespace portico::cli
