// How the server hands requests to the application (the gateway, a test backend) without
// knowing anything about it.
#pragma once

#include "httpmessage.h"
#include "responder.h"

namespace portico::http {

class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    // Called on one of the server's threads, which must not block on slow work: anything slow
    // (a backend call, a process) runs asynchronously and calls `respond` when done, from any
    // thread. `respond` must be called exactly once per request.
    virtual void handle(Request request, Responder respond) = 0;
};

} // namespace portico::http
