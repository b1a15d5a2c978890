// What changed between two versions of a REST API, as a person reads it: the deploy dialog's
// "what you are about to deploy" and the deployment history's diff. Parts are matched by what a
// person sees rather than by id (ids differ across imports): resources by path, methods by verb,
// responses by status code, templates and models by content type, models, authorizers and
// validators by name, gateway responses by type; a method's authorizer and validator are compared
// by the name they resolve to.
#pragma once

#include "restapi.h"

#include <QString>

#include <vector>

namespace portico::model {

struct ApiChange
{
    enum class Kind { Added, Removed, Changed };

    Kind kind = Kind::Changed;
    // Where the change is, outermost first, joined by " › ": "API › name",
    // "/pets/{petId}", "GET /pets/{petId} › integration › uri", "model Pet › schema".
    QString where;
    // Changed: the value before and after. Added: `after` summarises what came (`before` is
    // empty); Removed: `before` summarises what went. A long text is shortened to the lines that
    // differ, each prefixed by its line number ("4: ..."), so a template edit stays readable.
    QString before;
    QString after;
    // `before` and `after` are numbered lines of a long text (a template, a schema, a policy),
    // which read best one below the other.
    bool textLines = false;

    friend bool operator==(const ApiChange &, const ApiChange &) = default;
};

// The changes that turn `from` into `to`, in a stable order: the API's settings, then resources
// by path (each followed by its methods by verb, each method's fields in the console's order:
// method request, integration request, integration responses, method responses), then models,
// authorizers, validators and gateway responses by name. Empty when the two define the same API.
std::vector<ApiChange> diffApis(const RestApi &from, const RestApi &to);

// "+ where: after", "- where: before" or "~ where: before → after"; lines of a text go on
// indented "new:", "was:" / "now:" lines below the location instead.
QString formatApiChange(const ApiChange &change);
// One formatted change after the other, each ending with a newline.
QString formatApiChanges(const std::vector<ApiChange> &changes);

} // namespace portico::model
