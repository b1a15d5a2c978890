#include "importer.h"

#include "modelrefs.h"
#include "yamldocument.h"

#include "base/ids.h"
#include "model/enums.h"
#include "model/pathrules.h"

#include <QCryptographicHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <set>

namespace portico::openapi {

using base::Diagnostic;
using base::Json;
using base::toQString;
using base::toStd;
using namespace portico::model;

namespace {

const char *const kOperationVerbs[] = {"get", "put", "post", "delete", "options", "head", "patch"};
const char kAnyMethod[] = "x-amazon-apigateway-any-method";
const char kIntegration[] = "x-amazon-apigateway-integration";
const char kAuthorizer[] = "x-amazon-apigateway-authorizer";
const char kAuthType[] = "x-amazon-apigateway-authtype";
const char kValidator[] = "x-amazon-apigateway-request-validator";

// Extensions API Gateway only reads for HTTP APIs: kept for the export, reported as unused.
const QSet<QString> &httpApiOnlyKeys()
{
    static const QSet<QString> keys {
        QStringLiteral("x-amazon-apigateway-importexport-version"),
        QStringLiteral("x-amazon-apigateway-cors"),
        QStringLiteral("x-amazon-apigateway-integrations"),
        QStringLiteral("x-amazon-apigateway-auth"),
        QStringLiteral("payloadFormatVersion"),
        QStringLiteral("integrationSubtype"),
        QStringLiteral("jwtConfiguration"),
        QStringLiteral("authorizerPayloadFormatVersion"),
        QStringLiteral("enableSimpleResponses"),
        QStringLiteral("isDefaultRoute"),
    };
    return keys;
}

// Root extensions AWS reads for REST APIs that Portico keeps without modelling (they do nothing
// in a local runtime): round-tripped through openApiExtras without a warning.
const QSet<QString> &carriedRootExtensions()
{
    static const QSet<QString> keys {
        QStringLiteral("x-amazon-apigateway-documentation"),
        QStringLiteral("x-amazon-apigateway-security-policy"),
        QStringLiteral("x-amazon-apigateway-endpoint-access-mode"),
    };
    return keys;
}

QString pointer(const QString &base, const QString &token)
{
    return base + QLatin1Char('/') + base::jsonPointerToken(token);
}
QString pointer(const QString &base, const char *token)
{
    return pointer(base, QString::fromUtf8(token));
}

// A scalar as the string AWS stores: integers and booleans are stringified ("200", "true").
std::optional<QString> scalarText(const Json &value)
{
    if (value.is_string())
        return toQString(value.get<std::string>());
    if (value.is_number_integer() || value.is_number_unsigned())
        return QString::number(value.get<std::int64_t>());
    if (value.is_number_float()) {
        const double d = value.get<double>();
        if (d == static_cast<double>(static_cast<std::int64_t>(d)))
            return QString::number(static_cast<std::int64_t>(d));
        return toQString(value.dump());
    }
    if (value.is_boolean())
        return value.get<bool>() ? QStringLiteral("true") : QStringLiteral("false");
    return std::nullopt;
}

QString compact(const Json &value)
{
    return toQString(value.dump());
}

bool isAmazonExtension(const std::string &key)
{
    return key.rfind("x-amazon-apigateway-", 0) == 0;
}

// Ten lower-case letters and digits derived from what the item is, so importing the same file
// twice gives the same ids and a round trip compares equal.
QString stableId(const QString &kind, const QString &key)
{
    const QByteArray digest
        = QCryptographicHash::hash((kind + QChar(0) + key).toUtf8(), QCryptographicHash::Sha1);
    static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
    QString id;
    for (int i = 0; i < 10; ++i)
        id += QLatin1Char(alphabet[static_cast<unsigned char>(digest[i]) % 36]);
    return id;
}

// API Gateway model names are letters and digits only: "pet-input" and "Pet.Input" become
// "PetInput".
QString alphanumericName(const QString &name)
{
    QString out;
    bool upperNext = false;
    for (const QChar c : name) {
        if ((c >= QLatin1Char('a') && c <= QLatin1Char('z'))
            || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9'))) {
            out += upperNext ? c.toUpper() : c;
            upperNext = false;
        } else {
            upperNext = !out.isEmpty();
        }
    }
    return out.isEmpty() ? QStringLiteral("Model") : out;
}

template<typename E> std::optional<E> enumFromText(const Json &value)
{
    const auto text = scalarText(value);
    if (!text)
        return std::nullopt;
    return enumFromName<E>(text->toUpper());
}

class Importer
{
public:
    Importer(const Json &document, const ImportOptions &options)
        : m_doc(document)
        , m_options(options)
        , m_api(m_result.api)
    {
    }

    base::Result<ImportResult> run()
    {
        if (!m_doc.is_object())
            return Diagnostic::error(QString(),
                                     QStringLiteral("not an OpenAPI or Swagger "
                                                    "document: expected an object at "
                                                    "the root, found %1")
                                         .arg(base::jsonTypeName(m_doc)));
        if (!detectVersion())
            return Diagnostic::error(QString(), m_versionError);
        m_api.id = m_options.apiId.isEmpty() ? base::newResourceId() : m_options.apiId;
        readInfo();
        readRootKeys();
        readValidators();
        readModels();
        readSecuritySchemes();
        readPaths();
        if (m_missingIntegrations > 0)
            warn(QStringLiteral("/paths"),
                 QStringLiteral("%1 operation(s) have no x-amazon-apigateway-integration; each got "
                                "a MOCK integration answering its first 2XX response, ready to "
                                "fill in")
                     .arg(m_missingIntegrations));
        return std::move(m_result);
    }

private:
    // ---- document level ------------------------------------------------------------------

    bool detectVersion()
    {
        if (const auto swagger = m_doc.find("swagger"); swagger != m_doc.end()) {
            const auto text = scalarText(*swagger);
            // YAML without quotes reads `swagger: 2.0` as the number 2.
            if (text == QLatin1String("2.0") || text == QLatin1String("2")) {
                m_swagger2 = true;
                m_result.specVersion = QStringLiteral("2.0");
                return true;
            }
            m_versionError = QStringLiteral("/swagger: only Swagger 2.0 is supported, found %1")
                                 .arg(compact(*swagger));
            return false;
        }
        if (const auto openapi = m_doc.find("openapi"); openapi != m_doc.end()) {
            const QString text = scalarText(*openapi).value_or(QString());
            if (text.startsWith(QLatin1String("3."))) {
                m_result.specVersion = text;
                if (!text.startsWith(QLatin1String("3.0")))
                    warn(QStringLiteral("/openapi"),
                         QStringLiteral("OpenAPI %1 is not supported by API Gateway; read as "
                                        "OpenAPI 3.0")
                             .arg(text));
                return true;
            }
            m_versionError = QStringLiteral("/openapi: only OpenAPI 3.0 is supported, found %1")
                                 .arg(compact(*openapi));
            return false;
        }
        m_versionError = QStringLiteral("not an OpenAPI or Swagger document: the root has neither "
                                        "\"openapi\" nor \"swagger\"");
        return false;
    }

    void readInfo()
    {
        const Json *info = member(m_doc, "info");
        if (!info || !info->is_object()) {
            warn(QStringLiteral("/info"),
                 QStringLiteral("missing; the API is named \"Imported API\""));
            m_api.name = QStringLiteral("Imported API");
            return;
        }
        const Json *title = member(*info, "title");
        m_api.name = title ? scalarText(*title).value_or(QString()) : QString();
        if (title && title->is_structured()) {
            // `!Sub ${AWS::StackName}-api` in a file cut out of a template. Not kept for export:
            // a title must be a string for the export to be valid OpenAPI.
            warn(QStringLiteral("/info/title"),
                 QStringLiteral("is %1, not a string (a CloudFormation expression?); the API is "
                                "named \"Imported API\"")
                     .arg(base::jsonTypeName(*title)));
            m_api.name = QStringLiteral("Imported API");
        } else if (m_api.name.trimmed().isEmpty()) {
            warn(QStringLiteral("/info"),
                 QStringLiteral("no title; the API is named \"Imported API\""));
            m_api.name = QStringLiteral("Imported API");
        }
        m_api.description
            = stringAt(*info, "description", QStringLiteral("/info")).value_or(QString());
        m_api.version = stringAt(*info, "version", QStringLiteral("/info")).value_or(QString());
        for (auto it = info->begin(); it != info->end(); ++it) {
            if (it.key() != "title" && it.key() != "description" && it.key() != "version")
                keep(m_api.openApiExtras, pointer(QStringLiteral("/info"), toQString(it.key())),
                     *it);
        }
    }

