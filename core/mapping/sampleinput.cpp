#include "sampleinput.h"

#include "utilobject.h"

#include "base/jsonreader.h"

namespace portico::mapping {

using vtl::Value;

namespace {

Value fromJson(const base::Json &j, vtl::Map::Kind mapKind)
{
    if (j.is_object()) {
        auto map = std::make_shared<vtl::Map>(mapKind);
        for (auto it = j.begin(); it != j.end(); ++it)
            map->put(base::toQString(it.key()), fromJson(*it, mapKind));
        return map;
    }
    if (j.is_array()) {
        auto list = std::make_shared<vtl::List>(vtl::List::Kind::JsonArray);
        for (const auto &item : j)
            list->items().push_back(fromJson(item, mapKind));
        return list;
    }
    if (j.is_string())
        return base::toQString(j.get<std::string>());
    if (j.is_boolean())
        return j.get<bool>();
    if (j.is_number_integer())
        return qint64(j.get<long long>());
    if (j.is_number())
        return j.get<double>();
    return {};
}

// In the order written: $input.params() and keySet() show them that way.
NamedValues readNamedValues(base::JsonReader &r, const char *key)
{
    NamedValues out;
    r.forEachMember(key, [&](const QString &name, base::JsonReader &value) {
        if (value.value().is_string())
            out.emplace_back(name, base::toQString(value.value().get<std::string>()));
        else
            value.error(value.pointer(), QStringLiteral("expected a string, found %1").arg(base::jsonTypeName(value.value())));
    });
    return out;
}

} // namespace

Value contextValue(const base::Json &fields)
{
    // API Gateway's $context is a java.util.HashMap: keySet() comes out in hash order.
    auto context = fromJson(fields.is_object() ? fields : base::Json::object(), vtl::Map::Kind::HashMap).map();
    const auto ensureMap = [](const vtl::MapPtr &owner, const QString &key) {
        Value existing = owner->get(key);
        if (existing.isMap())
            return existing.map();
        auto map = std::make_shared<vtl::Map>(vtl::Map::Kind::HashMap);
        owner->put(key, map);
        return map;
    };
    ensureMap(context, QStringLiteral("identity"));
    ensureMap(context, QStringLiteral("authorizer"));
    const vtl::MapPtr request = ensureMap(context, QStringLiteral("requestOverride"));
    for (const char *part : {"header", "path", "querystring"})
        ensureMap(request, QString::fromLatin1(part));
    ensureMap(ensureMap(context, QStringLiteral("responseOverride")), QStringLiteral("header"));
    return context;
}

base::Result<SampleInput> SampleInput::fromCaseJson(const base::Json &json)
{
    std::vector<base::Diagnostic> errors;
    base::JsonReader r(json, QString(), errors);
    SampleInput input;
    if (!r.expectObject())
        return errors;
    input.body = r.string("body").toUtf8();
    if (r.has("params")) {
        base::JsonReader params = r.member("params");
        if (params.expectObject()) {
            params.rejectUnknownKeys({"path", "querystring", "header"});
            input.parameters.path = readNamedValues(params, "path");
            input.parameters.querystring = readNamedValues(params, "querystring");
            input.parameters.header = readNamedValues(params, "header");
        }
    }
    input.stageVariables = readNamedValues(r, "stageVariables");
    if (r.has("context")) {
        if (json["context"].is_object())
            input.context = json["context"];
        else
            r.error(r.pointerTo("context"), QStringLiteral("expected an object"));
    }
    if (!errors.empty())
        return errors;
    return input;
}

namespace {
Value stageVariablesValue(const std::vector<std::pair<QString, QString>> &stageVariables)
{
    auto stage = std::make_shared<vtl::Map>(vtl::Map::Kind::LinkedHashMap);
    for (const auto &[name, value] : stageVariables)
        stage->put(name, value);
    return stage;
}
} // namespace

namespace {
// $util keeps no state, so one object serves every rendering.
const vtl::Value &utilValue()
{
    static const vtl::Value util = vtl::HostPtr(std::make_shared<UtilObject>());
    return util;
}
} // namespace

void SampleInput::prepare()
{
    m_contextPrototype = contextValue(context);
    m_stagePrototype = stageVariablesValue(stageVariables);
    m_sharedParameters = std::make_shared<const RequestParameters>(parameters);
}

vtl::Variables SampleInput::toVariables(bool templateMayChangeContainers) const
{
    vtl::Variables variables;
    variables.reserve(4);
    // A fresh $input each time (it parses the body on first use); the parameters, which no
    // template can change, are shared once prepared.
    variables.insert(QStringLiteral("input"),
                     vtl::HostPtr(m_sharedParameters ? std::make_shared<InputObject>(body, m_sharedParameters)
                                                     : std::make_shared<InputObject>(body, parameters)));
    variables.insert(QStringLiteral("util"), utilValue());
    if (m_contextPrototype.isMap() && !templateMayChangeContainers) {
        variables.insert(QStringLiteral("context"), m_contextPrototype);
        variables.insert(QStringLiteral("stageVariables"), m_stagePrototype);
    } else if (m_contextPrototype.isMap()) {
        variables.insert(QStringLiteral("context"), m_contextPrototype.map()->deepCopy());
        variables.insert(QStringLiteral("stageVariables"), m_stagePrototype.map()->deepCopy());
    } else {
        variables.insert(QStringLiteral("context"), contextValue(context));
        variables.insert(QStringLiteral("stageVariables"), stageVariablesValue(stageVariables));
    }
    return variables;
}

} // namespace portico::mapping
