// One deployment snapshot made ready to serve: the route table, every mapping template parsed,
// every selection pattern compiled, the gateway responses resolved. Built once per deployment
// (or per draft change), then read-only and shared by every request in flight: a redeploy swaps
// in a new CompiledApi while older requests finish on the one they started with.
#pragma once

#include "gatewayresponses.h"
#include "modelschemas.h"
#include "routetable.h"

#include "base/diagnostic.h"
#include "model/restapi.h"
#include "vtl/template.h"

#include <QRegularExpression>

#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace portico::runtime {

// A template that compiled, or the error to report when a request needs it.
struct CompiledTemplate
{
    std::optional<vtl::Template> compiled;
    QString error;
    // Which of API Gateway's variables the text names at all. VTL has no dynamic variable
    // lookup, so a template that does not contain "context" can never read $context: the
    // request then skips building it.
    bool usesInput = true;
    bool usesContext = true;
    bool usesStageVariables = true;
    bool usesUtil = true;
};
using CompiledTemplates = std::map<QString, CompiledTemplate>;

struct CompiledIntegrationResponse
{
    const model::IntegrationResponse *response = nullptr;
    // Absent for the default response (empty selection pattern).
    std::optional<QRegularExpression> pattern;
    CompiledTemplates templates;
};

struct CompiledMethod
{
    const model::Method *method = nullptr;
    const model::RequestValidator *validator = nullptr;
    CompiledTemplates requestTemplates;
    // Those with a selection pattern, then the default one (if any) last.
    std::vector<CompiledIntegrationResponse> responses;
};

class CompiledApi
{
public:
    // Problems (a template that does not parse, a bad pattern) are returned as diagnostics; the
    // API is still served, and a request that needs the broken part gets AWS's 500.
    static std::shared_ptr<const CompiledApi> compile(model::RestApi api, std::vector<base::Diagnostic> &problems);

    const model::RestApi &api() const { return m_api; }
    const RouteTable &routes() const { return *m_routes; }
    const GatewayResponses &gatewayResponses() const { return m_gatewayResponses; }
    const CompiledMethod *method(const model::Method *method) const;
    const ModelSchemas &models() const { return m_models; }

private:
    CompiledApi() = default;
    model::RestApi m_api;
    std::unique_ptr<RouteTable> m_routes;
    GatewayResponses m_gatewayResponses;
    ModelSchemas m_models;
    std::unordered_map<const model::Method *, CompiledMethod> m_methods;
};

} // namespace portico::runtime
