// $util in API Gateway mapping templates: the six functions AWS provides, with AWS's quirks
// (escapeJavaScript escapes ' as \', urlEncode writes spaces as +). Any other method renders
// nothing and raises no error, as on AWS.
#pragma once

#include "vtl/value.h"

namespace portico::mapping {

class UtilObject : public vtl::HostObject
{
public:
    vtl::Value property(const QString &name) const override;
    vtl::Value call(const QString &name, std::span<const vtl::Value> args, QString &error) const override;
    QString toString() const override;

    // Apache Commons Lang 2.6 StringEscapeUtils.escapeJavaScript, which AWS's runtime uses.
    static QString escapeJavaScript(const QString &text);
    // java.net.URLEncoder.encode(text, "UTF-8") and URLDecoder.decode.
    static QString urlEncode(const QString &text);
    static QString urlDecode(const QString &text, QString &error);
};

} // namespace portico::mapping
