// `portico-cli usage PROJECT [--server URL] [--json]`: the requests each API key made and the
// quota it has left, per usage plan, read from the running `portico-cli serve` of that project.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

// Exit code: 0 when the report was printed; 1 when no server answered; 2 on a usage error.
int runUsage(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
