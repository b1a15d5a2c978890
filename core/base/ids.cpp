#include "ids.h"

#include <QRandomGenerator>

namespace portico::base {

QString randomAlphanumeric(int length, bool lowerCaseOnly)
{
    static constexpr char kLower[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    static constexpr char kMixed[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    const char *alphabet = lowerCaseOnly ? kLower : kMixed;
    const quint32 size = lowerCaseOnly ? sizeof(kLower) - 1 : sizeof(kMixed) - 1;
    // QRandomGenerator::system() reads the operating system's cryptographic source.
    QRandomGenerator *random = QRandomGenerator::system();
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out.append(QLatin1Char(alphabet[random->bounded(size)]));
    return out;
}

QString newResourceId()
{
    return randomAlphanumeric(10, true);
}

QString newApiKeyValue()
{
    return randomAlphanumeric(40, false);
}

} // namespace portico::base
