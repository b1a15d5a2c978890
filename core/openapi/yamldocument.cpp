#include "yamldocument.h"

#include <yaml-cpp/yaml.h>

#include <QRegularExpression>
#include <QString>

#include <cmath>

namespace portico::openapi {

using base::Diagnostic;
using base::Json;

namespace {

bool looksLikeJson(const QByteArray &text)
{
    for (const char c : text) {
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
            continue;
        return c == '{' || c == '[';
    }
    return false;
}

struct TooLarge
{
};

// YAML 1.1 plain scalars as a YAML 1.1 loader (PyYAML, SnakeYAML, js-yaml) reads them.
Json plainScalar(const std::string &text)
{
    static const QRegularExpression integer(QStringLiteral("^[-+]?(0|[1-9][0-9_]*)$"));
    static const QRegularExpression number(QStringLiteral(
        "^[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+]?[0-9]+)?$|^[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+$"));
    if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL")
        return nullptr;
    if (text == "true" || text == "True" || text == "TRUE" || text == "yes" || text == "Yes"
        || text == "YES" || text == "on" || text == "On" || text == "ON")
        return true;
    if (text == "false" || text == "False" || text == "FALSE" || text == "no" || text == "No"
        || text == "NO" || text == "off" || text == "Off" || text == "OFF")
        return false;
    const QString q = QString::fromStdString(text);
    if (integer.match(q).hasMatch()) {
        bool ok = false;
        const qlonglong value = QString(q).remove(QLatin1Char('_')).toLongLong(&ok);
        if (ok)
            return static_cast<std::int64_t>(value);
    }
    if (q.size() > 1 && number.match(q).hasMatch()) {
        bool ok = false;
        const double value = QString(q).remove(QLatin1Char('_')).toDouble(&ok);
        if (ok && std::isfinite(value))
            return value;
    }
    return text;
}

class Converter
{
public:
    Json convert(const YAML::Node &node)
    {
        if (++m_nodes > kMaxExpandedNodes)
            throw TooLarge {};
        Json value = untagged(node);
        const std::string &tag = node.Tag();
        if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag.rfind("tag:", 0) != 0)
            return cloudFormationFunction(tag.substr(1), std::move(value));
        return value;
    }

private:
    Json untagged(const YAML::Node &node)
    {
        switch (node.Type()) {
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined:
            return nullptr;
        case YAML::NodeType::Scalar:
            // "!" is a quoted scalar: always a string. "?" is plain: typed as YAML 1.1 says.
            if (node.Tag() == "!" || (node.Tag().size() > 1 && node.Tag() != "?"))
                return node.Scalar();
            return plainScalar(node.Scalar());
        case YAML::NodeType::Sequence: {
            Json array = Json::array();
            for (const YAML::Node &element : node)
                array.push_back(convert(element));
            return array;
        }
        case YAML::NodeType::Map: {
            Json object = Json::object();
            for (const auto &entry : node) {
                // Keys are strings in JSON: 200 stays "200", a null key becomes "null".
                const std::string key
                    = entry.first.IsScalar() ? entry.first.Scalar() : YAML::Dump(entry.first);
                if (key == "<<" && entry.second.IsMap()) {
                    // A merge key: the merged mapping's entries, without overriding explicit keys.
                    Json merged = convert(entry.second);
                    for (auto it = merged.begin(); it != merged.end(); ++it)
                        if (!object.contains(it.key()))
                            object[it.key()] = *it;
                    continue;
                }
                object[key] = convert(entry.second);
            }
            return object;
        }
        }
        return nullptr;
    }

    static Json cloudFormationFunction(const std::string &name, Json value)
    {
        if (name == "Ref" || name == "Condition")
            return Json {{name, std::move(value)}};
        if (name == "GetAtt" && value.is_string()) {
            const std::string text = value.get<std::string>();
            const size_t dot = text.find('.');
            if (dot != std::string::npos)
                return Json {
                    {"Fn::GetAtt", Json::array({text.substr(0, dot), text.substr(dot + 1)})}};
        }
        return Json {{"Fn::" + name, std::move(value)}};
    }

    size_t m_nodes = 0;
};

} // namespace

base::Result<Json> readJsonOrYaml(const QByteArray &text)
{
    if (looksLikeJson(text)) {
        Json out;
        base::JsonParseError error;
        if (!base::parseJson(text, out, error))
            return Diagnostic::error(
                QStringLiteral("line %1, column %2").arg(error.line).arg(error.column),
                error.message);
        return out;
    }
    try {
        const YAML::Node root = YAML::Load(text.toStdString());
        Converter converter;
        return converter.convert(root);
    } catch (const YAML::Exception &e) {
        // yaml-cpp counts from 0.
        return Diagnostic::error(
            QStringLiteral("line %1, column %2").arg(e.mark.line + 1).arg(e.mark.column + 1),
            QString::fromStdString(e.msg));
    } catch (const TooLarge &) {
        return Diagnostic::error(QString(),
                                 QStringLiteral("the YAML expands to more than %1 nodes "
                                                "(aliases repeated too often)")
                                     .arg(kMaxExpandedNodes));
    }
}

} // namespace portico::openapi
