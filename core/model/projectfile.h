// Loads and saves .portico.json files. Saving is atomic (QSaveFile: write a temporary file, then
// rename over the old one), so a crash or a full disk during a save leaves the previous file as
// it was. Errors name the file and the place in it.
#pragma once

#include "project.h"

#include "base/result.h"

#include <QString>

namespace portico::model {

class ProjectFile
{
public:
    static inline const QString kSuffix = QStringLiteral(".portico.json");

    static base::Result<Project> load(const QString &path);
    static base::Status save(const QString &path, const Project &project);
};

} // namespace portico::model
