#include "openapidialogs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace portico::widgets {

ImportOptionsDialog::ImportOptionsDialog(const QString &fileName, const QString &projectName,
                                         QWidget *parent)
    : QDialog(parent)
    , m_newProject(new QRadioButton(tr("As a &new project"), this))
    , m_merge(new QRadioButton(
          tr("&Merge into %1 (methods in the file replace those of the same path and verb)")
              .arg(projectName),
          this))
    , m_overwrite(new QRadioButton(
          tr("&Replace the API of %1 (stages, keys and functions stay)").arg(projectName), this))
    , m_basePath(new QComboBox(this))
{
    setObjectName(QStringLiteral("importOptionsDialog"));
    setWindowTitle(tr("Import %1").arg(fileName));
    m_newProject->setChecked(true);
    m_basePath->addItem(tr("Ignore it (as API Gateway does by default)"),
                        static_cast<int>(openapi::BasePathMode::Ignore));
    m_basePath->addItem(tr("Prepend it to every path"),
                        static_cast<int>(openapi::BasePathMode::Prepend));
    m_basePath->addItem(tr("Split: drop its first segment, prepend the rest"),
                        static_cast<int>(openapi::BasePathMode::Split));

    auto *modes = new QGroupBox(tr("Import"), this);
    auto *modeLayout = new QVBoxLayout(modes);
    modeLayout->addWidget(m_newProject);
    modeLayout->addWidget(m_merge);
    modeLayout->addWidget(m_overwrite);
    auto *form = new QFormLayout;
    form->addRow(tr("The file's &base path:"), m_basePath);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(modes);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

ImportChoice ImportOptionsDialog::choice() const
{
    ImportChoice out;
    out.mode = m_merge->isChecked() ? ImportChoice::Mode::Merge
        : m_overwrite->isChecked()  ? ImportChoice::Mode::Overwrite
                                    : ImportChoice::Mode::NewProject;
    out.basePath = static_cast<openapi::BasePathMode>(m_basePath->currentData().toInt());
    return out;
}

ExportOptionsDialog::ExportOptionsDialog(const QStringList &stages, QWidget *parent)
    : QDialog(parent)
    , m_format(new QComboBox(this))
    , m_encoding(new QComboBox(this))
    , m_stage(new QComboBox(this))
    , m_extensions(
          new QCheckBox(tr("API Gateway &extensions (x-amazon-apigateway-*): integrations, "
                           "authorizers, validators..."),
                        this))
    , m_examples(
          new QCheckBox(tr("Example payloads from the &models (for Postman and such)"), this))
{
    setObjectName(QStringLiteral("exportOptionsDialog"));
    setWindowTitle(tr("Export"));
    m_format->addItem(tr("OpenAPI 3.0"), static_cast<int>(openapi::ExportFormat::OpenApi3));
    m_format->addItem(tr("Swagger 2.0"), static_cast<int>(openapi::ExportFormat::Swagger2));
    m_format->addItem(tr("CloudFormation template"),
                      static_cast<int>(openapi::ExportFormat::CloudFormation));
    m_format->addItem(tr("SAM template"), static_cast<int>(openapi::ExportFormat::Sam));
    m_encoding->addItem(QStringLiteral("YAML"));
    m_encoding->addItem(QStringLiteral("JSON"));
    m_stage->addItem(tr("The current definition"), QString());
    for (const QString &stage : stages)
        m_stage->addItem(tr("Stage %1 (what it serves)").arg(stage), stage);
    m_extensions->setChecked(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Encoding:"), m_encoding);
    form->addRow(tr("&What:"), m_stage);
    form->addRow(QString(), m_extensions);
    form->addRow(QString(), m_examples);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("E&xport..."));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

openapi::ExportOptions ExportOptionsDialog::options() const
{
    openapi::ExportOptions out;
    out.format = static_cast<openapi::ExportFormat>(m_format->currentData().toInt());
    out.yaml = m_encoding->currentIndex() == 0;
    out.stage = m_stage->currentData().toString();
    out.extensions = m_extensions->isChecked();
    out.postmanExamples = m_examples->isChecked();
    return out;
}

QString ExportOptionsDialog::suffix() const
{
    return m_encoding->currentIndex() == 0 ? QStringLiteral(".yaml") : QStringLiteral(".json");
}

} // namespace portico::widgets
