// The projects whose local functions the person allowed to run on this machine, remembered
// (QSettings) by the project file's absolute path: opening someone else's project must never run
// its commands, and asking every time would teach people to click Yes without reading.
#pragma once

#include <QString>

namespace portico::running {

class TrustedProjects
{
public:
    // An untitled project (empty path) is trusted: whatever it runs, this person typed.
    static bool isTrusted(const QString &projectPath);
    static void trust(const QString &projectPath);
    static void forget(const QString &projectPath);
};

} // namespace portico::running
