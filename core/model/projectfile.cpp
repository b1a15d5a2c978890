#include "projectfile.h"

#include "projectreader.h"
#include "projectwriter.h"

#include "base/limits.h"

#include <QFile>
#include <QSaveFile>

namespace portico::model {

base::Result<Project> ProjectFile::load(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return base::Diagnostic::error(path, QStringLiteral("cannot open: %1").arg(file.errorString()));
    if (file.size() > base::limits::kProjectFileMaxBytes) {
        return base::Diagnostic::error(path, QStringLiteral("file is %1 bytes; a project file may "
                                                            "be at most %2 bytes")
                                                 .arg(file.size())
                                                 .arg(base::limits::kProjectFileMaxBytes));
    }
    const QByteArray bytes = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return base::Diagnostic::error(path, QStringLiteral("cannot read: %1").arg(file.errorString()));

    base::Result<Project> result = ProjectReader::fromBytes(bytes);
    if (result.ok())
        return result;
    std::vector<base::Diagnostic> located = result.errors();
    for (base::Diagnostic &d : located)
        d.location = path + QStringLiteral(": ") + d.location;
    return located;
}

base::Status ProjectFile::save(const QString &path, const Project &project)
{
    const QByteArray bytes = ProjectWriter::toBytes(project);
    QSaveFile file(path);
    // Never fall back to writing in place: that is exactly what could damage the old file.
    file.setDirectWriteFallback(false);
    // Unbuffered, so that a short write (disk full, file size limit) shows in write()'s result
    // here instead of in a flush inside commit() that could let a truncated file through.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return base::Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
    const qint64 written = file.write(bytes);
    if (written != bytes.size()) {
        // A short write sets no errno; say what happened rather than "Unknown error".
        const QString reason = written >= 0 && file.error() == QFileDevice::NoError
                                   ? QStringLiteral("only %1 of %2 bytes could be written (disk full?)")
                                         .arg(written)
                                         .arg(bytes.size())
                                   : file.errorString();
        file.cancelWriting();
        return base::Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(reason));
    }
    if (!file.commit())
        return base::Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
    return base::success();
}

} // namespace portico::model
