#include "modelschemas.h"

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <QStringList>

namespace portico::runtime {

struct ModelSchemas::Compiled
{
    valijson::Schema schema;
};

namespace {

using Document = nlohmann::json;

std::optional<Document> parseDocument(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    Document doc = Document::parse(utf8.constData(), utf8.constData() + utf8.size(), nullptr, false);
    if (doc.is_discarded())
        return std::nullopt;
    return doc;
}

// "https://apigateway.amazonaws.com/restapis/abc/models/Pet" -> "Pet"; also a bare "Pet".
QString modelNameOf(const std::string &uri)
{
    const QString text = QString::fromStdString(uri).section(QLatin1Char('#'), 0, 0);
    const qsizetype at = text.lastIndexOf(QLatin1String("/models/"));
    return at >= 0 ? text.mid(at + 8) : text.section(QLatin1Char('/'), -1);
}

} // namespace

ModelSchemas::ModelSchemas(const model::RestApi &api, std::vector<base::Diagnostic> &problems)
{
    std::map<QString, Document> documents;
    for (const model::Model &m : api.models) {
        std::optional<Document> doc = parseDocument(m.schema);
        if (!doc) {
            problems.push_back(base::Diagnostic::error(QStringLiteral("model %1").arg(m.name),
                                                       QStringLiteral("the schema is not valid JSON; bodies are not validated against it")));
            continue;
        }
        documents.emplace(m.name, std::move(*doc));
    }
    for (const auto &[name, doc] : documents) {
        auto compiled = std::make_shared<Compiled>();
        try {
            valijson::SchemaParser parser(valijson::SchemaParser::kDraft4);
            valijson::adapters::NlohmannJsonAdapter adapter(doc);
            const auto fetch = [&documents](const std::string &uri) -> const Document * {
                auto it = documents.find(modelNameOf(uri));
                return it == documents.end() ? nullptr : new Document(it->second);
            };
            const auto release = [](const Document *d) { delete d; };
            parser.populateSchema(adapter, compiled->schema, fetch, release);
        } catch (const std::exception &e) {
            problems.push_back(base::Diagnostic::error(QStringLiteral("model %1").arg(name),
                                                       QStringLiteral("the schema cannot be used: %1").arg(QString::fromUtf8(e.what()))));
            continue;
        }
        m_schemas.emplace(name, std::move(compiled));
    }
}

ModelSchemas::~ModelSchemas() = default;
ModelSchemas::ModelSchemas(ModelSchemas &&) noexcept = default;
ModelSchemas &ModelSchemas::operator=(ModelSchemas &&) noexcept = default;

bool ModelSchemas::has(const QString &modelName) const
{
    return m_schemas.count(modelName) > 0;
}

std::optional<QString> ModelSchemas::validate(const QString &modelName, const QByteArray &body) const
{
    auto it = m_schemas.find(modelName);
    if (it == m_schemas.end())
        return std::nullopt;
    const Document doc = Document::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (doc.is_discarded())
        return QStringLiteral("[Unknown error parsing request body]");
    valijson::ValidationResults results;
    try {
        valijson::Validator validator;
        valijson::adapters::NlohmannJsonAdapter target(doc);
        if (validator.validate(it->second->schema, target, &results))
            return std::nullopt;
    } catch (const std::exception &e) {
        return QStringLiteral("[%1]").arg(QString::fromUtf8(e.what()));
    }
    // valijson reports every failing level; the innermost errors say what is wrong.
    QStringList messages;
    valijson::ValidationResults::Error error;
    while (results.popError(error)) {
        QString where;
        for (const std::string &part : error.context) {
            if (part != "<root>")
                where += QString::fromStdString(part);
        }
        const QString text = QString::fromStdString(error.description) + (where.isEmpty() ? QString() : QStringLiteral(" (at %1)").arg(where));
        if (!messages.contains(text))
            messages.append(text);
    }
    return QLatin1Char('[') + messages.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace portico::runtime
