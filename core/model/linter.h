// Checks a project the way API Gateway would check it on import, deploy or PutMethod, and reports
// what AWS would refuse (errors) or what will surprise at run time (warnings). Each finding says
// where, as "/pets/{petId} GET integration", "stage prod" or "usage plan Basic".
#pragma once

#include "project.h"

#include "base/diagnostic.h"

#include <vector>

namespace portico::model {

class Linter
{
public:
    static std::vector<base::Diagnostic> lint(const Project &project);
    static std::vector<base::Diagnostic> lintApi(const RestApi &api);
};

} // namespace portico::model
