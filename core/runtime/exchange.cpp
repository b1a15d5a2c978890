#include "exchange.h"

#include <QLocale>

namespace portico::runtime {

namespace {
constexpr qsizetype kLogValueMaxChars = 1000;
}

QString javaDateString(const QDateTime &time)
{
    const QDateTime utc = time.toUTC();
    // The C locale: day and month names in English whatever the user's locale.
    return QLocale::c().toString(utc, QStringLiteral("ddd MMM dd HH:mm:ss 'UTC' yyyy"));
}

QString truncatedForLog(const QString &text)
{
    if (text.size() <= kLogValueMaxChars)
        return text;
    return text.left(kLogValueMaxChars) + QStringLiteral(" [TRUNCATED]");
}

QString javaMapString(const std::vector<std::pair<QString, QString>> &entries)
{
    QString out = QStringLiteral("{");
    bool first = true;
    for (const auto &[key, value] : entries) {
        if (!first)
            out += QStringLiteral(", ");
        first = false;
        out += key;
        out += QLatin1Char('=');
        out += value;
    }
    out += QLatin1Char('}');
    return truncatedForLog(out);
}

QString Exchange::executionLog() const
{
    QString out = QStringLiteral("Execution log for request %1\n").arg(requestId);
    for (const TraceLine &line : lines) {
        out += javaDateString(startedAt.addMSecs(line.elapsedUs / 1000));
        out += QStringLiteral(" : ");
        out += line.text;
        out += QLatin1Char('\n');
    }
    return out;
}

} // namespace portico::runtime
