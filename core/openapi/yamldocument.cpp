#include "yamldocument.h"

#include <yaml.h>

#include <QRegularExpression>
#include <QScopeGuard>
#include <QString>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

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
    // Most scalars are words: only text made of digits, signs, dots, underscores and exponents
    // can be a number, so the regular expressions run for those alone.
    const bool numeric = std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == '_' || c == 'e'
            || c == 'E';
    });
    if (!numeric)
        return text;
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

// Builds the JSON value straight from libyaml's parser events, without a YAML node tree in
// between: 25 ms for a 2.3 MB file, where yaml-cpp took 150 ms to parse and 450 ms to build its
// tree. libyaml keeps its own stack, so deep nesting cannot exhaust ours.
class JsonBuilder
{
public:
    Json takeResult() { return std::move(m_result); }

    void onScalar(const yaml_event_t &event)
    {
        const auto &scalar = event.data.scalar;
        const std::string value(reinterpret_cast<const char *>(scalar.value), scalar.length);
        const std::string tag
            = scalar.tag ? reinterpret_cast<const char *>(scalar.tag) : std::string();
        m_lastScalarText = value;
        // A plain scalar without a tag is typed as YAML 1.1 says; a quoted one is a string, and
        // so is the text inside a CloudFormation tag (!Sub ...).
        Json json = (scalar.plain_implicit && tag.empty()) ? plainScalar(value) : Json(value);
        add(std::move(json), tag, anchorOf(scalar.anchor), 1);
    }
    void onAlias(const yaml_event_t &event)
    {
        const auto found = m_anchors.find(anchorOf(event.data.alias.anchor));
        if (found == m_anchors.end()) {
            add(nullptr, std::string(), std::string(), 1);
            return;
        }
        add(found->second.value, std::string(), std::string(), found->second.nodes);
    }
    void onSequenceStart(const yaml_event_t &event)
    {
        open(Json::array(), tagOf(event.data.sequence_start.tag),
             anchorOf(event.data.sequence_start.anchor));
    }
    void onMappingStart(const yaml_event_t &event)
    {
        open(Json::object(), tagOf(event.data.mapping_start.tag),
             anchorOf(event.data.mapping_start.anchor));
    }
    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        if (frame.value.is_object()) {
            // Built in one go: nlohmann's ordered map is a vector of pairs with a const key, which
            // copies every member (deeply) each time it grows.
            auto &object = frame.value.get_ref<Json::object_t &>();
            object.reserve(frame.members.size());
            for (auto &[key, value] : frame.members)
                object.emplace_back(std::move(key), std::move(value));
        }
        add(std::move(frame.value), frame.tag, frame.anchor, frame.nodes);
    }

private:
    struct Frame
    {
        Json value;
        std::string tag;
        std::string anchor;
        size_t nodes = 1;
        // In a mapping: the key read and waiting for its value.
        std::optional<std::string> key;
        // A mapping's members in order, and where each key is (a repeated key: the last wins).
        std::vector<std::pair<std::string, Json>> members;
        std::unordered_map<std::string, size_t> positions;
    };
    struct Anchored
    {
        Json value;
        size_t nodes = 1;
    };

    static std::string anchorOf(const yaml_char_t *anchor)
    {
        return anchor ? reinterpret_cast<const char *>(anchor) : std::string();
    }
    static std::string tagOf(const yaml_char_t *tag)
    {
        return tag ? reinterpret_cast<const char *>(tag) : std::string();
    }

    void open(Json container, const std::string &tag, const std::string &anchor)
    {
        Frame frame;
        frame.value = std::move(container);
        frame.tag = tag;
        frame.anchor = anchor;
        m_stack.push_back(std::move(frame));
    }

    void add(Json value, const std::string &tag, const std::string &anchor, size_t nodes)
    {
        m_total += nodes;
        if (m_total > kMaxExpandedNodes)
            throw TooLarge {};
        // Local tags (!Sub, !Ref) are CloudFormation's short forms; standard ones (tag:yaml.org,
        // "!" for "not specific") change nothing here.
        if (tag.size() > 1 && tag[0] == '!' && tag[1] != '!')
            value = cloudFormationFunction(tag.substr(1), std::move(value));
        if (!anchor.empty())
            m_anchors[anchor] = Anchored {value, nodes};
        if (m_stack.empty()) {
            m_result = std::move(value);
            return;
        }
        Frame &parent = m_stack.back();
        parent.nodes += nodes;
        if (parent.value.is_array()) {
            parent.value.push_back(std::move(value));
            return;
        }
        if (!parent.key) {
            // Keys are strings in JSON: 200 stays "200", a complex key becomes its JSON text.
            if (value.is_string())
                parent.key = value.get<std::string>();
            else if (value.is_number() || value.is_boolean() || value.is_null())
                parent.key = m_lastScalarText;
            else
                parent.key = value.dump();
            return;
        }
        const std::string key = std::move(*parent.key);
        parent.key.reset();
        if (key == "<<" && value.is_object()) {
            // A merge key: the merged mapping's entries, without overriding explicit keys.
            for (auto it = value.begin(); it != value.end(); ++it)
                if (!parent.positions.count(it.key()))
                    put(parent, it.key(), *it);
            return;
        }
        put(parent, key, std::move(value));
    }

    static void put(Frame &mapping, const std::string &key, Json value)
    {
        const auto [at, added] = mapping.positions.emplace(key, mapping.members.size());
        if (added)
            mapping.members.emplace_back(key, std::move(value));
        else
            mapping.members[at->second].second = std::move(value);
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

    std::vector<Frame> m_stack;
    std::map<std::string, Anchored> m_anchors;
    Json m_result;
    size_t m_total = 0;
    std::string m_lastScalarText;
};

