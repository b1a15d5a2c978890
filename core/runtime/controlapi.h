// The server's own loopback-only API for Portico's tools (never on the gateway's port, which
// may be bound to the network): GET /usage answers the usage report of the project being
// served. `portico-cli usage` reads it; the project is replaced on reload.
#pragma once

#include "usageplans.h"

#include "http/requesthandler.h"
#include "model/project.h"

#include <memory>
#include <mutex>

namespace portico::runtime {

class ControlApi : public http::RequestHandler
{
public:
    explicit ControlApi(std::shared_ptr<const UsageLedger> ledger) : m_ledger(std::move(ledger)) {}

    void setProject(std::shared_ptr<const model::Project> project);
    void handle(http::Request request, http::Responder respond) override;

private:
    std::shared_ptr<const UsageLedger> m_ledger;
    std::mutex m_mutex;
    std::shared_ptr<const model::Project> m_project;
};

} // namespace portico::runtime
