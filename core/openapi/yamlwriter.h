// Writes a JSON value as block-style YAML with yaml-cpp's emitter, so that a person can read an
// export and any YAML reader (yaml-cpp, js-yaml, PyYAML, AWS's importer) reads back exactly the
// same JSON: strings a YAML 1.1 or 1.2 reader would take for a number, a boolean, null or a
// timestamp are quoted, and multi-line strings (mapping templates) become block literals only
// when the literal reads back byte for byte, double-quoted with escapes otherwise.
#pragma once

#include "base/json.h"

#include <QByteArray>

namespace portico::openapi {

QByteArray toYaml(const base::Json &value);

} // namespace portico::openapi
