#include "autosaver.h"

#include "apidocument.h"

#include "base/atomicfile.h"
#include "base/ids.h"
#include "base/json.h"
#include "model/projectreader.h"
#include "model/projectwriter.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace portico::editing {

namespace {

constexpr int kDefaultDelayMs = 2000;

QString metaFile(const QString &directory, const QString &sessionId)
{
    return directory + QLatin1Char('/') + sessionId + QStringLiteral(".meta.json");
}
QString copyFile(const QString &directory, const QString &sessionId)
{
    return directory + QLatin1Char('/') + sessionId + QStringLiteral(".portico.json");
}
QString lockFile(const QString &directory, const QString &sessionId)
{
    return directory + QLatin1Char('/') + sessionId + QStringLiteral(".lock");
}

} // namespace

Autosaver::Autosaver(ApiDocument *document, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_sessionId(base::randomAlphanumeric(12, true))
{
    const QString directory = recoveryDirectory();
    QDir().mkpath(directory);
    m_lock = std::make_unique<QLockFile>(lockFile(directory, m_sessionId));
    // Never stale while this process lives: Qt checks the owner's pid, not the age.
    m_lock->setStaleLockTime(0);
    m_lock->tryLock(0);

    bool ok = false;
    const int delay = qEnvironmentVariableIntValue("PORTICO_AUTOSAVE_MS", &ok);
    m_timer.setInterval(ok && delay > 0 ? delay : kDefaultDelayMs);
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Autosaver::writeNow);
    connect(m_document, &ApiDocument::changed, &m_timer, qOverload<>(&QTimer::start));
    connect(m_document, &ApiDocument::cleanChanged, this, [this](bool clean) {
        if (clean) {
            m_timer.stop();
            removeCopy();
        } else {
            m_timer.start();
        }
    });
}

Autosaver::~Autosaver()
{
    finish();
}

QString Autosaver::recoveryDirectory()
{
    const QString configured = qEnvironmentVariable("PORTICO_RECOVERY_DIR");
    if (!configured.isEmpty())
        return configured;
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/recovery");
}

QString Autosaver::recoveryFile() const
{
    return copyFile(recoveryDirectory(), m_sessionId);
}

void Autosaver::writeNow()
{
    if (!m_document->isDirty()) {
        removeCopy();
        return;
    }
    const QString directory = recoveryDirectory();
    const base::Status written = base::writeFileAtomically(
        copyFile(directory, m_sessionId), model::ProjectWriter::toBytes(m_document->project()));
    if (!written.ok())
        return; // a full disk must not interrupt editing; the next edit tries again
    base::Json meta
        = {{"originalPath", base::toStd(m_document->filePath())},
           {"savedAt", base::toStd(QDateTime::currentDateTimeUtc().toString(Qt::ISODate))}};
    (void)base::writeFileAtomically(metaFile(directory, m_sessionId),
                                    QByteArray::fromStdString(meta.dump(2)));
}

void Autosaver::removeCopy()
{
    const QString directory = recoveryDirectory();
    QFile::remove(copyFile(directory, m_sessionId));
    QFile::remove(metaFile(directory, m_sessionId));
}

void Autosaver::finish()
{
    m_timer.stop();
    removeCopy();
    if (m_lock)
        m_lock->unlock();
}

std::vector<RecoveredProject> Autosaver::abandonedCopies()
{
    std::vector<RecoveredProject> out;
    const QString directory = recoveryDirectory();
    const QStringList copies
        = QDir(directory).entryList({QStringLiteral("*.portico.json")}, QDir::Files, QDir::Time);
    for (const QString &name : copies) {
        const QString sessionId = name.chopped(int(qstrlen(".portico.json")));
        // A live session holds its lock; a dead one's lock is stale and can be taken.
        QLockFile lock(lockFile(directory, sessionId));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue;
        lock.unlock();
        QFile copy(copyFile(directory, sessionId));
        if (!copy.open(QIODevice::ReadOnly))
            continue;
        auto project = model::ProjectReader::fromBytes(copy.readAll());
        if (!project.ok())
            continue;
        RecoveredProject recovered;
        recovered.recoveryFile = copy.fileName();
        recovered.project = std::move(project).value();
        QFile meta(metaFile(directory, sessionId));
        if (meta.open(QIODevice::ReadOnly)) {
            const base::Json info = base::Json::parse(meta.readAll().toStdString(), nullptr, false);
            if (info.is_object()) {
                recovered.originalPath
                    = base::toQString(info.value("originalPath", base::Json()).is_string()
                                          ? info["originalPath"].get<std::string>()
                                          : std::string());
                recovered.savedAt = QDateTime::fromString(
                    base::toQString(info.value("savedAt", base::Json()).is_string()
                                        ? info["savedAt"].get<std::string>()
                                        : std::string()),
                    Qt::ISODate);
            }
        }
        out.push_back(std::move(recovered));
    }
    return out;
}

void Autosaver::discard(const RecoveredProject &copy)
{
    const QString sessionId
        = QFileInfo(copy.recoveryFile).fileName().chopped(int(qstrlen(".portico.json")));
    const QString directory = QFileInfo(copy.recoveryFile).absolutePath();
    QFile::remove(copy.recoveryFile);
    QFile::remove(metaFile(directory, sessionId));
    QFile::remove(lockFile(directory, sessionId));
}

} // namespace portico::editing
