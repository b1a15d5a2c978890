#include "jsonvalues.h"

namespace portico::mapping {

vtl::Value JsonValues::fromElement(simdjson::dom::element element)
{
    return vtl::jsonValue(element);
}

base::Result<vtl::Value> JsonValues::parse(const QString &text)
{
    thread_local simdjson::dom::parser parser;
    const QByteArray utf8 = text.toUtf8();
    simdjson::dom::element root;
    const auto error = parser.parse(utf8.constData(), size_t(utf8.size())).get(root);
    if (error)
        return base::Diagnostic::error(QString(), QStringLiteral("not valid JSON: %1")
                                                      .arg(QString::fromUtf8(simdjson::error_message(error))));
    return fromElement(root);
}

} // namespace portico::mapping
