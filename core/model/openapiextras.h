// OpenAPI content Portico carries without modelling it (an operation's summary and tags, an
// integration's responseTransferMode, the documentation extension, vendor x- keys...), so that an
// import followed by an export loses nothing. Each entry maps a JSON pointer, relative to the
// OpenAPI object the owner came from, to the value found there as compact JSON text.
#pragma once

#include <QString>

#include <map>

namespace portico::model {

using OpenApiExtras = std::map<QString, QString>;

} // namespace portico::model
