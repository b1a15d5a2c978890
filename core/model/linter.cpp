#include "linter.h"

#include "base/limits.h"
#include "jsonpath/path.h"
#include "pathrules.h"

#include <QRegularExpression>

#include <set>

namespace portico::model {

using base::Diagnostic;

namespace {

class ApiChecks
{
public:
    ApiChecks(const RestApi &api, std::vector<Diagnostic> &out)
        : m_api(api)
        , m_out(out)
    {}

    void run()
    {
        checkTree();
        for (const Resource &r : m_api.resources) {
            for (const auto &[verb, method] : r.methods)
                checkMethod(r, method);
        }
        checkNamedParts();
    }

private:
    void error(const QString &where, const QString &what) { m_out.push_back(Diagnostic::error(where, what)); }
    void warning(const QString &where, const QString &what) { m_out.push_back(Diagnostic::warning(where, what)); }

    QString where(const Resource &r) const
    {
        const QString path = m_api.pathOf(r.id);
        return path.isEmpty() ? QStringLiteral("resource %1").arg(r.id) : path;
    }

    void checkTree()
    {
        int roots = 0;
        std::set<QString> ids;
        for (const Resource &r : m_api.resources) {
            if (r.id.isEmpty())
                error(QStringLiteral("resource"), QStringLiteral("resource has no id"));
            else if (!ids.insert(r.id).second)
                error(where(r), QStringLiteral("resource id %1 is used twice").arg(r.id));
            if (r.isRoot()) {
                ++roots;
                if (!r.pathPart.isEmpty())
                    error(QStringLiteral("/"), QStringLiteral("the root resource has no path part, found \"%1\"").arg(r.pathPart));
                continue;
            }
            if (!m_api.findResource(r.parentId)) {
                error(QStringLiteral("resource %1").arg(r.id),
                      QStringLiteral("parent resource %1 does not exist").arg(r.parentId));
                continue;
            }
            if (m_api.pathOf(r.id).isEmpty()) {
                error(QStringLiteral("resource %1").arg(r.id), QStringLiteral("its parents form a cycle"));
                continue;
            }
            const QString reason = pathrules::checkPathPart(r.pathPart);
            if (!reason.isEmpty())
                error(where(r), reason);
        }
        if (roots == 0)
            error(QStringLiteral("/"), QStringLiteral("the API has no root resource"));
        else if (roots > 1)
            error(QStringLiteral("/"), QStringLiteral("the API has %1 root resources; it must have one").arg(roots));

        for (const Resource &parent : m_api.resources)
            checkSiblings(parent);
    }

    void checkSiblings(const Resource &parent)
    {
        const std::vector<const Resource *> kids = m_api.children(parent.id);
        std::set<QString> seen;
        const Resource *variable = nullptr;
        for (const Resource *child : kids) {
            if (!seen.insert(child->pathPart).second)
                error(where(*child), QStringLiteral("another resource under %1 has the same path part \"%2\"")
                                         .arg(where(parent), child->pathPart));
            if (child->isParameter()) {
                if (variable && variable->pathPart != child->pathPart) {
                    error(where(*child), QStringLiteral("a sibling (%1) of this resource already has a variable "
                                                        "path part; only one is allowed")
                                             .arg(variable->pathPart));
                }
                if (!variable)
                    variable = child;
            }
        }
        if (parent.isGreedy() && !kids.empty())
            error(where(parent), QStringLiteral("a greedy path parameter (%1) must be the last part of the path; "
                                                "it cannot have child resources")
                                     .arg(parent.pathPart));
    }

    void checkMethod(const Resource &r, const Method &m)
    {
        const QString at = where(r) + QLatin1Char(' ') + m.httpMethod;
        const QString request = at + QStringLiteral(" method request");

        if (m.authorizationType == AuthorizationType::Custom
            || m.authorizationType == AuthorizationType::CognitoUserPools) {
            if (m.authorizerId.isEmpty())
                error(request, QStringLiteral("authorization type %1 needs an authorizer").arg(enumName(m.authorizationType)));
        }
        if (!m.authorizerId.isEmpty() && !m_api.findAuthorizer(m.authorizerId))
            error(request, QStringLiteral("authorizer %1 does not exist").arg(m.authorizerId));
        if (!m.requestValidatorId.isEmpty() && !m_api.findRequestValidator(m.requestValidatorId))
            error(request, QStringLiteral("request validator %1 does not exist").arg(m.requestValidatorId));
        for (const auto &[name, required] : m.requestParameters) {
            if (!pathrules::isMethodRequestParameter(name))
                error(request, QStringLiteral("request parameter \"%1\" is not of the form "
                                              "method.request.querystring|header|path.NAME")
                                   .arg(name));
        }
        checkModelRefs(request, m.requestModels);

        for (const auto &[status, response] : m.methodResponses) {
            const QString mr = at + QStringLiteral(" method response ") + status;
            checkStatusCode(mr, status);
            for (const auto &[name, required] : response.responseParameters) {
                if (!pathrules::isMethodResponseHeader(name))
                    error(mr, QStringLiteral("response parameter \"%1\" is not of the form "
                                             "method.response.header.NAME")
                                  .arg(name));
            }
            checkModelRefs(mr, response.responseModels);
        }

        if (!m.integration) {
            warning(at, QStringLiteral("no integration is defined; API Gateway refuses to deploy such a method"));
            return;
        }
        checkIntegration(r, m, *m.integration, at);
    }

