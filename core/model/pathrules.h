// API Gateway's rules for resource path parts and parameter expressions, in one place for the
// editing operations (which refuse a bad edit) and the linter (which reports a bad file).
#pragma once

#include <QString>
#include <QStringList>

namespace portico::model::pathrules {

// Empty when the part is acceptable as a child path part; otherwise AWS's reason.
QString checkPathPart(const QString &pathPart);

// Empty when `name` may name a stage (letters, digits, hyphens and underscores, at most
// limits::kStageNameMaxLength); otherwise why not.
QString checkStageName(const QString &name);

// The {param} names of a resource path, in order, without braces or "+": "/a/{id}/{proxy+}"
// gives id, proxy.
QStringList pathParameterNames(const QString &resourcePath);

// method.request.{querystring|header|path|multivaluequerystring|multivalueheader}.NAME
bool isMethodRequestParameter(const QString &expression);
// integration.request.{querystring|header|path|multivaluequerystring|multivalueheader}.NAME
bool isIntegrationRequestTarget(const QString &expression);
// A source for an integration request parameter: method.request.*, 'literal',
// stageVariables.NAME, context.NAME, method.request.body(.JSONPath)
bool isRequestMappingSource(const QString &expression);
// method.response.header.NAME
bool isMethodResponseHeader(const QString &expression);
// A source for a method response header: integration.response.header.NAME,
// integration.response.body(.JSONPath), 'literal', stageVariables.NAME, context.NAME,
// method.request.*
bool isResponseMappingSource(const QString &expression);

} // namespace portico::model::pathrules
