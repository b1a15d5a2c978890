// One node of an API's resource tree, kept flat with a parent id as API Gateway's GetResources
// returns it. The root resource has an empty parentId and pathPart; its path is "/".
#pragma once

#include "method.h"

#include <QString>

#include <map>

namespace portico::model {

struct Resource
{
    QString id;
    QString parentId;
    QString pathPart;
    // verb -> method; std::map keeps verbs in one order for the project file.
    std::map<QString, Method> methods;

    bool isRoot() const { return parentId.isEmpty(); }
    // "{name}" or "{name+}"
    bool isParameter() const
    {
        return pathPart.size() > 2 && pathPart.startsWith(QLatin1Char('{'))
               && pathPart.endsWith(QLatin1Char('}'));
    }
    bool isGreedy() const { return isParameter() && pathPart.endsWith(QLatin1String("+}")); }
    // The parameter's name without braces and plus, or empty for a literal part.
    QString parameterName() const;

    friend bool operator==(const Resource &, const Resource &) = default;
};

} // namespace portico::model
