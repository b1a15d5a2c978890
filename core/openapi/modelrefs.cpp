#include "modelrefs.h"

#include <QRegularExpression>

#include <functional>

namespace portico::openapi {

using base::Json;

QString modelUrl(const QString &apiId, const QString &modelName)
{
    return QStringLiteral("https://apigateway.amazonaws.com/restapis/%1/models/%2")
        .arg(apiId, modelName);
}

QString referencedModelName(const QString &ref)
{
    static const QLatin1String localForms[]
        = {QLatin1String("#/definitions/"), QLatin1String("#/components/schemas/")};
    for (const QLatin1String prefix : localForms) {
        if (ref.startsWith(prefix)) {
            // One JSON pointer token after the prefix, unescaped ("~1" is "/").
            const QStringList tokens = base::jsonPointerTokens(ref.mid(prefix.size() - 1));
            return tokens.size() == 1 ? tokens.front() : QString();
        }
    }
    static const QRegularExpression url(
        QStringLiteral("^https://apigateway\\.amazonaws\\.com/restapis/[^/]+/models/([^/]+)$"));
    const QRegularExpressionMatch match = url.match(ref);
    return match.hasMatch() ? match.captured(1) : QString();
}

void rewriteModelRefs(Json &node, const std::function<QString(const QString &)> &target)
{
    if (node.is_object()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (it.key() == "$ref" && it->is_string()) {
                const QString name = referencedModelName(base::toQString(it->get<std::string>()));
                const QString replacement = name.isEmpty() ? QString() : target(name);
                if (!replacement.isEmpty())
                    *it = base::toStd(replacement);
            } else {
                rewriteModelRefs(*it, target);
            }
        }
    } else if (node.is_array()) {
        for (Json &element : node)
            rewriteModelRefs(element, target);
    }
}

void rewriteRefsToModelUrls(Json &schema, const QString &apiId)
{
    rewriteModelRefs(schema, [&](const QString &name) { return modelUrl(apiId, name); });
}

void rewriteRefsToLocal(Json &schema, const QString &localPrefix)
{
    rewriteModelRefs(schema, [&](const QString &name) { return localPrefix + name; });
}

} // namespace portico::openapi
