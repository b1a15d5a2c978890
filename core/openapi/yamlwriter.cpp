#include "yamlwriter.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace portico::openapi {

using base::Json;

namespace {

bool isPlainWordResolvedAsNonString(const std::string &s)
{
    // YAML 1.1 booleans and nulls in any case: being stricter than a reader costs only quotes.
    static constexpr std::array<std::string_view, 10> words {"null", "~",  "true", "false", "yes",
                                                             "no",   "on", "off",  "y",     "n"};
    std::string lower(s);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::find(words.begin(), words.end(), lower) != words.end();
}

// Whether a plain scalar with this text could be read as something other than this string.
// Numbers in every YAML flavour (0x1F, 1_000, 1:20, .5, +1, .inf, .NaN) and timestamps all
// start with a digit, a sign or a dot followed by a digit or "inf"/"nan".
bool needsQuotes(const std::string &s)
{
    if (s.empty() || s == "<<" || s == "=" || isPlainWordResolvedAsNonString(s))
        return true;
    std::size_t i = 0;
    if (s[i] == '-' || s[i] == '+')
        ++i;
    if (i < s.size() && s[i] == '.')
        ++i;
    if (i >= s.size())
        return false;
    if (std::isdigit(static_cast<unsigned char>(s[i])))
        return true;
    if (i > 0 && s[i - 1] == '.') {
        std::string rest = s.substr(i, 3);
        std::transform(rest.begin(), rest.end(), rest.begin(),
                       [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        return rest == "inf" || rest == "nan";
    }
    return false;
}

// Characters YAML does not allow unescaped (DEL, the C1 controls) or reads as line breaks (NEL,
// U+2028, U+2029), and that yaml-cpp writes as they are even inside double quotes (it replaces
// the noncharacters U+FFFE and U+FFFF with U+FFFD itself); `escape` is how a double-quoted
// scalar writes them. Found by fuzz/openapi_fuzzer: libyaml refused an export holding a DEL.
struct Unprintable
{
    std::string raw;
    std::string escape;
};
const std::vector<Unprintable> &unprintables()
{
    static const std::vector<Unprintable> list = [] {
        std::vector<Unprintable> out {{std::string(1, '\x7f'), "\\x7F"}};
        for (int c = 0x80; c <= 0x9f; ++c) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\x%02X", c);
            out.push_back({std::string {'\xc2', static_cast<char>(c)}, escape});
        }
        // YAML 1.1 reads NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as line breaks, which a
        // double-quoted scalar folds: escaped too.
        out.push_back({"\xe2\x80\xa8", "\\L"});
        out.push_back({"\xe2\x80\xa9", "\\P"});
        // In double quotes yaml-cpp writes the noncharacters as U+FFFD; plain, it would write
        // them as they are, which YAML readers refuse.
        out.push_back({"\xef\xbf\xbe", "\\uFFFD"});
        out.push_back({"\xef\xbf\xbf", "\\uFFFD"});
        return out;
    }();
    return list;
}

bool hasUnprintable(const std::string &s)
{
    for (const Unprintable &u : unprintables())
        if (s.find(u.raw) != std::string::npos)
            return true;
    return false;
}

enum class Block { None, Clip, Strip };

// A literal block scalar reads back exactly when: its first line does not start with white space
// (the reader would take it for indentation), no line holds only white space (a reader may take
// it for an empty line), it holds no carriage return or other control character (line breaks
// are normalised, control characters cannot appear unescaped), and it ends in at most one line
// break (clip keeps one, strip keeps none; more would need "keep" and yaml-cpp's own trailing
// line break would then count).
Block literalStyle(const std::string &s)
{
    if (s.find('\n') == std::string::npos || s.front() == ' ' || s.front() == '\t'
        || s.front() == '\n')
        return Block::None;
    for (unsigned char c : s) {
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            return Block::None;
    }
    std::size_t lineStart = 0;
    while (lineStart < s.size()) {
        std::size_t end = s.find('\n', lineStart);
        if (end == std::string::npos)
            end = s.size();
        const std::string_view line(s.data() + lineStart, end - lineStart);
        if (!line.empty() && line.find_first_not_of(" \t") == std::string_view::npos)
            return Block::None;
        lineStart = end + 1;
    }
    if (s.size() >= 2 && s[s.size() - 1] == '\n' && s[s.size() - 2] == '\n')
        return Block::None;
    return s.back() == '\n' ? Block::Clip : Block::Strip;
}

class Writer
{
public:
    QByteArray run(const Json &value)
    {
        m_out.SetIndent(2);
        write(value);
        std::string text = m_out.c_str();
        // yaml-cpp writes every literal with the default "clip" indicator "|"; those that end
        // without a line break need "strip" ("|-"). Later offsets first, so earlier ones stay
        // valid while inserting.
        for (auto it = m_stripOffsets.rbegin(); it != m_stripOffsets.rend(); ++it) {
            const std::size_t bar = text.find('|', *it);
            if (bar != std::string::npos)
                text.insert(bar + 1, 1, '-');
        }
        // Strings holding such characters were all written double-quoted, where an escape
        // reads back as the character.
        if (m_hasUnprintable) {
            for (const Unprintable &u : unprintables())
                for (std::size_t at = text.find(u.raw); at != std::string::npos;
                     at = text.find(u.raw, at + u.escape.size()))
                    text.replace(at, u.raw.size(), u.escape);
        }
        if (text.empty() || text.back() != '\n')
            text.push_back('\n');
        return QByteArray::fromStdString(text);
    }

private:
    void writeString(const std::string &s, bool isKey)
    {
        if (hasUnprintable(s)) {
            m_hasUnprintable = true;
            m_out << YAML::DoubleQuoted << s;
            return;
        }
        if (!isKey) {
            const Block block = literalStyle(s);
            if (block != Block::None) {
                if (block == Block::Strip)
                    m_stripOffsets.push_back(m_out.size());
                m_out << YAML::Literal << s;
                return;
            }
        }
        const bool multiLine = s.find_first_of("\n\r") != std::string::npos;
        if (needsQuotes(s) || multiLine)
            m_out << YAML::DoubleQuoted << s;
        else
            m_out << s;
    }

    void write(const Json &value)
    {
        switch (value.type()) {
        case Json::value_t::object:
            m_out << YAML::BeginMap;
            for (auto it = value.begin(); it != value.end(); ++it) {
                m_out << YAML::Key;
                writeString(it.key(), true);
                m_out << YAML::Value;
                write(it.value());
            }
            m_out << YAML::EndMap;
            break;
        case Json::value_t::array:
            m_out << YAML::BeginSeq;
            for (const Json &element : value)
                write(element);
            m_out << YAML::EndSeq;
            break;
        case Json::value_t::string:
            writeString(value.get_ref<const std::string &>(), false);
            break;
        case Json::value_t::boolean:
            m_out << value.get<bool>();
            break;
        case Json::value_t::null:
        case Json::value_t::discarded:
            m_out << YAML::Null;
            break;
        default:
            // Numbers as JSON writes them (shortest text that reads back to the same double).
            m_out << value.dump();
            break;
        }
    }

    YAML::Emitter m_out;
    std::vector<std::size_t> m_stripOffsets;
    bool m_hasUnprintable = false;
};

} // namespace

QByteArray toYaml(const Json &value)
{
    return Writer().run(value);
}

} // namespace portico::openapi
