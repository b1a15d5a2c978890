#include "vtlcompletions.h"

#include "base/json.h"

#include <QRegularExpression>

namespace portico::workbench {

namespace {

// API Gateway's variables for mapping templates (developer guide, "API Gateway mapping template
// and access logging variable reference").
const QStringList &topLevel()
{
    static const QStringList words {QStringLiteral("$input"), QStringLiteral("$util"),
                                    QStringLiteral("$context"), QStringLiteral("$stageVariables")};
    return words;
}

const QStringList &inputMembers()
{
    static const QStringList words {
        QStringLiteral("body"),          QStringLiteral("json('$')"),
        QStringLiteral("path('$')"),     QStringLiteral("params()"),
        QStringLiteral("params('')"),    QStringLiteral("params().header"),
        QStringLiteral("params().path"), QStringLiteral("params().querystring")};
    return words;
}

const QStringList &utilMembers()
{
    static const QStringList words {
        QStringLiteral("escapeJavaScript()"), QStringLiteral("parseJson()"),
        QStringLiteral("urlEncode()"),        QStringLiteral("urlDecode()"),
        QStringLiteral("base64Encode()"),     QStringLiteral("base64Decode()")};
    return words;
}

const QStringList &contextMembers()
{
    static const QStringList words {QStringLiteral("accountId"),
                                    QStringLiteral("apiId"),
                                    QStringLiteral("authorizer.claims"),
                                    QStringLiteral("authorizer.principalId"),
                                    QStringLiteral("awsEndpointRequestId"),
                                    QStringLiteral("domainName"),
                                    QStringLiteral("domainPrefix"),
                                    QStringLiteral("error.message"),
                                    QStringLiteral("error.messageString"),
                                    QStringLiteral("error.responseType"),
                                    QStringLiteral("error.validationErrorString"),
                                    QStringLiteral("extendedRequestId"),
                                    QStringLiteral("httpMethod"),
                                    QStringLiteral("identity.accountId"),
                                    QStringLiteral("identity.apiKey"),
                                    QStringLiteral("identity.apiKeyId"),
                                    QStringLiteral("identity.caller"),
                                    QStringLiteral("identity.cognitoIdentityId"),
                                    QStringLiteral("identity.sourceIp"),
                                    QStringLiteral("identity.user"),
                                    QStringLiteral("identity.userAgent"),
                                    QStringLiteral("identity.userArn"),
                                    QStringLiteral("path"),
                                    QStringLiteral("protocol"),
                                    QStringLiteral("requestId"),
                                    QStringLiteral("requestOverride.header."),
                                    QStringLiteral("requestOverride.path."),
                                    QStringLiteral("requestOverride.querystring."),
                                    QStringLiteral("requestTime"),
                                    QStringLiteral("requestTimeEpoch"),
                                    QStringLiteral("resourceId"),
                                    QStringLiteral("resourcePath"),
                                    QStringLiteral("responseOverride.header."),
                                    QStringLiteral("responseOverride.status"),
                                    QStringLiteral("stage")};
    return words;
}

void collectPaths(const base::Json &schema, const QString &prefix, int depth, QStringList &out)
{
    if (depth > 8 || !schema.is_object())
        return;
    const auto properties = schema.find("properties");
    if (properties != schema.end() && properties->is_object()) {
        for (auto it = properties->begin(); it != properties->end(); ++it) {
            const QString path = prefix + base::toQString(it.key());
            out << path;
            collectPaths(*it, path + QLatin1Char('.'), depth + 1, out);
        }
    }
    const auto items = schema.find("items");
    if (items != schema.end())
        collectPaths(*items, prefix.isEmpty() ? prefix : prefix.chopped(1) + QStringLiteral("[0]."),
                     depth + 1, out);
}

Completion filtered(const QStringList &words, const QString &typed)
{
    Completion out;
    out.replace = static_cast<int>(typed.size());
    for (const QString &word : words)
        if (word.startsWith(typed, Qt::CaseInsensitive) && word != typed)
            out.words << word;
    return out;
}

} // namespace

void VtlCompletions::setModelSchema(const QString &schemaJson)
{
    m_modelPaths.clear();
    const base::Json schema = base::Json::parse(schemaJson.toStdString(), nullptr, false);
    collectPaths(schema, QString(), 0, m_modelPaths);
}

Completion VtlCompletions::at(const QString &line) const
{
    // Inside $input.path('$. or $input.json('$. : the model's property paths.
    static const QRegularExpression jsonPath(
        QStringLiteral("\\$input\\.(?:path|json)\\(\\s*['\"]\\$\\.([A-Za-z0-9_.\\[\\]]*)$"));
    if (const auto m = jsonPath.match(line); m.hasMatch())
        return filtered(m_modelPaths, m.captured(1));
    static const QRegularExpression member(
        QStringLiteral("\\$!?\\{?(input|util|context|stageVariables)\\.([A-Za-z0-9_.]*)$"));
    if (const auto m = member.match(line); m.hasMatch()) {
        const QString object = m.captured(1);
        const QString typed = m.captured(2);
        if (object == QLatin1String("input"))
            return filtered(inputMembers(), typed);
        if (object == QLatin1String("util"))
            return filtered(utilMembers(), typed);
        if (object == QLatin1String("context"))
            return filtered(contextMembers(), typed);
        return filtered(m_stageVariables, typed);
    }
    static const QRegularExpression variable(QStringLiteral("(\\$[A-Za-z]*)$"));
    if (const auto m = variable.match(line); m.hasMatch())
        return filtered(topLevel(), m.captured(1));
    return {};
}

} // namespace portico::workbench
