#include "templatebinding.h"

#include "editing/apidocument.h"
#include "model/apieditor.h"
#include "model/restapi.h"
#include "model/method.h"
#include "workbench/templateworkbench.h"

#include <QRegularExpression>
#include <QUndoStack>

#include <algorithm>

namespace portico::widgets {

using editing::TemplateSlot;

TemplateBinding::TemplateBinding(editing::ApiDocument *document, workbench::TemplateWorkbench *bench,
                                 const QString &resourceId, const QString &verb, const TemplateSlot &slot)
    : QObject(bench)
    , m_document(document)
    , m_bench(bench)
    , m_resourceId(resourceId)
    , m_verb(verb)
    , m_slot(slot)
{
    connect(bench, &workbench::TemplateWorkbench::templateEdited, this, [this](const QString &text) {
        const base::Status status
            = m_document->setTemplate(m_resourceId, m_verb, m_slot.statusCode, m_slot.contentType, text);
        if (!status.ok())
            Q_EMIT editRefused(status.error().toString());
    });
    connect(bench, &workbench::TemplateWorkbench::templateChosen, this, [this](int index) {
        if (index >= 0 && static_cast<size_t>(index) < m_choices.size() && m_choices[index] != m_slot)
            Q_EMIT templateChosen(m_choices[index]);
    });
    connect(bench, &workbench::TemplateWorkbench::addContentTypeRequested, this, &TemplateBinding::contentTypeWanted);
    // Undo, redo, an edit elsewhere (another tab, the method-execution view), the method deleted
    // or the project replaced.
    connect(document, &editing::ApiDocument::changed, this, &TemplateBinding::followDocument);
    showTemplate();
}

bool TemplateBinding::isBoundTo(const QString &resourceId, const QString &verb, const TemplateSlot &slot) const
{
    return m_resourceId == resourceId && m_verb == verb && m_slot == slot;
}

QString TemplateBinding::title() const
{
    return QStringLiteral("%1 %2 · %3").arg(m_verb, m_document->api().pathOf(m_resourceId), m_slot.label());
}

QString TemplateBinding::description() const
{
    const QString path = m_document->api().pathOf(m_resourceId);
    if (m_slot.isRequest())
        return tr("%1 %2: integration request template, %3").arg(m_verb, path, m_slot.contentType);
    return tr("%1 %2: integration response %3 template, %4").arg(m_verb, path, m_slot.statusCode, m_slot.contentType);
}

const model::Method *TemplateBinding::method() const
{
    const model::Resource *resource = m_document->api().findResource(m_resourceId);
    if (!resource)
        return nullptr;
    const auto found = resource->methods.find(m_verb);
    return found == resource->methods.end() ? nullptr : &found->second;
}

QString TemplateBinding::requestModelSchema() const
{
    // A request template reads the request body: its model's paths are offered as completions.
    // A response template reads the backend's answer, which no model of the API describes.
    const model::Method *m = method();
    if (!m || !m_slot.isRequest())
        return QString();
    const auto model = m->requestModels.find(m_slot.contentType);
    if (model == m->requestModels.end())
        return QString();
    const model::Model *found = m_document->api().findModel(model->second);
    return found ? found->schema : QString();
}

void TemplateBinding::retarget(const TemplateSlot &slot)
{
    if (slot == m_slot)
        return;
    m_slot = slot;
    showTemplate();
}

QStringList TemplateBinding::contentTypesOfPart() const
{
    QStringList types;
    if (const model::Method *m = method())
        for (const TemplateSlot &slot : editing::templatesOf(*m))
            if (slot.statusCode == m_slot.statusCode)
                types.append(slot.contentType);
    return types;
}

base::Status TemplateBinding::addContentType(const QString &contentType)
{
    const QString type = contentType.trimmed();
    // A media type, as API Gateway keys templates by: "type/subtype", no blanks.
    static const QRegularExpression mediaType(QStringLiteral("^[^\\s/]+/[^\\s/]+$"));
    if (!mediaType.match(type).hasMatch())
        return base::Diagnostic::error(type, tr("not a content type such as application/json"));
    const model::Method *m = method();
    if (!m || !editing::hasTemplatePart(*m, m_slot))
        return base::Diagnostic::error(title(), tr("the template's method is gone"));
    const TemplateSlot added {m_slot.statusCode, type};
    const std::vector<TemplateSlot> existing = editing::templatesOf(*m);
    if (std::find(existing.begin(), existing.end(), added) == existing.end()) {
        // A macro of its own, so that the typing that follows in the new template does not
        // merge into the step that created it: undo takes back the text, then the template.
        m_document->undoStack()->beginMacro(tr("Add Template %1").arg(type));
        const base::Status status = m_document->setTemplate(m_resourceId, m_verb, added.statusCode, type, QString());
        m_document->undoStack()->endMacro();
        if (!status.ok())
            return status;
    }
    retarget(added);
    return base::success();
}

void TemplateBinding::showTemplate()
{
    m_bench->setContentType(m_slot.contentType);
    m_schema = requestModelSchema();
    m_bench->setModelSchema(m_schema);
    m_bench->setTemplateText(
        model::ApiEditor::mappingTemplate(m_document->api(), m_resourceId, m_verb, m_slot.statusCode, m_slot.contentType)
            .value_or(QString()));
    fillChoices();
    m_title.clear();
    updateTitle();
}

void TemplateBinding::followDocument()
{
    const model::Method *m = method();
    if (!m || !editing::hasTemplatePart(*m, m_slot)) {
        Q_EMIT templateGone();
        return;
    }
    const QString text
        = model::ApiEditor::mappingTemplate(m_document->api(), m_resourceId, m_verb, m_slot.statusCode, m_slot.contentType)
              .value_or(QString());
    if (text != m_bench->templateText())
        m_bench->setTemplateText(text);
    // The request model may have been edited or chosen meanwhile.
    if (const QString schema = requestModelSchema(); schema != m_schema) {
        m_schema = schema;
        m_bench->setModelSchema(schema);
    }
    fillChoices();
    updateTitle();
}

void TemplateBinding::refreshChoices()
{
    m_choices.clear();
    fillChoices();
}

void TemplateBinding::fillChoices()
{
    const model::Method *m = method();
    std::vector<TemplateSlot> choices = m ? editing::templateChoices(*m, m_slot) : std::vector<TemplateSlot> {m_slot};
    // Refilled only when it changed: every keystroke changes the document.
    if (choices == m_choices && m_chosen == m_slot)
        return;
    m_choices = std::move(choices);
    m_chosen = m_slot;
    QStringList labels;
    int current = 0;
    for (size_t i = 0; i < m_choices.size(); ++i) {
        labels.append(m_choices[i].label());
        if (m_choices[i] == m_slot)
            current = static_cast<int>(i);
    }
    m_bench->setTemplateChoices(labels, current);
}

void TemplateBinding::updateTitle()
{
    const QString title = this->title();
    if (title == m_title)
        return;
    m_title = title;
    Q_EMIT titleChanged();
}

} // namespace portico::widgets
