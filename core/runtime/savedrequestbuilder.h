// Turns a saved request into the HTTP request a client would send to a stage, in the shape the
// server hands the gateway (target, path and query still percent-encoded): what the composer and
// `portico-cli test` send in-process, and what "copy as curl" would show.
#pragma once

#include "base/result.h"
#include "http/httpmessage.h"
#include "model/project.h"

namespace portico::runtime {

// `stage` is the served stage's name ("draft" or a deployed stage); the method's authorizer is
// looked up in what that stage serves (its deployment's snapshot, else the project's definition).
// The request gets:
// - target /{stage}{resource path}, each {param} percent-encoded (a greedy {proxy+} value keeps
//   its slashes), then ?query, each name and value percent-encoded, in order;
// - the saved headers in order, Host: localhost, x-api-key with the key's value when apiKeyId
//   is set, the authorization token in the authorizer's identity header (its first
//   method.request.header.X or method.request.querystring.X source; Authorization by default),
//   and a Content-Length that matches the body.
// Fails, saying why, when a path parameter has no value or the API key does not exist.
// Where the method's authorizer reads the token (its first method.request.header.X or
// method.request.querystring.X identity source; the Authorization header when the method has no
// authorizer or the authorizer names neither). `authorizerName` is empty without an authorizer.
struct TokenPlacement
{
    bool inQuery = false;
    QString name = QStringLiteral("Authorization");
    QString authorizerName;
};
TokenPlacement tokenPlacement(const model::SavedRequest &saved, const model::RestApi &api);

base::Result<http::Request> buildRequest(const model::SavedRequest &saved,
                                         const model::Project &project, const QString &stage);

} // namespace portico::runtime
