// The two small forms behind File > Import and File > Export: the same choices as
// `portico-cli import` and `portico-cli export`.
#pragma once

#include "openapi/exporter.h"
#include "openapi/importer.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QRadioButton;

namespace portico::widgets {

struct ImportChoice
{
    enum class Mode { NewProject, Merge, Overwrite };
    Mode mode = Mode::NewProject;
    openapi::BasePathMode basePath = openapi::BasePathMode::Ignore;
};

class ImportOptionsDialog : public QDialog
{
    Q_OBJECT

public:
    ImportOptionsDialog(const QString &fileName, const QString &projectName,
                        QWidget *parent = nullptr);
    ImportChoice choice() const;

private:
    QRadioButton *m_newProject;
    QRadioButton *m_merge;
    QRadioButton *m_overwrite;
    QComboBox *m_basePath;
};

class ExportOptionsDialog : public QDialog
{
    Q_OBJECT

public:
    // `stages`: the project's stage names; exporting one exports what it serves.
    ExportOptionsDialog(const QStringList &stages, QWidget *parent = nullptr);
    openapi::ExportOptions options() const;
    // ".yaml" or ".json".
    QString suffix() const;

private:
    QComboBox *m_format;
    QComboBox *m_encoding;
    QComboBox *m_stage;
    QCheckBox *m_extensions;
    QCheckBox *m_examples;
};

} // namespace portico::widgets
