// Reads a JSON document into value classes while keeping a JSON pointer to where it is, so that
// every wrong type or missing field becomes a diagnostic naming its place. It never throws and
// never stops at the first problem: all errors are collected and the caller decides.
#pragma once

#include "diagnostic.h"
#include "json.h"

#include <QStringList>

#include <functional>
#include <initializer_list>
#include <map>
#include <optional>
#include <vector>

namespace portico::base {

class JsonReader
{
public:
    JsonReader(const Json &value, QString pointer, std::vector<Diagnostic> &errors);

    const QString &pointer() const { return m_pointer; }
    const Json &value() const { return m_value; }
    bool isNull() const { return m_value.is_null(); }
    bool has(const char *key) const;

    // Reports an error here when this value is not an object; returns whether it is.
    bool expectObject();
    // Reports keys of this object that are not in the list, so a typo is never ignored.
    void rejectUnknownKeys(std::initializer_list<const char *> known);

    QString string(const char *key, const QString &fallback = {});
    QString requiredString(const char *key);
    bool boolean(const char *key, bool fallback = false);
    int integer(const char *key, int fallback = 0);
    std::optional<int> optionalInteger(const char *key);
    std::optional<double> optionalNumber(const char *key);
    QStringList stringList(const char *key);
    std::map<QString, QString> stringMap(const char *key);
    std::map<QString, bool> boolMap(const char *key);

    // A string that must be one of the names in `names`; returns its index, or -1 when absent
    // or wrong (after reporting).
    int oneOf(const char *key, const QStringList &names);

    JsonReader member(const char *key);
    void forEachElement(const char *key, const std::function<void(JsonReader &)> &read);
    void forEachMember(const char *key,
                       const std::function<void(const QString &, JsonReader &)> &read);

    void error(const QString &pointer, const QString &message);
    QString pointerTo(const char *key) const;

private:
    const Json *find(const char *key) const;
    const Json *typed(const char *key, bool (Json::*check)() const noexcept, const char *expected);

    const Json &m_value;
    QString m_pointer;
    std::vector<Diagnostic> &m_errors;
};

} // namespace portico::base
