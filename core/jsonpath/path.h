// A JSONPath compiled once (per deployment) and evaluated many times, from any number of threads,
// against request and response payloads parsed once with simdjson. It follows Jayway JsonPath,
// which API Gateway uses for $input.json and $input.path:
//   $  .name  ['name']  ["name"]  ['a','b']  [0]  [-1]  [0,2]  [1:3]  [1:]  [:2]  [-2:]
//   .*  [*]  ..name  ..*  ..[0]  [?(filter)]
// Filters: @ and $ paths, literals ('s', "s", numbers, true, false, null, JSON arrays and
// objects), /regex/flags, == != === !== < <= > >= =~ in nin contains size empty anyof noneof
// subsetof, && || ! and parentheses. A path without '$' or '@' reads as if it began with "$."
// (Jayway's rule). Not supported: functions such as length(), a slice step, the operators all,
// type and matches.
#pragma once

#include "matches.h"

#include "base/result.h"

#include <simdjson.h>

#include <QString>

#include <memory>

namespace portico::jsonpath {

namespace ast {
struct Chain;
}

class Path
{
public:
    // A syntax error comes back as "column N" and what was expected there.
    static base::Result<Path> compile(const QString &text);

    QString text() const { return m_text; }
    // Jayway's notion: no wildcard, deep scan, slice, filter, or several indexes or names (a
    // final multi-name bracket still counts as definite: it yields one merged object). A
    // definite path yields one value, an indefinite one a list.
    bool isDefinite() const;

    // Never copies the document: the matches are handles into it, valid while it lives. An error
    // only when a limit stopped the evaluation (kJsonPathMaxSteps, kJsonPathMaxMatches).
    base::Result<Matches> evaluate(simdjson::dom::element root) const;

private:
    Path(QString text, std::shared_ptr<const ast::Chain> chain);

    QString m_text;
    std::shared_ptr<const ast::Chain> m_chain;
};

} // namespace portico::jsonpath
