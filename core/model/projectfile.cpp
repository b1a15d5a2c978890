#include "projectfile.h"

#include "projectreader.h"
#include "projectwriter.h"

#include "base/atomicfile.h"
#include "base/limits.h"

#include <QFile>

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
    return base::writeFileAtomically(path, ProjectWriter::toBytes(project));
}

} // namespace portico::model
