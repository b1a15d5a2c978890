// Reads an OpenAPI/Swagger file, JSON or YAML, into the JSON value the importer works on.
//
// YAML (read with libyaml) is read leniently, as API Gateway's own importer does: YAML 1.1
// scalars (unquoted numbers, true/false/yes/no, null, ~) get their types, mapping keys are
// always strings (an unquoted `200:` status key is "200"), and CloudFormation's short-form tags are turned into the long form the
// JSON of a template would hold (`!Sub x` -> {"Fn::Sub": x}, `!Ref x` -> {"Ref": x},
// `!GetAtt a.b` -> {"Fn::GetAtt": ["a", "b"]}), so files cut out of SAM templates still load.
#pragma once

#include "base/json.h"
#include "base/result.h"

#include <QByteArray>

namespace portico::openapi {

// JSON when the first non-blank character is '{' or '[', YAML otherwise. An error says line and
// column. Anchors and aliases are expanded; a document whose expansion would exceed
// kMaxExpandedNodes (a "billion laughs" file) is refused instead of exhausting memory, and so is a
// document nested deeper than kMaxNestingDepth.
base::Result<base::Json> readJsonOrYaml(const QByteArray &text);

inline constexpr size_t kMaxExpandedNodes = 5'000'000;
// Deeper documents are refused: every later step (reference rewriting, export) can then recurse
// safely. Real definitions nest a few dozen levels.
inline constexpr size_t kMaxNestingDepth = 256;

} // namespace portico::openapi
