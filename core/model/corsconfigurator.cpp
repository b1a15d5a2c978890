#include "corsconfigurator.h"

#include <QRegularExpression>

#include <algorithm>

namespace portico::model {

using base::Diagnostic;

namespace {

const QString kAllowOrigin = QStringLiteral("Access-Control-Allow-Origin");
const QString kAllowMethods = QStringLiteral("Access-Control-Allow-Methods");
const QString kAllowHeaders = QStringLiteral("Access-Control-Allow-Headers");
const QString kMethodHeader = QStringLiteral("method.response.header.");
const QString kGatewayHeader = QStringLiteral("gatewayresponse.header.");
const QString kOptions = QStringLiteral("OPTIONS");
const QString kOk = QStringLiteral("200");

QString quoted(const QString &value)
{
    return QLatin1Char('\'') + value + QLatin1Char('\'');
}

// A header name is an RFC 9110 token.
bool isHeaderName(const QString &name)
{
    // Without the apostrophe tchar allows: it would end the static mapping value.
    static const QRegularExpression token(QStringLiteral("^[!#$%&*+.^_`|~0-9A-Za-z-]+$"));
    return token.match(name).hasMatch();
}

// "*", or an origin as browsers send it: scheme://host[:port], no path.
bool isOrigin(const QString &origin)
{
    static const QRegularExpression form(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*://[^\\s/'\",]+$"));
    return origin == QLatin1String("*") || form.match(origin).hasMatch();
}

bool isProxy(const Integration &integration)
{
    return integration.type == IntegrationType::HttpProxy || integration.type == IntegrationType::AwsProxy;
}

// The three preflight headers on an OPTIONS method, created as the console creates it when missing.
void applyToOptions(Method &options, const CorsResult &values)
{
    const std::pair<QString, QString> headers[] = {{kAllowHeaders, values.allowHeaders},
                                                   {kAllowMethods, values.allowMethods},
                                                   {kAllowOrigin, values.allowOrigin}};
    MethodResponse &response = options.methodResponses[kOk];
    response.statusCode = kOk;
    for (const auto &[name, value] : headers)
        response.responseParameters.try_emplace(kMethodHeader + name, false);
    if (!options.integration) {
        Integration mock;
        mock.type = IntegrationType::Mock;
        options.integration = mock;
    }
    Integration &integration = *options.integration;
    if (integration.requestTemplates.empty())
        integration.requestTemplates[QStringLiteral("application/json")] = QStringLiteral("{\"statusCode\": 200}");
    IntegrationResponse &ir = integration.integrationResponses[kOk];
    ir.statusCode = kOk;
    for (const auto &[name, value] : headers)
        ir.responseParameters[kMethodHeader + name] = quoted(value);
}

Method newOptionsMethod()
{
    Method options;
    options.httpMethod = kOptions;
    options.methodResponses[kOk].responseModels[QStringLiteral("application/json")] = QStringLiteral("Empty");
    return options;
}

} // namespace

base::Result<CorsResult> CorsConfigurator::enable(const QString &resourceId, const CorsOptions &options)
{
    Resource *resource = m_api.findResource(resourceId);
    if (!resource)
        return Diagnostic::error(QStringLiteral("resource %1").arg(resourceId), QStringLiteral("does not exist"));
    const QString path = m_api.pathOf(resourceId);
    const auto at = [&](const QString &verb) -> QString { return path + QLatin1Char(' ') + verb; };

    CorsResult result;
    result.allowOrigin = options.allowOrigin.trimmed();
    if (!isOrigin(result.allowOrigin))
        return Diagnostic::error(path, QStringLiteral("Access-Control-Allow-Origin \"%1\" is neither * nor an origin "
                                                      "such as https://app.example.com (scheme://host[:port], no path)")
                                           .arg(options.allowOrigin));

    QStringList headers = kDefaultAllowHeaders.split(QLatin1Char(','));
    for (const QString &given : options.extraAllowHeaders) {
        const QString name = given.trimmed();
        if (!isHeaderName(name))
            return Diagnostic::error(path, QStringLiteral("\"%1\" is not a header name").arg(given));
        if (!headers.contains(name, Qt::CaseInsensitive))
            headers.append(name);
    }
    result.allowHeaders = headers.join(QLatin1Char(','));

    // The chosen methods; by default every method the resource has.
    QStringList chosen;
    if (options.methods.isEmpty()) {
        for (const auto &[verb, method] : resource->methods)
            chosen.append(verb);
    }
    for (const QString &given : options.methods) {
        const QString verb = given.trimmed().toUpper();
        if (!httpVerbs().contains(verb))
            return Diagnostic::error(path, QStringLiteral("\"%1\" is not one of %2")
                                               .arg(given, httpVerbs().join(QStringLiteral(", "))));
        if (verb != kOptions && !resource->methods.contains(verb))
            return Diagnostic::error(at(verb), QStringLiteral("the method does not exist"));
        if (!chosen.contains(verb))
            chosen.append(verb);
    }
    chosen.removeAll(kOptions);

    const auto existing = resource->methods.find(kOptions);
    if (existing != resource->methods.end() && existing->second.integration
        && existing->second.integration->type != IntegrationType::Mock)
        return Diagnostic::error(at(kOptions), QStringLiteral("the method has a %1 integration; CORS answers "
                                                              "preflights with a MOCK one, so delete it first")
                                                   .arg(enumName(existing->second.integration->type)));

    // ANY stands for every verb, as in the console.
    QStringList allowed = chosen.contains(QLatin1String("ANY")) ? httpVerbs() : chosen;
    allowed.removeAll(QStringLiteral("ANY"));
    if (!allowed.contains(kOptions))
        allowed.append(kOptions);
    std::sort(allowed.begin(), allowed.end());
    result.allowMethods = allowed.join(QLatin1Char(','));

    // Nothing can fail from here on.
    Method &preflight = resource->methods.try_emplace(kOptions, newOptionsMethod()).first->second;
    applyToOptions(preflight, result);
    if (preflight.authorizationType != AuthorizationType::None || preflight.apiKeyRequired)
        result.notes.append(at(kOptions) + QStringLiteral(": needs an authorizer or an API key, which browsers "
                                                          "never send with a preflight; preflights will fail"));

    for (const QString &verb : std::as_const(chosen)) {
        Method &method = resource->methods[verb];
        if (method.integration && isProxy(*method.integration)) {
            result.notes.append(at(verb) + QStringLiteral(": %1 integration: API Gateway passes the backend's "
                                                          "response through, so the backend must send %2 itself")
                                               .arg(enumName(method.integration->type), kAllowOrigin));
            continue;
        }
        MethodResponse &response = method.methodResponses[kOk];
        response.statusCode = kOk;
        response.responseParameters.try_emplace(kMethodHeader + kAllowOrigin, false);
        IntegrationResponse *ir = nullptr;
        if (method.integration) {
            const auto found = method.integration->integrationResponses.find(kOk);
            if (found != method.integration->integrationResponses.end())
                ir = &found->second;
        }
        if (!ir) {
            result.notes.append(at(verb) + QStringLiteral(": no integration response returns 200; map %1 on its "
                                                          "responses by hand")
                                               .arg(kAllowOrigin));
            continue;
        }
        ir->responseParameters[kMethodHeader + kAllowOrigin] = quoted(result.allowOrigin);
    }

    if (options.gatewayResponses) {
        for (const QString &type : {QStringLiteral("DEFAULT_4XX"), QStringLiteral("DEFAULT_5XX")}) {
            auto it = std::find_if(m_api.gatewayResponses.begin(), m_api.gatewayResponses.end(),
                                   [&](const GatewayResponse &g) { return g.responseType == type; });
            if (it == m_api.gatewayResponses.end()) {
                GatewayResponse created;
                created.responseType = type;
                created.responseTemplates[QStringLiteral("application/json")] =
                    QStringLiteral("{\"message\":$context.error.messageString}");
                it = m_api.gatewayResponses.insert(m_api.gatewayResponses.end(), created);
            }
            it->responseParameters[kGatewayHeader + kAllowHeaders] = quoted(result.allowHeaders);
            it->responseParameters[kGatewayHeader + kAllowMethods] = quoted(result.allowMethods);
            it->responseParameters[kGatewayHeader + kAllowOrigin] = quoted(result.allowOrigin);
        }
    }
    return result;
}

} // namespace portico::model
