// "Generate from model", as the API Gateway console offers: a mapping template skeleton that
// copies every property of a JSON Schema model from $input into the same JSON shape, arrays
// through #foreach. A starting point to edit, not a finished template.
#pragma once

#include <QString>

namespace portico::workbench {

class TemplateGenerator
{
public:
    // Empty when `schemaJson` is not an object schema with properties.
    static QString fromSchema(const QString &schemaJson);
};

} // namespace portico::workbench