    void readRootKeys()
    {
        for (auto it = m_doc.begin(); it != m_doc.end(); ++it) {
            const std::string &key = it.key();
            const QString at = pointer(QString(), toQString(key));
            const Json &value = *it;
            if (key == "swagger" || key == "openapi" || key == "info" || key == "paths"
                || key == "definitions" || key == "securityDefinitions" || key == "parameters"
                || key == "responses" || key == "security" || key == "host" || key == "basePath"
                || key == "schemes" || key == "consumes" || key == "produces" || key == kValidator
                || key == "x-amazon-apigateway-request-validators")
                continue;
            if (key == "servers") {
                readServers(value);
            } else if (key == "components") {
                // Schemas, parameters, bodies, responses and security schemes are read where they
                // are used; anything else in components is carried.
                if (value.is_object())
                    for (auto c = value.begin(); c != value.end(); ++c)
                        if (c.key() != "schemas" && c.key() != "parameters"
                            && c.key() != "requestBodies" && c.key() != "responses"
                            && c.key() != "headers" && c.key() != "securitySchemes") {
                            carry(m_api.openApiExtras, pointer(at, toQString(c.key())), c.key(),
                                  *c);
                        }
            } else if (key == "x-amazon-apigateway-binary-media-types") {
                m_api.binaryMediaTypes = stringList(value, at);
            } else if (key == "x-amazon-apigateway-api-key-source") {
                if (const auto source = enumFromText<ApiKeySource>(value))
                    m_api.apiKeySource = *source;
                else
                    warn(at,
                         QStringLiteral("expected HEADER or AUTHORIZER, found %1; not imported")
                             .arg(compact(value)));
            } else if (key == "x-amazon-apigateway-minimum-compression-size") {
                if (value.is_number_integer() && value.get<std::int64_t>() >= 0
                    && value.get<std::int64_t>() <= 10485760)
                    m_api.minimumCompressionSize = static_cast<int>(value.get<std::int64_t>());
                else
                    warn(at,
                         QStringLiteral("expected an integer between 0 and 10485760, found %1; "
                                        "not imported")
                             .arg(compact(value)));
            } else if (key == "x-amazon-apigateway-policy") {
                if (value.is_object())
                    m_api.policy = toQString(value.dump(2));
                else if (value.is_string())
                    m_api.policy = toQString(value.get<std::string>());
                else
                    warn(at,
                         QStringLiteral("expected a policy document, found %1; not imported")
                             .arg(base::jsonTypeName(value)));
            } else if (key == "x-amazon-apigateway-endpoint-configuration") {
                readEndpointConfiguration(value, at);
            } else if (key == "x-amazon-apigateway-gateway-responses") {
                readGatewayResponses(value, at);
            } else {
                carry(m_api.openApiExtras, at, key, value);
            }
        }
    }

    // Keeps `value` at `at` for the export. Unknown x-amazon-apigateway-* and HTTP-API-only
    // extensions are reported; other keys (x-vendor, tags, externalDocs...) are ordinary.
    void carry(OpenApiExtras &extras, const QString &at, const std::string &key, const Json &value)
    {
        const QString name = toQString(key);
        keep(extras, at, value);
        if (httpApiOnlyKeys().contains(name))
            warn(at,
                 QStringLiteral("%1 is only read by HTTP APIs; API Gateway ignores it in a "
                                "REST API (kept for export)")
                     .arg(name));
        else if (isAmazonExtension(key) && !carriedRootExtensions().contains(name))
            warn(at, QStringLiteral("unknown extension %1 (kept for export)").arg(name));
    }

    static void keep(OpenApiExtras &extras, const QString &at, const Json &value)
    {
        extras[at] = compact(value);
    }

    void readServers(const Json &servers)
    {
        if (!servers.is_array()) {
            warn(QStringLiteral("/servers"), QStringLiteral("expected an array; not imported"));
            return;
        }
        for (size_t i = 0; i < servers.size(); ++i) {
            const Json &server = servers[i];
            if (!server.is_object())
                continue;
            const QString at = QStringLiteral("/servers/%1").arg(i);
            if (const Json *endpoint = member(server, "x-amazon-apigateway-endpoint-configuration"))
                readEndpointConfiguration(
                    *endpoint, pointer(at, "x-amazon-apigateway-endpoint-configuration"));
        }
    }

    void readEndpointConfiguration(const Json &value, const QString &at)
    {
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object; not imported"));
            return;
        }
        // Parts Portico cannot hold (a CloudFormation !Ref as an endpoint id, ipAddressType)
        // would be lost on export: the whole object is kept and written back as it was.
        const size_t reportedBefore = m_result.report.size();
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString field = pointer(at, toQString(it.key()));
            if (it.key() == "vpcEndpointIds") {
                m_api.endpointConfiguration.vpcEndpointIds = stringList(*it, field);
                if (!m_api.endpointConfiguration.vpcEndpointIds.isEmpty())
                    m_api.endpointConfiguration.type = EndpointType::Private;
            } else if (it.key() == "disableExecuteApiEndpoint") {
                if (it->is_boolean())
                    m_api.disableExecuteApiEndpoint = it->get<bool>();
                else
                    warn(field, QStringLiteral("expected true or false; not imported"));
            } else if (it.key() == "types") {
                // Smithy writes the endpoint type here; AWS takes it from the import request.
                const QStringList types = stringList(*it, field);
                if (types.size() == 1) {
                    if (const auto type = enumFromName<EndpointType>(types.front().toUpper()))
                        m_api.endpointConfiguration.type = *type;
                    else
                        warn(field,
                             QStringLiteral("unknown endpoint type \"%1\"; not imported")
                                 .arg(types.front()));
                }
            } else {
                warn(field,
                     QStringLiteral("%1 is not part of a REST API's endpoint configuration "
                                    "in Portico; not imported")
                         .arg(toQString(it.key())));
            }
        }
        if (m_result.report.size() != reportedBefore) {
            keep(m_api.openApiExtras, at, value);
            sayKeptForExport(reportedBefore);
        }
    }

