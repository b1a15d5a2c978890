// `portico-cli keys PROJECT ...`: the project's API keys, as the console's API keys page manages
// them: list, generate, enable, disable, and import from API Gateway's CSV format. Changes are
// saved atomically; the project is checked to load first.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace portico::cli {

extern const char kKeysUsage[];

// Exit code: 0 on success; 1 when an import had bad rows (the good ones are still saved);
// 2 on a usage error or an unreadable or unwritable file.
int runKeys(const QStringList &args, QTextStream &out, QTextStream &err);

} // namespace portico::cli
