// Sends a request through a Gateway without a socket: the composer's "send to the draft" and
// `portico-cli test`. The request goes through the whole pipeline (routing, authorizers, API keys,
// validation, templates, the integration) and is traced like any other, so the Inspector and
// `serve --log` see it; only the HTTP connection is left out.
#pragma once

#include "gateway.h"

#include <functional>
#include <optional>

namespace portico::runtime {

// Asynchronous. `done` is called exactly once, from the thread that finishes the pipeline: this
// one when the pipeline does not wait (MOCK, errors), or after an HTTP integration's answer (also
// on this thread, which must then run an event loop), or a local function's (its host's thread).
// `stageVariables`, when given, replace the target stage's own for this request (see
// Gateway::handleWithStageVariables). Build `request` with buildRequest(): its path names the
// stage.
void sendInProcess(Gateway &gateway, http::Request request,
                   std::function<void(http::Response)> done,
                   std::optional<NamedStrings> stageVariables = std::nullopt);

// Blocking: runs a local event loop on this thread until the response arrives, or nothing after
// `timeoutMs`. For worker threads and command-line tools, never the GUI thread.
std::optional<http::Response> sendInProcessAndWait(Gateway &gateway, http::Request request,
                                                   std::optional<NamedStrings> stageVariables
                                                   = std::nullopt,
                                                   int timeoutMs = 60000);

} // namespace portico::runtime
