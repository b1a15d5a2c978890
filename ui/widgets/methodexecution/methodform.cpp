#include "methodform.h"

namespace portico::widgets::methodexecution {

void MethodForm::showMethod(const model::RestApi &api, const QString &resourcePath,
                            const model::Method &method)
{
    m_method = method;
    load(api, resourcePath);
}

model::Integration &MethodForm::integrationOf(model::Method &method)
{
    if (!method.integration)
        method.integration.emplace();
    return *method.integration;
}

} // namespace portico::widgets::methodexecution