    // API Gateway refuses a mapping from a method request parameter the method does not declare,
    // and a path parameter that is not in the resource's path.
    void checkDeclaredSource(const Resource &r, const Method &m, const QString &where, const QString &source)
    {
        static const QString pathPrefix = QStringLiteral("method.request.path.");
        if (source.startsWith(pathPrefix)) {
            const QString name = source.mid(pathPrefix.size());
            if (!pathParameters(r).contains(name))
                error(where, QStringLiteral("source %1: the path %2 has no parameter {%3}").arg(source, m_api.pathOf(r.id), name));
            return;
        }
        if (pathrules::isMethodRequestParameter(source) && !m.requestParameters.contains(source))
            error(where, QStringLiteral("source %1 is not declared in the method request").arg(source));
    }

    QStringList pathParameters(const Resource &r) const
    {
        QStringList names;
        // Bounded by the number of resources, so a cycle in a hand-edited file cannot hang lint.
        size_t guard = m_api.resources.size();
        for (const Resource *at = &r; at && !at->isRoot() && guard-- > 0; at = m_api.findResource(at->parentId)) {
            if (at->isParameter())
                names.append(at->parameterName());
        }
        return names;
    }

    void checkIntegration(const Resource &r, const Method &m, const Integration &i, const QString &at)
    {
        const QString where = at + QStringLiteral(" integration");
        if (i.needsUri() && i.uri.trimmed().isEmpty())
            error(where, QStringLiteral("uri is required"));
        if ((i.type == IntegrationType::Http || i.type == IntegrationType::HttpProxy) && !i.uri.isEmpty()
            && !i.uri.startsWith(QLatin1String("http://")) && !i.uri.startsWith(QLatin1String("https://"))
            && !i.uri.startsWith(QLatin1String("${stageVariables.")))
            error(where, QStringLiteral("uri \"%1\" must be an http:// or https:// URL").arg(i.uri));
        if (i.needsUri() && i.httpMethod.isEmpty())
            error(where, QStringLiteral("httpMethod is required for %1 integrations").arg(enumName(i.type)));
        else if (!i.httpMethod.isEmpty() && !httpVerbs().contains(i.httpMethod))
            error(where, QStringLiteral("httpMethod \"%1\" is not an HTTP verb").arg(i.httpMethod));
        if ((i.type == IntegrationType::AwsProxy) && !i.httpMethod.isEmpty() && i.httpMethod != QLatin1String("POST"))
            error(where, QStringLiteral("Lambda proxy integrations are invoked with POST, not %1").arg(i.httpMethod));
        if (i.timeoutInMillis < base::limits::kIntegrationTimeoutMinMs
            || i.timeoutInMillis > base::limits::kIntegrationTimeoutMaxMs)
            error(where, QStringLiteral("timeoutInMillis %1 is outside %2 to %3")
                             .arg(i.timeoutInMillis)
                             .arg(base::limits::kIntegrationTimeoutMinMs)
                             .arg(base::limits::kIntegrationTimeoutMaxMs));
        for (const auto &[target, source] : i.requestParameters) {
            if (!pathrules::isIntegrationRequestTarget(target))
                error(where, QStringLiteral("request parameter \"%1\" is not of the form "
                                            "integration.request.querystring|header|path.NAME")
                                 .arg(target));
            if (!pathrules::isRequestMappingSource(source))
                error(where, QStringLiteral("source \"%1\" of %2 is not a method request parameter, "
                                            "'literal', stageVariables.NAME or context.NAME")
                                 .arg(source, target));
            else
                checkDeclaredSource(r, m, where, source);
        }
        for (const auto &[status, response] : i.integrationResponses) {
            const QString ir = at + QStringLiteral(" integration response ") + status;
            checkStatusCode(ir, status);
            if (!m.methodResponses.contains(status))
                error(ir, QStringLiteral("there is no method response %1 to map it to").arg(status));
            for (const auto &[target, source] : response.responseParameters) {
                if (!pathrules::isMethodResponseHeader(target))
                    error(ir, QStringLiteral("response parameter \"%1\" is not of the form "
                                             "method.response.header.NAME")
                                  .arg(target));
                if (!pathrules::isResponseMappingSource(source))
                    error(ir, QStringLiteral("source \"%1\" of %2 is not integration.response.header.NAME, "
                                             "integration.response.body, 'literal', stageVariables.NAME "
                                             "or context.NAME")
                                  .arg(source, target));
            }
        }
    }

