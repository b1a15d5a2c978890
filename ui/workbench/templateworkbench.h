// The template workbench: a VTL editor beside a live preview of what the template renders from
// an editable sample request (body, path/query/header parameters, stage variables, $context).
// Every edit re-renders with the core engine (coalesced by a zero timer, so a burst of typing
// renders once, and on a worker thread, so a runaway template never freezes the window); a parse or
// runtime error is underlined where it is, with its message in the status line, under the line and
// as a tooltip. When the content type is JSON the output is pretty-printed, or flagged with the
// JSON parse error when it is not valid JSON.
#pragma once

#include "vtlcompletions.h"

#include "base/result.h"

#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QPushButton;
class QLineEdit;
class QPlainTextEdit;
class QTabWidget;
class QThreadPool;
class QTimer;
class QsciScintilla;
class QsciStyle;

namespace portico::mapping {
struct SampleInput;
}

namespace portico::workbench {

class VtlLexer;

class TemplateWorkbench : public QWidget
{
    Q_OBJECT

public:
    explicit TemplateWorkbench(QWidget *parent = nullptr);
    ~TemplateWorkbench() override;

    // Replaces the template without emitting templateEdited(); renders it.
    void setTemplateText(const QString &text);
    QString templateText() const;

    // "application/json" (the default) checks and pretty-prints the output as JSON.
    void setContentType(const QString &contentType);
    QString contentType() const;

    // The sample request, as the fields hold it (JSON objects of strings for the parameters and
    // stage variables, a JSON object for $context).
    void setSampleBody(const QString &body);
    // The whole sample request at once (a request captured by the runtime, say): the body, and
    // JSON texts for the path, query and header parameters, the stage variables and $context.
    struct SampleRequest
    {
        QString body;
        QString path;
        QString query;
        QString headers;
        QString stageVariables;
        QString context;
    };
    void setSampleRequest(const SampleRequest &sample);
    SampleRequest sampleRequest() const;

    // Starts rendering now instead of at the next turn of the event loop. The output arrives
    // with rendered(): rendering runs on a worker thread.
    void renderNow();
    bool isRendering() const { return m_rendering; }

    QString previewText() const;
    // False while an error keeps the preview from being updated (the last output stays, greyed).
    bool isPreviewCurrent() const;
    QString statusText() const;
    // Where the current template error is, 1-based; 0 when there is none.
    int errorLine() const { return m_errorLine; }
    int errorColumn() const { return m_errorColumn; }
    QString errorMessage() const { return m_errorMessage; }

    QsciScintilla *editor() const { return m_editor; }

    // The method's model, whose property paths are offered inside $input.path('$. and
    // $input.json('$. (empty: none).
    void setModelSchema(const QString &schemaJson);
    // Replaces the template with a skeleton made from the model (as the console's "Generate
    // template"), as an edit the person can undo. False when there is no model to use.
    bool generateFromModel();
    // Offers what fits at the cursor ($input members, $context variables, model paths...) as a
    // list to choose from; also on Ctrl+Space, and by itself after `$`, `.` and `'$.`.
    // Returns how many words were offered.
    int showCompletions();

    // The bar above the editor of a workbench tied to a method, which switches it between the
    // method's templates: `labels` with the one at `current` shown as chosen, and "Add content
    // type…" after them. Hidden while `labels` is empty (a scratchpad's).
    void setTemplateChoices(const QStringList &labels, int current);
    QComboBox *templateChoice() const { return m_templateChoice; }

    // Pretty-prints valid JSON text keeping every token as written (numbers are not reformatted).
    static QString prettyJson(QStringView json);

Q_SIGNALS:
    // The person changed the template (not setTemplateText()).
    void templateEdited(const QString &text);
    // After every rendering, whatever its outcome.
    void rendered();
    // The person chose the template at `index` of setTemplateChoices()'s labels.
    void templateChosen(int index);
    // The person chose "Add content type…" in the template bar.
    void addContentTypeRequested();

private:
    void createWidgets();
    void scheduleRender();
    void showOutput(const base::Result<QString> &output);
    void markPreviewStale();
    void setStatus(const QString &text, bool problem);
    void showError(int line, int column, const QString &message);
    // A compile or render error: underlined at its place, the last good output kept greyed.
    void showFailure(const base::Diagnostic &error);
    void clearError();
    void showDwellTip(int position, int x, int y);
    // The sample request from the fields; false with `problem` set when a field is not JSON.
    bool buildSample(mapping::SampleInput &input, QString &problem) const;

    QWidget *m_templateBar = nullptr;
    QComboBox *m_templateChoice = nullptr;
    // The index of the shown template in m_templateChoice.
    int m_chosenTemplate = -1;
    QsciScintilla *m_editor = nullptr;
    VtlLexer *m_lexer = nullptr;
    QPlainTextEdit *m_preview = nullptr;
    QLabel *m_status = nullptr;
    QLineEdit *m_contentType = nullptr;
    QTabWidget *m_sampleTabs = nullptr;
    QPlainTextEdit *m_body = nullptr;
    QPlainTextEdit *m_pathParams = nullptr;
    QPlainTextEdit *m_queryParams = nullptr;
    QPlainTextEdit *m_headerParams = nullptr;
    QPlainTextEdit *m_stageVariables = nullptr;
    QPlainTextEdit *m_context = nullptr;
    QTimer *m_renderTimer = nullptr;
    std::unique_ptr<QsciStyle> m_annotationStyle;
    QThreadPool *m_pool = nullptr;
    bool m_rendering = false;
    bool m_renderPending = false;

    bool m_settingText = false;
    VtlCompletions m_completions;
    QString m_modelSchema;
    QPushButton *m_generate = nullptr;
    // Characters before the cursor the chosen completion replaces.
    int m_completionReplaces = 0;
    int m_errorLine = 0;
    int m_errorColumn = 0;
    QString m_errorMessage;
};

} // namespace portico::workbench
