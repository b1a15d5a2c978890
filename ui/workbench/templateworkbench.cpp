#include "templateworkbench.h"

#include "templategenerator.h"
#include "vtllexer.h"

#include "base/json.h"
#include "mapping/sampleinput.h"
#include "vtl/template.h"

#include "qscintilla.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTabWidget>
#include <QThreadPool>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace portico::workbench {

namespace {

constexpr int kErrorIndicator = 8;
constexpr int kDwellMs = 400;
// Reads on the light and the dark palette alike.
const QColor kErrorColor(0xd0, 0x30, 0x30);

QPlainTextEdit *jsonField(QWidget *parent, const QString &objectName, const QString &text)
{
    auto *field = new QPlainTextEdit(parent);
    field->setObjectName(objectName);
    field->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    field->setPlainText(text);
    field->setTabChangesFocus(true);
    return field;
}

void appendIndent(QString &out, int depth)
{
    out += QLatin1Char('\n');
    out += QString(depth * 2, QLatin1Char(' '));
}

// "line 3, column 7" -> 3, 7
bool parseLocation(const QString &location, int &line, int &column)
{
    static const QRegularExpression re(QStringLiteral("^line (\\d+), column (\\d+)$"));
    const auto m = re.match(location);
    if (!m.hasMatch())
        return false;
    line = m.captured(1).toInt();
    column = m.captured(2).toInt();
    return true;
}

} // namespace

TemplateWorkbench::TemplateWorkbench(QWidget *parent)
    : QWidget(parent)
{
    m_pool = new QThreadPool(this);
    m_pool->setMaxThreadCount(1);
    createWidgets();
    m_renderTimer = new QTimer(this);
    m_renderTimer->setSingleShot(true);
    m_renderTimer->setInterval(0);
    connect(m_renderTimer, &QTimer::timeout, this, &TemplateWorkbench::renderNow);
    renderNow();
}

TemplateWorkbench::~TemplateWorkbench()
{
    m_pool->clear();
    m_pool->waitForDone();
}

