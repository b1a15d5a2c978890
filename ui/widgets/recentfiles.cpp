#include "recentfiles.h"

#include <QFileInfo>
#include <QSettings>

namespace portico::widgets {

RecentFiles::RecentFiles(const QString &settingsKey)
    : m_key(settingsKey)
{
}

QStringList RecentFiles::files() const
{
    const QStringList stored = QSettings().value(m_key).toStringList();
    QStringList existing;
    for (const QString &path : stored) {
        if (QFileInfo(path).isFile() && !existing.contains(path))
            existing.append(path);
    }
    existing = existing.mid(0, kMaxFiles);
    if (existing != stored)
        store(existing);
    return existing;
}

void RecentFiles::add(const QString &path)
{
    const QString absolutePath = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolutePath);
    list.prepend(absolutePath);
    store(list.mid(0, kMaxFiles));
}

void RecentFiles::remove(const QString &path)
{
    QStringList list = QSettings().value(m_key).toStringList();
    list.removeAll(QFileInfo(path).absoluteFilePath());
    store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList &files) const
{
    QSettings().setValue(m_key, files);
}

} // namespace portico::widgets
