// A stage as the gateway serves it: its name, the compiled snapshot of its deployment and its
// stage variables. Replaced whole on redeploy; requests in flight keep the one they started with.
#pragma once

#include "authorizers.h"
#include "compiledapi.h"
#include "functionhost.h"
#include "usageplans.h"
#include "methodrequest.h"

#include <memory>

namespace portico::runtime {

struct ServedStage
{
    QString name;
    QString deploymentId;
    std::shared_ptr<const CompiledApi> api;
    NamedStrings variables;
    // Runs the project's local functions for Lambda integrations; shared by every stage.
    std::shared_ptr<FunctionHost> functions;
    // API keys and usage plans as they apply to this stage.
    std::shared_ptr<const UsagePlans> usagePlans;
    // The deployment's authorizers, with this stage's cache of their results.
    std::shared_ptr<Authorizers> authorizers;
};

} // namespace portico::runtime
