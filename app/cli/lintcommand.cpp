#include "lintcommand.h"

#include "model/linter.h"
#include "projectloading.h"

namespace portico::cli {

int runLint(const QStringList &files, QTextStream &out, QTextStream &err)
{
    int exitCode = 0;
    for (const QString &file : files) {
        const auto project = loadProjectOrReport(file, err);
        if (!project) {
            exitCode = 2;
            continue;
        }
        int errors = 0;
        int warnings = 0;
        for (const base::Diagnostic &finding : model::Linter::lint(*project)) {
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
