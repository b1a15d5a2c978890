// libFuzzer target for core/jsonpath: the first line of the input is compiled as a JSONPath, the
// rest (when simdjson accepts it) is the document it is evaluated against. Besides crashes and
// sanitizer reports it checks three promises: a definite path yields at most one match, the
// compact printer's output parses back to a document that prints the same, and every match
// prints.
#include "jsonpath/compactjson.h"
#include "jsonpath/path.h"

#include <simdjson.h>

#include <QString>

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace portico;
using namespace portico::jsonpath;

namespace {

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char *>(data), size);
    const std::size_t newline = input.find('\n');
    const std::string_view pathText = input.substr(0, newline);
    const std::string_view json
        = newline == std::string_view::npos ? std::string_view() : input.substr(newline + 1);

    const base::Result<Path> path = Path::compile(
        QString::fromUtf8(pathText.data(), static_cast<qsizetype>(pathText.size())));
    if (!path) {
        check(path.error().location.startsWith(QLatin1String("column ")));
        return 0;
    }

    // Empty is never a document, and simdjson would memcpy from a null pointer.
    if (json.empty())
        return 0;
    static simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(json.data(), json.size()).get(root))
        return 0;

    // Round trip of the printer, on a second parser (the first one owns `root`).
    const QString printed = toCompactJson(root);
    static simdjson::dom::parser reparser;
    const QByteArray utf8 = printed.toUtf8();
    simdjson::dom::element again;
    check(!reparser.parse(utf8.constData(), static_cast<std::size_t>(utf8.size())).get(again));
    check(toCompactJson(again) == printed);

    const base::Result<Matches> matches = path->evaluate(root);
    if (!matches)
        return 0; // a limit stopped it: also a valid outcome
    check(!path->isDefinite() || matches->items().size() <= 1);
    check(path->isDefinite() == !matches->isList());
    for (const Match &match : matches->items())
        check(!toCompactJson(match).isEmpty());
    const QString all = toCompactJson(matches.value());
    check(all.isNull() == !matches->found());
    return 0;
}
