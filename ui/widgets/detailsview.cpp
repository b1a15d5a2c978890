#include "detailsview.h"

#include "verbbadgedelegate.h"

#include "model/enums.h"

namespace portico::widgets {

namespace {

QString escaped(const QString &text)
{
    return text.toHtmlEscaped();
}

QString row(const QString &label, const QString &value)
{
    // One label width for every table, so that the values of all sections line up.
    return QStringLiteral("<tr><td class=\"label\" width=\"150\">%1</td><td>%2</td></tr>")
        .arg(escaped(label), value);
}

// The verb as the navigator shows it, so a method reads the same in both places.
QString badge(const QString &verb)
{
    return QStringLiteral("<span style=\"background-color:%1; color:white; font-weight:bold\">"
                          "&nbsp;%2&nbsp;</span>")
        .arg(VerbBadgeDelegate::badgeColor(verb).name(), escaped(verb));
}

QString code(const QString &text)
{
    return QStringLiteral("<code>%1</code>").arg(escaped(text));
}

QString integrationType(const model::Method &method)
{
    return method.integration ? model::enumName(method.integration->type) : DetailsView::tr("none");
}

QString integrationUri(const model::Method &method)
{
    if (!method.integration || method.integration->uri.isEmpty())
        return QString();
    return method.integration->uri;
}

} // namespace

DetailsView::DetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("details"));
    setOpenLinks(false);
    setFrameShape(QFrame::NoFrame);
    document()->setDocumentMargin(16);
    document()->setDefaultStyleSheet(QStringLiteral(
        "td { padding: 3px 16px 3px 0px; vertical-align: middle; } td.label { font-weight: bold; } "
        "h2 { margin-bottom: 12px; } h3 { margin-top: 20px; margin-bottom: 6px; }"));
}

void DetailsView::showSelection(const model::RestApi &api, const QString &resourceId,
                                const QString &verb)
{
    setHtml(describe(api, resourceId, verb));
}

QString DetailsView::describe(const model::RestApi &api, const QString &resourceId,
                              const QString &verb)
{
    const model::Resource *resource = api.findResource(resourceId);
    if (!resource)
        return QString();
    if (verb.isEmpty())
        return describeResource(api, *resource);
    const auto method = resource->methods.find(verb);
    if (method == resource->methods.end())
        return QString();
    return describeMethod(api, *resource, method->second);
}

QString DetailsView::describeResource(const model::RestApi &api, const model::Resource &resource)
{
    const QString path = api.pathOf(resource.id);
    QString html = QStringLiteral("<h2>%1</h2>").arg(escaped(path));
    if (resource.isRoot() && !api.name.isEmpty()) {
        html += QStringLiteral("<p><b>%1</b>").arg(escaped(api.name));
        if (!api.description.isEmpty())
            html += QStringLiteral("<br>%1").arg(escaped(api.description));
        html += QStringLiteral("</p>");
    }
    html += QStringLiteral("<table cellspacing=\"0\">");
    html += row(tr("Full path"), code(path));
    html += row(tr("Resource id"), code(resource.id));
    if (resource.isParameter()) {
        html += row(tr("Path parameter"),
                    code(resource.parameterName())
                        + (resource.isGreedy() ? tr(" (greedy: matches the rest of the path)")
                                               : QString()));
    }
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3>").arg(tr("Methods"));
    if (resource.methods.empty())
        return html + QStringLiteral("<p>%1</p>").arg(tr("No methods yet."));
    html += QStringLiteral("<table cellspacing=\"0\">");
    for (const QString &verb : model::httpVerbs()) {
        const auto it = resource.methods.find(verb);
        if (it == resource.methods.end())
            continue;
        html += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                    .arg(badge(verb), escaped(integrationType(it->second)),
                         code(integrationUri(it->second)));
    }
    return html + QStringLiteral("</table>");
}

QString DetailsView::describeMethod(const model::RestApi &api, const model::Resource &resource,
                                    const model::Method &method)
{
    const QString path = api.pathOf(resource.id);
    QString html = QStringLiteral("<h2>%1 %2</h2>").arg(badge(method.httpMethod), escaped(path));
    html += QStringLiteral("<table cellspacing=\"0\">");
    html += row(tr("Full path"), code(path));
    if (!method.operationName.isEmpty())
        html += row(tr("Operation"), escaped(method.operationName));
    html += row(tr("Authorization"), escaped(model::enumName(method.authorizationType)));
    html += row(tr("API key required"), method.apiKeyRequired ? tr("yes") : tr("no"));
    html += QStringLiteral("</table>");

    html += QStringLiteral("<h3>%1</h3><table cellspacing=\"0\">").arg(tr("Integration"));
    html += row(tr("Type"), escaped(integrationType(method)));
    if (method.integration && !method.integration->httpMethod.isEmpty())
        html += row(tr("HTTP method"), escaped(method.integration->httpMethod));
    const QString uri = integrationUri(method);
    if (!uri.isEmpty())
        html += row(tr("URI"), code(uri));
    if (method.integration)
        html += row(tr("Timeout"), tr("%1 ms").arg(method.integration->timeoutInMillis));
    return html + QStringLiteral("</table>");
}

} // namespace portico::widgets
