#include "apidiff.h"

#include <QHash>

#include <algorithm>
#include <map>

namespace portico::model {

namespace {

// A value longer than this, or with more than one line, is a "long text": shown by its lines.
constexpr qsizetype kShortTextLength = 100;
// How many lines of a long text's changed region are shown before "… N more lines".
constexpr qsizetype kShownLines = 3;
// A shown line longer than this is cut with an ellipsis.
constexpr qsizetype kShownLineLength = 100;

const QString kSeparator = QStringLiteral(" \u203A ");
const QString kEllipsis = QStringLiteral("\u2026");

QString at(const QString &outer, const QString &inner)
{
    return outer + kSeparator + inner;
}

QString yesNo(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

QString requiredText(bool required)
{
    return required ? QStringLiteral("required") : QStringLiteral("optional");
}

template<typename E>
QString optionalEnum(const std::optional<E> &value)
{
    return value ? enumName(*value) : QString();
}

// A line longer than kShownLineLength is cut; when `column` (where it differs from its
// counterpart) lies beyond what would be shown, the shown part starts shortly before it.
QString cutLine(const QString &line, qsizetype column = 0)
{
    if (line.size() <= kShownLineLength)
        return line;
    constexpr qsizetype kContextBefore = 30;
    const qsizetype start = column + kContextBefore > kShownLineLength
        ? std::min(column - kContextBefore, line.size() - kShownLineLength)
        : 0;
    QString shown = line.mid(start, kShownLineLength);
    if (start > 0)
        shown.prepend(kEllipsis);
    if (start + kShownLineLength < line.size())
        shown.append(kEllipsis);
    return shown;
}

bool isLongText(const QString &text)
{
    return text.size() > kShortTextLength || text.contains(QLatin1Char('\n'));
}

// Lines [first, first + count) of `lines`, numbered from one, at most kShownLines of them; a
// single long line is cut around `column`.
QString numberedLines(const QStringList &lines, qsizetype first, qsizetype count, qsizetype column = 0)
{
    if (count == 0)
        return QStringLiteral("(no line %1)").arg(first + 1);
    QStringList shown;
    for (qsizetype i = first; i < first + std::min(count, kShownLines); ++i)
        shown.append(QStringLiteral("%1: %2").arg(i + 1).arg(cutLine(lines.at(i), count == 1 ? column : 0)));
    const qsizetype more = count - kShownLines;
    if (more == 1)
        shown.append(QStringLiteral("%1 1 more line").arg(kEllipsis));
    else if (more > 1)
        shown.append(QStringLiteral("%1 %2 more lines").arg(kEllipsis).arg(more));
    return shown.join(QLatin1Char('\n'));
}

// A whole long text, as Added or Removed show it: its first lines.
QString textSummary(const QString &text)
{
    if (!isLongText(text))
        return text;
    const QStringList lines = text.split(QLatin1Char('\n'));
    return numberedLines(lines, 0, lines.size());
}

qsizetype firstDifference(const QString &a, const QString &b)
{
    qsizetype i = 0;
    while (i < a.size() && i < b.size() && a.at(i) == b.at(i))
        ++i;
    return i;
}

// Only the lines that differ: the common first and last lines are left out.
std::pair<QString, QString> compactTextDiff(const QString &before, const QString &after)
{
    if (!isLongText(before) && !isLongText(after))
        return {before, after};
    // A text set or cleared: the other side is shown as it is (or "(none)").
    if (before.isEmpty() || after.isEmpty())
        return {textSummary(before), textSummary(after)};
    const QStringList a = before.split(QLatin1Char('\n'));
    const QStringList b = after.split(QLatin1Char('\n'));
    qsizetype head = 0;
    while (head < a.size() && head < b.size() && a.at(head) == b.at(head))
        ++head;
    qsizetype tail = 0;
    while (tail < a.size() - head && tail < b.size() - head
           && a.at(a.size() - 1 - tail) == b.at(b.size() - 1 - tail))
        ++tail;
    const qsizetype column = head < a.size() && head < b.size() ? firstDifference(a.at(head), b.at(head)) : 0;
    return {numberedLines(a, head, a.size() - head - tail, column),
            numberedLines(b, head, b.size() - head - tail, column)};
}

// The name a method's authorizer or validator id resolves to in its API, so that two imports
// (with different ids) of the same API compare equal.
QString authorizerName(const RestApi &api, const QString &id)
{
    const Authorizer *authorizer = api.findAuthorizer(id);
    return authorizer ? authorizer->name : id;
}

QString validatorName(const RestApi &api, const QString &id)
{
    const RequestValidator *validator = api.findRequestValidator(id);
    return validator ? validator->name : id;
}

QString integrationSummary(const Integration &integration)
{
    QStringList words {enumName(integration.type)};
    if (!integration.httpMethod.isEmpty() && integration.needsUri())
        words.append(integration.httpMethod);
    if (!integration.uri.isEmpty())
        words.append(cutLine(integration.uri));
    return words.join(QLatin1Char(' '));
}

QString methodSummary(const RestApi &api, const Method &method)
{
    QStringList parts;
    parts.append(method.integration ? integrationSummary(*method.integration)
                                    : QStringLiteral("no integration"));
    if (method.authorizationType != AuthorizationType::None) {
        QString authorization = QStringLiteral("authorization ") + enumName(method.authorizationType);
        if (!method.authorizerId.isEmpty())
            authorization += QStringLiteral(" (%1)").arg(authorizerName(api, method.authorizerId));
        parts.append(authorization);
    }
    if (method.apiKeyRequired)
        parts.append(QStringLiteral("API key required"));
    return parts.join(QStringLiteral(", "));
}

QString methodsSummary(const Resource &resource)
{
    if (resource.methods.empty())
        return QStringLiteral("no methods");
    QStringList verbs;
    for (const auto &entry : resource.methods)
        verbs.append(entry.first);
    return QStringLiteral("methods ") + verbs.join(QStringLiteral(", "));
}

QString mapSummary(const StringMap &map)
{
    QStringList entries;
    for (const auto &[key, value] : map)
        entries.append(QStringLiteral("%1 = %2").arg(key, cutLine(value)));
    return entries.join(QStringLiteral(", "));
}

QString keysSummary(const std::map<QString, bool> &map)
{
    QStringList keys;
    for (const auto &entry : map)
        keys.append(entry.first);
    return keys.join(QStringLiteral(", "));
}

QString methodResponseSummary(const MethodResponse &response)
{
    QStringList parts;
    if (!response.responseParameters.empty())
        parts.append(QStringLiteral("headers ") + keysSummary(response.responseParameters));
    if (!response.responseModels.empty())
        parts.append(QStringLiteral("models ") + mapSummary(response.responseModels));
    return parts.isEmpty() ? QStringLiteral("no headers or models") : parts.join(QStringLiteral("; "));
}

QString integrationResponseSummary(const IntegrationResponse &response)
{
    return response.selectionPattern.isEmpty()
        ? QStringLiteral("default response")
        : QStringLiteral("selection pattern ") + response.selectionPattern;
}

QString authorizerSummary(const Authorizer &authorizer)
{
    return QStringList {enumName(authorizer.type), cutLine(authorizer.authorizerUri)}.join(QLatin1Char(' ')).trimmed();
}

QString validatorSummary(const RequestValidator &validator)
{
    if (validator.validateRequestBody && validator.validateRequestParameters)
        return QStringLiteral("validates body and parameters");
    if (validator.validateRequestBody)
        return QStringLiteral("validates body");
    if (validator.validateRequestParameters)
        return QStringLiteral("validates parameters");
    return QStringLiteral("validates nothing");
}

// A schema is rarely short: its content type and size say enough about a model that came or went.
QString modelSummary(const Model &model)
{
    if (!isLongText(model.schema))
        return QStringLiteral("%1 %2").arg(model.contentType, model.schema);
    return QStringLiteral("%1, schema of %2 lines").arg(model.contentType).arg(model.schema.count(QLatin1Char('\n')) + 1);
}

// Collects the changes as the walk over both APIs finds them.
class ChangeCollector
{
public:
    std::vector<ApiChange> take() { return std::move(m_changes); }

    void added(const QString &where, const QString &after, bool textLines = false)
    {
        m_changes.push_back({ApiChange::Kind::Added, where, QString(), after, textLines});
    }

    void removed(const QString &where, const QString &before, bool textLines = false)
    {
        m_changes.push_back({ApiChange::Kind::Removed, where, before, QString(), textLines});
    }

    void value(const QString &where, const QString &before, const QString &after)
    {
        if (before != after)
            m_changes.push_back({ApiChange::Kind::Changed, where, before, after});
    }

    // A text that may be long (a template, a schema, a policy): only the lines that differ.
    void text(const QString &where, const QString &before, const QString &after)
    {
        if (before == after)
            return;
        auto [shownBefore, shownAfter] = compactTextDiff(before, after);
        m_changes.push_back({ApiChange::Kind::Changed, where, shownBefore, shownAfter,
                             isLongText(before) || isLongText(after)});
    }

    // Entries of a string map, each at "`where` › `label` KEY". `long` texts (templates) are
    // shown by their differing lines.
    void stringMap(const QString &where, const QString &label, const StringMap &from,
                   const StringMap &to, bool longTexts = false)
    {
        walkKeys(from, to, [&](const QString &key, const QString *a, const QString *b) {
            const QString place = at(where, label + QLatin1Char(' ') + key);
            if (!a)
                added(place, longTexts ? textSummary(*b) : *b, longTexts && isLongText(*b));
            else if (!b)
                removed(place, longTexts ? textSummary(*a) : *a, longTexts && isLongText(*a));
            else if (longTexts)
                text(place, *a, *b);
            else
                value(place, *a, *b);
        });
    }

    // A parameter map: "method.request.querystring.limit" -> required.
    void flagMap(const QString &where, const QString &label, const std::map<QString, bool> &from,
                 const std::map<QString, bool> &to)
    {
        walkKeys(from, to, [&](const QString &key, const bool *a, const bool *b) {
            const QString place = at(where, label + QLatin1Char(' ') + key);
            if (!a)
                added(place, requiredText(*b));
            else if (!b)
                removed(place, requiredText(*a));
            else
                value(place, requiredText(*a), requiredText(*b));
        });
    }

    // Calls `visit(key, fromValue, toValue)` for every key of either map in key order, with null
    // for the side that lacks it; the visitor compares what both have.
    template<typename Map, typename Visit>
    static void walkKeys(const Map &from, const Map &to, Visit visit)
    {
        auto a = from.begin();
        auto b = to.begin();
        while (a != from.end() || b != to.end()) {
            if (b == to.end() || (a != from.end() && a->first < b->first)) {
                visit(a->first, &a->second, nullptr);
                ++a;
            } else if (a == from.end() || b->first < a->first) {
                visit(b->first, nullptr, &b->second);
                ++b;
            } else {
                visit(a->first, &a->second, &b->second);
                ++a;
                ++b;
            }
        }
    }

private:
    std::vector<ApiChange> m_changes;
};

// Walks two APIs side by side; each function compares one part.
class ApiDiffer
{
public:
    ApiDiffer(const RestApi &from, const RestApi &to)
        : m_from(from)
        , m_to(to)
    {}

    std::vector<ApiChange> run()
    {
        settings();
        resources();
        models();
        authorizers();
        validators();
        gatewayResponses();
        return m_out.take();
    }

private:
    void settings()
    {
        const QString api = QStringLiteral("API");
        m_out.value(at(api, QStringLiteral("name")), m_from.name, m_to.name);
        m_out.text(at(api, QStringLiteral("description")), m_from.description, m_to.description);
        m_out.value(at(api, QStringLiteral("version")), m_from.version, m_to.version);
        m_out.value(at(api, QStringLiteral("endpoint type")),
                    enumName(m_from.endpointConfiguration.type), enumName(m_to.endpointConfiguration.type));
        m_out.value(at(api, QStringLiteral("VPC endpoints")),
                    m_from.endpointConfiguration.vpcEndpointIds.join(QStringLiteral(", ")),
                    m_to.endpointConfiguration.vpcEndpointIds.join(QStringLiteral(", ")));
        m_out.value(at(api, QStringLiteral("binary media types")),
                    m_from.binaryMediaTypes.join(QStringLiteral(", ")),
                    m_to.binaryMediaTypes.join(QStringLiteral(", ")));
        m_out.value(at(api, QStringLiteral("API key source")), enumName(m_from.apiKeySource),
                    enumName(m_to.apiKeySource));
        const auto size = [](const std::optional<int> &bytes) {
            return bytes ? QString::number(*bytes) : QString();
        };
        m_out.value(at(api, QStringLiteral("minimum compression size")),
                    size(m_from.minimumCompressionSize), size(m_to.minimumCompressionSize));
        m_out.text(at(api, QStringLiteral("resource policy")), m_from.policy, m_to.policy);
        m_out.value(at(api, QStringLiteral("execute-api endpoint disabled")),
                    yesNo(m_from.disableExecuteApiEndpoint), yesNo(m_to.disableExecuteApiEndpoint));
        m_out.stringMap(api, QStringLiteral("OpenAPI extra"), m_from.openApiExtras, m_to.openApiExtras);
    }

    // Like RestApi::pathOf for every resource at once, with a hash instead of a search per
    // parent, so that a 2,000-resource API is compared without a visible wait.
    static std::map<QString, const Resource *> byPath(const RestApi &api)
    {
        QHash<QString, const Resource *> byId;
        for (const Resource &resource : api.resources)
            byId.insert(resource.id, &resource);
        std::map<QString, const Resource *> paths;
        for (const Resource &resource : api.resources) {
            QStringList parts;
            const Resource *step = &resource;
            // A broken parent chain (a missing parent, a cycle in a hand-edited file) has no path;
            // such a resource cannot be compared by one.
            for (size_t depth = 0; step && !step->isRoot() && depth <= api.resources.size(); ++depth) {
                parts.prepend(step->pathPart);
                step = byId.value(step->parentId);
            }
            if (step && step->isRoot())
                paths.emplace(QLatin1Char('/') + parts.join(QLatin1Char('/')), &resource);
        }
        return paths;
    }

    void resources()
    {
        ChangeCollector::walkKeys(byPath(m_from), byPath(m_to),
                                  [&](const QString &path, const Resource *const *a,
                                      const Resource *const *b) {
                                      if (!a)
                                          m_out.added(path, methodsSummary(**b));
                                      else if (!b)
                                          m_out.removed(path, methodsSummary(**a));
                                      else
                                          methods(path, **a, **b);
                                  });
    }

    void methods(const QString &path, const Resource &from, const Resource &to)
    {
        ChangeCollector::walkKeys(from.methods, to.methods,
                                  [&](const QString &verb, const Method *a, const Method *b) {
                                      const QString where = verb + QLatin1Char(' ') + path;
                                      if (!a)
                                          m_out.added(where, methodSummary(m_to, *b));
                                      else if (!b)
                                          m_out.removed(where, methodSummary(m_from, *a));
                                      else
                                          method(where, *a, *b);
                                  });
    }

    void method(const QString &where, const Method &a, const Method &b)
    {
        m_out.value(at(where, QStringLiteral("operation name")), a.operationName, b.operationName);
        m_out.value(at(where, QStringLiteral("authorization")), enumName(a.authorizationType),
                    enumName(b.authorizationType));
        m_out.value(at(where, QStringLiteral("authorizer")), authorizerName(m_from, a.authorizerId),
                    authorizerName(m_to, b.authorizerId));
        m_out.value(at(where, QStringLiteral("OAuth scopes")), a.authorizationScopes.join(QLatin1Char(' ')),
                    b.authorizationScopes.join(QLatin1Char(' ')));
        m_out.value(at(where, QStringLiteral("API key required")), yesNo(a.apiKeyRequired),
                    yesNo(b.apiKeyRequired));
        m_out.value(at(where, QStringLiteral("request validator")),
                    validatorName(m_from, a.requestValidatorId), validatorName(m_to, b.requestValidatorId));
        m_out.flagMap(where, QStringLiteral("request parameter"), a.requestParameters, b.requestParameters);
        m_out.stringMap(where, QStringLiteral("request model"), a.requestModels, b.requestModels);
        integration(where, a.integration, b.integration);
        methodResponses(where, a.methodResponses, b.methodResponses);
        m_out.stringMap(where, QStringLiteral("OpenAPI extra"), a.openApiExtras, b.openApiExtras);
    }

    void integration(const QString &method, const std::optional<Integration> &from,
                     const std::optional<Integration> &to)
    {
        const QString where = at(method, QStringLiteral("integration"));
        if (!from && !to)
            return;
        if (!from) {
            m_out.added(where, integrationSummary(*to));
            return;
        }
        if (!to) {
            m_out.removed(where, integrationSummary(*from));
            return;
        }
        const Integration &a = *from;
        const Integration &b = *to;
        m_out.value(at(where, QStringLiteral("type")), enumName(a.type), enumName(b.type));
        m_out.value(at(where, QStringLiteral("HTTP method")), a.httpMethod, b.httpMethod);
        m_out.value(at(where, QStringLiteral("uri")), a.uri, b.uri);
        m_out.value(at(where, QStringLiteral("credentials")), a.credentials, b.credentials);
        m_out.value(at(where, QStringLiteral("connection type")), optionalEnum(a.connectionType),
                    optionalEnum(b.connectionType));
        m_out.value(at(where, QStringLiteral("connection id")), a.connectionId, b.connectionId);
        m_out.stringMap(where, QStringLiteral("request parameter"), a.requestParameters, b.requestParameters);
        m_out.stringMap(where, QStringLiteral("template"), a.requestTemplates, b.requestTemplates, true);
        m_out.value(at(where, QStringLiteral("passthrough behavior")), enumName(a.passthroughBehavior),
                    enumName(b.passthroughBehavior));
        m_out.value(at(where, QStringLiteral("content handling")), optionalEnum(a.contentHandling),
                    optionalEnum(b.contentHandling));
        m_out.value(at(where, QStringLiteral("timeout (ms)")), QString::number(a.timeoutInMillis),
                    QString::number(b.timeoutInMillis));
        m_out.value(at(where, QStringLiteral("cache namespace")), a.cacheNamespace, b.cacheNamespace);
        m_out.value(at(where, QStringLiteral("cache key parameters")),
                    a.cacheKeyParameters.join(QStringLiteral(", ")),
                    b.cacheKeyParameters.join(QStringLiteral(", ")));
        const auto skipsTls = [](const std::optional<TlsConfig> &tls) {
            return yesNo(tls && tls->insecureSkipVerification);
        };
        m_out.value(at(where, QStringLiteral("insecure TLS (skip verification)")), skipsTls(a.tlsConfig),
                    skipsTls(b.tlsConfig));
        m_out.stringMap(where, QStringLiteral("OpenAPI extra"), a.openApiExtras, b.openApiExtras);
        integrationResponses(method, a.integrationResponses, b.integrationResponses);
    }

    void integrationResponses(const QString &method, const std::map<QString, IntegrationResponse> &from,
                              const std::map<QString, IntegrationResponse> &to)
    {
        ChangeCollector::walkKeys(from, to, [&](const QString &status, const IntegrationResponse *a,
                                                const IntegrationResponse *b) {
            const QString where = at(method, QStringLiteral("integration response ") + status);
            if (!a) {
                m_out.added(where, integrationResponseSummary(*b));
                return;
            }
            if (!b) {
                m_out.removed(where, integrationResponseSummary(*a));
                return;
            }
            m_out.value(at(where, QStringLiteral("selection pattern")), a->selectionPattern,
                        b->selectionPattern);
            m_out.stringMap(where, QStringLiteral("header mapping"), a->responseParameters,
                            b->responseParameters);
            m_out.stringMap(where, QStringLiteral("template"), a->responseTemplates,
                            b->responseTemplates, true);
            m_out.value(at(where, QStringLiteral("content handling")), optionalEnum(a->contentHandling),
                        optionalEnum(b->contentHandling));
        });
    }

    void methodResponses(const QString &method, const std::map<QString, MethodResponse> &from,
                         const std::map<QString, MethodResponse> &to)
    {
        ChangeCollector::walkKeys(from, to, [&](const QString &status, const MethodResponse *a,
                                                const MethodResponse *b) {
            const QString where = at(method, QStringLiteral("method response ") + status);
            if (!a) {
                m_out.added(where, methodResponseSummary(*b));
                return;
            }
            if (!b) {
                m_out.removed(where, methodResponseSummary(*a));
                return;
            }
            m_out.flagMap(where, QStringLiteral("header"), a->responseParameters, b->responseParameters);
            m_out.stringMap(where, QStringLiteral("model"), a->responseModels, b->responseModels);
        });
    }

    template<typename T, typename KeyOf>
    static std::map<QString, const T *> byKey(const std::vector<T> &items, KeyOf keyOf)
    {
        std::map<QString, const T *> keyed;
        for (const T &item : items)
            keyed.emplace(keyOf(item), &item);
        return keyed;
    }

    // Calls `compare(where, from, to)` for items in both, Added / Removed with `summary` for the
    // others.
    template<typename T, typename KeyOf, typename Summary, typename Compare>
    void namedParts(const QString &noun, const std::vector<T> &from, const std::vector<T> &to,
                    KeyOf keyOf, Summary summary, Compare compare)
    {
        ChangeCollector::walkKeys(byKey(from, keyOf), byKey(to, keyOf),
                                  [&](const QString &key, const T *const *a, const T *const *b) {
                                      const QString where = noun + QLatin1Char(' ') + key;
                                      if (!a)
                                          m_out.added(where, summary(**b));
                                      else if (!b)
                                          m_out.removed(where, summary(**a));
                                      else
                                          compare(where, **a, **b);
                                  });
    }

    void models()
    {
        namedParts(
            QStringLiteral("model"), m_from.models, m_to.models, [](const Model &m) { return m.name; },
            modelSummary,
            [&](const QString &where, const Model &a, const Model &b) {
                m_out.value(at(where, QStringLiteral("description")), a.description, b.description);
                m_out.value(at(where, QStringLiteral("content type")), a.contentType, b.contentType);
                m_out.text(at(where, QStringLiteral("schema")), a.schema, b.schema);
            });
    }

    void authorizers()
    {
        namedParts(
            QStringLiteral("authorizer"), m_from.authorizers, m_to.authorizers,
            [](const Authorizer &a) { return a.name; }, authorizerSummary,
            [&](const QString &where, const Authorizer &a, const Authorizer &b) {
                m_out.value(at(where, QStringLiteral("type")), enumName(a.type), enumName(b.type));
                m_out.value(at(where, QStringLiteral("auth type")), a.authType, b.authType);
                m_out.value(at(where, QStringLiteral("uri")), a.authorizerUri, b.authorizerUri);
                m_out.value(at(where, QStringLiteral("credentials")), a.authorizerCredentials,
                            b.authorizerCredentials);
                m_out.value(at(where, QStringLiteral("identity source")), a.identitySource, b.identitySource);
                m_out.value(at(where, QStringLiteral("identity validation expression")),
                            a.identityValidationExpression, b.identityValidationExpression);
                m_out.value(at(where, QStringLiteral("result TTL (s)")),
                            QString::number(a.authorizerResultTtlInSeconds),
                            QString::number(b.authorizerResultTtlInSeconds));
                m_out.value(at(where, QStringLiteral("provider ARNs")), a.providerARNs.join(QStringLiteral(", ")),
                            b.providerARNs.join(QStringLiteral(", ")));
                m_out.stringMap(where, QStringLiteral("OpenAPI extra"), a.openApiExtras, b.openApiExtras);
            });
    }

    void validators()
    {
        namedParts(
            QStringLiteral("validator"), m_from.requestValidators, m_to.requestValidators,
            [](const RequestValidator &v) { return v.name; }, validatorSummary,
            [&](const QString &where, const RequestValidator &a, const RequestValidator &b) {
                m_out.value(at(where, QStringLiteral("validate body")), yesNo(a.validateRequestBody),
                            yesNo(b.validateRequestBody));
                m_out.value(at(where, QStringLiteral("validate parameters")),
                            yesNo(a.validateRequestParameters), yesNo(b.validateRequestParameters));
            });
    }

    void gatewayResponses()
    {
        namedParts(
            QStringLiteral("gateway response"), m_from.gatewayResponses, m_to.gatewayResponses,
            [](const GatewayResponse &g) { return g.responseType; },
            [](const GatewayResponse &g) {
                return g.statusCode.isEmpty() ? QStringLiteral("default status")
                                              : QStringLiteral("status ") + g.statusCode;
            },
            [&](const QString &where, const GatewayResponse &a, const GatewayResponse &b) {
                m_out.value(at(where, QStringLiteral("status code")), a.statusCode, b.statusCode);
                m_out.stringMap(where, QStringLiteral("header"), a.responseParameters, b.responseParameters);
                m_out.stringMap(where, QStringLiteral("template"), a.responseTemplates,
                                b.responseTemplates, true);
            });
    }

    const RestApi &m_from;
    const RestApi &m_to;
    ChangeCollector m_out;
};

QString shown(const QString &value)
{
    return value.isEmpty() ? QStringLiteral("(none)") : value;
}

QString indented(const QString &label, const QString &value)
{
    QStringList lines = shown(value).split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i)
        lines[i] = (i == 0 ? QStringLiteral("    %1 ").arg(label) : QStringLiteral("         ")) + lines.at(i);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

std::vector<ApiChange> diffApis(const RestApi &from, const RestApi &to)
{
    return ApiDiffer(from, to).run();
}

QString formatApiChange(const ApiChange &change)
{
    const bool multiLine = change.textLines || change.before.contains(QLatin1Char('\n'))
        || change.after.contains(QLatin1Char('\n'));
    switch (change.kind) {
    case ApiChange::Kind::Added:
        return multiLine ? QStringLiteral("+ %1\n%2").arg(change.where, indented(QStringLiteral("new:"), change.after))
                         : QStringLiteral("+ %1: %2").arg(change.where, shown(change.after));
    case ApiChange::Kind::Removed:
        return multiLine ? QStringLiteral("- %1\n%2").arg(change.where, indented(QStringLiteral("was:"), change.before))
                         : QStringLiteral("- %1: %2").arg(change.where, shown(change.before));
    case ApiChange::Kind::Changed:
        break;
    }
    if (multiLine) {
        return QStringLiteral("~ %1\n%2\n%3")
            .arg(change.where, indented(QStringLiteral("was:"), change.before),
                 indented(QStringLiteral("now:"), change.after));
    }
    return QStringLiteral("~ %1: %2 \u2192 %3").arg(change.where, shown(change.before), shown(change.after));
}

QString formatApiChanges(const std::vector<ApiChange> &changes)
{
    QString text;
    for (const ApiChange &change : changes)
        text += formatApiChange(change) + QLatin1Char('\n');
    return text;
}

} // namespace portico::model