void TemplateWorkbench::createWidgets()
{
    m_editor = new QsciScintilla(this);
    m_editor->setObjectName(QStringLiteral("templateEditor"));
    m_editor->setUtf8(true);
    m_lexer = new VtlLexer(m_editor);
    m_editor->setLexer(m_lexer);
    m_editor->setBraceMatching(QsciScintilla::SloppyBraceMatch);
    m_editor->setMarginType(0, QsciScintilla::NumberMargin);
    m_editor->setMarginLineNumbers(0, true);
    m_editor->setMarginWidth(0, QStringLiteral("0000"));
    m_editor->setAutoIndent(true);
    m_editor->setIndentationsUseTabs(false);
    m_editor->setTabWidth(2);
    m_editor->setWrapMode(QsciScintilla::WrapNone);
    m_editor->indicatorDefine(QsciScintilla::SquiggleIndicator, kErrorIndicator);
    m_editor->setIndicatorForegroundColor(kErrorColor, kErrorIndicator);
    m_editor->setAnnotationDisplay(QsciScintilla::AnnotationBoxed);
    // Scintilla starts with room for 2000-pixel lines; size the scroll bar to the text instead.
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSCROLLWIDTH, 1);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETSCROLLWIDTHTRACKING, 1);
    m_editor->SendScintilla(QsciScintillaBase::SCI_SETMOUSEDWELLTIME, kDwellMs);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] {
        if (!m_settingText)
            Q_EMIT templateEdited(m_editor->text());
        scheduleRender();
    });
    // Completions open by themselves after the characters that start a member or a path.
    connect(m_editor, &QsciScintillaBase::SCN_CHARADDED, this, [this](int character) {
        if (character == '$' || character == '.' || character == '\'')
            showCompletions();
    });
    connect(m_editor, &QsciScintilla::userListActivated, this, [this](int, const QString &word) {
        int line = 0;
        int index = 0;
        m_editor->getCursorPosition(&line, &index);
        m_editor->setSelection(line, index - m_completionReplaces, line, index);
        m_editor->replaceSelectedText(word);
    });
    auto *complete = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Space), m_editor);
    complete->setContext(Qt::WidgetShortcut);
    connect(complete, &QShortcut::activated, this, &TemplateWorkbench::showCompletions);
    connect(m_editor, &QsciScintillaBase::SCN_DWELLSTART, this, &TemplateWorkbench::showDwellTip);
    connect(m_editor, &QsciScintillaBase::SCN_DWELLEND, this, [] { QToolTip::hideText(); });

    m_preview = new QPlainTextEdit(this);
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);

    m_contentType = new QLineEdit(QStringLiteral("application/json"), this);
    m_contentType->setObjectName(QStringLiteral("contentType"));
    connect(m_contentType, &QLineEdit::textChanged, this, &TemplateWorkbench::scheduleRender);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *previewPane = new QWidget(this);
    auto *previewLayout = new QVBoxLayout(previewPane);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    auto *typeRow = new QHBoxLayout;
    auto *typeLabel = new QLabel(tr("Content type:"), previewPane);
    typeLabel->setBuddy(m_contentType);
    typeRow->addWidget(typeLabel);
    typeRow->addWidget(m_contentType, 1);
    m_generate = new QPushButton(tr("&Generate from model"), previewPane);
    m_generate->setObjectName(QStringLiteral("generateFromModel"));
    m_generate->setToolTip(
        tr("Replace the template with one that copies every property of the method's model"));
    m_generate->setEnabled(false);
    connect(m_generate, &QPushButton::clicked, this, &TemplateWorkbench::generateFromModel);
    typeRow->addWidget(m_generate);
    previewLayout->addLayout(typeRow);
    previewLayout->addWidget(m_preview, 1);

    auto *top = new QSplitter(Qt::Horizontal, this);
    top->addWidget(m_editor);
    top->addWidget(previewPane);
    // The template is what is worked on (and its lines run long): it gets the larger share.
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);

    m_sampleTabs = new QTabWidget(this);
    m_sampleTabs->setObjectName(QStringLiteral("sampleTabs"));
    m_body = jsonField(m_sampleTabs, QStringLiteral("sampleBody"),
                       QStringLiteral("{\n  \"id\": 7,\n  \"name\": \"Rex\"\n}"));
    m_pathParams = jsonField(m_sampleTabs, QStringLiteral("samplePath"),
                             QStringLiteral("{\"petId\": \"7\"}"));
    m_queryParams = jsonField(m_sampleTabs, QStringLiteral("sampleQuery"), QStringLiteral("{}"));
    m_headerParams = jsonField(m_sampleTabs, QStringLiteral("sampleHeaders"),
                               QStringLiteral("{\"Content-Type\": \"application/json\"}"));
    m_stageVariables
        = jsonField(m_sampleTabs, QStringLiteral("sampleStageVariables"), QStringLiteral("{}"));
    m_context = jsonField(
        m_sampleTabs, QStringLiteral("sampleContext"),
        QStringLiteral(
            "{\"stage\": \"dev\", \"httpMethod\": \"GET\", \"requestId\": \"test-request\"}"));
    m_sampleTabs->addTab(m_body, tr("&Body"));
    m_sampleTabs->addTab(m_pathParams, tr("&Path"));
    m_sampleTabs->addTab(m_queryParams, tr("&Query"));
    m_sampleTabs->addTab(m_headerParams, tr("&Headers"));
    m_sampleTabs->addTab(m_stageVariables, tr("&Stage variables"));
    m_sampleTabs->addTab(m_context, tr("&Context"));
    for (QPlainTextEdit *field :
         {m_body, m_pathParams, m_queryParams, m_headerParams, m_stageVariables, m_context})
        connect(field, &QPlainTextEdit::textChanged, this, &TemplateWorkbench::scheduleRender);

    auto *sample = new QWidget(this);
    auto *sampleLayout = new QVBoxLayout(sample);
    sampleLayout->setContentsMargins(0, 0, 0, 0);
    sampleLayout->addWidget(new QLabel(tr("Sample input:"), sample));
    sampleLayout->addWidget(m_sampleTabs, 1);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(top);
    vertical->addWidget(sample);
    vertical->setStretchFactor(0, 3);
    vertical->setStretchFactor(1, 1);

    m_templateBar = new QWidget(this);
    m_templateBar->setObjectName(QStringLiteral("templateBar"));
    auto *barLayout = new QHBoxLayout(m_templateBar);
    barLayout->setContentsMargins(0, 0, 0, 0);
    m_templateChoice = new QComboBox(m_templateBar);
    m_templateChoice->setObjectName(QStringLiteral("templateChoice"));
    m_templateChoice->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_templateChoice->setToolTip(tr("The method's mapping templates: the integration request's by content type, "
                                    "each integration response's by status code and content type"));
    auto *templateLabel = new QLabel(tr("&Template:"), m_templateBar);
    templateLabel->setBuddy(m_templateChoice);
    barLayout->addWidget(templateLabel);
    barLayout->addWidget(m_templateChoice);
    barLayout->addStretch(1);
    // activated(), not currentIndexChanged(): filling the list is not a choice.
    connect(m_templateChoice, &QComboBox::activated, this, [this](int index) {
        if (index == m_templateChoice->count() - 1) {
            // The add entry is an action, not a template: the shown template stays chosen
            // until one is added.
            m_templateChoice->setCurrentIndex(m_chosenTemplate);
            Q_EMIT addContentTypeRequested();
            return;
        }
        Q_EMIT templateChosen(index);
    });
    m_templateBar->hide();

    // Focusing the workbench (a tab being opened) means typing in the template.
    setFocusProxy(m_editor);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_templateBar);
    layout->addWidget(vertical, 1);
    layout->addWidget(m_status);
}

