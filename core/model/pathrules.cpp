#include "pathrules.h"

#include "base/limits.h"

#include <QRegularExpression>

namespace portico::model::pathrules {

QString checkStageName(const QString &name)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-zA-Z0-9_-]+$"));
    if (allowed.match(name).hasMatch() && name.size() <= base::limits::kStageNameMaxLength)
        return {};
    return QStringLiteral("stage names may only contain letters, digits, hyphens and underscores (at most %1)")
        .arg(base::limits::kStageNameMaxLength);
}

namespace {
bool matches(const QString &pattern, const QString &text)
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    return re.match(text).hasMatch();
}

// Header names are tokens (RFC 9110); query and path names are anything printable but dots
// would be ambiguous only in the location, which AWS allows too.
const QString kName = QStringLiteral("[^\\s.]+(?:\\.[^\\s.]+)*");
} // namespace

QString checkPathPart(const QString &pathPart)
{
    if (pathPart.isEmpty())
        return QStringLiteral("path part is empty");
    if (pathPart.size() > base::limits::kPathPartMaxLength)
        return QStringLiteral("path part is longer than %1 characters")
            .arg(base::limits::kPathPartMaxLength);
    static const QRegularExpression literal(QStringLiteral("^[a-zA-Z0-9._-]+$"));
    static const QRegularExpression parameter(QStringLiteral("^\\{[a-zA-Z0-9._-]+\\+?\\}$"));
    if (literal.match(pathPart).hasMatch() || parameter.match(pathPart).hasMatch())
        return {};
    // AWS's own wording for CreateResource's BadRequestException.
    return QStringLiteral("Resource's path part only allow a-zA-Z0-9._- and curly braces at the "
                          "beginning and the end and an optional plus sign before the closing brace.");
}

bool isMethodRequestParameter(const QString &expression)
{
    return matches(QStringLiteral("method\\.request\\.(querystring|header|path|"
                                  "multivaluequerystring|multivalueheader)\\.")
                       + kName,
                   expression);
}

bool isIntegrationRequestTarget(const QString &expression)
{
    return matches(QStringLiteral("integration\\.request\\.(querystring|header|path|"
                                  "multivaluequerystring|multivalueheader)\\.")
                       + kName,
                   expression);
}

namespace {
bool isCommonSource(const QString &expression)
{
    return matches(QStringLiteral("'[^']*'"), expression)
           || matches(QStringLiteral("stageVariables\\.[a-zA-Z0-9_]+"), expression)
           || matches(QStringLiteral("context\\.[a-zA-Z0-9_.]+"), expression)
           || isMethodRequestParameter(expression);
}
} // namespace

bool isRequestMappingSource(const QString &expression)
{
    return isCommonSource(expression)
           || matches(QStringLiteral("method\\.request\\.body(\\..+)?"), expression);
}

bool isMethodResponseHeader(const QString &expression)
{
    return matches(QStringLiteral("method\\.response\\.header\\.") + kName, expression);
}

bool isResponseMappingSource(const QString &expression)
{
    return isCommonSource(expression)
           || matches(QStringLiteral("integration\\.response\\.(header|multivalueheader)\\.")
                          + kName,
                      expression)
           || matches(QStringLiteral("integration\\.response\\.body(\\..+)?"), expression);
}

QStringList pathParameterNames(const QString &resourcePath)
{
    static const QRegularExpression parameter(QStringLiteral("\\{([^}+]+)\\+?\\}"));
    QStringList names;
    for (auto it = parameter.globalMatch(resourcePath); it.hasNext();)
        names.append(it.next().captured(1));
    return names;
}

} // namespace portico::model::pathrules
