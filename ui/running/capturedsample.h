// A request the runtime served, as the template workbench's sample input: so that a template can
// be fixed against the very request that failed. Path parameters are read back from the path by
// the matched resource's template ("/pets/{petId}" over "/pets/7"), query and headers take each
// name's first value, as $input.params() does.
#pragma once

#include "runtime/exchange.h"

#include <QString>

#include <map>

namespace portico::running {

struct CapturedSample
{
    QString body;
    // JSON objects, indented, as the workbench's fields hold them.
    QString path;
    QString query;
    QString headers;
    QString stageVariables;
    QString context;
};

// `stageVariables`: the variables of the stage that served it (the project's, or the draft's).
CapturedSample capturedSample(const runtime::Exchange &exchange, const std::map<QString, QString> &stageVariables);

// "/pets/{petId}" over "/pets/7" gives {petId: "7"}; a greedy "{proxy+}" takes the rest.
std::map<QString, QString> pathParameters(const QString &resourcePath, const QString &path);

} // namespace portico::running
