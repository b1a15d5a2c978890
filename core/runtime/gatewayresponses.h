// Every error the gateway itself answers with (unknown route, 415, timeouts, configuration
// errors...) becomes a response here, in one place: the type's default status and message from
// AWS's table, overridden by the API's customised response of that type, else by its customised
// DEFAULT_4XX / DEFAULT_5XX. Templates are not VTL on AWS: only $context.* and $stageVariables.*
// are substituted.
#pragma once

#include "parametermapping.h"

#include "http/httpmessage.h"
#include "model/apiparts.h"

#include <vector>

namespace portico::runtime {

struct GatewayErrorType
{
    const char *type;
    int status;
    // Null for the types whose default body is {"message":null}.
    const char *message;
    const char *errorType;
};

// AWS's table (../shared/docs/aws-extensions.md section 6); nullptr when `type` is unknown.
const GatewayErrorType *findGatewayErrorType(const QString &type);
// Every type a gateway response can customise: DEFAULT_4XX, DEFAULT_5XX and the table's.
QStringList gatewayResponseTypes();

class GatewayResponses
{
public:
    GatewayResponses() = default;
    explicit GatewayResponses(std::vector<model::GatewayResponse> customised);

    // The response for an error of `type`. The context gets $context.error.* set first. The
    // message defaults to the type's; pass one to override it (e.g. the list of missing
    // parameters for BAD_REQUEST_PARAMETERS).
    http::Response build(const QString &type, RequestContext &context, const MappingSources &sources,
                         const std::optional<QString> &message = std::nullopt,
                         const QString &validationErrorString = QString()) const;

private:
    const model::GatewayResponse *customised(const QString &type) const;
    std::vector<model::GatewayResponse> m_customised;
};

// Plain substitution of $context.x.y and $stageVariables.x (with or without braces).
QString substituteGatewayTemplate(const QString &text, const RequestContext &context, const NamedStrings &stageVariables);

} // namespace portico::runtime
