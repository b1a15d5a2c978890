// Portico's stand-in for a Lambda function: a handler run by a local runtime, any command line,
// or an invoke URL. Integrations and authorizers reach it by name at run time.
#pragma once

#include "enums.h"

#include <QString>

#include <map>

namespace portico::model {

struct LocalFunction
{
    QString name;
    LocalFunctionKind kind = LocalFunctionKind::Handler;
    LocalRuntime runtime = LocalRuntime::NodeJs;
    // "index.handler": file index.js (or .py), exported function handler, as in AWS.
    QString handler;
    QString command;
    QString invokeUrl;
    QString workingDirectory;
    std::map<QString, QString> environment;
    // Lambda's default timeout is 3 seconds.
    int timeoutSeconds = 3;
    int concurrency = 1;

    friend bool operator==(const LocalFunction &, const LocalFunction &) = default;
};

} // namespace portico::model
