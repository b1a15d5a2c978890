// The requestContext object of the events Lambda functions receive from API Gateway (the proxy
// integration's event and a REQUEST authorizer's), written in AWS's order from $context.
#pragma once

#include "jsonwriter.h"
#include "methodrequest.h"
#include "requestcontext.h"

namespace portico::runtime {

void writeEventRequestContext(JsonWriter &w, const RequestContext &context, const MethodRequest &request);

} // namespace portico::runtime
