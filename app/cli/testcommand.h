// `portico-cli test`: runs every saved request of a project through the gateway in-process and
// checks its expectations, for CI: a line per request, JUnit XML, a non-zero exit on failure.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

int runTest(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
