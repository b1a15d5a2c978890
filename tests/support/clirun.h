// portico-cli as a user runs it: a real process, its output and its exit status.
#pragma once

#include <QProcess>
#include <QStringList>

namespace portico::test {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

// -1 as the exit code when it did not finish within 30 s or crashed.
inline CliRun runCli(const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral(PORTICO_CLI_PATH), args);
    CliRun r;
    if (!p.waitForFinished(30000))
        return r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace portico::test
