// Runs a project's local functions the way Lambda runs functions, for Lambda integrations (and
// later authorizers): handlers warm in persistent worker processes that speak the real Lambda
// Runtime API served here on loopback, commands as one process per invocation, or an invoke URL.
// Enforces each function's timeout (a worker that overruns is killed and replaced), restarts
// workers that crash, shapes errors as Lambda does. Thread-safe: invoke() from any thread; the
// completion runs on the thread that received the function's answer.
//
// Given the gateway's server, the Runtime API is served on that server's own worker threads, and
// an invocation goes to a worker whose connection lives on the invoking thread when one is free:
// the request, the event, the function's answer and the response to the client then all happen
// on one thread, without the hops between threads that cost more than the rest of a warm
// invocation.
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
    // `runtimeApiServer`, when given, must be running and outlive the host; without it the host
    // serves the Runtime API on a server of its own.
    FunctionHost(QString projectDirectory, bool trusted, http::Server *runtimeApiServer = nullptr);
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
    // Processes, their exits and the timeout sweep live on this thread.
    std::unique_ptr<QThread> m_processThread;
    std::unique_ptr<Core> m_core;
    http::Server *m_sharedServer = nullptr;
    std::unique_ptr<http::Server> m_ownServer;
};

} // namespace portico::runtime
