// The "Open Recent" list kept in QSettings: newest first, at most eight, and files that no longer
// exist are dropped whenever the list is read, so the menu never offers a dead entry.
#pragma once

#include <QString>
#include <QStringList>

namespace portico::widgets {

class RecentFiles
{
public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(const QString &settingsKey = QStringLiteral("recentFiles"));

    // Existing files only, newest first; writes the pruned list back.
    QStringList files() const;
    void add(const QString &path);
    void remove(const QString &path);
    void clear();

private:
    void store(const QStringList &files) const;

    QString m_key;
};

} // namespace portico::widgets
