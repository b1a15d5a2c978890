// An example value for a JSON Schema (draft 4 as API Gateway models use it), for exports with
// Postman-friendly examples: declared "example", "default" or first "enum" value first, else a
// value of the declared type with every property filled in. References to other models are
// followed; a model that refers back to itself ends as {} instead of recursing forever.
#pragma once

#include "base/json.h"

#include <QString>

#include <map>
#include <set>

namespace portico::openapi {

class ExampleGenerator
{
public:
    // model name -> schema (references in any of the forms modelrefs.h knows)
    explicit ExampleGenerator(const std::map<QString, base::Json> &schemas);

    // `modelName`: the model the schema is, so that a reference back to it ends the example.
    base::Json exampleFor(const base::Json &schema, const QString &modelName = {}) const;

private:
    base::Json generate(const base::Json &schema, int depth, std::set<QString> &visiting) const;
    base::Json objectExample(const base::Json &schema, int depth,
                             std::set<QString> &visiting) const;
    static base::Json scalarExample(const std::string &type, const base::Json &schema);

    const std::map<QString, base::Json> &m_schemas;
};

} // namespace portico::openapi