    void checkStatusCode(const QString &where, const QString &status)
    {
        bool ok = false;
        const int code = status.toInt(&ok);
        if (!ok || code < 100 || code > 599 || status.size() != 3)
            error(where, QStringLiteral("status code \"%1\" is not a three-digit HTTP status").arg(status));
    }

    void checkModelRefs(const QString &where, const StringMap &models)
    {
        for (const auto &[contentType, name] : models) {
            // "Empty" and "Error" are the two models every AWS API has without defining them.
            if (name == QLatin1String("Empty") || name == QLatin1String("Error"))
                continue;
            if (!m_api.findModel(name))
                error(where, QStringLiteral("model %1 (for %2) does not exist").arg(name, contentType));
        }
    }

    void checkNamedParts()
    {
        std::set<QString> modelNames;
        static const QRegularExpression modelName(QStringLiteral("^[a-zA-Z0-9]+$"));
        for (const Model &m : m_api.models) {
            const QString at = QStringLiteral("model ") + m.name;
            if (!modelNames.insert(m.name).second)
                error(at, QStringLiteral("another model has the same name"));
            if (!modelName.match(m.name).hasMatch())
                error(at, QStringLiteral("model names may only contain letters and digits"));
        }
        std::set<QString> authorizerIds;
        for (const Authorizer &a : m_api.authorizers) {
            const QString at = QStringLiteral("authorizer ") + a.name;
            if (!authorizerIds.insert(a.id).second)
                error(at, QStringLiteral("authorizer id %1 is used twice").arg(a.id));
            if (a.type != AuthorizerType::CognitoUserPools && a.authorizerUri.isEmpty())
                error(at, QStringLiteral("authorizerUri is required for %1 authorizers").arg(enumName(a.type)));
            if (a.type == AuthorizerType::CognitoUserPools && a.providerARNs.isEmpty())
                error(at, QStringLiteral("providerARNs is required for COGNITO_USER_POOLS authorizers"));
            if (a.authorizerResultTtlInSeconds < 0 || a.authorizerResultTtlInSeconds > base::limits::kAuthorizerTtlMaxSeconds)
                error(at, QStringLiteral("authorizerResultTtlInSeconds %1 is outside 0 to %2")
                              .arg(a.authorizerResultTtlInSeconds)
                              .arg(base::limits::kAuthorizerTtlMaxSeconds));
        }
        std::set<QString> validatorIds;
        for (const RequestValidator &v : m_api.requestValidators) {
            if (!validatorIds.insert(v.id).second)
                error(QStringLiteral("request validator ") + v.name,
                      QStringLiteral("request validator id %1 is used twice").arg(v.id));
        }
        if (m_api.minimumCompressionSize
            && (*m_api.minimumCompressionSize < 0 || *m_api.minimumCompressionSize > base::limits::kMinimumCompressionSizeMax))
            error(QStringLiteral("api"), QStringLiteral("Invalid minimum compression size, must be between 0 and %1")
                                             .arg(base::limits::kMinimumCompressionSizeMax));
    }