    void readGatewayResponses(const Json &value, const QString &at)
    {
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object keyed by response type; not imported"));
            return;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString type = toQString(it.key());
            const QString field = pointer(at, type);
            if (!it->is_object()) {
                warn(field, QStringLiteral("expected an object; not imported"));
                continue;
            }
            GatewayResponse response;
            response.responseType = type;
            if (const Json *status = member(*it, "statusCode")) {
                if (const auto text = scalarText(*status))
                    response.statusCode = *text;
                else
                    warn(pointer(field, "statusCode"), QStringLiteral("expected a status code"));
            }
            response.responseParameters = stringMap(*it, "responseParameters", field);
            response.responseTemplates = stringMap(*it, "responseTemplates", field);
            warnUnknownKeys(*it, field, {"statusCode", "responseParameters", "responseTemplates"});
            m_api.gatewayResponses.push_back(std::move(response));
        }
    }

    void readValidators()
    {
        const QString at = QStringLiteral("/x-amazon-apigateway-request-validators");
        if (const Json *validators = member(m_doc, "x-amazon-apigateway-request-validators")) {
            if (!validators->is_object()) {
                warn(at,
                     QStringLiteral("expected an object keyed by validator name; not imported"));
            } else {
                for (auto it = validators->begin(); it != validators->end(); ++it) {
                    const QString name = toQString(it.key());
                    const QString field = pointer(at, name);
                    RequestValidator validator;
                    validator.id = stableId(QStringLiteral("validator"), name);
                    validator.name = name;
                    if (it->is_object()) {
                        validator.validateRequestBody = boolean(*it, "validateRequestBody", field);
                        validator.validateRequestParameters
                            = boolean(*it, "validateRequestParameters", field);
                        warnUnknownKeys(*it, field,
                                        {"validateRequestBody", "validateRequestParameters"});
                    } else {
                        warn(field, QStringLiteral("expected an object"));
                    }
                    m_validatorIds[name] = validator.id;
                    m_api.requestValidators.push_back(validator);
                }
            }
        }
        if (const Json *fallback = member(m_doc, kValidator)) {
            m_defaultValidatorId = validatorId(*fallback, pointer(QString(), kValidator));
            // API Gateway applies it to each method and keeps no document default; the export
            // writes it back so the file says what it said.
            keep(m_api.openApiExtras, pointer(QString(), kValidator), *fallback);
        }
    }

    QString validatorId(const Json &name, const QString &at)
    {
        const auto text = scalarText(name);
        if (!text) {
            warn(at, QStringLiteral("expected a validator name"));
            return {};
        }
        const auto found = m_validatorIds.find(*text);
        if (found == m_validatorIds.end()) {
            warn(at,
                 QStringLiteral("no request validator named \"%1\" in "
                                "x-amazon-apigateway-request-validators; not applied")
                     .arg(*text));
            return {};
        }
        return found->second;
    }

    // ---- models --------------------------------------------------------------------------

    const Json *schemaSection(QString &at) const
    {
        if (m_swagger2) {
            at = QStringLiteral("/definitions");
            return member(m_doc, "definitions");
        }
        at = QStringLiteral("/components/schemas");
        const Json *components = member(m_doc, "components");
        return components ? member(*components, "schemas") : nullptr;
    }

    void readModels()
    {
        QString at;
        const Json *schemas = schemaSection(at);
        if (!schemas)
            return;
        if (!schemas->is_object()) {
            warn(at, QStringLiteral("expected an object keyed by schema name; no models imported"));
            return;
        }
        // Names first, so references between models (circular ones too) can be rewritten.
        std::set<QString> taken;
        for (auto it = schemas->begin(); it != schemas->end(); ++it) {
            const QString original = toQString(it.key());
            QString name = alphanumericName(original);
            for (int n = 2; taken.count(name); ++n)
                name = alphanumericName(original) + QString::number(n);
            taken.insert(name);
            m_modelNames[original] = name;
            if (name != original)
                warn(pointer(at, original),
                     QStringLiteral("model names are letters and digits in "
                                    "API Gateway; imported as \"%1\"")
                         .arg(name));
        }
        m_takenModelNames = taken;
        for (auto it = schemas->begin(); it != schemas->end(); ++it) {
            const QString original = toQString(it.key());
            const QString field = pointer(at, original);
            if (!it->is_object()) {
                warn(field, QStringLiteral("expected a schema object; model not imported"));
                continue;
            }
            addModel(m_modelNames[original], *it, field);
        }
    }

    void addModel(const QString &name, const Json &schemaIn, const QString &at)
    {
        Json schema = schemaIn;
        rewriteModelRefs(schema, [&](const QString &referenced) {
            const auto found = m_modelNames.find(referenced);
            if (found == m_modelNames.end()) {
                warn(at,
                     QStringLiteral("refers to \"%1\", which is not a schema of this file")
                         .arg(referenced));
                return QString();
            }
            return modelUrl(m_api.id, found->second);
        });
        Model model;
        model.id = stableId(QStringLiteral("model"), name);
        model.name = name;
        if (const Json *description = member(schemaIn, "description");
            description && description->is_string())
            model.description = toQString(description->get<std::string>());
        // Indented as the project file reader gives it back, so a saved project compares equal.
        model.schema = toQString(schema.dump(2));
        m_api.models.push_back(std::move(model));
    }

    // The model a body or response schema stands for: the referenced model, or a new model made
    // from an inline schema and named after where it is used.
    QString modelFor(const Json &schema, const QString &at, const QString &nameHint)
    {
        if (!schema.is_object()) {
            warn(at, QStringLiteral("expected a schema object; not imported"));
            return {};
        }
        if (const Json *ref = member(schema, "$ref"); ref && schema.size() == 1) {
            const QString target
                = ref->is_string() ? toQString(ref->get<std::string>()) : QString();
            const QString original = referencedModelName(target);
            const auto found = m_modelNames.find(original);
            if (original.isEmpty() || found == m_modelNames.end()) {
                warn(pointer(at, "$ref"),
                     QStringLiteral("\"%1\" is not a schema of this file; "
                                    "not imported")
                         .arg(target));
                return {};
            }
            return found->second;
        }
        QString name = alphanumericName(nameHint);
        const QString base = name;
        for (int n = 2; m_takenModelNames.count(name); ++n)
            name = base + QString::number(n);
        m_takenModelNames.insert(name);
        addModel(name, schema, at);
        return name;
    }

    // ---- security ------------------------------------------------------------------------

    enum class SchemeKind { Authorizer, Iam, ApiKey, Other };

    void readSecuritySchemes()
    {
        // AWS reads both places whatever the version (the URL shortener declares its Cognito
        // authorizer under securityDefinitions in an OpenAPI 3 file).
        if (const Json *definitions = member(m_doc, "securityDefinitions"))
            readSchemes(*definitions, QStringLiteral("/securityDefinitions"));
        if (const Json *components = member(m_doc, "components"))
            if (const Json *schemes = member(*components, "securitySchemes"))
                readSchemes(*schemes, QStringLiteral("/components/securitySchemes"));
    }

    void readSchemes(const Json &schemes, const QString &at)
    {
        if (!schemes.is_object()) {
            warn(at, QStringLiteral("expected an object keyed by scheme name; not imported"));
            return;
        }
        for (auto it = schemes.begin(); it != schemes.end(); ++it) {
            const QString name = toQString(it.key());
            const QString field = pointer(at, name);
            const Json &scheme = *it;
            if (!scheme.is_object()) {
                warn(field, QStringLiteral("expected a security scheme object; not imported"));
                continue;
            }
            const QString authType = stringAt(scheme, kAuthType, field).value_or(QString());
            if (const Json *authorizer = member(scheme, kAuthorizer)) {
                readAuthorizer(name, scheme, *authorizer, authType, field);
            } else if (authType.compare(QLatin1String("awsSigv4"), Qt::CaseInsensitive) == 0) {
                m_schemes[name] = SchemeKind::Iam;
                keepUnlessStandard(field, name, scheme);
            } else if (scalarText(scheme.value("type", Json())) == QLatin1String("apiKey")
                       && scalarText(scheme.value("name", Json()))
                               .value_or(QString())
                               .compare(QLatin1String("x-api-key"), Qt::CaseInsensitive)
                           == 0) {
                m_schemes[name] = SchemeKind::ApiKey;
                keepUnlessStandard(field, name, scheme);
            } else {
                // OAuth2, HTTP bearer and such have no REST API equivalent: carried for export.
                m_schemes[name] = SchemeKind::Other;
                m_schemePointers[name] = field;
                keep(m_api.openApiExtras, field, scheme);
            }
        }
    }

    // The IAM and API key schemes exactly as AWS's export writes them are made again by the
    // export; any other name or field (Smithy's "aws.auth.sigv4" with a description) is kept.
    void keepUnlessStandard(const QString &at, const QString &name, const Json &scheme)
    {
        static const Json sigv4 = {{"type", "apiKey"},
                                   {"name", "Authorization"},
                                   {"in", "header"},
                                   {"x-amazon-apigateway-authtype", "awsSigv4"}};
        static const Json apiKey = {{"type", "apiKey"}, {"name", "x-api-key"}, {"in", "header"}};
        if ((name == QLatin1String("sigv4") && scheme == sigv4)
            || (name == QLatin1String("api_key") && scheme == apiKey))
            return;
        keep(m_api.openApiExtras, at, scheme);
    }

    void readAuthorizer(const QString &name, const Json &scheme, const Json &extension,
                        const QString &authType, const QString &at)
    {
        const QString field = pointer(at, kAuthorizer);
        if (!extension.is_object()) {
            warn(field, QStringLiteral("expected an object; authorizer not imported"));
            return;
        }
        Authorizer authorizer;
        authorizer.id = stableId(QStringLiteral("authorizer"), name);
        authorizer.name = name;
        authorizer.authType = authType;
        const Json *type = member(extension, "type");
        const auto parsedType = type ? enumFromText<AuthorizerType>(*type) : std::nullopt;
        if (!parsedType) {
            warn(pointer(field, "type"),
                 QStringLiteral("expected token, request or "
                                "cognito_user_pools, found %1; authorizer "
                                "not imported")
                     .arg(type ? compact(*type) : QStringLiteral("nothing")));
            return;
        }
        authorizer.type = *parsedType;
        for (auto it = extension.begin(); it != extension.end(); ++it) {
            const std::string &key = it.key();
            const QString keyAt = pointer(field, toQString(key));
            if (key == "type")
                continue;
            if (key == "authorizerUri" || key == "authorizerCredentials" || key == "identitySource"
                || key == "identityValidationExpression") {
                const auto text = scalarText(*it);
                if (!text) {
                    // A CloudFormation intrinsic ({"Fn::Sub": ...}): kept for export only.
                    keep(authorizer.openApiExtras,
                         pointer(pointer(QString(), kAuthorizer), toQString(key)), *it);
                    warn(keyAt,
                         QStringLiteral("is %1, not a string (a CloudFormation "
                                        "expression?); kept for export, not usable locally")
                             .arg(base::jsonTypeName(*it)));
                    continue;
                }
                if (key == "authorizerUri")
                    authorizer.authorizerUri = *text;
                else if (key == "authorizerCredentials")
                    authorizer.authorizerCredentials = *text;
                else if (key == "identitySource")
                    authorizer.identitySource = *text;
                else
                    authorizer.identityValidationExpression = *text;
            } else if (key == "authorizerResultTtlInSeconds") {
                bool ok = false;
                const int ttl = scalarText(*it).value_or(QString()).toInt(&ok);
                if (ok && ttl >= 0 && ttl <= 3600)
                    authorizer.authorizerResultTtlInSeconds = ttl;
                else
                    warn(keyAt,
                         QStringLiteral("expected 0 to 3600 seconds, found %1; the default "
                                        "300 is used")
                             .arg(compact(*it)));
            } else if (key == "providerARNs") {
                const size_t reportedBefore = m_result.report.size();
                authorizer.providerARNs = stringList(*it, keyAt);
                // A CloudFormation expression among them cannot be a local pool: kept for export.
                if (m_result.report.size() != reportedBefore) {
                    keep(authorizer.openApiExtras,
                         pointer(pointer(QString(), kAuthorizer), toQString(key)), *it);
                    sayKeptForExport(reportedBefore);
                }
            } else {
                carryInside(authorizer.openApiExtras,
                            pointer(pointer(QString(), kAuthorizer), toQString(key)), keyAt, key,
                            *it);
            }
        }
        if (authorizer.identitySource.isEmpty() && authorizer.type != AuthorizerType::Request) {
            // TOKEN and Cognito authorizers read the header the scheme names.
            const QString header = scalarText(scheme.value("name", Json())).value_or(QString());
            if (!header.isEmpty())
                authorizer.identitySource = QStringLiteral("method.request.header.") + header;
        } else if (authorizer.identitySource.isEmpty()) {
            const QString source = scalarText(scheme.value("name", Json())).value_or(QString());
            const QString in
                = scalarText(scheme.value("in", Json())).value_or(QStringLiteral("header"));
            if (!source.isEmpty() && source != QLatin1String("Unused"))
                authorizer.identitySource
                    = (in == QLatin1String("query") ? QStringLiteral("method.request.querystring.")
                                                    : QStringLiteral("method.request.header."))
                    + source;
        }
        for (auto it = scheme.begin(); it != scheme.end(); ++it) {
            const std::string &key = it.key();
            if (key == kAuthorizer || key == kAuthType || key == "type")
                continue;
            // name and in are derived from identitySource on export unless they say otherwise.
            keep(authorizer.openApiExtras, pointer(QString(), toQString(key)), *it);
        }
        m_schemes[name] = SchemeKind::Authorizer;
        m_authorizerIds[name] = authorizer.id;
        m_authorizerTypes[name] = authorizer.type;
        m_api.authorizers.push_back(std::move(authorizer));
    }

    // Like carry(), for a key inside a modelled object: HTTP-API-only fields and keys AWS does not
    // know are reported, everything is kept.
    void carryInside(OpenApiExtras &extras, const QString &relative, const QString &at,
                     const std::string &key, const Json &value)
    {
        keep(extras, relative, value);
        const QString name = toQString(key);
        if (httpApiOnlyKeys().contains(name))
            warn(at,
                 QStringLiteral("%1 is only read by HTTP APIs; API Gateway ignores it in a "
                                "REST API (kept for export)")
                     .arg(name));
    }

    // ---- paths ---------------------------------------------------------------------------

    QStringList basePathSegments() const
    {
        QString path;
        if (m_swagger2) {
            path = scalarText(m_doc.value("basePath", Json())).value_or(QString());
        } else if (const Json *servers = member(m_doc, "servers"); servers && servers->is_array()
                   && !servers->empty() && (*servers)[0].is_object()) {
            const Json &server = (*servers)[0];
            const Json *variables = member(server, "variables");
            const Json *basePath = variables ? member(*variables, "basePath") : nullptr;
            if (basePath && basePath->is_object()) {
                path = scalarText(basePath->value("default", Json())).value_or(QString());
            } else {
                const QString url = scalarText(server.value("url", Json())).value_or(QString());
                const int scheme = url.indexOf(QLatin1String("://"));
                const int slash = url.indexOf(QLatin1Char('/'), scheme < 0 ? 0 : scheme + 3);
                if (slash >= 0)
                    path = url.mid(slash);
            }
        }
        return path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    }

    void readPaths()
    {
        Resource root;
        root.id = stableId(QStringLiteral("resource"), QStringLiteral("/"));
        m_api.resources.push_back(root);
        m_resourceByPath[QStringLiteral("/")] = 0;

        QStringList prefix;
        if (m_options.basePath != BasePathMode::Ignore) {
            prefix = basePathSegments();
            if (m_options.basePath == BasePathMode::Split && !prefix.isEmpty())
                prefix.removeFirst();
        }
        const Json *paths = member(m_doc, "paths");
        if (!paths) {
            warn(QStringLiteral("/paths"), QStringLiteral("missing; the API has no resources"));
            return;
        }
        if (!paths->is_object()) {
            warn(QStringLiteral("/paths"),
                 QStringLiteral("expected an object keyed by path; "
                                "no resources imported"));
            return;
        }
        for (auto it = paths->begin(); it != paths->end(); ++it) {
            const QString path = toQString(it.key());
            const QString at = pointer(QStringLiteral("/paths"), path);
            if (isAmazonExtension(it.key()) || it.key().rfind("x-", 0) == 0) {
                keep(m_api.openApiExtras, at, *it);
                continue;
            }
            QStringList segments = prefix;
            segments += path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
            const int resource = ensureResource(segments, at);
            if (resource < 0)
                continue;
            readPathItem(resource, *it, at);
        }
        // In path order, as the project file keeps them, so a saved import reads back equal.
        std::vector<QString> resourcePaths;
        for (const Resource &resource : m_api.resources)
            resourcePaths.push_back(m_api.pathOf(resource.id));
        std::vector<std::pair<QString, Resource>> byPath;
        for (size_t i = 0; i < m_api.resources.size(); ++i)
            byPath.emplace_back(resourcePaths[i], std::move(m_api.resources[i]));
        std::stable_sort(byPath.begin(), byPath.end(),
                         [](const auto &a, const auto &b) { return a.first < b.first; });
        m_api.resources.clear();
        for (auto &[path, resource] : byPath)
            m_api.resources.push_back(std::move(resource));
        m_resourceByPath.clear();
    }

    // The index of the resource for `segments`, creating it and every missing ancestor.
    int ensureResource(const QStringList &segments, const QString &at)
    {
        int parent = 0;
        QString path;
        for (const QString &segment : segments) {
            path += QLatin1Char('/') + segment;
            if (const auto found = m_resourceByPath.find(path); found != m_resourceByPath.end()) {
                parent = found->second;
                continue;
            }
            if (m_api.resources[static_cast<size_t>(parent)].isGreedy()) {
                warn(at,
                     QStringLiteral("a greedy path variable (%1) cannot have children; "
                                    "path not imported")
                         .arg(m_api.resources[static_cast<size_t>(parent)].pathPart));
                return -1;
            }
            if (const QString problem = pathrules::checkPathPart(segment); !problem.isEmpty()) {
                warn(at, QStringLiteral("\"%1\": %2; path not imported").arg(segment, problem));
                return -1;
            }
            Resource resource;
            resource.id = stableId(QStringLiteral("resource"), path);
            resource.parentId = m_api.resources[static_cast<size_t>(parent)].id;
            resource.pathPart = segment;
            m_api.resources.push_back(resource);
            parent = static_cast<int>(m_api.resources.size() - 1);
            m_resourceByPath[path] = parent;
        }
        return parent;
    }

    void readPathItem(int resourceIndex, const Json &itemIn, const QString &at)
    {
        QString itemAt = at;
        const Json *item = resolveRef(itemIn, itemAt);
        if (!item)
            return;
        if (!item->is_object()) {
            warn(itemAt, QStringLiteral("expected a path item object; not imported"));
            return;
        }
        const Json *sharedParameters = member(*item, "parameters");
        for (auto it = item->begin(); it != item->end(); ++it) {
            const std::string &key = it.key();
            const QString keyAt = pointer(itemAt, toQString(key));
            QString verb;
            for (const char *candidate : kOperationVerbs)
                if (key == candidate)
                    verb = QString::fromLatin1(candidate).toUpper();
            if (key == kAnyMethod)
                verb = QStringLiteral("ANY");
            if (!verb.isEmpty()) {
                readOperation(resourceIndex, verb, *it, keyAt, sharedParameters,
                              sharedParameters ? pointer(itemAt, "parameters") : QString());
            } else if (key == "parameters" || key == "$ref") {
                continue;
            } else if (key == "trace") {
                warn(keyAt, QStringLiteral("API Gateway has no TRACE methods; not imported"));
            } else {
                // summary, description, servers, vendor extensions: carried with the document.
                keep(m_api.openApiExtras, keyAt, *it);
                if (isAmazonExtension(key))
                    warn(keyAt,
                         QStringLiteral("unknown extension %1 (kept for export)")
                             .arg(toQString(key)));
            }
        }
    }

    // ---- operations ----------------------------------------------------------------------

    void readOperation(int resourceIndex, const QString &verb, const Json &operation,
                       const QString &at, const Json *sharedParameters, const QString &sharedAt)
    {
        if (!operation.is_object()) {
            warn(at, QStringLiteral("expected an operation object; not imported"));
            return;
        }
        const QString resourcePath
            = m_api.pathOf(m_api.resources[static_cast<size_t>(resourceIndex)].id);
        Method method;
        method.httpMethod = verb;
        for (auto it = operation.begin(); it != operation.end(); ++it) {
            const std::string &key = it.key();
            const QString keyAt = pointer(at, toQString(key));
            if (key == "operationId") {
                method.operationName = scalarText(*it).value_or(QString());
            } else if (key == "parameters" || key == "requestBody" || key == "responses"
                       || key == "security" || key == "consumes" || key == "produces"
                       || key == kIntegration || key == kValidator) {
                // Swagger 2's consumes and produces only say which media types the models are
                // for; the export derives them from the models again.
                continue; // read below, in an order that does not depend on the file's
            } else if (key == "x-amazon-apigateway-auth") {
                readLegacyAuth(method, *it, keyAt);
                keep(method.openApiExtras, pointer(QString(), toQString(key)), *it);
            } else {
                keep(method.openApiExtras, pointer(QString(), toQString(key)), *it);
                if (httpApiOnlyKeys().contains(toQString(key)))
                    warn(keyAt,
                         QStringLiteral("%1 is only read by HTTP APIs (kept for export)")
                             .arg(toQString(key)));
                else if (isAmazonExtension(key))
                    warn(keyAt,
                         QStringLiteral("unknown extension %1 (kept for export)")
                             .arg(toQString(key)));
            }
        }
        const QString hint = modelNameHint(method, resourcePath, verb);
        readParameters(method, sharedParameters, sharedAt, operation, at, hint);
        if (const Json *body = member(operation, "requestBody"))
            readRequestBody(method, *body, pointer(at, "requestBody"), hint);
        // A path parameter of the resource is required even when the operation does not declare
        // it, as AWS records (ANY /echo/{data} gets method.request.path.data).
        for (const QString &segment : resourcePath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
            if (segment.startsWith(QLatin1Char('{')) && segment.endsWith(QLatin1Char('}'))) {
                QString name = segment.mid(1, segment.size() - 2);
                if (name.endsWith(QLatin1Char('+')))
                    name.chop(1);
                method.requestParameters[QStringLiteral("method.request.path.") + name] = true;
            }
        }
        if (const Json *responses = member(operation, "responses"))
            readResponses(method, *responses, pointer(at, "responses"), operation, hint);
        readSecurity(method, operation, at);
        if (const Json *validator = member(operation, kValidator))
            method.requestValidatorId = validatorId(*validator, pointer(at, kValidator));
        else
            method.requestValidatorId = m_defaultValidatorId;
        if (const Json *integration = member(operation, kIntegration)) {
            readIntegration(method, *integration, pointer(at, kIntegration));
        } else {
            method.integration = mockIntegrationFor(method);
            ++m_missingIntegrations;
        }
        m_api.resources[static_cast<size_t>(resourceIndex)].methods[verb] = std::move(method);
    }

    static QString modelNameHint(const Method &method, const QString &path, const QString &verb)
    {
        if (!method.operationName.isEmpty())
            return method.operationName;
        return path + QLatin1Char(' ') + verb.toLower();
    }

    void readLegacyAuth(Method &method, const Json &value, const QString &at)
    {
        const QString type = value.is_object()
            ? scalarText(value.value("type", Json())).value_or(QString())
            : QString();
        if (type.compare(QLatin1String("aws_iam"), Qt::CaseInsensitive) == 0) {
            method.authorizationType = AuthorizationType::AwsIam;
            warn(at,
                 QStringLiteral("x-amazon-apigateway-auth is an HTTP API extension; read as "
                                "AWS_IAM authorization as the 2015 importer did"));
        } else if (type.compare(QLatin1String("none"), Qt::CaseInsensitive) != 0) {
            warn(at,
                 QStringLiteral("x-amazon-apigateway-auth: expected type AWS_IAM or NONE; "
                                "not imported"));
        }
    }

    void readParameters(Method &method, const Json *shared, const QString &sharedAt,
                        const Json &operation, const QString &at, const QString &hint)
    {
        // Path-item parameters apply to every operation unless the operation redefines them.
        std::map<std::pair<QString, QString>, std::pair<const Json *, QString>> byNameAndIn;
        auto collect = [&](const Json *list, const QString &listAt) {
            if (!list)
                return;
            if (!list->is_array()) {
                warn(listAt, QStringLiteral("expected an array of parameters; not imported"));
                return;
            }
            for (size_t i = 0; i < list->size(); ++i) {
                QString paramAt = listAt + QLatin1Char('/') + QString::number(i);
                const Json *param = resolveRef((*list)[i], paramAt);
                if (!param)
                    continue;
                if (!param->is_object()) {
                    warn(paramAt, QStringLiteral("expected a parameter object; not imported"));
                    continue;
                }
                const QString name = scalarText(param->value("name", Json())).value_or(QString());
                const QString in = scalarText(param->value("in", Json())).value_or(QString());
                byNameAndIn[{in, name}] = {param, paramAt};
            }
        };
        collect(shared, sharedAt);
        collect(member(operation, "parameters"), pointer(at, "parameters"));
        for (const auto &[key, entry] : byNameAndIn) {
            const auto &[in, name] = key;
            const Json &param = *entry.first;
            const QString &paramAt = entry.second;
            if (name.isEmpty()) {
                warn(paramAt, QStringLiteral("parameter without a name; not imported"));
                continue;
            }
            const bool required = boolean(param, "required", paramAt);
            if (in == QLatin1String("path")) {
                // A greedy {proxy+} is method.request.path.proxy whatever the declaration says
                // (OpenAPI validators want the parameter named "proxy+").
                const QString plain = name.endsWith(QLatin1Char('+')) ? name.chopped(1) : name;
                method.requestParameters[QStringLiteral("method.request.path.") + plain] = true;
            } else if (in == QLatin1String("query")) {
                method.requestParameters[QStringLiteral("method.request.querystring.") + name]
                    = required;
            } else if (in == QLatin1String("header")) {
                method.requestParameters[QStringLiteral("method.request.header.") + name]
                    = required;
            } else if (in == QLatin1String("body") && m_swagger2) {
                const Json *schema = member(param, "schema");
                if (!schema) {
                    warn(paramAt, QStringLiteral("body parameter without a schema; not imported"));
                    continue;
                }
                const QString model = modelFor(*schema, pointer(paramAt, "schema"),
                                               hint + QStringLiteral(" request"));
                if (model.isEmpty())
                    continue;
                for (const QString &type : mediaTypes(operation, "consumes"))
                    method.requestModels[type] = model;
            } else {
                warn(paramAt,
                     QStringLiteral("%1 parameters have no API Gateway equivalent; "
                                    "\"%2\" not imported")
                         .arg(in.isEmpty() ? QStringLiteral("untyped") : in, name));
            }
        }
    }

    // Swagger 2.0's consumes/produces: the operation's list, else the document's, else JSON.
    QStringList mediaTypes(const Json &operation, const char *key) const
    {
        for (const Json *holder : {&operation, &m_doc}) {
            if (const Json *list = member(*holder, key);
                list && list->is_array() && !list->empty()) {
                QStringList out;
                for (const Json &type : *list)
                    if (type.is_string())
                        out << toQString(type.get<std::string>());
                if (!out.isEmpty())
                    return out;
            }
        }
        return {QStringLiteral("application/json")};
    }

    void readRequestBody(Method &method, const Json &bodyIn, const QString &atIn,
                         const QString &hint)
    {
        QString at = atIn;
        const Json *body = resolveRef(bodyIn, at);
        if (!body)
            return;
        const Json *content = body->is_object() ? member(*body, "content") : nullptr;
        if (!content || !content->is_object()) {
            warn(at, QStringLiteral("request body without content; not imported"));
            return;
        }
        for (auto it = content->begin(); it != content->end(); ++it) {
            const QString type = toQString(it.key());
            const QString typeAt = pointer(pointer(at, "content"), type);
            const Json *schema = it->is_object() ? member(*it, "schema") : nullptr;
            if (!schema)
                continue; // a body of this type without a model: nothing to validate against
            const QString model
                = modelFor(*schema, pointer(typeAt, "schema"), hint + QStringLiteral(" request"));
            if (!model.isEmpty())
                method.requestModels[type] = model;
        }
    }

    void readResponses(Method &method, const Json &responses, const QString &at,
                       const Json &operation, const QString &hint)
    {
        if (!responses.is_object()) {
            warn(at, QStringLiteral("expected an object keyed by status code; not imported"));
            return;
        }
        for (auto it = responses.begin(); it != responses.end(); ++it) {
            const QString status = toQString(it.key());
            QString responseAt = pointer(at, status);
            if (it.key().rfind("x-", 0) == 0) {
                keep(method.openApiExtras, pointer(QStringLiteral("/responses"), status), *it);
                continue;
            }
            // What an export writes for a method without responses, since OpenAPI needs one.
            if (status == QLatin1String("default")
                && *it == Json {{"description", "Default response"}})
                continue;
            static const QRegularExpression statusCode(QStringLiteral("^[1-5][0-9][0-9]$"));
            if (!statusCode.match(status).hasMatch()) {
                keep(method.openApiExtras, pointer(QStringLiteral("/responses"), status), *it);
                warn(responseAt,
                     QStringLiteral("API Gateway method responses need a status code; "
                                    "\"%1\" kept for export only")
                         .arg(status));
                continue;
            }
            const Json *response = resolveRef(*it, responseAt);
            if (!response)
                continue;
            MethodResponse out;
            out.statusCode = status;
            if (!response->is_object()) {
                warn(responseAt, QStringLiteral("expected a response object"));
                method.methodResponses[status] = out;
                continue;
            }
            const QString relative = pointer(QStringLiteral("/responses"), status);
            for (auto field = response->begin(); field != response->end(); ++field) {
                const std::string &key = field.key();
                const QString fieldAt = pointer(responseAt, toQString(key));
                if (key == "headers") {
                    if (!field->is_object()) {
                        warn(fieldAt, QStringLiteral("expected an object keyed by header name"));
                        continue;
                    }
                    for (auto header = field->begin(); header != field->end(); ++header)
                        out.responseParameters[QStringLiteral("method.response.header.")
                                               + toQString(header.key())]
                            = false;
                } else if (key == "schema" && m_swagger2) {
                    const QString model
                        = modelFor(*field, fieldAt,
                                   hint + QLatin1Char(' ') + status + QStringLiteral(" response"));
                    if (!model.isEmpty())
                        for (const QString &type : mediaTypes(operation, "produces"))
                            out.responseModels[type] = model;
                } else if (key == "content" && !m_swagger2 && field->is_object()) {
                    for (auto c = field->begin(); c != field->end(); ++c) {
                        const Json *schema = c->is_object() ? member(*c, "schema") : nullptr;
                        if (!schema) {
                            // A media type without a schema declares no model; kept as written.
                            keep(method.openApiExtras,
                                 pointer(pointer(relative, "content"), toQString(c.key())), *c);
                            continue;
                        }
                        const QString model = modelFor(
                            *schema, pointer(pointer(fieldAt, toQString(c.key())), "schema"),
                            hint + QLatin1Char(' ') + status + QStringLiteral(" response"));
                        if (!model.isEmpty())
                            out.responseModels[toQString(c.key())] = model;
                    }
                } else if (key == "description"
                           && scalarText(*field) == status + QStringLiteral(" response")) {
                    continue; // the description AWS's export writes when there is none
                } else {
                    // description, examples, links...: carried.
                    keep(method.openApiExtras, pointer(relative, toQString(key)), *field);
                }
            }
            method.methodResponses[status] = out;
        }
    }

    void readSecurity(Method &method, const Json &operation, const QString &at)
    {
        QString securityAt = pointer(at, "security");
        const Json *security = member(operation, "security");
        if (!security) {
            security = member(m_doc, "security");
            securityAt = QStringLiteral("/security");
        }
        if (!security)
            return;
        if (!security->is_array()) {
            warn(securityAt,
                 QStringLiteral("expected an array of security requirements; not "
                                "imported"));
            return;
        }
        bool authorizerSet = method.authorizationType != AuthorizationType::None;
        // A requirement API Gateway cannot apply (an OAuth2 scheme, SAM's NONE) is lost from the
        // method; the operation's own list is kept so the export says what the file said.
        bool keepAsWritten = false;
        for (size_t i = 0; i < security->size(); ++i) {
            const Json &requirement = (*security)[i];
            const QString requirementAt = securityAt + QLatin1Char('/') + QString::number(i);
            if (!requirement.is_object()) {
                warn(requirementAt, QStringLiteral("expected a security requirement object"));
                continue;
            }
            for (auto it = requirement.begin(); it != requirement.end(); ++it) {
                const QString name = toQString(it.key());
                const QString schemeAt = pointer(requirementAt, name);
                const auto kind = m_schemes.find(name);
                if (kind == m_schemes.end()) {
                    warn(schemeAt,
                         QStringLiteral("no security scheme named \"%1\"; not applied").arg(name));
                    keepAsWritten = true;
                    continue;
                }
                switch (kind->second) {
                case SchemeKind::ApiKey:
                    method.apiKeyRequired = true;
                    break;
                case SchemeKind::Iam:
                case SchemeKind::Authorizer:
                    if (authorizerSet) {
                        warn(schemeAt,
                             QStringLiteral("a method has one authorizer; \"%1\" not "
                                            "applied, the first one listed is used")
                                 .arg(name));
                        break;
                    }
                    authorizerSet = true;
                    if (kind->second == SchemeKind::Iam) {
                        method.authorizationType = AuthorizationType::AwsIam;
                        break;
                    }
                    method.authorizerId = m_authorizerIds[name];
                    if (m_authorizerTypes[name] == AuthorizerType::CognitoUserPools) {
                        method.authorizationType = AuthorizationType::CognitoUserPools;
                        method.authorizationScopes = stringList(*it, schemeAt);
                    } else {
                        method.authorizationType = AuthorizationType::Custom;
                    }
                    break;
                case SchemeKind::Other:
                    keepAsWritten = true;
                    // Said once, where the scheme is defined, not for every operation using it.
                    if (m_reportedSchemes.insert(name).second)
                        warn(m_schemePointers[name],
                             QStringLiteral("\"%1\" is not an API Gateway authorizer, API key or "
                                            "IAM scheme: methods that require it are imported "
                                            "without it (kept for export)")
                                 .arg(name));
                    break;
                }
            }
        }
        if (keepAsWritten && securityAt != QLatin1String("/security"))
            keep(method.openApiExtras, QStringLiteral("/security"), *security);
    }

    // ---- integrations --------------------------------------------------------------------

    // An operation without an integration gets a MOCK answering its first 2XX response (200 if
    // none), so the imported design runs at once and shows where the real backend goes.
    static Integration mockIntegrationFor(const Method &method)
    {
        QString status = QStringLiteral("200");
        for (const auto &[code, response] : method.methodResponses) {
            if (code.startsWith(QLatin1Char('2'))) {
                status = code;
                break;
            }
        }
        Integration integration;
        integration.type = IntegrationType::Mock;
        integration.requestTemplates[QStringLiteral("application/json")]
            = QStringLiteral("{\"statusCode\": %1}").arg(status);
        IntegrationResponse response;
        response.statusCode = status;
        integration.integrationResponses[status] = response;
        return integration;
    }

    void readIntegration(Method &method, const Json &value, const QString &at)
    {
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object; integration not imported"));
            return;
        }
        Integration integration;
        const Json *type = member(value, "type");
        const auto parsedType = type ? enumFromText<IntegrationType>(*type) : std::nullopt;
        if (!parsedType) {
            warn(pointer(at, "type"),
                 QStringLiteral("expected aws, aws_proxy, http, http_proxy or "
                                "mock, found %1; integration not imported")
                     .arg(type ? compact(*type) : QStringLiteral("nothing")));
            return;
        }
        integration.type = *parsedType;
        for (auto it = value.begin(); it != value.end(); ++it) {
            const std::string &key = it.key();
            const QString keyAt = pointer(at, toQString(key));
            const QString relative = pointer(QString(), toQString(key));
            if (key == "type") {
                continue;
            } else if (key == "httpMethod" || key == "uri" || key == "credentials"
                       || key == "connectionId" || key == "cacheNamespace") {
                const auto text = scalarText(*it);
                if (!text) {
                    keep(integration.openApiExtras, relative, *it);
                    warn(keyAt,
                         QStringLiteral("is %1, not a string (a CloudFormation "
                                        "expression?); kept for export, not usable locally")
                             .arg(base::jsonTypeName(*it)));
                    continue;
                }
                if (key == "httpMethod")
                    integration.httpMethod = text->toUpper();
                else if (key == "uri")
                    integration.uri = *text;
                else if (key == "credentials")
                    integration.credentials = *text;
                else if (key == "connectionId")
                    integration.connectionId = *text;
                else
                    integration.cacheNamespace = *text;
            } else if (key == "connectionType") {
                if (const auto parsed = enumFromText<ConnectionType>(*it))
                    integration.connectionType = *parsed;
                else
                    warn(keyAt,
                         QStringLiteral("expected INTERNET or VPC_LINK, found %1; not "
                                        "imported")
                             .arg(compact(*it)));
            } else if (key == "requestParameters") {
                integration.requestParameters
                    = stringMapOf(*it, keyAt, integration.openApiExtras, relative);
            } else if (key == "requestTemplates") {
                integration.requestTemplates
                    = templateMap(*it, keyAt, integration.openApiExtras, relative);
            } else if (key == "passthroughBehavior") {
                if (const auto parsed = enumFromText<PassthroughBehavior>(*it))
                    integration.passthroughBehavior = *parsed;
                else
                    warn(keyAt,
                         QStringLiteral("expected when_no_match, when_no_templates or "
                                        "never, found %1; WHEN_NO_MATCH is used")
                             .arg(compact(*it)));
            } else if (key == "contentHandling") {
                if (const auto parsed = enumFromText<ContentHandling>(*it))
                    integration.contentHandling = *parsed;
                else
                    warn(keyAt,
                         QStringLiteral("expected CONVERT_TO_TEXT or CONVERT_TO_BINARY, "
                                        "found %1; not imported")
                             .arg(compact(*it)));
            } else if (key == "timeoutInMillis") {
                bool ok = false;
                const int timeout = scalarText(*it).value_or(QString()).toInt(&ok);
                if (ok && timeout >= 50)
                    integration.timeoutInMillis = timeout;
                else
                    warn(keyAt,
                         QStringLiteral("expected milliseconds (50 or more), found %1; "
                                        "29000 is used")
                             .arg(compact(*it)));
            } else if (key == "cacheKeyParameters") {
                integration.cacheKeyParameters = stringList(*it, keyAt);
            } else if (key == "tlsConfig") {
                readTlsConfig(integration, *it, keyAt);
            } else if (key == "responses") {
                readIntegrationResponses(integration, *it, keyAt);
            } else {
                carryInside(integration.openApiExtras, relative, keyAt, key, *it);
                if (key == "integrationResponses")
                    warn(keyAt,
                         QStringLiteral("integration responses belong under \"responses\"; "
                                        "API Gateway ignores this key (kept for export)"));
                else if (!httpApiOnlyKeys().contains(toQString(key)) && key != "integrationTarget"
                         && key != "responseTransferMode")
                    warn(keyAt,
                         QStringLiteral("unknown integration field \"%1\" (kept for export)")
                             .arg(toQString(key)));
            }
        }
        if (integration.needsUri() && integration.uri.isEmpty()
            && !integration.openApiExtras.count(QStringLiteral("/uri")))
            warn(at,
                 QStringLiteral("a %1 integration needs a uri")
                     .arg(enumName(integration.type).toLower()));
        method.integration = std::move(integration);
    }

    void readTlsConfig(Integration &integration, const Json &value, const QString &at)
    {
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object; not imported"));
            return;
        }
        TlsConfig tls;
        tls.insecureSkipVerification = boolean(value, "insecureSkipVerification", at);
        for (auto it = value.begin(); it != value.end(); ++it)
            if (it.key() != "insecureSkipVerification")
                carryInside(integration.openApiExtras,
                            pointer(QStringLiteral("/tlsConfig"), toQString(it.key())),
                            pointer(at, toQString(it.key())), it.key(), *it);
        integration.tlsConfig = tls;
    }

    void readIntegrationResponses(Integration &integration, const Json &value, const QString &at)
    {
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object keyed by selection pattern; not imported"));
            return;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString pattern = toQString(it.key());
            const QString responseAt = pointer(at, pattern);
            if (!it->is_object()) {
                warn(responseAt, QStringLiteral("expected an object; not imported"));
                continue;
            }
            IntegrationResponse response;
            const auto status = scalarText(it->value("statusCode", Json()));
            if (!status || status->isEmpty()) {
                warn(responseAt,
                     QStringLiteral("integration response without a statusCode; not "
                                    "imported"));
                continue;
            }
            response.statusCode = *status;
            if (pattern != QLatin1String("default"))
                response.selectionPattern = pattern;
            OpenApiExtras ignored;
            for (auto field = it->begin(); field != it->end(); ++field) {
                const std::string &key = field.key();
                const QString fieldAt = pointer(responseAt, toQString(key));
                if (key == "statusCode")
                    continue;
                if (key == "responseParameters")
                    response.responseParameters = stringMapOf(*field, fieldAt, ignored, QString());
                else if (key == "responseTemplates")
                    response.responseTemplates
                        = templateMap(*field, fieldAt, integration.openApiExtras,
                                      pointer(pointer(QStringLiteral("/responses"), pattern),
                                              "responseTemplates"));
                else if (key == "contentHandling") {
                    if (const auto parsed = enumFromText<ContentHandling>(*field))
                        response.contentHandling = *parsed;
                    else
                        warn(fieldAt,
                             QStringLiteral("expected CONVERT_TO_TEXT or "
                                            "CONVERT_TO_BINARY; not imported"));
                } else {
                    keep(integration.openApiExtras,
                         pointer(pointer(QStringLiteral("/responses"), pattern), toQString(key)),
                         *field);
                    warn(fieldAt,
                         QStringLiteral("unknown integration response field \"%1\" "
                                        "(kept for export)")
                             .arg(toQString(key)));
                }
            }
            // Non-string mapping values (CloudFormation Fn::If in real files) go back as written.
            for (const auto &[relative, text] : ignored)
                integration.openApiExtras[pointer(pointer(QStringLiteral("/responses"), pattern),
                                                  "responseParameters")
                                          + relative]
                    = text;
            if (integration.integrationResponses.count(response.statusCode))
                warn(responseAt,
                     QStringLiteral("another selection pattern already maps to status "
                                    "%1; API Gateway keeps one integration response "
                                    "per status, this later one wins")
                         .arg(response.statusCode));
            integration.integrationResponses[response.statusCode] = response;
        }
    }

    // Mapping templates: a template that is a JSON value rather than a string (seen in real
    // files) is stored as that JSON's text; null means "pass the body through", an empty template.
    // A CloudFormation expression ({"Fn::Sub": "..."}) keeps its text as the template, so it
    // can be read and tried locally, and the expression itself for the export.
    StringMap templateMap(const Json &value, const QString &at, OpenApiExtras &extras,
                          const QString &relative)
    {
        StringMap out;
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object keyed by media type; not imported"));
            return out;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString type = toQString(it.key());
            if (it->is_null()) {
                out[type] = QString();
            } else if (it->is_string()) {
                out[type] = toQString(it->get<std::string>());
            } else if (const Json *sub = member(*it, "Fn::Sub"); sub && it->size() == 1) {
                const Json &text = sub->is_array() && !sub->empty() ? (*sub)[0] : *sub;
                out[type] = scalarText(text).value_or(QString());
                keep(extras, pointer(relative, type), *it);
                warn(pointer(at, type),
                     QStringLiteral("a CloudFormation Fn::Sub: its text is the "
                                    "template here, its ${...} left as "
                                    "written (kept as it was for export)"));
            } else {
                out[type] = compact(*it);
            }
        }
        return out;
    }

    // A string-to-string map; values that are not strings (CloudFormation expressions) are kept in
    // `extras` under relative + "/" + key instead, and reported.
    StringMap stringMapOf(const Json &value, const QString &at, OpenApiExtras &extras,
                          const QString &relative)
    {
        StringMap out;
        if (!value.is_object()) {
            warn(at, QStringLiteral("expected an object of strings; not imported"));
            return out;
        }
        for (auto it = value.begin(); it != value.end(); ++it) {
            const QString key = toQString(it.key());
            if (it->is_string()) {
                out[key] = toQString(it->get<std::string>());
            } else {
                keep(extras, pointer(relative, key), *it);
                warn(pointer(at, key),
                     QStringLiteral("expected a string, found %1 (kept for "
                                    "export, not usable locally)")
                         .arg(base::jsonTypeName(*it)));
            }
        }
        return out;
    }

    // ---- small readers -------------------------------------------------------------------

    static const Json *member(const Json &object, const char *key)
    {
        if (!object.is_object())
            return nullptr;
        const auto it = object.find(key);
        return it == object.end() ? nullptr : &*it;
    }

    std::optional<QString> stringAt(const Json &object, const char *key, const QString &at)
    {
        const Json *value = member(object, key);
        if (!value)
            return std::nullopt;
        const auto text = scalarText(*value);
        if (!text)
            warn(pointer(at, key),
                 QStringLiteral("expected a string, found %1; not imported")
                     .arg(base::jsonTypeName(*value)));
        return text;
    }

    bool boolean(const Json &object, const char *key, const QString &at)
    {
        const Json *value = member(object, key);
        if (!value)
            return false;
        if (value->is_boolean())
            return value->get<bool>();
        if (value->is_string()) {
            const QString text = toQString(value->get<std::string>());
            if (text.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                return true;
            if (text.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                return false;
        }
        warn(
            pointer(at, key),
            QStringLiteral("expected true or false, found %1; false is used").arg(compact(*value)));
        return false;
    }

    QStringList stringList(const Json &value, const QString &at)
    {
        QStringList out;
        if (!value.is_array()) {
            warn(at, QStringLiteral("expected an array of strings; not imported"));
            return out;
        }
        for (size_t i = 0; i < value.size(); ++i) {
            if (const auto text = scalarText(value[i]))
                out << *text;
            else
                warn(at + QLatin1Char('/') + QString::number(i),
                     QStringLiteral("expected a string, found %1; not imported")
                         .arg(base::jsonTypeName(value[i])));
        }
        return out;
    }

    StringMap stringMap(const Json &object, const char *key, const QString &at)
    {
        const Json *value = member(object, key);
        if (!value)
            return {};
        OpenApiExtras ignored;
        return stringMapOf(*value, pointer(at, key), ignored, QString());
    }

    void warnUnknownKeys(const Json &object, const QString &at,
                         std::initializer_list<const char *> known)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            bool isKnown = false;
            for (const char *k : known)
                isKnown = isKnown || it.key() == k;
            if (!isKnown)
                warn(pointer(at, toQString(it.key())),
                     QStringLiteral("unknown field; not imported"));
        }
    }

    // Follows a local "$ref" ("#/components/parameters/Limit"), also through chains; `at` becomes
    // the pointer of what was found. Null (and a report) for external or broken references.
    const Json *resolveRef(const Json &value, QString &at)
    {
        const Json *current = &value;
        for (int hops = 0; hops < 16; ++hops) {
            const Json *ref = member(*current, "$ref");
            if (!ref)
                return current;
            const QString target
                = ref->is_string() ? toQString(ref->get<std::string>()) : QString();
            if (!target.startsWith(QLatin1String("#/"))) {
                warn(pointer(at, "$ref"),
                     QStringLiteral("only references inside the file are "
                                    "supported; \"%1\" not imported")
                         .arg(target));
                return nullptr;
            }
            try {
                const Json::json_pointer jsonPointer(toStd(target.mid(1)));
                if (!m_doc.contains(jsonPointer)) {
                    warn(pointer(at, "$ref"),
                         QStringLiteral("\"%1\" does not exist in the file; "
                                        "not imported")
                             .arg(target));
                    return nullptr;
                }
                current = &m_doc.at(jsonPointer);
                at = target.mid(1);
            } catch (const Json::exception &) {
                warn(pointer(at, "$ref"),
                     QStringLiteral("\"%1\" is not a valid JSON pointer; not "
                                    "imported")
                         .arg(target));
                return nullptr;
            }
        }
        warn(at, QStringLiteral("reference chain too long or circular; not imported"));
        return nullptr;
    }

    // The reports from `first` on said "not imported" of something now kept whole for export.
    void sayKeptForExport(size_t first)
    {
        for (size_t i = first; i < m_result.report.size(); ++i)
            m_result.report[i].message.replace(
                QLatin1String("; not imported"),
                QLatin1String("; kept for export, not usable locally"));
    }

    void warn(const QString &at, const QString &message)
    {
        m_result.report.push_back(Diagnostic::warning(at, message));
    }

    const Json &m_doc;
    ImportOptions m_options;
    ImportResult m_result;
    RestApi &m_api;
    bool m_swagger2 = false;
    QString m_versionError;
    int m_missingIntegrations = 0;
    QString m_defaultValidatorId;
    std::map<QString, QString> m_validatorIds;
    std::map<QString, QString> m_modelNames;
    std::set<QString> m_takenModelNames;
    std::map<QString, SchemeKind> m_schemes;
    std::map<QString, QString> m_schemePointers;
    std::set<QString> m_reportedSchemes;
    std::map<QString, QString> m_authorizerIds;
    std::map<QString, AuthorizerType> m_authorizerTypes;
    std::map<QString, int> m_resourceByPath;
};

} // namespace

base::Result<ImportResult> importOpenApi(const Json &document, const ImportOptions &options)
{
    Importer importer(document, options);
    return importer.run();
}

base::Result<ImportResult> importOpenApi(const QByteArray &text, const ImportOptions &options)
{
    auto document = readJsonOrYaml(text);
    if (!document.ok())
        return document.errors();
    return importOpenApi(document.value(), options);
}

} // namespace portico::openapi
