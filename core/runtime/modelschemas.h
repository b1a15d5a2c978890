// The API's models (JSON Schema draft-04) compiled once per deployment for request body
// validation, with valijson. Models refer to each other as API Gateway stores them
// ("https://apigateway.amazonaws.com/restapis/{id}/models/{name}") and by "#/definitions/...".
#pragma once

#include "base/diagnostic.h"
#include "model/restapi.h"

#include <QString>

#include <map>
#include <memory>
#include <optional>
#include <vector>

namespace portico::runtime {

class ModelSchemas
{
public:
    ModelSchemas() = default;
    // Models whose schema does not parse are reported and left out (their bodies are not checked).
    ModelSchemas(const model::RestApi &api, std::vector<base::Diagnostic> &problems);
    ~ModelSchemas();
    ModelSchemas(ModelSchemas &&) noexcept;
    ModelSchemas &operator=(ModelSchemas &&) noexcept;

    bool has(const QString &modelName) const;
    // Nothing when the body is valid; otherwise AWS's bracketed error list, as the log and
    // $context.error.validationErrorString show it: "[object has missing required properties ...]".
    std::optional<QString> validate(const QString &modelName, const QByteArray &body) const;

private:
    struct Compiled;
    std::map<QString, std::shared_ptr<const Compiled>> m_schemas;
};

} // namespace portico::runtime
