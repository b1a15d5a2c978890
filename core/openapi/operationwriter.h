// One method of the model as an OpenAPI operation object, the way API Gateway's export writes it:
// parameters from the method request parameters (path parameters of the resource always, as AWS
// adds them on import), the request body and responses from the request and response models
// (refs to definitions / components.schemas), response headers from the method response
// parameters, security from the authorization type, and the x-amazon-apigateway-integration and
// x-amazon-apigateway-request-validator extensions.
#pragma once

#include "writecontext.h"

#include "model/restapi.h"

namespace portico::openapi {

class OperationWriter
{
public:
    OperationWriter(const model::RestApi &api, WriteContext &context);

    // `path` is the resource's full path ("/pets/{petId}").
    base::Json write(const QString &path, const model::Method &method);

private:
    base::Json parameters(const QString &path, const model::Method &method, const QString &where);
    void writeRequestBody(base::Json &operation, const model::Method &method, const QString &where);
    base::Json responses(const model::Method &method, base::Json &operation, const QString &where);
    base::Json security(const model::Method &method, const QString &where);
    base::Json integration(const model::Integration &integration, const QString &where);
    base::Json schemaRef(const QString &model, const QString &where, const QString &part);

    const model::RestApi &m_api;
    WriteContext &m_context;
};

// The lower-case text AWS's export uses for an enum's upper-case name ("AWS_PROXY" -> "aws_proxy").
QString lowerName(const QString &upperName);

} // namespace portico::openapi
