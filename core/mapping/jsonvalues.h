// Turns JSON into template values the way API Gateway's Java runtime sees it (json-smart under
// Jayway JsonPath): objects become insertion-ordered maps printing as {k=v}, arrays become lists
// printing as compact JSON, numbers stay integers unless they have a fraction or exponent.
#pragma once

#include "vtl/value.h"

#include "base/result.h"

#include <simdjson.h>

namespace portico::mapping {

class JsonValues
{
public:
    static vtl::Value fromElement(simdjson::dom::element element);
    // For $util.parseJson: parses text; the error names the problem.
    static base::Result<vtl::Value> parse(const QString &text);
};

} // namespace portico::mapping