void TemplateWorkbench::setTemplateChoices(const QStringList &labels, int current)
{
    const QSignalBlocker blocker(m_templateChoice);
    m_templateChoice->clear();
    m_templateChoice->addItems(labels);
    m_templateChoice->insertSeparator(m_templateChoice->count());
    m_templateChoice->addItem(tr("Add content type…"));
    m_templateChoice->setItemData(m_templateChoice->count() - 1,
                                  tr("Add an empty template for another content type beside the chosen one"),
                                  Qt::ToolTipRole);
    m_templateChoice->setCurrentIndex(current);
    m_chosenTemplate = current;
    m_templateBar->setVisible(!labels.isEmpty());
}

void TemplateWorkbench::setModelSchema(const QString &schemaJson)
{
    m_completions.setModelSchema(schemaJson);
    m_modelSchema = schemaJson;
    m_generate->setEnabled(!TemplateGenerator::fromSchema(schemaJson).isEmpty());
}

bool TemplateWorkbench::generateFromModel()
{
    const QString skeleton = TemplateGenerator::fromSchema(m_modelSchema);
    if (skeleton.isEmpty())
        return false;
    // Through the editor, so that it reaches the document as an ordinary (undoable) edit.
    m_editor->selectAll();
    m_editor->replaceSelectedText(skeleton);
    return true;
}

int TemplateWorkbench::showCompletions()
{
    int line = 0;
    int index = 0;
    m_editor->getCursorPosition(&line, &index);
    // Scintilla's index counts bytes of UTF-8; the text before the cursor is what matters.
    const QByteArray lineBytes = m_editor->text(line).toUtf8().left(index);
    QStringList stageVariables;
    const base::Json sample
        = base::Json::parse(m_stageVariables->toPlainText().toStdString(), nullptr, false);
    if (sample.is_object())
        for (auto it = sample.begin(); it != sample.end(); ++it)
            stageVariables << base::toQString(it.key());
    m_completions.setStageVariables(stageVariables);
    const Completion completion = m_completions.at(QString::fromUtf8(lineBytes));
    if (completion.words.isEmpty())
        return 0;
    // What was typed of the word is made of ASCII names, so characters and bytes agree.
    m_completionReplaces = completion.replace;
    m_editor->showUserList(1, completion.words);
    return static_cast<int>(completion.words.size());
}

void TemplateWorkbench::setTemplateText(const QString &text)
{
    m_settingText = true;
    m_editor->setText(text);
    m_settingText = false;
    renderNow();
}

QString TemplateWorkbench::templateText() const
{
    return m_editor->text();
}

void TemplateWorkbench::setContentType(const QString &contentType)
{
    m_contentType->setText(contentType);
    renderNow();
}

QString TemplateWorkbench::contentType() const
{
    return m_contentType->text().trimmed();
}

void TemplateWorkbench::setSampleBody(const QString &body)
{
    m_body->setPlainText(body);
    renderNow();
}

void TemplateWorkbench::setSampleRequest(const SampleRequest &sample)
{
    m_body->setPlainText(sample.body);
    m_pathParams->setPlainText(sample.path);
    m_queryParams->setPlainText(sample.query);
    m_headerParams->setPlainText(sample.headers);
    m_stageVariables->setPlainText(sample.stageVariables);
    m_context->setPlainText(sample.context);
    // A request without a body (a GET) is about its parameters: show those.
    m_sampleTabs->setCurrentWidget(sample.body.isEmpty() ? m_pathParams : m_body);
    renderNow();
}

