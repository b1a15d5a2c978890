// Ties a template workbench to one mapping template of a method in the document: shows its text
// (and, for a request template, the request model's paths as completions), sends every edit to
// the document as an undoable command, follows undo and redo, and fills the workbench's template
// bar with the method's other templates. Switching to another one re-targets the same workbench.
#pragma once

#include "base/result.h"
#include "editing/methodtemplates.h"

#include <QObject>

#include <vector>

namespace portico::editing {
class ApiDocument;
}

namespace portico::model {
struct Method;
}

namespace portico::workbench {
class TemplateWorkbench;
}

namespace portico::widgets {

class TemplateBinding : public QObject
{
    Q_OBJECT

public:
    // A child of `bench`: it lives as long as the workbench does.
    TemplateBinding(editing::ApiDocument *document, workbench::TemplateWorkbench *bench, const QString &resourceId,
                    const QString &verb, const editing::TemplateSlot &slot);

    QString resourceId() const { return m_resourceId; }
    QString verb() const { return m_verb; }
    editing::TemplateSlot slot() const { return m_slot; }
    bool isBoundTo(const QString &resourceId, const QString &verb, const editing::TemplateSlot &slot) const;

    // "GET /pets/{petId} · request · application/json": a tab's title.
    QString title() const;
    // "GET /pets/{petId}: integration request template, application/json": its tooltip.
    QString description() const;

    // Shows another template of the same method in the workbench.
    void retarget(const editing::TemplateSlot &slot);
    // Adds an empty template for `contentType` beside the shown one (to the request, or to the
    // same integration response) as one undo step, and shows it. An existing one is just shown.
    base::Status addContentType(const QString &contentType);
    // Shows the bound template as chosen in the template bar again (after a choice that went to
    // another tab).
    void refreshChoices();
    // The content types the shown template's part has templates for.
    QStringList contentTypesOfPart() const;

Q_SIGNALS:
    // The person chose another of the method's templates in the template bar; the owner
    // re-targets (or shows a tab that already has it).
    void templateChosen(const editing::TemplateSlot &slot);
    // The person chose "Add content type…".
    void contentTypeWanted();
    // The title or description changed (another template, a renamed resource).
    void titleChanged();
    // The document refused an edit of the template (the message says why).
    void editRefused(const QString &message);
    // The method, its integration or the template's integration response no longer exists.
    void templateGone();

private:
    const model::Method *method() const;
    // Empty when the template is not a request template or its content type has no model.
    QString requestModelSchema() const;
    void showTemplate();
    void followDocument();
    void fillChoices();
    void updateTitle();

    editing::ApiDocument *m_document;
    workbench::TemplateWorkbench *m_bench;
    QString m_resourceId;
    QString m_verb;
    editing::TemplateSlot m_slot;
    // What the template bar lists, in its order.
    std::vector<editing::TemplateSlot> m_choices;
    // The template the bar shows as chosen.
    editing::TemplateSlot m_chosen;
    // The request model's schema the workbench completes from.
    QString m_schema;
    // The last title announced with titleChanged().
    QString m_title;
};

} // namespace portico::widgets