    const RestApi &m_api;
    std::vector<Diagnostic> &m_out;
};

void checkStagesAndAccess(const Project &p, std::vector<Diagnostic> &out)
{
    std::set<QString> deploymentIds;
    for (const Deployment &d : p.deployments) {
        if (!deploymentIds.insert(d.id).second)
            out.push_back(Diagnostic::error(QStringLiteral("deployment ") + d.id,
                                            QStringLiteral("deployment id is used twice")));
    }
    static const QRegularExpression variableName(QStringLiteral("^[a-zA-Z0-9_]+$"));
    std::set<QString> stageNames;
    for (const Stage &s : p.stages) {
        const QString at = QStringLiteral("stage ") + s.stageName;
        if (!stageNames.insert(s.stageName).second)
            out.push_back(Diagnostic::error(at, QStringLiteral("another stage has the same name")));
        if (const QString reason = pathrules::checkStageName(s.stageName); !reason.isEmpty())
            out.push_back(Diagnostic::error(at, reason));
        if (s.deploymentId.isEmpty())
            out.push_back(Diagnostic::error(at, QStringLiteral("the stage has no deployment")));
        else if (!p.findDeployment(s.deploymentId))
            out.push_back(Diagnostic::error(at, QStringLiteral("deployment %1 does not exist").arg(s.deploymentId)));
        for (const auto &[name, value] : s.variables) {
            if (!variableName.match(name).hasMatch())
                out.push_back(Diagnostic::error(at, QStringLiteral("stage variable name \"%1\" may only contain "
                                                                   "letters, digits and underscores")
                                                        .arg(name)));
        }
    }
    std::set<QString> keyIds;
    for (const ApiKey &k : p.apiKeys) {
        const QString at = QStringLiteral("API key ") + k.name;
        if (!keyIds.insert(k.id).second)
            out.push_back(Diagnostic::error(at, QStringLiteral("API key id %1 is used twice").arg(k.id)));
        if (k.value.size() < base::limits::kApiKeyMinLength || k.value.size() > base::limits::kApiKeyMaxLength)
            out.push_back(Diagnostic::error(at, QStringLiteral("the key value must be %1 to %2 characters long")
                                                    .arg(base::limits::kApiKeyMinLength)
                                                    .arg(base::limits::kApiKeyMaxLength)));
    }
    for (const UsagePlan &plan : p.usagePlans) {
        const QString at = QStringLiteral("usage plan ") + plan.name;
        for (const UsagePlanStage &s : plan.apiStages) {
            if (!p.findStage(s.stage))
                out.push_back(Diagnostic::error(at, QStringLiteral("stage %1 does not exist").arg(s.stage)));
        }
        for (const QString &keyId : plan.apiKeyIds) {
            if (!p.findApiKey(keyId))
                out.push_back(Diagnostic::error(at, QStringLiteral("API key %1 does not exist").arg(keyId)));
        }
        if (plan.quota && plan.quota->limit < 0)
            out.push_back(Diagnostic::error(at, QStringLiteral("quota limit must not be negative")));
        if (plan.throttle && (plan.throttle->rateLimit < 0 || plan.throttle->burstLimit < 0))
            out.push_back(Diagnostic::error(at, QStringLiteral("throttle limits must not be negative")));
    }
    std::set<QString> functionNames;
    for (const LocalFunction &f : p.localFunctions) {
        const QString at = QStringLiteral("local function ") + f.name;
        if (!functionNames.insert(f.name).second)
            out.push_back(Diagnostic::error(at, QStringLiteral("another local function has the same name")));
        if (f.kind == LocalFunctionKind::Handler && f.handler.isEmpty())
            out.push_back(Diagnostic::error(at, QStringLiteral("handler is required (file.function, as in AWS)")));
        if (f.kind == LocalFunctionKind::Command && f.command.isEmpty())
            out.push_back(Diagnostic::error(at, QStringLiteral("command is required")));
        if (f.kind == LocalFunctionKind::InvokeUrl && f.invokeUrl.isEmpty())
            out.push_back(Diagnostic::error(at, QStringLiteral("invokeUrl is required")));
    }
}

// Saved requests outlive edits to the API: say which ones no longer fit it. Warnings only, since
// AWS never sees them; `portico-cli test` would report them as failures.
void checkSavedRequests(const Project &p, std::vector<Diagnostic> &out)
{
    for (const SavedRequest &saved : p.savedRequests) {
        const QString at = QStringLiteral("saved request \"%1\" (%2 %3)").arg(saved.name, saved.resourcePath, saved.httpMethod);
        const Resource *resource = p.api.findResourceByPath(saved.resourcePath);
        if (!resource || !resource->methods.contains(saved.httpMethod))
            out.push_back(Diagnostic::warning(at, QStringLiteral("the method no longer exists")));
        // A path parameter renamed after the request was saved ({id} to {petId}) lands here.
        for (const QString &name : pathrules::pathParameterNames(saved.resourcePath)) {
            const auto value = saved.pathParameters.find(name);
            if (value == saved.pathParameters.end() || value->second.isEmpty())
                out.push_back(Diagnostic::warning(at, QStringLiteral("path parameter %1 has no value").arg(name)));
        }
        if (!saved.apiKeyId.isEmpty() && !p.findApiKey(saved.apiKeyId))
            out.push_back(Diagnostic::warning(at, QStringLiteral("API key %1 does not exist").arg(saved.apiKeyId)));
        for (const JsonPathExpectation &check : saved.expect.jsonPaths) {
            base::Result<jsonpath::Path> compiled = jsonpath::Path::compile(check.path);
            if (!compiled.ok())
                out.push_back(Diagnostic::warning(at, QStringLiteral("JSONPath %1: %2").arg(check.path, compiled.error().message)));
        }
    }
}

} // namespace

std::vector<Diagnostic> Linter::lintApi(const RestApi &api)
{
    std::vector<Diagnostic> out;
    ApiChecks(api, out).run();
    return out;
}

std::vector<Diagnostic> Linter::lint(const Project &project)
{
    std::vector<Diagnostic> out = lintApi(project.api);
    checkStagesAndAccess(project, out);
    checkSavedRequests(project, out);
    return out;
}

} // namespace portico::model