TemplateWorkbench::SampleRequest TemplateWorkbench::sampleRequest() const
{
    return {m_body->toPlainText(),           m_pathParams->toPlainText(),     m_queryParams->toPlainText(),
            m_headerParams->toPlainText(),   m_stageVariables->toPlainText(), m_context->toPlainText()};
}

QString TemplateWorkbench::previewText() const
{
    return m_preview->toPlainText();
}

bool TemplateWorkbench::isPreviewCurrent() const
{
    return m_preview->isEnabled();
}

QString TemplateWorkbench::statusText() const
{
    return m_status->text();
}

void TemplateWorkbench::scheduleRender()
{
    m_renderTimer->start();
}

bool TemplateWorkbench::buildSample(mapping::SampleInput &input, QString &problem) const
{
    base::Json request = base::Json::object();
    request["body"] = m_body->toPlainText().toStdString();
    base::Json params = base::Json::object();
    const struct
    {
        QPlainTextEdit *field;
        const char *key;
        QString name;
    } fields[] = {{m_pathParams, "path", tr("path parameters")},
                  {m_queryParams, "querystring", tr("query parameters")},
                  {m_headerParams, "header", tr("headers")},
                  {m_stageVariables, "stageVariables", tr("stage variables")},
                  {m_context, "context", tr("context")}};
    for (const auto &f : fields) {
        const QString text = f.field->toPlainText().trimmed();
        if (text.isEmpty())
            continue;
        base::Json value;
        base::JsonParseError error;
        if (!base::parseJson(text.toUtf8(), value, error)) {
            problem = tr("Sample %1: line %2, column %3: %4")
                          .arg(f.name)
                          .arg(error.line)
                          .arg(error.column)
                          .arg(error.message);
            return false;
        }
        const std::string key = f.key;
        if (key == "path" || key == "querystring" || key == "header")
            params[key] = value;
        else
            request[key] = value;
    }
    request["params"] = params;
    auto parsed = mapping::SampleInput::fromCaseJson(request);
    if (!parsed.ok()) {
        problem = tr("Sample input: %1: %2").arg(parsed.error().location, parsed.error().message);
        return false;
    }
    input = std::move(parsed).value();
    return true;
}

void TemplateWorkbench::renderNow()
{
    m_renderTimer->stop();
    if (m_rendering) {
        m_renderPending = true;
        return;
    }
    const auto finish = [this] { Q_EMIT rendered(); };
    auto compiled = vtl::Template::compile(m_editor->text());
    if (!compiled.ok()) {
        showFailure(compiled.error());
        return finish();
    }
    mapping::SampleInput input;
    QString problem;
    if (!buildSample(input, problem)) {
        clearError();
        markPreviewStale();
        setStatus(problem, true);
        return finish();
    }
    // Rendering runs on a worker so that the GUI thread never waits for it: an ordinary template
    // takes microseconds, but the engine's limits (base/limits.h: a step budget, 1,000 iterations
    // per #foreach, 10 MB of output, nesting and macro depth) still allow a runaway template
    // seconds of work. One rendering at a time; edits made meanwhile render once it is done.
    m_rendering = true;
    auto compiledTemplate = std::make_shared<const vtl::Template>(std::move(compiled).value());
    auto sample = std::make_shared<const mapping::SampleInput>(std::move(input));
    m_pool->start([this, compiledTemplate, sample] {
        base::Result<QString> output = compiledTemplate->render(sample->toVariables());
        // The destructor waits for the pool, so `this` outlives the posted call's target.
        QMetaObject::invokeMethod(
            this, [this, output = std::move(output)] { showOutput(output); }, Qt::QueuedConnection);
    });
}

void TemplateWorkbench::showFailure(const base::Diagnostic &error)
{
    int line = 0;
    int column = 0;
    parseLocation(error.location, line, column);
    markPreviewStale();
    showError(line, column, error.message);
}

void TemplateWorkbench::showOutput(const base::Result<QString> &output)
{
    m_rendering = false;
    if (m_renderPending) {
        m_renderPending = false;
        renderNow(); // this rendering is out of date
        return;
    }
    if (!output.ok()) {
        showFailure(output.error());
        Q_EMIT rendered();
        return;
    }
    clearError();
    m_preview->setEnabled(true);
    const QString &text = output.value();
    if (contentType().contains(QLatin1String("json"), Qt::CaseInsensitive)) {
        base::Json json;
        base::JsonParseError error;
        if (base::parseJson(text.toUtf8(), json, error)) {
            m_preview->setPlainText(prettyJson(text));
            setStatus(tr("Valid JSON"), false);
        } else {
            m_preview->setPlainText(text);
            setStatus(tr("Not valid JSON: output line %1, column %2: %3")
                          .arg(error.line)
                          .arg(error.column)
                          .arg(error.message),
                      true);
        }
    } else {
        m_preview->setPlainText(text);
        setStatus(tr("Rendered %n character(s)", nullptr, int(text.size())), false);
    }
    Q_EMIT rendered();
}

