// A real curl process, as a person sends requests from a terminal: tests of the runtime inside
// the GUI use it so that what reaches the runtime is what an outside client sends.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

namespace portico::test {

struct CurlResult
{
    // 0 when curl could not connect (or did not run).
    int status = 0;
    QByteArray body;
};

inline bool haveCurl()
{
    return !QStandardPaths::findExecutable(QStringLiteral("curl")).isEmpty();
}

// `arguments` as curl takes them (options, then the URL).
inline CurlResult runCurl(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral("curl"), QStringList {QStringLiteral("-s"), QStringLiteral("-w"), QStringLiteral("\n%{http_code}")} + arguments);
    if (!process.waitForFinished(15000))
        return {};
    const QByteArray out = process.readAllStandardOutput();
    const qsizetype newline = out.lastIndexOf('\n');
    return {out.mid(newline + 1).toInt(), out.left(newline)};
}

} // namespace portico::test
