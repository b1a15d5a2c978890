// The mapping templates of one method, as the template workbench offers them to switch between:
// the integration request's, one per content type, then each integration response's, by status
// code and content type. No widgets, so the list and its labels are tested without a window.
#pragma once

#include <QString>

#include <vector>

namespace portico::model {
struct Method;
}

namespace portico::editing {

// Where one mapping template of a method lives. It need not exist yet: a workbench opened on a
// response without a template creates it with the first keystroke.
struct TemplateSlot
{
    // Empty for the integration request; else the integration response's status code.
    QString statusCode;
    QString contentType;

    bool isRequest() const { return statusCode.isEmpty(); }
    // "request · application/json", "200 · application/json".
    QString label() const;

    friend bool operator==(const TemplateSlot &, const TemplateSlot &) = default;
};

// Every template the method has: the request's first, then the responses' by status code, each
// part's by content type. Empty when the method has no integration.
std::vector<TemplateSlot> templatesOf(const model::Method &method);

// What a workbench tied to `current` offers: templatesOf(method), and `current` in its place
// when the method does not hold it (yet, or any more).
std::vector<TemplateSlot> templateChoices(const model::Method &method, const TemplateSlot &current);

// True when the method's integration has the part `slot` belongs to (the request always, a
// response when the integration response of its status code exists).
bool hasTemplatePart(const model::Method &method, const TemplateSlot &slot);

} // namespace portico::editing
