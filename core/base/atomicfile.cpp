#include "atomicfile.h"

#include <QSaveFile>

namespace portico::base {

Status writeFileAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    // Never fall back to writing in place: that is exactly what could damage the old file.
    file.setDirectWriteFallback(false);
    // Unbuffered, so that a short write (disk full, file size limit) shows in write()'s result
    // here instead of in a flush inside commit() that could let a truncated file through.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        return Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
    const qint64 written = file.write(bytes);
    if (written != bytes.size()) {
        // A short write sets no errno; say what happened rather than "Unknown error".
        const QString reason = written >= 0 && file.error() == QFileDevice::NoError
            ? QStringLiteral("only %1 of %2 bytes could be written (disk full?)")
                  .arg(written)
                  .arg(bytes.size())
            : file.errorString();
        file.cancelWriting();
        return Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(reason));
    }
    if (!file.commit())
        return Diagnostic::error(path, QStringLiteral("cannot save: %1").arg(file.errorString()));
    return success();
}

} // namespace portico::base
