// `portico-cli render` (render a mapping template against a sample request or a conformance
// case) and `portico-cli bench-render` (the VTL benchmark's candidate contract, see
// ../shared/bench/README.md).
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

int runRender(const QStringList &args, QTextStream &out, QTextStream &err);
int runBenchRender(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
