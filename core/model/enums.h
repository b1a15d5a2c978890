// The enumerations of the API Gateway resource model, spelled as AWS spells them, with the one
// table per enum that turns them into text and back (project file, CLI, UI all use it).
#pragma once

#include <QString>
#include <QStringList>

#include <array>
#include <optional>
#include <utility>

namespace portico::model {

enum class EndpointType { Edge, Regional, Private };
enum class ApiKeySource { Header, Authorizer };
enum class AuthorizationType { None, Custom, CognitoUserPools, AwsIam };
enum class IntegrationType { Mock, Http, HttpProxy, Aws, AwsProxy };
enum class PassthroughBehavior { WhenNoMatch, WhenNoTemplates, Never };
enum class ContentHandling { ConvertToText, ConvertToBinary };
enum class ConnectionType { Internet, VpcLink };
enum class AuthorizerType { Token, Request, CognitoUserPools };
enum class QuotaPeriod { Day, Week, Month };
enum class LocalFunctionKind { Handler, Command, InvokeUrl };
enum class LocalRuntime { NodeJs, Python };

template<typename E>
struct EnumNames;

#define PORTICO_ENUM_NAMES(E, ...)                                                                 \
    template<>                                                                                     \
    struct EnumNames<E>                                                                            \
    {                                                                                              \
        static constexpr auto table = std::to_array<std::pair<E, const char *>>({__VA_ARGS__});    \
    };

PORTICO_ENUM_NAMES(EndpointType,
                   {EndpointType::Edge, "EDGE"},
                   {EndpointType::Regional, "REGIONAL"},
                   {EndpointType::Private, "PRIVATE"})
PORTICO_ENUM_NAMES(ApiKeySource, {ApiKeySource::Header, "HEADER"}, {ApiKeySource::Authorizer, "AUTHORIZER"})
PORTICO_ENUM_NAMES(AuthorizationType,
                   {AuthorizationType::None, "NONE"},
                   {AuthorizationType::Custom, "CUSTOM"},
                   {AuthorizationType::CognitoUserPools, "COGNITO_USER_POOLS"},
                   {AuthorizationType::AwsIam, "AWS_IAM"})
PORTICO_ENUM_NAMES(IntegrationType,
                   {IntegrationType::Mock, "MOCK"},
                   {IntegrationType::Http, "HTTP"},
                   {IntegrationType::HttpProxy, "HTTP_PROXY"},
                   {IntegrationType::Aws, "AWS"},
                   {IntegrationType::AwsProxy, "AWS_PROXY"})
PORTICO_ENUM_NAMES(PassthroughBehavior,
                   {PassthroughBehavior::WhenNoMatch, "WHEN_NO_MATCH"},
                   {PassthroughBehavior::WhenNoTemplates, "WHEN_NO_TEMPLATES"},
                   {PassthroughBehavior::Never, "NEVER"})
PORTICO_ENUM_NAMES(ContentHandling,
                   {ContentHandling::ConvertToText, "CONVERT_TO_TEXT"},
                   {ContentHandling::ConvertToBinary, "CONVERT_TO_BINARY"})
PORTICO_ENUM_NAMES(ConnectionType, {ConnectionType::Internet, "INTERNET"}, {ConnectionType::VpcLink, "VPC_LINK"})
PORTICO_ENUM_NAMES(AuthorizerType,
                   {AuthorizerType::Token, "TOKEN"},
                   {AuthorizerType::Request, "REQUEST"},
                   {AuthorizerType::CognitoUserPools, "COGNITO_USER_POOLS"})
PORTICO_ENUM_NAMES(QuotaPeriod, {QuotaPeriod::Day, "DAY"}, {QuotaPeriod::Week, "WEEK"}, {QuotaPeriod::Month, "MONTH"})
PORTICO_ENUM_NAMES(LocalFunctionKind,
                   {LocalFunctionKind::Handler, "handler"},
                   {LocalFunctionKind::Command, "command"},
                   {LocalFunctionKind::InvokeUrl, "invokeUrl"})
PORTICO_ENUM_NAMES(LocalRuntime, {LocalRuntime::NodeJs, "nodejs"}, {LocalRuntime::Python, "python"})

#undef PORTICO_ENUM_NAMES

template<typename E>
QString enumName(E value)
{
    for (const auto &[e, name] : EnumNames<E>::table) {
        if (e == value)
            return QString::fromLatin1(name);
    }
    return {};
}

template<typename E>
std::optional<E> enumFromName(const QString &name)
{
    for (const auto &[e, text] : EnumNames<E>::table) {
        if (name == QLatin1String(text))
            return e;
    }
    return std::nullopt;
}

template<typename E>
QStringList enumNames()
{
    QStringList names;
    for (const auto &entry : EnumNames<E>::table)
        names.append(QString::fromLatin1(entry.second));
    return names;
}

// The HTTP verbs a method may have, in the order the UI and the project file list them.
inline const QStringList &httpVerbs()
{
    static const QStringList verbs{QStringLiteral("GET"), QStringLiteral("POST"),
                                   QStringLiteral("PUT"), QStringLiteral("PATCH"),
                                   QStringLiteral("DELETE"), QStringLiteral("HEAD"),
                                   QStringLiteral("OPTIONS"), QStringLiteral("ANY")};
    return verbs;
}

} // namespace portico::model
