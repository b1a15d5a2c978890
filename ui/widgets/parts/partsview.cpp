#include "partsview.h"

#include "liveusageview.h"

#include "modelform.h"
#include "simpleforms.h"
#include "stageforms.h"

#include "editing/apidocument.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace portico::widgets::parts {

using editing::PartKind;

namespace {

// What each section is, in the words of the API Gateway developer guide, and the Add button.
struct SectionText
{
    const char *text;
    const char *add;
};
constexpr std::array<SectionText, editing::kPartKindCount> kSectionTexts {{
    {QT_TRANSLATE_NOOP("PartsView", "A model is a JSON Schema (draft 4) of a request or response body. "
                                    "Methods use models to validate request bodies and to describe responses; "
                                    "the template workbench offers a model's properties as completions."),
     QT_TRANSLATE_NOOP("PartsView", "Add &Model...")},
    {QT_TRANSLATE_NOOP("PartsView", "An authorizer decides whether a request may call a method: a Lambda "
                                    "function given a token (TOKEN) or the request's parameters (REQUEST), or an "
                                    "Amazon Cognito user pool."),
     QT_TRANSLATE_NOOP("PartsView", "Add &Authorizer...")},
    {QT_TRANSLATE_NOOP("PartsView", "A request validator tells API Gateway to check a method's required "
                                    "parameters, its body against the model, or both, before the integration runs."),
     QT_TRANSLATE_NOOP("PartsView", "Add &Validator...")},
    {QT_TRANSLATE_NOOP("PartsView", "Gateway responses are the answers API Gateway gives itself (missing "
                                    "authentication token, throttled, bad request body, ...). Customise their status, "
                                    "headers (CORS) and body."),
     QT_TRANSLATE_NOOP("PartsView", "&Customise a Response...")},
    {QT_TRANSLATE_NOOP("PartsView", "Local functions stand in for Lambda functions: integrations and "
                                    "authorizers whose function ARN ends in a function's name invoke it, as Node.js or "
                                    "Python code, any command, or a Lambda emulator's invoke URL."),
     QT_TRANSLATE_NOOP("PartsView", "Add &Function...")},
    {QT_TRANSLATE_NOOP("PartsView", "A stage serves one deployment of the API at /STAGE/..., with its own "
                                    "stage variables and throttling."),
     QT_TRANSLATE_NOOP("PartsView", "&Deploy to a New Stage...")},
    {QT_TRANSLATE_NOOP("PartsView", "A deployment is a snapshot of the API; stages serve deployments, so "
                                    "editing the API changes nothing a stage serves until you deploy."),
     QT_TRANSLATE_NOOP("PartsView", "&Deploy...")},
    {QT_TRANSLATE_NOOP("PartsView", "API keys identify callers of methods that require one (x-api-key "
                                    "header); usage plans give keys their throttling and quotas."),
     QT_TRANSLATE_NOOP("PartsView", "Add API &Key...")},
    {QT_TRANSLATE_NOOP("PartsView", "A usage plan throttles and meters the API keys in it, on the stages "
                                    "it names."),
     QT_TRANSLATE_NOOP("PartsView", "Add &Usage Plan...")},
}};

QWidget *scrollable(QWidget *form)
{
    auto *scroll = new QScrollArea;
    scroll->setWidget(form);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    return scroll;
}

} // namespace

PartsView::PartsView(editing::ApiDocument *document, QWidget *parent)
    : QStackedWidget(parent)
    , m_document(document)
{
    setObjectName(QStringLiteral("partsView"));
    m_forms[size_t(PartKind::Model)] = new ModelForm(document);
    m_forms[size_t(PartKind::Authorizer)] = new AuthorizerForm(document);
    m_forms[size_t(PartKind::RequestValidator)] = new ValidatorForm(document);
    m_forms[size_t(PartKind::GatewayResponse)] = new GatewayResponseForm(document);
    m_forms[size_t(PartKind::LocalFunction)] = new FunctionForm(document);
    auto *stageForm = new StageForm(document);
    connect(stageForm, &StageForm::historyRequested, this, &PartsView::historyRequested);
    m_forms[size_t(PartKind::Stage)] = stageForm;
    m_forms[size_t(PartKind::ApiKey)] = new ApiKeyForm(document);
    m_forms[size_t(PartKind::UsagePlan)] = new UsagePlanForm(document);
    for (PartForm *form : m_forms) {
        if (form)
            addWidget(scrollable(form));
    }

    m_section = new QWidget;
    m_section->setObjectName(QStringLiteral("sectionPage"));
    m_sectionTitle = new QLabel;
    QFont font = m_sectionTitle->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    m_sectionTitle->setFont(font);
    m_sectionText = new QLabel;
    m_sectionText->setWordWrap(true);
    m_sectionText->setTextFormat(Qt::PlainText);
    m_add = new QPushButton;
    m_add->setObjectName(QStringLiteral("sectionAdd"));
    connect(m_add, &QPushButton::clicked, this, [this] { Q_EMIT addRequested(m_sectionKind); });
    auto *layout = new QVBoxLayout(m_section);
    layout->addWidget(m_sectionTitle);
    layout->addWidget(m_sectionText);
    layout->addWidget(m_add, 0, Qt::AlignLeft);
    layout->addStretch(1);
    addWidget(m_section);

    connect(m_document, &editing::ApiDocument::changed, this, [this] {
        if (auto *scroll = qobject_cast<QScrollArea *>(currentWidget()))
            if (auto *form = qobject_cast<PartForm *>(scroll->widget()))
                form->refresh();
    });
}

bool PartsView::showPart(PartKind kind, const QString &key)
{
    if (key.isEmpty() || !m_forms[size_t(kind)]) {
        if (QWidget *page = m_sectionPages[size_t(kind)]) {
            setCurrentWidget(page);
            return true;
        }
        m_sectionKind = kind;
        m_sectionTitle->setText(editing::sectionTitle(kind));
        m_sectionText->setText(tr(kSectionTexts[size_t(kind)].text));
        m_add->setText(tr(kSectionTexts[size_t(kind)].add));
        setCurrentWidget(m_section);
        return true;
    }
    PartForm *form = m_forms[size_t(kind)];
    if (!form->showItem(key))
        return false;
    setCurrentWidget(form->parentWidget()->parentWidget());
    return true;
}

void PartsView::setSectionPage(PartKind kind, QWidget *page)
{
    m_sectionPages[size_t(kind)] = page;
    addWidget(page);
}

void PartsView::setUsageSource(std::function<base::Json()> source)
{
    if (auto *keys = qobject_cast<ApiKeyForm *>(form(editing::PartKind::ApiKey)))
        keys->usageView()->setSource(source);
    if (auto *plans = qobject_cast<UsagePlanForm *>(form(editing::PartKind::UsagePlan)))
        plans->usageView()->setSource(source);
}

} // namespace portico::widgets::parts
