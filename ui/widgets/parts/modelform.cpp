#include "modelform.h"

#include "widgets/methodexecution/formfields.h"
#include "workbench/qscintilla.h"

#include "base/json.h"
#include "openapi/examplegenerator.h"
#include "runtime/modelschemas.h"

#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace portico::widgets::parts {

namespace {

// The schemas of the API's models that parse, by name, with `name`'s replaced by `schema`.
std::map<QString, base::Json> parsedSchemas(const model::RestApi &api)
{
    std::map<QString, base::Json> schemas;
    for (const model::Model &m : api.models) {
        base::Json json;
        base::JsonParseError error;
        if (base::parseJson(m.schema.toUtf8(), json, error))
            schemas.emplace(m.name, std::move(json));
    }
    return schemas;
}

} // namespace

ModelForm::ModelForm(editing::ApiDocument *document, QWidget *parent)
    : PartForm(document, tr("Model"), parent)
{
    using model::Model;
    m_contentType = addLine(tr("Content type"), QStringLiteral("modelContentType"), [this](const QString &text) {
        edit<Model>(tr("Change Model Content Type"), [&](Model &m) { m.contentType = text; }, QStringLiteral("contentType"));
    });
    m_description = addLine(tr("Description"), QStringLiteral("modelDescription"), [this](const QString &text) {
        edit<Model>(tr("Change Model Description"), [&](Model &m) { m.description = text; }, QStringLiteral("description"));
    });

    m_schema = new QsciScintilla;
    m_schema->setObjectName(QStringLiteral("modelSchema"));
    m_schema->setUtf8(true);
    auto *lexer = new QsciLexerJSON(m_schema);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    lexer->setDefaultFont(mono);
    lexer->setFont(mono);
    // The lexer's colours are for a light background: on a dark palette keep its hues but the
    // palette's paper and text.
    const QPalette pal = palette();
    if (pal.color(QPalette::Base).lightness() < 128) {
        lexer->setDefaultPaper(pal.color(QPalette::Base));
        lexer->setPaper(pal.color(QPalette::Base));
        lexer->setDefaultColor(pal.color(QPalette::Text));
        lexer->setColor(pal.color(QPalette::Text), QsciLexerJSON::Default);
        lexer->setColor(pal.color(QPalette::Text), QsciLexerJSON::Operator);
        // Lighter hues that read on a dark background.
        lexer->setColor(QColor(0x9c, 0xdc, 0xfe), QsciLexerJSON::Property);
        lexer->setColor(QColor(0xce, 0x91, 0x78), QsciLexerJSON::String);
        lexer->setColor(QColor(0xf4, 0x87, 0x71), QsciLexerJSON::UnclosedString);
        lexer->setColor(QColor(0xb5, 0xce, 0xa8), QsciLexerJSON::Number);
        lexer->setColor(QColor(0x56, 0x9c, 0xd6), QsciLexerJSON::Keyword);
        lexer->setColor(QColor(0xd7, 0xba, 0x7d), QsciLexerJSON::EscapeSequence);
        lexer->setColor(QColor(0x4f, 0xc1, 0xff), QsciLexerJSON::IRI);
        lexer->setColor(QColor(0x4f, 0xc1, 0xff), QsciLexerJSON::IRICompact);
        lexer->setColor(QColor(0x6a, 0x99, 0x55), QsciLexerJSON::CommentLine);
        lexer->setColor(QColor(0x6a, 0x99, 0x55), QsciLexerJSON::CommentBlock);
    }
    m_schema->setLexer(lexer);
    // Margin and caret from the palette, so that a dark one gets no bright stripe or lost caret.
    m_schema->setMarginsBackgroundColor(pal.color(QPalette::Window));
    m_schema->setMarginsForegroundColor(pal.color(QPalette::PlaceholderText));
    m_schema->setCaretForegroundColor(pal.color(QPalette::Text));
    m_schema->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_schema->setMarginType(0, QsciScintilla::NumberMargin);
    m_schema->setMarginLineNumbers(0, true);
    m_schema->setMarginWidth(0, QStringLiteral("0000"));
    m_schema->setAutoIndent(true);
    m_schema->setIndentationsUseTabs(false);
    m_schema->setTabWidth(2);
    m_schema->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    m_schema->SendScintilla(QsciScintillaBase::SCI_SETSCROLLWIDTH, 1);
    m_schema->SendScintilla(QsciScintillaBase::SCI_SETSCROLLWIDTHTRACKING, 1);
    methodexecution::leaveUndoToDocument(m_schema);
    connect(m_schema, &QsciScintilla::textChanged, this, [this] {
        const QString text = m_schema->text();
        checkSchema(text);
        if (!m_loading)
            edit<Model>(tr("Edit Model Schema"), [&](Model &m) { m.schema = text; }, QStringLiteral("schema"));
    });
    m_schemaStatus = new QLabel;
    m_schemaStatus->setObjectName(QStringLiteral("modelSchemaStatus"));
    m_schemaStatus->setTextFormat(Qt::PlainText);
    m_schemaStatus->setWordWrap(true);
    auto *schemaColumn = new QWidget;
    auto *schemaLayout = new QVBoxLayout(schemaColumn);
    schemaLayout->setContentsMargins(0, 0, 0, 0);
    schemaLayout->addWidget(new QLabel(tr("Schema (JSON Schema draft 4)")));
    schemaLayout->addWidget(m_schema, 1);
    schemaLayout->addWidget(m_schemaStatus);

    m_payload = new QPlainTextEdit;
    m_payload->setObjectName(QStringLiteral("modelPayload"));
    m_payload->setFont(mono);
    m_payload->setPlaceholderText(tr("A request body to check against the model"));
    m_sample = new QPushButton(tr("Generate &sample"));
    m_sample->setObjectName(QStringLiteral("modelGenerateSample"));
    connect(m_sample, &QPushButton::clicked, this, &ModelForm::generateSample);
    m_validate = new QPushButton(tr("&Validate"));
    m_validate->setObjectName(QStringLiteral("modelValidate"));
    connect(m_validate, &QPushButton::clicked, this, &ModelForm::validatePayload);
    m_payloadStatus = new QLabel;
    m_payloadStatus->setObjectName(QStringLiteral("modelPayloadStatus"));
    m_payloadStatus->setTextFormat(Qt::PlainText);
    m_payloadStatus->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_sample);
    buttons->addWidget(m_validate);
    buttons->addStretch(1);
    auto *payloadColumn = new QWidget;
    auto *payloadLayout = new QVBoxLayout(payloadColumn);
    payloadLayout->setContentsMargins(0, 0, 0, 0);
    payloadLayout->addWidget(new QLabel(tr("Try a payload")));
    payloadLayout->addWidget(m_payload, 1);
    payloadLayout->addLayout(buttons);
    payloadLayout->addWidget(m_payloadStatus);

    auto *split = new QSplitter(Qt::Horizontal);
    split->setObjectName(QStringLiteral("modelSplitter"));
    split->addWidget(schemaColumn);
    split->addWidget(payloadColumn);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setMinimumHeight(320);
    addFillingWidget(split);
}

