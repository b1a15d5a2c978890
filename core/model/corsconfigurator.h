// "Enable CORS" on one resource, as API Gateway's console does it: an OPTIONS method with a MOCK
// integration that answers the browser's preflight with the three Access-Control-Allow-* headers,
// and Access-Control-Allow-Origin on the 200 responses of the chosen methods (optionally on the
// DEFAULT_4XX / DEFAULT_5XX gateway responses too). Idempotent: enabling twice with the same
// options changes nothing the second time; enabling again with other options updates the values.
// The CLI's `cors` command and the GUI designer both go through this.
#pragma once

#include "restapi.h"

#include "base/result.h"

#include <QString>
#include <QStringList>

namespace portico::model {

struct CorsOptions
{
    // The methods whose responses get Access-Control-Allow-Origin and that the preflight allows;
    // empty means every method of the resource. OPTIONS is always allowed; ANY means every verb.
    QStringList methods;
    // Added after the console's list (kDefaultAllowHeaders) in Access-Control-Allow-Headers.
    QStringList extraAllowHeaders;
    // "*" or one origin, "scheme://host[:port]".
    QString allowOrigin = QStringLiteral("*");
    // Also put the three headers on the DEFAULT_4XX and DEFAULT_5XX gateway responses.
    bool gatewayResponses = false;
};

struct CorsResult
{
    // The header values as written, without the quotes of the static mapping.
    QString allowMethods;
    QString allowHeaders;
    QString allowOrigin;
    // What was not done and why, one line each: proxy integrations (their backend must send the
    // header), methods without a 200 integration response.
    QStringList notes;
};

class CorsConfigurator
{
public:
    static inline const QString kDefaultAllowHeaders =
        QStringLiteral("Content-Type,X-Amz-Date,Authorization,X-Api-Key,X-Amz-Security-Token");

    explicit CorsConfigurator(RestApi &api)
        : m_api(api)
    {}

    // Leaves the API untouched when it returns an error.
    base::Result<CorsResult> enable(const QString &resourceId, const CorsOptions &options);

private:
    RestApi &m_api;
};

} // namespace portico::model
