#include "compactjson.h"

#include "members.h"
#include "number.h"

#include <array>
#include <charconv>
#include <cstring>
#include <type_traits>

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

using simdjson::internal::tape_ref;

// A container being written. Members and elements are read off simdjson's tape in place; only an
// object with a repeated name has its members collected (first position, last value, as
// json-smart keeps them).
struct Frame
{
    bool object = false;
    bool started = false;
    std::size_t index = 0; // tape index of the next member or element
    std::size_t end = 0;   // tape index of the closing bracket
    bool collected = false;
    std::vector<Member> members;
    std::size_t next = 0;
};

static_assert(sizeof(tape_ref) == sizeof(element) && std::is_trivially_copyable_v<tape_ref>
              && std::is_trivially_copyable_v<element>);

tape_ref tapeOf(element e)
{
    tape_ref t;
    std::memcpy(static_cast<void *>(&t), &e, sizeof t);
    return t;
}

element elementOf(const tape_ref &t)
{
    element e;
    std::memcpy(static_cast<void *>(&e), &t, sizeof t);
    return e;
}

// Writes a scalar, or opens a container and pushes its frame.
void begin(std::string &out, element value, std::vector<Frame> &stack)
{
    switch (value.type()) {
    case element_type::ARRAY:
    case element_type::OBJECT: {
        const bool object = value.type() == element_type::OBJECT;
        out += object ? '{' : '[';
        Frame frame;
        frame.object = object;
        if (object && ObjectMembers::hasDuplicateKeys(value.get_object().value_unsafe())) {
            frame.collected = true;
            frame.members = ObjectMembers::unique(value.get_object().value_unsafe());
        } else {
            const tape_ref t = tapeOf(value);
            frame.index = t.json_index + 1;
            frame.end = t.matching_brace_index() - 1;
        }
        stack.push_back(std::move(frame));
        break;
    }
    case element_type::INT64: {
        char buffer[24];
        out.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value.get_int64().value_unsafe()).ptr);
        break;
    }
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
        const bool done = frame.collected ? frame.next == frame.members.size() : frame.index == frame.end;
        if (done) {
            out += frame.object ? '}' : ']';
            stack.pop_back();
            continue;
        }
        if (frame.started)
            out += ',';
        frame.started = true;
        element next;
        if (frame.collected) {
            appendString(out, frame.members[frame.next].key);
            out += ':';
            next = frame.members[frame.next].value;
            ++frame.next;
        } else {
            tape_ref t = tapeOf(value);
            t.json_index = frame.index;
            if (frame.object) {
                appendString(out, t.get_string_view());
                out += ':';
                ++t.json_index;
            }
            next = elementOf(t);
            frame.index = t.after_element();
        }
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
