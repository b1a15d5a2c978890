// What the template workbench offers after `$`, `$input.`, `$util.`, `$context.`,
// `$stageVariables.` and inside `$input.path('$.` / `$input.json('$.`: the members API Gateway
// gives a mapping template, the sample's stage variables, and the property paths of the
// method's model. Pure text in, words out, so it is tested without an editor.
#pragma once

#include <QString>
#include <QStringList>

namespace portico::workbench {

struct Completion
{
    // How many characters before the cursor the chosen word replaces (what was typed of it).
    int replace = 0;
    QStringList words;
};

class VtlCompletions
{
public:
    // Property paths of a JSON Schema ("name", "owner.email", "tags"); refs to other models are
    // not followed.
    void setModelSchema(const QString &schemaJson);
    void setStageVariables(const QStringList &names) { m_stageVariables = names; }

    // The completions for the text of the line up to the cursor; empty when none apply.
    Completion at(const QString &lineBeforeCursor) const;

private:
    QStringList m_modelPaths;
    QStringList m_stageVariables;
};

} // namespace portico::workbench
