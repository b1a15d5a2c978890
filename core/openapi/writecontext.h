// What the parts of one OpenAPI export share while it is being written: the target version and
// options, which models and security schemes exist in the document, what the operations used
// (so that the sigv4 and api_key schemes are declared only when needed), and the warnings about
// what could not be exported as it is.
#pragma once

#include "base/diagnostic.h"
#include "base/json.h"

#include <QString>

#include <map>
#include <set>
#include <vector>

namespace portico::openapi {

enum class OpenApiVersion { Swagger2, OpenApi3 };

struct WriteContext
{
    OpenApiVersion version = OpenApiVersion::OpenApi3;
    // false: a clean public spec without any x-amazon-apigateway-* key.
    bool extensions = true;
    // Example payloads generated from the models, for Postman and other clients.
    bool examples = false;

    // Models written to definitions / components.schemas, and their generated examples.
    std::set<QString> exportedModels;
    std::map<QString, base::Json> modelExamples;
    // authorizer id -> security scheme name
    std::map<QString, QString> schemeByAuthorizerId;
    bool usesSigv4 = false;
    bool usesApiKey = false;

    std::vector<base::Diagnostic> warnings;

    bool swagger2() const { return version == OpenApiVersion::Swagger2; }
    QString modelRef(const QString &modelName) const
    {
        return (swagger2() ? QStringLiteral("#/definitions/")
                           : QStringLiteral("#/components/schemas/"))
            + modelName;
    }
    void warn(const QString &location, const QString &message)
    {
        warnings.push_back(base::Diagnostic::warning(location, message));
    }
};

inline constexpr char kSigv4Scheme[] = "sigv4";
inline constexpr char kApiKeyScheme[] = "api_key";

} // namespace portico::openapi
