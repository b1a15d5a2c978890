// Reads the text of a .portico.json file into a Project. Every problem is reported with its JSON
// pointer (or line and column for broken JSON) and what was expected; a file with any error
// gives no project at all, so nothing is ever half-loaded.
#pragma once

#include "project.h"

#include "base/result.h"

#include <QByteArray>

namespace portico::model {

class ProjectReader
{
public:
    static base::Result<Project> fromBytes(const QByteArray &text);
};

} // namespace portico::model
