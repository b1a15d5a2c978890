#include "serverregistry.h"

#include "base/json.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <csignal>
#include <unistd.h>

namespace portico::cli {

QString ServerRegistry::entryFor(const QString &projectFile)
{
    const QString canonical = QFileInfo(projectFile).absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(canonical.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    // Per user, readable by that user only: the control API is loopback-only, but its address
    // is nobody else's business.
    const QString dir = QDir::temp().filePath(QStringLiteral("portico-%1").arg(::getuid()));
    QDir().mkpath(dir);
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return QDir(dir).filePath(QStringLiteral("serve-%1.json").arg(QString::fromLatin1(hash)));
}

bool ServerRegistry::publish(const QString &projectFile, const QString &controlUrl)
{
    QSaveFile file(entryFor(projectFile));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    const base::Json entry = {{"project", QFileInfo(projectFile).absoluteFilePath().toStdString()},
                              {"pid", qint64(::getpid())},
                              {"controlUrl", controlUrl.toStdString()}};
    file.write(QByteArray::fromStdString(entry.dump(2)));
    return file.commit();
}

void ServerRegistry::withdraw(const QString &projectFile)
{
    const QString path = entryFor(projectFile);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    base::Json entry;
    base::JsonParseError error;
    // Only our own entry: another serve of the same project may have replaced it.
    if (base::parseJson(file.readAll(), entry, error) && entry.value("pid", qint64(0)) == qint64(::getpid()))
        QFile::remove(path);
}

std::optional<QString> ServerRegistry::find(const QString &projectFile)
{
    QFile file(entryFor(projectFile));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    base::Json entry;
    base::JsonParseError error;
    if (!base::parseJson(file.readAll(), entry, error) || !entry.is_object())
        return std::nullopt;
    const qint64 pid = entry.value("pid", qint64(0));
    if (pid <= 0 || (::kill(pid_t(pid), 0) != 0 && errno == ESRCH)) {
        // Left by a server that died without withdrawing it.
        file.close();
        QFile::remove(entryFor(projectFile));
        return std::nullopt;
    }
    return QString::fromStdString(entry.value("controlUrl", std::string()));
}

} // namespace portico::cli
