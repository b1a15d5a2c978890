#include "projectloading.h"

#include "model/projectfile.h"

namespace portico::cli {

std::optional<model::Project> loadProjectOrReport(const QString &file, QTextStream &err)
{
    auto project = model::ProjectFile::load(file);
    if (project.ok())
        return std::move(project).value();
    for (const base::Diagnostic &d : project.errors())
        err << d.toString() << Qt::endl;
    return std::nullopt;
}

} // namespace portico::cli