void TemplateWorkbench::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    QPalette pal = palette();
    if (problem)
        pal.setColor(QPalette::WindowText, kErrorColor);
    m_status->setPalette(pal);
}

void TemplateWorkbench::markPreviewStale()
{
    // The last good output stays in view, greyed, while the template is being fixed: it is what
    // the person was working towards.
    m_preview->setEnabled(false);
}

void TemplateWorkbench::showError(int line, int column, const QString &message)
{
    clearError();
    m_errorLine = line;
    m_errorColumn = column;
    m_errorMessage = message;
    setStatus(tr("Error at line %1, column %2: %3").arg(line).arg(column).arg(message), true);
    if (line < 1)
        return;
    const int lineIndex = line - 1;
    const QString lineText = m_editor->text(lineIndex);
    int from = std::max(0, column - 1);
    // Underline the word or reference the error points at, at least one character.
    int to = from;
    while (to < lineText.size()
           && (lineText.at(to).isLetterOrNumber() || lineText.at(to) == QLatin1Char('_')
               || lineText.at(to) == QLatin1Char('$') || lineText.at(to) == QLatin1Char('#')))
        ++to;
    qsizetype lineLength = lineText.size();
    while (lineLength > 0
           && (lineText.at(lineLength - 1) == QLatin1Char('\n')
               || lineText.at(lineLength - 1) == QLatin1Char('\r')))
        --lineLength;
    if (from >= lineLength && lineLength > 0)
        from = int(lineLength) - 1; // past the end of the line: mark its last character
    if (to <= from)
        to = from + 1;
    m_editor->fillIndicatorRange(lineIndex, from, lineIndex, to, kErrorIndicator);
    if (!m_annotationStyle) // a style number is allocated once per editor
        m_annotationStyle = std::make_unique<QsciStyle>(-1, tr("Error"), kErrorColor,
                                                        palette().color(QPalette::Base),
                                                        m_lexer->defaultFont(VtlLexer::Default));
    m_editor->annotate(lineIndex, tr("%1:%2 %3").arg(line).arg(column).arg(message),
                       *m_annotationStyle);
}

void TemplateWorkbench::clearError()
{
    m_errorLine = 0;
    m_errorColumn = 0;
    m_errorMessage.clear();
    m_editor->clearIndicatorRange(0, 0, std::max(0, m_editor->lines() - 1),
                                  m_editor->text(std::max(0, m_editor->lines() - 1)).size(),
                                  kErrorIndicator);
    m_editor->clearAnnotations();
}

void TemplateWorkbench::showDwellTip(int position, int x, int y)
{
    if (m_errorMessage.isEmpty() || position < 0)
        return;
    if (m_editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, kErrorIndicator, position)
        == 0)
        return;
    QToolTip::showText(
        m_editor->viewport()->mapToGlobal(QPoint(x, y)),
        tr("line %1, column %2: %3").arg(m_errorLine).arg(m_errorColumn).arg(m_errorMessage),
        m_editor);
}

QString TemplateWorkbench::prettyJson(QStringView json)
{
    QString out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    for (qsizetype i = 0; i < json.size(); ++i) {
        const QChar c = json.at(i);
        if (inString) {
            out += c;
            if (c == QLatin1Char('\\') && i + 1 < json.size())
                out += json.at(++i);
            else if (c == QLatin1Char('"'))
                inString = false;
            continue;
        }
        switch (c.unicode()) {
        case '"':
            inString = true;
            out += c;
            break;
        case '{':
        case '[': {
            const QChar close = c == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
            qsizetype next = i + 1;
            while (next < json.size() && json.at(next).isSpace())
                ++next;
            out += c;
            if (next < json.size() && json.at(next) == close) {
                out += close; // {} and [] stay on one line
                i = next;
            } else {
                appendIndent(out, ++depth);
            }
            break;
        }
        case '}':
        case ']':
            appendIndent(out, --depth);
            out += c;
            break;
        case ',':
            out += c;
            appendIndent(out, depth);
            break;
        case ':':
            out += QLatin1String(": ");
            break;
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        default:
            out += c;
        }
    }
    return out;
}

} // namespace portico::workbench
