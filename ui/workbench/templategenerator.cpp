#include "templategenerator.h"

#include "base/json.h"

namespace portico::workbench {

namespace {

using base::Json;

QString typeOf(const Json &schema)
{
    const auto type = schema.find("type");
    if (type != schema.end() && type->is_string())
        return base::toQString(type->get<std::string>());
    if (schema.contains("properties"))
        return QStringLiteral("object");
    return QStringLiteral("string");
}

class Writer
{
public:
    QString text;

    // `reference` is the VTL expression of the value ("$inputRoot.owner", "$elem1").
    void value(const Json &schema, const QString &reference, int indent, int depth)
    {
        const QString type = typeOf(schema);
        if (depth > 8) { // a recursive model: stop with the raw JSON of the rest
            text += QStringLiteral("$input.json('$')");
            return;
        }
        if (type == QLatin1String("object")) {
            const auto properties = schema.find("properties");
            if (properties == schema.end() || !properties->is_object() || properties->empty()) {
                text += QStringLiteral("{}");
                return;
            }
            text += QStringLiteral("{\n");
            size_t index = 0;
            for (auto it = properties->begin(); it != properties->end(); ++it, ++index) {
                const QString name = base::toQString(it.key());
                text += pad(indent + 2) + QLatin1Char('"') + name + QStringLiteral("\" : ");
                value(*it, reference + QLatin1Char('.') + name, indent + 2, depth + 1);
                if (index + 1 < properties->size())
                    text += QLatin1Char(',');
                text += QLatin1Char('\n');
            }
            text += pad(indent) + QLatin1Char('}');
        } else if (type == QLatin1String("array")) {
            const QString element = QStringLiteral("$elem%1").arg(depth + 1);
            const auto items = schema.find("items");
            text += QStringLiteral("[\n#foreach(%1 in %2)\n").arg(element, reference);
            text += pad(indent + 2);
            value(items != schema.end() && items->is_object() ? *items : Json::object(), element,
                  indent + 2, depth + 1);
            text += QStringLiteral("#if($foreach.hasNext),#end\n#end\n") + pad(indent)
                + QLatin1Char(']');
        } else if (type == QLatin1String("string")) {
            // Quotes in the data would break the JSON: escaped as the console's skeleton does not.
            text += QStringLiteral("\"$util.escapeJavaScript(%1)\"").arg(reference);
        } else {
            text += reference; // numbers, booleans, null: as they are
        }
    }

private:
    static QString pad(int n) { return QString(n, QLatin1Char(' ')); }
};

} // namespace

QString TemplateGenerator::fromSchema(const QString &schemaJson)
{
    const Json schema = Json::parse(schemaJson.toStdString(), nullptr, false);
    if (!schema.is_object() || typeOf(schema) != QLatin1String("object"))
        return {};
    Writer writer;
    writer.text = QStringLiteral("#set($inputRoot = $input.path('$'))\n");
    writer.value(schema, QStringLiteral("$inputRoot"), 0, 0);
    writer.text += QLatin1Char('\n');
    return writer.text;
}

} // namespace portico::workbench
