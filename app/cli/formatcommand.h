// `portico-cli format FILE...`: rewrites project files in Portico's canonical form (stable key
// order, 2-space indentation, resources by path), atomically, after checking they load.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

// Exit code: 0 when every file was written (or, with checkOnly, already canonical); 1 when a
// file is not canonical under checkOnly; 2 when a file cannot be read or written.
int runFormat(const QStringList &files, bool checkOnly, QTextStream &out, QTextStream &err);

} // namespace portico::cli