ModelForm::~ModelForm() = default;

bool ModelForm::load()
{
    const model::Model *m = editing::findPart<model::Model>(project(), key());
    if (!m)
        return false;
    setHeading(tr("Model %1").arg(m->name));
    methodexecution::setFieldText(m_contentType, m->contentType);
    methodexecution::setFieldText(m_description, m->description);
    if (m_schema->text() != m->schema) {
        m_loading = true;
        m_schema->setText(m->schema);
        m_loading = false;
    }
    return true;
}

QString ModelForm::schemaStatus() const
{
    return m_schemaStatus->text();
}

QString ModelForm::payloadStatus() const
{
    return m_payloadStatus->text();
}

void ModelForm::setStatus(QLabel *label, const QString &text, bool problem)
{
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, methodexecution::problemColor(pal));
    label->setPalette(pal);
    label->setText(text);
}

void ModelForm::checkSchema(const QString &text)
{
    m_schema->clearAnnotations();
    base::Json json;
    base::JsonParseError error;
    if (!base::parseJson(text.toUtf8(), json, error)) {
        setStatus(m_schemaStatus, tr("Line %1, column %2: %3").arg(error.line).arg(error.column).arg(error.message), true);
        if (!m_errorStyle) {
            m_errorStyle = std::make_unique<QsciStyle>(-1, tr("Error"), methodexecution::problemColor(palette()),
                                                       palette().color(QPalette::Base), m_schema->font());
        }
        if (error.line >= 1)
            m_schema->annotate(error.line - 1, tr("%1:%2 %3").arg(error.line).arg(error.column).arg(error.message),
                               *m_errorStyle);
        return;
    }
    if (!json.is_object()) {
        setStatus(m_schemaStatus, tr("A schema is a JSON object, not %1.").arg(base::jsonTypeName(json)), true);
        return;
    }
    // Compiled as the runtime compiles it for request validation, with the other models it refers
    // to. Only the models are copied: this runs per keystroke, and an API's methods can be many.
    model::RestApi api;
    api.id = project().api.id;
    api.models = project().api.models;
    for (model::Model &m : api.models) {
        if (m.name == key())
            m.schema = text;
    }
    std::vector<base::Diagnostic> problems;
    const runtime::ModelSchemas schemas(api, problems);
    for (const base::Diagnostic &problem : problems) {
        if (problem.location.contains(key())) {
            setStatus(m_schemaStatus, problem.message, true);
            return;
        }
    }
    setStatus(m_schemaStatus, tr("Valid JSON Schema."), false);
}

void ModelForm::generateSample()
{
    const std::map<QString, base::Json> schemas = parsedSchemas(project().api);
    const auto schema = schemas.find(key());
    if (schema == schemas.end()) {
        setStatus(m_payloadStatus, tr("The schema does not parse yet."), true);
        return;
    }
    const openapi::ExampleGenerator generator(schemas);
    const base::Json example = generator.exampleFor(schema->second, key());
    m_payload->setPlainText(QString::fromStdString(example.dump(2)));
    setStatus(m_payloadStatus, QString(), false);
}

void ModelForm::validatePayload()
{
    std::vector<base::Diagnostic> problems;
    const runtime::ModelSchemas schemas(project().api, problems);
    if (!schemas.has(key())) {
        setStatus(m_payloadStatus, tr("The schema has problems; fix them first."), true);
        return;
    }
    const std::optional<QString> invalid = schemas.validate(key(), m_payload->toPlainText().toUtf8());
    if (invalid)
        setStatus(m_payloadStatus, tr("Invalid request body %1").arg(*invalid), true);
    else
        setStatus(m_payloadStatus, tr("Valid: API Gateway's validator accepts this body."), false);
}

} // namespace portico::widgets::parts
