#include "partform.h"

#include "widgets/methodexecution/formfields.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFont>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace portico::widgets::parts {

PartForm::PartForm(editing::ApiDocument *document, const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
{
    m_heading = new QLabel(title);
    m_heading->setObjectName(QStringLiteral("partHeading"));
    QFont font = m_heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.25);
    font.setBold(true);
    m_heading->setFont(font);
    m_heading->setTextFormat(Qt::PlainText);
    m_fields = new QFormLayout;
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_problem = methodexecution::makeProblemLabel(QStringLiteral("partProblem"));
    m_layout = new QVBoxLayout(this);
    m_layout->addWidget(m_heading);
    m_layout->addLayout(m_fields);
    m_layout->addWidget(m_problem);
    m_layout->addStretch(1);
}

void PartForm::addFillingWidget(QWidget *widget)
{
    // Heading, fields, then this one in the place of the trailing stretch, problem line last.
    delete m_layout->takeAt(m_layout->count() - 1);
    m_layout->insertWidget(2, widget, 1);
}

bool PartForm::showItem(const QString &key)
{
    const bool switched = key != m_key;
    m_key = key;
    if (switched)
        showProblem(QString());
    return load();
}

void PartForm::setHeading(const QString &text)
{
    m_heading->setText(text);
}

void PartForm::showProblem(const QString &problem)
{
    methodexecution::showProblem(m_problem, problem);
}

QLineEdit *PartForm::addLine(const QString &label, const QString &objectName,
                             std::function<void(const QString &)> onEdit, const QString &placeholder)
{
    auto *field = new QLineEdit;
    field->setObjectName(objectName);
    field->setPlaceholderText(placeholder);
    methodexecution::leaveUndoToDocument(field);
    connect(field, &QLineEdit::textEdited, this, std::move(onEdit));
    m_fields->addRow(label, field);
    return field;
}

QCheckBox *PartForm::addCheck(const QString &text, const QString &objectName, std::function<void(bool)> onToggle)
{
    auto *field = new QCheckBox(text);
    field->setObjectName(objectName);
    connect(field, &QCheckBox::toggled, this, std::move(onToggle));
    m_fields->addRow(QString(), field);
    return field;
}

QComboBox *PartForm::addChoice(const QString &label, const QString &objectName,
                               const std::vector<std::pair<QString, QString>> &choices,
                               std::function<void(const QString &)> onChoose)
{
    auto *field = new QComboBox;
    field->setObjectName(objectName);
    for (const auto &[text, value] : choices)
        field->addItem(text, value);
    connect(field, &QComboBox::activated, this,
            [field, onChoose = std::move(onChoose)] { onChoose(methodexecution::fieldChoice(field)); });
    m_fields->addRow(label, field);
    return field;
}

} // namespace portico::widgets::parts
