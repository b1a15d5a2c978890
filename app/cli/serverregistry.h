// How `portico-cli usage PROJECT` finds the `portico-cli serve` of that project: serve writes a
// small file naming its loopback control API, in a per-user directory under the system's
// temporary directory, and removes it when it stops. A file left by a server that died is
// recognised (its process is gone) and ignored.
#pragma once

#include <QString>

#include <optional>

namespace portico::cli {

class ServerRegistry
{
public:
    // Records that this process serves `projectFile` with its control API at `controlUrl`.
    static bool publish(const QString &projectFile, const QString &controlUrl);
    static void withdraw(const QString &projectFile);
    // The control API's URL of a live server of `projectFile`.
    static std::optional<QString> find(const QString &projectFile);

private:
    static QString entryFor(const QString &projectFile);
};

} // namespace portico::cli
