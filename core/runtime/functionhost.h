// Runs a project's local functions the way Lambda runs functions, for Lambda integrations (and
// later authorizers): handlers warm in persistent worker processes that speak the real Lambda
// Runtime API served here on loopback, commands as one process per invocation, or an invoke URL.
// Enforces each function's timeout (a worker that overruns is killed and replaced), restarts
// workers that crash, shapes errors as Lambda does. Thread-safe: invoke() from any thread; the
// completion runs on the host's own thread.
#pragma once

#include "model/localfunction.h"

#include <QByteArray>
#include <QString>
#include <QThread>

#include <functional>
#include <memory>
#include <vector>

namespace portico::http {
class Server;
}

namespace portico::runtime {

struct InvocationResult
{
    enum class Outcome {
        Success,       // payload is the function's result
        FunctionError, // payload is Lambda's error JSON: errorMessage, errorType, stackTrace
        NotInvoked,    // the function could not be run at all (detail says why)
    };
    Outcome outcome = Outcome::Success;
    QByteArray payload;
    QString errorMessage;
    QString errorType;
    QString detail;
};

class FunctionHost
{
public:
    using Completion = std::function<void(InvocationResult)>;

    // `projectDirectory` resolves relative working directories. Untrusted projects run nothing:
    // opening someone's project must not run their commands.
    FunctionHost(QString projectDirectory, bool trusted);
    ~FunctionHost();
    FunctionHost(const FunctionHost &) = delete;
    FunctionHost &operator=(const FunctionHost &) = delete;

    // Replaces the definitions; workers of changed or removed functions are stopped.
    void setFunctions(std::vector<model::LocalFunction> functions);
    bool trusted() const { return m_trusted; }

    // `functionName` is the name in the function ARN; `requestId` becomes Lambda's request id.
    void invoke(const QString &functionName, QByteArray event, QString requestId, Completion done);

    // The function name in a Lambda ARN or integration URI
    // ("arn:aws:lambda:us-east-1:123:function:name[:alias]" or the apigateway invocation URI);
    // empty when there is none.
    static QString functionNameFromUri(const QString &uri);

private:
    class Core;
    QString m_projectDirectory;
    bool m_trusted;
    std::unique_ptr<Core> m_core;
    std::unique_ptr<http::Server> m_api;
    // Only when the Runtime API cannot start: the core then runs commands and invoke URLs here.
    std::unique_ptr<QThread> m_ownThread;
};

} // namespace portico::runtime
