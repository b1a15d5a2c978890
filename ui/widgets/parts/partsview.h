// The details panel for the navigator's parts tree: the form of the selected item (a model, a
// stage, ...) or, for a section row, a page that says what the section holds with its Add
// button. Forms refresh themselves when the document changes.
#pragma once

#include "base/json.h"
#include "editing/projectpartsmodel.h"

#include <QStackedWidget>

#include <array>
#include <functional>

class QLabel;
class QPushButton;

namespace portico::editing {
class ApiDocument;
}

namespace portico::widgets::parts {

class PartForm;

class PartsView : public QStackedWidget
{
    Q_OBJECT

public:
    explicit PartsView(editing::ApiDocument *document, QWidget *parent = nullptr);

    // An empty key shows the section's page. False when there is no such item.
    bool showPart(editing::PartKind kind, const QString &key);
    // nullptr for the kinds without a form of their own (deployments).
    PartForm *form(editing::PartKind kind) const { return m_forms[size_t(kind)]; }
    // The section page's Add button.
    QPushButton *addButton() const { return m_add; }
    // Replaces the section page of `kind` by `page` (the deployment history, say).
    void setSectionPage(editing::PartKind kind, QWidget *page);
    // Where the API key and usage plan forms read live usage (null while the runtime is stopped).
    void setUsageSource(std::function<base::Json()> source);

Q_SIGNALS:
    void addRequested(editing::PartKind kind);
    void historyRequested(const QString &stageName);

private:
    editing::ApiDocument *m_document;
    std::array<PartForm *, editing::kPartKindCount> m_forms {};
    std::array<QWidget *, editing::kPartKindCount> m_sectionPages {};
    QWidget *m_section = nullptr;
    QLabel *m_sectionTitle = nullptr;
    QLabel *m_sectionText = nullptr;
    QPushButton *m_add = nullptr;
    editing::PartKind m_sectionKind = editing::PartKind::Model;
};

} // namespace portico::widgets::parts
