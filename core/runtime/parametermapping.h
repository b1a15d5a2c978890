// Evaluates the source side of API Gateway's parameter mappings ("method.request.header.x",
// "context.requestId", "stageVariables.env", "'static'", "integration.response.body.a.b") for
// integration requests, integration responses and gateway responses.
#pragma once

#include "methodrequest.h"
#include "requestcontext.h"

#include "base/json.h"

#include <optional>

namespace portico::runtime {

// The backend's answer, for integration.response.* sources.
struct IntegrationResult
{
    int status = 200;
    NamedStrings headers;
    QByteArray body;
};

struct MappingSources
{
    const MethodRequest *request = nullptr;
    const RequestContext *context = nullptr;
    const NamedStrings *stageVariables = nullptr;
    const IntegrationResult *integration = nullptr;
    // Each body parsed at most once, by the first mapping that reads a field of it.
    mutable std::optional<base::Json> requestBodyJson;
    mutable std::optional<base::Json> integrationBodyJson;
};

// The value of one source expression; nothing when the source is absent (the target is then
// left out, as API Gateway leaves it out).
std::optional<QString> evaluateMappingSource(const QString &expression, const MappingSources &sources);

// Replaces "${stageVariables.name}" in integration URIs and similar text.
QString substituteStageVariables(const QString &text, const NamedStrings &stageVariables);

// A JSON value found by a simple dotted path ("a.b[0].c", JSONPath without "$."): strings as
// their text, anything else as compact JSON. Nothing when the body is not JSON or nothing is there.
std::optional<QString> jsonBodyField(const QByteArray &body, const QString &path);
// The same on a parsed body (discarded when it was not JSON).
std::optional<QString> jsonBodyField(const base::Json &body, const QString &path);

} // namespace portico::runtime
