// What a template is rendered against outside a live request: a conformance case, the CLI's
// `render` flags, the workbench's sample. Builds the same variables the runtime gives a template:
// $input, $util, $context (with its override maps), $stageVariables.
#pragma once

#include "inputobject.h"

#include "base/json.h"
#include "base/result.h"
#include "vtl/renderer.h"

namespace portico::mapping {

struct SampleInput
{
    QByteArray body;
    RequestParameters parameters;
    std::vector<std::pair<QString, QString>> stageVariables;
    // $context fields as JSON ({"stage": "prod", "identity": {"sourceIp": ...}}).
    base::Json context = base::Json::object();

    // Reads the optional fields of a conformance case (body, params, stageVariables, context);
    // errors name the JSON pointer of what is malformed.
    static base::Result<SampleInput> fromCaseJson(const base::Json &json);

    // Builds $context and $stageVariables from the fields once, so that each toVariables() only
    // copies them. Call again after changing the fields; toVariables() works without it too.
    void prepare();

    // Variables for one rendering. Templates may change $context and the maps they read, so by
    // default nothing is shared between two renderings; for a template that cannot change them
    // (vtl::Template::mayChangeContainers() is false) pass false to share the prepared values.
    // Const and safe to call from several threads at once.
    vtl::Variables toVariables(bool templateMayChangeContainers = true) const;

private:
    vtl::Value m_contextPrototype;
    vtl::Value m_stagePrototype;
    std::shared_ptr<const RequestParameters> m_sharedParameters;

};

// $context as a map with API Gateway's shape: nested maps for identity and authorizer, and the
// writable requestOverride (header, path, querystring) and responseOverride (header) maps.
vtl::Value contextValue(const base::Json &fields);

} // namespace portico::mapping
