#include "trustedprojects.h"

#include <QFileInfo>
#include <QSettings>
#include <QStringList>

namespace portico::running {

namespace {
const QString kKey = QStringLiteral("trust/projects");

QString canonical(const QString &path)
{
    const QFileInfo info(path);
    const QString resolved = info.canonicalFilePath();
    return resolved.isEmpty() ? info.absoluteFilePath() : resolved;
}
} // namespace

bool TrustedProjects::isTrusted(const QString &projectPath)
{
    if (projectPath.isEmpty())
        return true;
    return QSettings().value(kKey).toStringList().contains(canonical(projectPath));
}

void TrustedProjects::trust(const QString &projectPath)
{
    if (projectPath.isEmpty() || isTrusted(projectPath))
        return;
    QSettings settings;
    QStringList trusted = settings.value(kKey).toStringList();
    trusted << canonical(projectPath);
    settings.setValue(kKey, trusted);
}

void TrustedProjects::forget(const QString &projectPath)
{
    QSettings settings;
    QStringList trusted = settings.value(kKey).toStringList();
    trusted.removeAll(canonical(projectPath));
    settings.setValue(kKey, trusted);
}

} // namespace portico::running
