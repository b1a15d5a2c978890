#include "diagnostic.h"

namespace portico::base {

QString Diagnostic::toString() const
{
    const QString kind = severity == Severity::Error ? QStringLiteral("error")
                                                     : QStringLiteral("warning");
    if (location.isEmpty())
        return kind + QStringLiteral(": ") + message;
    return kind + QStringLiteral(": ") + location + QStringLiteral(": ") + message;
}

} // namespace portico::base
