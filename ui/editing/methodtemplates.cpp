#include "methodtemplates.h"

#include "model/method.h"

#include <QCoreApplication>

#include <algorithm>

namespace portico::editing {

namespace {

// Request first, then responses by status code (as the method-execution view lists them), then
// content types alphabetically: the order std::map keeps them in.
bool comesBefore(const TemplateSlot &a, const TemplateSlot &b)
{
    if (a.isRequest() != b.isRequest())
        return a.isRequest();
    if (a.statusCode != b.statusCode)
        return a.statusCode < b.statusCode;
    return a.contentType < b.contentType;
}

} // namespace

QString TemplateSlot::label() const
{
    const QString part = isRequest() ? QCoreApplication::translate("Portico", "request") : statusCode;
    return QStringLiteral("%1 · %2").arg(part, contentType);
}

std::vector<TemplateSlot> templatesOf(const model::Method &method)
{
    std::vector<TemplateSlot> templates;
    if (!method.integration)
        return templates;
    for (const auto &[contentType, text] : method.integration->requestTemplates)
        templates.push_back({QString(), contentType});
    for (const auto &[statusCode, response] : method.integration->integrationResponses)
        for (const auto &[contentType, text] : response.responseTemplates)
            templates.push_back({statusCode, contentType});
    return templates;
}

std::vector<TemplateSlot> templateChoices(const model::Method &method, const TemplateSlot &current)
{
    std::vector<TemplateSlot> choices = templatesOf(method);
    if (std::find(choices.begin(), choices.end(), current) == choices.end())
        choices.insert(std::lower_bound(choices.begin(), choices.end(), current, comesBefore), current);
    return choices;
}

bool hasTemplatePart(const model::Method &method, const TemplateSlot &slot)
{
    if (!method.integration)
        return false;
    return slot.isRequest() || method.integration->integrationResponses.contains(slot.statusCode);
}

} // namespace portico::editing
