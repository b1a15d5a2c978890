// `portico-cli serve`: the gateway runtime on loopback, headless, until Ctrl-C.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

int runServe(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
