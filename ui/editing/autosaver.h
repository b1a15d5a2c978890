// Autosave and crash recovery. While the document has unsaved changes, a copy is written to a
// recovery file a moment after each edit (atomically, so a crash mid-write leaves the previous
// copy); saving, or closing normally, removes it. Each running window holds a lock file beside
// its copy, so the next start can tell a copy left by a crash (its owner is gone) from one that
// belongs to a window still open, and offer to restore it.
#pragma once

#include "model/project.h"

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace portico::editing {

class ApiDocument;

// A copy left by a session that did not end normally.
struct RecoveredProject
{
    QString recoveryFile;
    // The file the project was opened from or saved to; empty when it never had one.
    QString originalPath;
    QDateTime savedAt;
    model::Project project;
};

class Autosaver : public QObject
{
    Q_OBJECT

public:
    explicit Autosaver(ApiDocument *document, QObject *parent = nullptr);
    ~Autosaver() override;

    // Where recovery copies live: $PORTICO_RECOVERY_DIR, else the application data directory.
    static QString recoveryDirectory();
    // Copies whose session is gone (crashed or killed). Unreadable copies are skipped.
    static std::vector<RecoveredProject> abandonedCopies();
    // Removes an abandoned copy once it has been restored or declined.
    static void discard(const RecoveredProject &copy);

    // The delay after the last edit before a copy is written ($PORTICO_AUTOSAVE_MS, default 2 s).
    int delayMs() const { return m_timer.interval(); }
    QString recoveryFile() const;
    // Writes the copy now (or removes it when there is nothing unsaved).
    void writeNow();
    // A normal end: the copy and the lock go.
    void finish();

private:
    void removeCopy();

    ApiDocument *m_document;
    QString m_sessionId;
    std::unique_ptr<QLockFile> m_lock;
    QTimer m_timer;
};

} // namespace portico::editing
