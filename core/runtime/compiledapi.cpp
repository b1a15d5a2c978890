#include "compiledapi.h"

namespace portico::runtime {

namespace {

CompiledTemplates compileTemplates(const model::StringMap &templates, const QString &where,
                                   std::vector<base::Diagnostic> &problems)
{
    CompiledTemplates out;
    for (const auto &[contentType, text] : templates) {
        CompiledTemplate entry;
        entry.usesInput = text.contains(QLatin1String("input"));
        entry.usesContext = text.contains(QLatin1String("context"));
        entry.usesStageVariables = text.contains(QLatin1String("stageVariables"));
        entry.usesUtil = text.contains(QLatin1String("util"));
        auto compiled = vtl::Template::compile(text);
        if (compiled.ok()) {
            entry.compiled = std::move(compiled).value();
        } else {
            entry.error = compiled.error().location.isEmpty()
                              ? compiled.error().message
                              : compiled.error().location + QStringLiteral(": ") + compiled.error().message;
            problems.push_back(base::Diagnostic::error(where + QStringLiteral(" template ") + contentType, entry.error));
        }
        out.emplace(contentType, std::move(entry));
    }
    return out;
}

} // namespace

std::shared_ptr<const CompiledApi> CompiledApi::compile(model::RestApi api, std::vector<base::Diagnostic> &problems)
{
    std::shared_ptr<CompiledApi> out(new CompiledApi());
    out->m_api = std::move(api);
    out->m_routes = std::make_unique<RouteTable>(out->m_api);
    out->m_gatewayResponses = GatewayResponses(out->m_api.gatewayResponses);
    out->m_models = ModelSchemas(out->m_api, problems);
    for (const model::Resource &resource : out->m_api.resources) {
        const QString path = out->m_api.pathOf(resource.id);
        for (const auto &[verb, method] : resource.methods) {
            const QString where = path + QLatin1Char(' ') + verb;
            CompiledMethod compiled;
            compiled.method = &method;
            if (!method.requestValidatorId.isEmpty())
                compiled.validator = out->m_api.findRequestValidator(method.requestValidatorId);
            if (method.integration) {
                const model::Integration &integration = *method.integration;
                compiled.requestTemplates =
                    compileTemplates(integration.requestTemplates, where + QStringLiteral(" integration request"), problems);
                std::optional<CompiledIntegrationResponse> fallback;
                for (const auto &[status, response] : integration.integrationResponses) {
                    CompiledIntegrationResponse entry;
                    entry.response = &response;
                    entry.templates = compileTemplates(
                        response.responseTemplates, where + QStringLiteral(" integration response ") + status, problems);
                    if (response.selectionPattern.isEmpty()) {
                        fallback = std::move(entry);
                        continue;
                    }
                    // Java's String.matches(): the whole text must match.
                    QRegularExpression pattern(QRegularExpression::anchoredPattern(response.selectionPattern),
                                               QRegularExpression::DotMatchesEverythingOption);
                    if (!pattern.isValid()) {
                        problems.push_back(base::Diagnostic::error(
                            where + QStringLiteral(" integration response ") + status,
                            QStringLiteral("selection pattern \"%1\" is not a valid regular expression: %2")
                                .arg(response.selectionPattern, pattern.errorString())));
                        continue;
                    }
                    pattern.optimize();
                    entry.pattern = std::move(pattern);
                    compiled.responses.push_back(std::move(entry));
                }
                if (fallback)
                    compiled.responses.push_back(std::move(*fallback));
            }
            out->m_methods.emplace(&method, std::move(compiled));
        }
    }
    return out;
}

const CompiledMethod *CompiledApi::method(const model::Method *method) const
{
    auto it = m_methods.find(method);
    return it == m_methods.end() ? nullptr : &it->second;
}

} // namespace portico::runtime
