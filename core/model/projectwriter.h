// Turns a Project into the text of a .portico.json file: stable key order, 2-space indentation,
// resources sorted by path, defaults left out. The same project always gives the same bytes, so
// the file diffs well in git and reading then writing changes nothing.
#pragma once

#include "project.h"

#include "base/json.h"

#include <QByteArray>

namespace portico::model {

class ProjectWriter
{
public:
    static QByteArray toBytes(const Project &project);
    static base::Json toJson(const Project &project);
    static base::Json apiToJson(const RestApi &api);
};

} // namespace portico::model
