#include "lintcommand.h"

#include "model/linter.h"
#include "model/projectfile.h"

namespace portico::cli {

int runLint(const QStringList &files, QTextStream &out, QTextStream &err)
{
    int exitCode = 0;
    for (const QString &file : files) {
        const auto project = model::ProjectFile::load(file);
        if (!project.ok()) {
            for (const base::Diagnostic &d : project.errors())
                err << d.toString() << Qt::endl;
            exitCode = 2;
            continue;
        }
        int errors = 0;
        int warnings = 0;
        for (const base::Diagnostic &finding : model::Linter::lint(project.value())) {
            out << finding.toString() << Qt::endl;
            finding.isError() ? ++errors : ++warnings;
        }
        err << file << QStringLiteral(": %1 error%2, %3 warning%4")
                           .arg(errors)
                           .arg(errors == 1 ? QString() : QStringLiteral("s"))
                           .arg(warnings)
                           .arg(warnings == 1 ? QString() : QStringLiteral("s"))
            << Qt::endl;
        if (errors > 0 && exitCode == 0)
            exitCode = 1;
    }
    return exitCode;
}

} // namespace portico::cli
