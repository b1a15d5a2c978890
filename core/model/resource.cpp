#include "resource.h"

namespace portico::model {

QString Resource::parameterName() const
{
    if (!isParameter())
        return {};
    const int trim = isGreedy() ? 3 : 2;
    return pathPart.mid(1, pathPart.size() - trim);
}

} // namespace portico::model
