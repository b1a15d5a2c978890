// Prints what a JSONPath selected as compact JSON, the way $input.json renders it ({ "a" : 1 }
// becomes {"a":1}): no whitespace, a duplicate key once (last value, first position, as
// json-smart keeps it), doubles as Java's Double.toString prints them (1.0E21 where simdjson
// would write 1e+21), integers exactly. Iterative, so any nesting simdjson accepted is fine.
#pragma once

#include "match.h"
#include "matches.h"

#include <simdjson.h>

#include <QString>

#include <string>

namespace portico::jsonpath {

void appendCompactJson(std::string &out, simdjson::dom::element value);
void appendCompactJson(std::string &out, const Match &match);

QString toCompactJson(simdjson::dom::element value);
QString toCompactJson(const Match &match);
// A definite path's value, or an indefinite path's matches as a JSON array ("[]" when empty);
// a null QString when the path found nothing ($input.json then prints "").
QString toCompactJson(const Matches &matches);

} // namespace portico::jsonpath
