// A model: its content type and description, the JSON Schema (draft-04) in a JSON editor checked
// as it is typed (syntax with line and column, then the schema as the runtime compiles it), and a
// payload box to try it: "Generate sample" fills it with an example of the schema, "Validate"
// checks it as API Gateway's request validator would.
#pragma once

#include "partform.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QsciScintilla;
class QsciStyle;

namespace portico::widgets::parts {

class ModelForm : public PartForm
{
    Q_OBJECT
public:
    explicit ModelForm(editing::ApiDocument *document, QWidget *parent = nullptr);
    ~ModelForm() override;

    QsciScintilla *schemaEditor() const { return m_schema; }
    QPlainTextEdit *payloadEditor() const { return m_payload; }
    // The schema check's verdict and the payload check's, as shown.
    QString schemaStatus() const;
    QString payloadStatus() const;

    void generateSample();
    void validatePayload();

protected:
    bool load() override;

private:
    void checkSchema(const QString &text);
    void setStatus(QLabel *label, const QString &text, bool problem);

    QLineEdit *m_contentType;
    QLineEdit *m_description;
    QsciScintilla *m_schema;
    QLabel *m_schemaStatus;
    QPlainTextEdit *m_payload;
    QPushButton *m_sample;
    QPushButton *m_validate;
    QLabel *m_payloadStatus;
    std::unique_ptr<QsciStyle> m_errorStyle;
    bool m_loading = false;
};

} // namespace portico::widgets::parts
