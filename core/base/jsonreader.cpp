#include "jsonreader.h"

#include <limits>

namespace portico::base {

namespace {
const Json &nullJson()
{
    static const Json null;
    return null;
}
} // namespace

JsonReader::JsonReader(const Json &value, QString pointer, std::vector<Diagnostic> &errors)
    : m_value(value)
    , m_pointer(std::move(pointer))
    , m_errors(errors)
{}

void JsonReader::error(const QString &pointer, const QString &message)
{
    m_errors.push_back(Diagnostic::error(pointer.isEmpty() ? QStringLiteral("/") : pointer, message));
}

QString JsonReader::pointerTo(const char *key) const
{
    return m_pointer + QLatin1Char('/') + jsonPointerToken(QString::fromUtf8(key));
}

bool JsonReader::has(const char *key) const
{
    return find(key) != nullptr;
}

const Json *JsonReader::find(const char *key) const
{
    if (!m_value.is_object())
        return nullptr;
    const auto it = m_value.find(key);
    return it == m_value.end() ? nullptr : &*it;
}

bool JsonReader::expectObject()
{
    if (m_value.is_object())
        return true;
    error(m_pointer, QStringLiteral("expected an object, found %1").arg(jsonTypeName(m_value)));
    return false;
}

void JsonReader::rejectUnknownKeys(std::initializer_list<const char *> known)
{
    if (!m_value.is_object())
        return;
    for (auto it = m_value.begin(); it != m_value.end(); ++it) {
        bool isKnown = false;
        for (const char *k : known)
            isKnown = isKnown || it.key() == k;
        if (!isKnown) {
            error(m_pointer + QLatin1Char('/') + jsonPointerToken(toQString(it.key())),
                  QStringLiteral("unknown field \"%1\"").arg(toQString(it.key())));
        }
    }
}

const Json *JsonReader::typed(const char *key, bool (Json::*check)() const noexcept,
                              const char *expected)
{
    const Json *v = find(key);
    if (!v)
        return nullptr;
    if (!((*v).*check)()) {
        error(pointerTo(key), QStringLiteral("expected %1, found %2")
                                  .arg(QString::fromLatin1(expected), jsonTypeName(*v)));
        return nullptr;
    }
    return v;
}

QString JsonReader::string(const char *key, const QString &fallback)
{
    const Json *v = typed(key, &Json::is_string, "a string");
    return v ? toQString(v->get<std::string>()) : fallback;
}

QString JsonReader::requiredString(const char *key)
{
    if (m_value.is_object() && !has(key))
        error(pointerTo(key), QStringLiteral("required string is missing"));
    return string(key);
}

bool JsonReader::boolean(const char *key, bool fallback)
{
    const Json *v = typed(key, &Json::is_boolean, "true or false");
    return v ? v->get<bool>() : fallback;
}

std::optional<int> JsonReader::optionalInteger(const char *key)
{
    const Json *v = typed(key, &Json::is_number_integer, "an integer");
    if (!v)
        return std::nullopt;
    const auto n = v->get<long long>();
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
        error(pointerTo(key), QStringLiteral("integer %1 is out of range").arg(n));
        return std::nullopt;
    }
    return int(n);
}

int JsonReader::integer(const char *key, int fallback)
{
    return optionalInteger(key).value_or(fallback);
}

std::optional<double> JsonReader::optionalNumber(const char *key)
{
    const Json *v = typed(key, &Json::is_number, "a number");
    return v ? std::optional<double>(v->get<double>()) : std::nullopt;
}

QStringList JsonReader::stringList(const char *key)
{
    QStringList out;
    const Json *v = typed(key, &Json::is_array, "an array of strings");
    if (!v)
        return out;
    for (size_t i = 0; i < v->size(); ++i) {
        const Json &item = (*v)[i];
        if (item.is_string())
            out.append(toQString(item.get<std::string>()));
        else
            error(pointerTo(key) + QLatin1Char('/') + QString::number(i),
                  QStringLiteral("expected a string, found %1").arg(jsonTypeName(item)));
    }
    return out;
}

std::map<QString, QString> JsonReader::stringMap(const char *key)
{
    std::map<QString, QString> out;
    const Json *v = typed(key, &Json::is_object, "an object of strings");
    if (!v)
        return out;
    for (auto it = v->begin(); it != v->end(); ++it) {
        const QString name = toQString(it.key());
        if (it->is_string())
            out[name] = toQString(it->get<std::string>());
        else
            error(pointerTo(key) + QLatin1Char('/') + jsonPointerToken(name),
                  QStringLiteral("expected a string, found %1").arg(jsonTypeName(*it)));
    }
    return out;
}

std::map<QString, bool> JsonReader::boolMap(const char *key)
{
    std::map<QString, bool> out;
    const Json *v = typed(key, &Json::is_object, "an object of true/false values");
    if (!v)
        return out;
    for (auto it = v->begin(); it != v->end(); ++it) {
        const QString name = toQString(it.key());
        if (it->is_boolean())
            out[name] = it->get<bool>();
        else
            error(pointerTo(key) + QLatin1Char('/') + jsonPointerToken(name),
                  QStringLiteral("expected true or false, found %1").arg(jsonTypeName(*it)));
    }
    return out;
}

int JsonReader::oneOf(const char *key, const QStringList &names)
{
    if (!has(key))
        return -1;
    const QString text = string(key);
    const Json *v = find(key);
    if (!v->is_string())
        return -1;
    const int index = int(names.indexOf(text));
    if (index < 0) {
        error(pointerTo(key), QStringLiteral("expected one of %1, found \"%2\"")
                                  .arg(names.join(QStringLiteral(", ")), text));
    }
    return index;
}

JsonReader JsonReader::member(const char *key)
{
    const Json *v = find(key);
    return JsonReader(v ? *v : nullJson(), pointerTo(key), m_errors);
}

void JsonReader::forEachElement(const char *key, const std::function<void(JsonReader &)> &read)
{
    const Json *v = typed(key, &Json::is_array, "an array");
    if (!v)
        return;
    for (size_t i = 0; i < v->size(); ++i) {
        JsonReader element((*v)[i], pointerTo(key) + QLatin1Char('/') + QString::number(i),
                           m_errors);
        read(element);
    }
}

void JsonReader::forEachMember(const char *key,
                               const std::function<void(const QString &, JsonReader &)> &read)
{
    const Json *v = typed(key, &Json::is_object, "an object");
    if (!v)
        return;
    for (auto it = v->begin(); it != v->end(); ++it) {
        const QString name = toQString(it.key());
        JsonReader member(*it, pointerTo(key) + QLatin1Char('/') + jsonPointerToken(name),
                          m_errors);
        read(name, member);
    }
}

} // namespace portico::base