// Reads the first document of `text` into JSON, or says where and why it cannot.
base::Result<Json> parseYaml(const QByteArray &text)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return Diagnostic::error(QString(), QStringLiteral("out of memory"));
    const auto release = qScopeGuard([&parser] { yaml_parser_delete(&parser); });
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char *>(text.constData()),
                                 static_cast<size_t>(text.size()));
    JsonBuilder builder;
    bool seenDocument = false;
    try {
        for (;;) {
            yaml_event_t event;
            if (!yaml_parser_parse(&parser, &event)) {
                // libyaml counts from 0.
                const yaml_mark_t &mark = parser.problem_mark;
                QString message = QString::fromUtf8(parser.problem ? parser.problem : "not YAML");
                if (parser.context)
                    message = QString::fromUtf8(parser.context) + QStringLiteral(": ") + message;
                return Diagnostic::error(
                    QStringLiteral("line %1, column %2").arg(mark.line + 1).arg(mark.column + 1),
                    message);
            }
            const auto freeEvent = qScopeGuard([&event] { yaml_event_delete(&event); });
            switch (event.type) {
            case YAML_STREAM_END_EVENT:
                return builder.takeResult();
            case YAML_DOCUMENT_START_EVENT:
                // Only the first document of a stream is the definition.
                if (seenDocument)
                    return builder.takeResult();
                seenDocument = true;
                break;
            case YAML_SCALAR_EVENT:
                builder.onScalar(event);
                break;
            case YAML_ALIAS_EVENT:
                builder.onAlias(event);
                break;
            case YAML_SEQUENCE_START_EVENT:
                builder.onSequenceStart(event);
                break;
            case YAML_MAPPING_START_EVENT:
                builder.onMappingStart(event);
                break;
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                builder.close();
                break;
            default:
                break;
            }
        }
    } catch (const TooLarge &) {
        return Diagnostic::error(QString(),
                                 QStringLiteral("the YAML expands to more than %1 nodes "
                                                "(aliases repeated too often)")
                                     .arg(kMaxExpandedNodes));
    }
}

// The offset of the first byte that is not part of valid UTF-8, or -1: said with its line and
// column, before the YAML parser sees it.
qsizetype invalidUtf8At(const QByteArray &text)
{
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.constData());
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size;) {
        const unsigned char c = bytes[i];
        int continuation = 0;
        char32_t codePoint = 0;
        if (c < 0x80) {
            ++i;
            continue;
        } else if ((c & 0xE0) == 0xC0) {
            continuation = 1;
            codePoint = c & 0x1F;
        } else if ((c & 0xF0) == 0xE0) {
            continuation = 2;
            codePoint = c & 0x0F;
        } else if ((c & 0xF8) == 0xF0) {
            continuation = 3;
            codePoint = c & 0x07;
        } else {
            return i;
        }
        for (int k = 1; k <= continuation; ++k) {
            if (i + k >= size || (bytes[i + k] & 0xC0) != 0x80)
                return i;
            codePoint = (codePoint << 6) | (bytes[i + k] & 0x3F);
        }
        // Overlong forms, surrogates and values past U+10FFFF are not UTF-8 either.
        static constexpr char32_t smallest[] = {0, 0x80, 0x800, 0x10000};
        if (codePoint < smallest[continuation] || (codePoint >= 0xD800 && codePoint <= 0xDFFF)
            || codePoint > 0x10FFFF)
            return i;
        i += continuation + 1;
    }
    return -1;
}

QString lineAndColumn(const QByteArray &text, qsizetype offset)
{
    const QByteArray before = text.left(offset);
    const qsizetype lineStart = before.lastIndexOf('\n') + 1;
    return QStringLiteral("line %1, column %2")
        .arg(before.count('\n') + 1)
        .arg(offset - lineStart + 1);
}

// The deepest nesting of arrays and objects, counted without recursion.
size_t nestingDepth(const Json &root)
{
    size_t deepest = 0;
    std::vector<std::pair<const Json *, size_t>> pending {{&root, 1}};
    while (!pending.empty()) {
        const auto [node, depth] = pending.back();
        pending.pop_back();
        if (!node->is_structured())
            continue;
        deepest = std::max(deepest, depth);
        for (const Json &child : *node)
            pending.emplace_back(&child, depth + 1);
    }
    return deepest;
}

base::Result<Json> checkedDepth(Json value)
{
    if (nestingDepth(value) > kMaxNestingDepth)
        return Diagnostic::error(QString(),
                                 QStringLiteral("nested more than %1 levels deep; not "
                                                "an API definition")
                                     .arg(kMaxNestingDepth));
    return value;
}

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
        return checkedDepth(std::move(out));
    }
    if (const qsizetype bad = invalidUtf8At(text); bad >= 0)
        return Diagnostic::error(
            lineAndColumn(text, bad),
            QStringLiteral("not UTF-8 text (byte 0x%1); OpenAPI files are UTF-8")
                .arg(static_cast<unsigned char>(text[bad]), 2, 16, QLatin1Char('0')));
    auto parsed = parseYaml(text);
    if (!parsed.ok())
        return parsed.errors();
    return checkedDepth(std::move(parsed).value());
}

} // namespace portico::openapi
