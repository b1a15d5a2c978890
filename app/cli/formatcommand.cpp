#include "formatcommand.h"

#include "model/projectfile.h"
#include "projectloading.h"
#include "model/projectwriter.h"

#include <QFile>

namespace portico::cli {

int runFormat(const QStringList &files, bool checkOnly, QTextStream &out, QTextStream &err)
{
    int exitCode = 0;
    for (const QString &file : files) {
        const auto project = loadProjectOrReport(file, err);
        if (!project) {
            exitCode = 2;
            continue;
        }
        QFile current(file);
        const bool canonical = current.open(QIODevice::ReadOnly)
                               && current.readAll() == model::ProjectWriter::toBytes(*project);
        if (checkOnly) {
            if (!canonical) {
                out << file << ": not in canonical form" << Qt::endl;
                exitCode = qMax(exitCode, 1);
            }
            continue;
        }
        if (canonical)
            continue;
        const base::Status saved = model::ProjectFile::save(file, *project);
        if (!saved.ok()) {
            err << saved.error().toString() << Qt::endl;
            exitCode = 2;
            continue;
        }
        out << file << ": formatted" << Qt::endl;
    }
    return exitCode;
}

} // namespace portico::cli
