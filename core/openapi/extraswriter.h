// Writes back what the importer kept without modelling it (model::OpenApiExtras: JSON pointer ->
// compact JSON text) into the object the owner is exported as, so that import followed by export
// loses nothing. An entry replaces whatever the exporter generated at its pointer (the importer
// only keeps content it did not model, so the two agree or the file's own text is the better
// one), missing parent objects are created, and an entry that cannot exist in the target (an
// OpenAPI 3 "components" part in a Swagger 2.0 file, an x-amazon-apigateway-* key in a clean
// spec) is left out; every entry left out for another reason than the user's choice of a clean
// spec is reported.
#pragma once

#include "writecontext.h"

#include "model/openapiextras.h"

#include <QStringList>

namespace portico::openapi {

enum class ExtrasOwner { Document, Operation, Integration, SecurityScheme };

void writeExtras(base::Json &target, const model::OpenApiExtras &extras, ExtrasOwner owner,
                 const QString &location, WriteContext &context);

// The RFC 6901 pointer's reference tokens, decoded ("/a~1b/c" -> ["a/b", "c"]).
QStringList pointerTokens(const QString &pointer);

// Sets `value` at the tokens' place in `target`, creating missing objects on the way. An array
// is only entered at an existing index, or appended to at index == size or "-". Returns false,
// changing nothing, when the place cannot be reached (a scalar or a missing index on the way).
bool setAt(base::Json &target, const QStringList &tokens, base::Json value);

} // namespace portico::openapi
