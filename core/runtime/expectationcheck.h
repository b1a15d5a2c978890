// Checks a response against a saved request's expectations (status, header values, the body
// equal or a JSON subset, JSONPath checks) and says, for each one that does not hold, what was
// checked, what was expected and what came back: what `portico-cli test` prints and the
// composer shows.
#pragma once

#include "http/httpmessage.h"
#include "model/savedrequest.h"

#include <QString>

#include <vector>

namespace portico::runtime {

struct ExpectationFailure
{
    // What was checked: "status", "header Content-Type", "body", "body: JSON subset:
    // $.items[0].id", or a JSONPath check's path ("$.name").
    QString check;
    // As a person reads them: numbers as numbers, strings quoted, JSON compact; long values cut
    // with "...". `actual` may be a phrase: "no match", "nothing", "no such header".
    QString expected;
    QString actual;

    // "status: expected 200, got 404"
    QString toString() const;

    friend bool operator==(const ExpectationFailure &, const ExpectationFailure &) = default;
};

// Empty when every expectation holds (and when there are none).
// - headers: the name in any case; passes when one of the header's values is exactly the value.
// - body Equals: the bytes exactly (the expectation's text as UTF-8).
// - body JsonSubset: see model::BodyExpectation; objects' members in any order, numbers compared
//   by value (1 equals 1.0); every difference is reported at its JSONPath.
// - JSONPath: evaluated as API Gateway's $input.path does (Jayway); the first match is compared,
//   as a JSON value, with `equals`; without `equals` any match passes.
std::vector<ExpectationFailure> checkExpectations(const model::RequestExpectations &expectations,
                                                  const http::Response &response);

} // namespace portico::runtime
