#include "compactjson.h"

#include "members.h"
#include "number.h"

#include <array>

namespace portico::jsonpath {

using simdjson::dom::element;
using simdjson::dom::element_type;

namespace {

void appendString(std::string &out, std::string_view text)
{
    static constexpr std::array<char, 16> hex {'0', '1', '2', '3', '4', '5', '6', '7',
                                               '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    out += '"';
    // Runs of characters that need no escape are copied whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        out.append(text.data() + run, i - run);
        run = i + 1;
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\b':
            out += "\\b";
            break;
        case '\f':
            out += "\\f";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            out += "\\u00";
            out += hex[(c >> 4) & 0xF];
            out += hex[c & 0xF];
        }
    }
    out.append(text.data() + run, text.size() - run);
    out += '"';
}

struct Frame
{
    bool object = false;
    std::vector<Member> members;
    std::vector<element> items;
    std::size_t next = 0;
};

// Writes a scalar, or opens a container and pushes its frame.
void begin(std::string &out, element value, std::vector<Frame> &stack)
{
    switch (value.type()) {
    case element_type::ARRAY: {
        out += '[';
        Frame frame;
        for (const simdjson::dom::array items = value.get_array().value_unsafe();
             const element item : items)
            frame.items.push_back(item);
        stack.push_back(std::move(frame));
        break;
    }
    case element_type::OBJECT: {
        out += '{';
        Frame frame;
        frame.object = true;
        ObjectMembers::forEach(value.get_object().value_unsafe(),
                               [&](std::string_view key, element member) {
                                   frame.members.push_back({key, member});
                                   return true;
                               });
        stack.push_back(std::move(frame));
        break;
    }
    case element_type::INT64:
    case element_type::UINT64:
    case element_type::DOUBLE:
        out += Number::fromElement(value)->javaText();
        break;
    case element_type::STRING:
        appendString(out, value.get_string().value_unsafe());
        break;
    case element_type::BOOL:
        out += value.get_bool().value_unsafe() ? "true" : "false";
        break;
    case element_type::NULL_VALUE:
        out += "null";
        break;
    }
}

} // namespace

void appendCompactJson(std::string &out, element value)
{
    std::vector<Frame> stack;
    begin(out, value, stack);
    while (!stack.empty()) {
        Frame &frame = stack.back();
        const std::size_t count = frame.object ? frame.members.size() : frame.items.size();
        if (frame.next == count) {
            out += frame.object ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (frame.next > 0)
            out += ',';
        element next;
        if (frame.object) {
            appendString(out, frame.members[frame.next].key);
            out += ':';
            next = frame.members[frame.next].value;
        } else {
            next = frame.items[frame.next];
        }
        ++frame.next;
        begin(out, next, stack); // may grow the stack: `frame` is not used after this
    }
}

void appendCompactJson(std::string &out, const Match &match)
{
    if (!match.isMerged()) {
        appendCompactJson(out, match.element());
        return;
    }
    out += '{';
    bool first = true;
    for (const Member &member : match.members()) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, member.key);
        out += ':';
        appendCompactJson(out, member.value);
    }
    out += '}';
}

QString toCompactJson(element value)
{
    std::string out;
    appendCompactJson(out, value);
    return QString::fromStdString(out);
}

QString toCompactJson(const Match &match)
{
    std::string out;
    appendCompactJson(out, match);
    return QString::fromStdString(out);
}

QString toCompactJson(const Matches &matches)
{
    if (!matches.found())
        return {};
    std::string out;
    if (!matches.isList()) {
        appendCompactJson(out, *matches.value());
        return QString::fromStdString(out);
    }
    out += '[';
    bool first = true;
    for (const Match &match : matches.items()) {
        if (!first)
            out += ',';
        first = false;
        appendCompactJson(out, match);
    }
    out += ']';
    return QString::fromStdString(out);
}

} // namespace portico::jsonpath
