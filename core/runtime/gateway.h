// The API Gateway runtime as an HTTP request handler: finds the stage in the URL (Portico's
// /{stage}/{path} and LocalStack's three forms), takes that stage's current snapshot and runs the
// method execution pipeline. Stages are swapped atomically: a redeploy never races a request.
#pragma once

#include "servedstage.h"
#include "tracebus.h"

#include "http/requesthandler.h"

#include <map>
#include <memory>
#include <mutex>
#include <optional>

namespace portico::runtime {

// Where a request goes: which API id it named (if any), which stage, and the path after it.
struct InvokeTarget
{
    QString apiId;       // empty when the URL form does not carry one
    QString stage;
    QByteArray path;     // "/pets/1" (still percent-encoded); "/" when empty
};

// Reads the stage from the Host header or the path: http://127.0.0.1:PORT/{stage}/{path},
// Host {apiId}.execute-api.localhost.localstack.cloud, /_aws/execute-api/{apiId}/{stage}/...,
// /restapis/{apiId}/{stage}/_user_request_/...
InvokeTarget resolveInvokeTarget(const QByteArray &host, const QByteArray &path);

class Gateway : public http::RequestHandler
{
public:
    explicit Gateway(QString apiId = QString());

    // Replace the served stages or the API id; callable from any thread while requests are in
    // flight.
    void setStages(std::vector<ServedStage> stages);
    void setApiId(QString apiId);
    std::vector<QString> stageNames() const;
    QString apiId() const;
    TraceBus &traces() { return m_traces; }

    void handle(http::Request request, http::Responder respond) override;
    // As handle(), with the stage's variables replaced by `stageVariables` for this request only
    // (the composer's and `portico-cli test`'s variables for the draft stage). Everything else of
    // the stage is shared: its compiled API, authorizer cache, usage counters, functions.
    void handleWithStageVariables(http::Request request, http::Responder respond, NamedStrings stageVariables);

private:
    // One immutable snapshot, swapped whole.
    struct Served
    {
        QString apiId;
        std::map<QString, std::shared_ptr<const ServedStage>> stages;
    };
    std::shared_ptr<const Served> served() const;
    // Routes to the stage the request names; `stageVariables`, when given, replace its own.
    void dispatch(http::Request request, http::Responder respond, std::optional<NamedStrings> stageVariables);

    mutable std::mutex m_mutex;
    std::shared_ptr<const Served> m_served;
    TraceBus m_traces;
};

} // namespace portico::runtime
