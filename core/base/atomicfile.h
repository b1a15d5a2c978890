// Writing a whole file atomically (QSaveFile: a temporary file renamed over the old one), so that
// a crash, a full disk or a file size limit during the write leaves the previous file as it was.
// Project saves and exports write through it.
#pragma once

#include "result.h"

#include <QByteArray>
#include <QString>

namespace portico::base {

// On failure the diagnostic's location is the path and its message "cannot save: REASON".
Status writeFileAtomically(const QString &path, const QByteArray &bytes);

} // namespace portico::base
