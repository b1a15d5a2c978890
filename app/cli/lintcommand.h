// `portico-cli lint FILE...`: loads each project and prints its findings, one per line.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

// Exit code: 0 when no file has errors, 1 when a finding is an error, 2 when a file cannot be
// read as a project at all.
int runLint(const QStringList &files, QTextStream &out, QTextStream &err);

} // namespace portico::cli
