#include "savedrequestjson.h"

#include "enums.h"

namespace portico::model {

using base::Json;
using base::JsonReader;
using base::toQString;
using base::toStd;

namespace {

// Objects and arrays indented as the composer shows them, scalars as they are written.
QString jsonValueText(const Json &value)
{
    return toQString(value.is_structured() ? value.dump(2) : value.dump());
}

// Text that is not JSON (typed by hand, half finished) is kept as a JSON string, never lost.
Json jsonValueFromText(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    Json parsed = Json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
    return parsed.is_discarded() ? Json(toStd(text)) : parsed;
}

// [["name", "value"], ...]: ordered, names may repeat.
NameValueList readPairs(JsonReader &r, const char *key)
{
    NameValueList out;
    if (!r.has(key))
        return out;
    const Json &list = r.value()[key];
    if (!list.is_array()) {
        r.error(r.pointerTo(key),
                QStringLiteral("expected an array of [name, value] pairs, found %1")
                    .arg(base::jsonTypeName(list)));
        return out;
    }
    for (size_t i = 0; i < list.size(); ++i) {
        const Json &pair = list[i];
        if (!pair.is_array() || pair.size() != 2 || !pair[0].is_string() || !pair[1].is_string()) {
            r.error(r.pointerTo(key) + QLatin1Char('/') + QString::number(i),
                    QStringLiteral("expected a [name, value] pair of strings, found %1")
                        .arg(toQString(pair.dump())));
            continue;
        }
        out.emplace_back(toQString(pair[0].get<std::string>()),
                         toQString(pair[1].get<std::string>()));
    }
    return out;
}

void readBodyExpectation(JsonReader &expect, RequestExpectations &out)
{
    if (!expect.has("body"))
        return;
    JsonReader body = expect.member("body");
    if (!body.expectObject())
        return;
    body.rejectUnknownKeys({"equals", "jsonSubset"});
    if (body.has("equals") == body.has("jsonSubset")) {
        body.error(body.pointer(),
                   QStringLiteral("expected exactly one of \"equals\" and \"jsonSubset\""));
        return;
    }
    if (body.has("equals")) {
        out.bodyMode = BodyExpectation::Equals;
        out.body = body.string("equals");
    } else {
        out.bodyMode = BodyExpectation::JsonSubset;
        out.body = jsonValueText(body.value()["jsonSubset"]);
    }
}

RequestExpectations readExpectations(JsonReader &expect)
{
    RequestExpectations out;
    if (!expect.expectObject())
        return out;
    expect.rejectUnknownKeys({"status", "headers", "body", "jsonPath"});
    out.status = expect.optionalInteger("status");
    out.headers = expect.stringMap("headers");
    readBodyExpectation(expect, out);
    expect.forEachElement("jsonPath", [&](JsonReader &check) {
        if (!check.expectObject())
            return;
        check.rejectUnknownKeys({"path", "equals"});
        JsonPathExpectation path;
        path.path = check.requiredString("path");
        if (check.has("equals"))
            path.equals = jsonValueText(check.value()["equals"]);
        out.jsonPaths.push_back(path);
    });
    return out;
}

Json expectationsToJson(const RequestExpectations &expect)
{
    Json o = Json::object();
    if (expect.status)
        o["status"] = *expect.status;
    if (!expect.headers.empty()) {
        Json headers = Json::object();
        for (const auto &[name, value] : expect.headers)
            headers[toStd(name)] = toStd(value);
        o["headers"] = std::move(headers);
    }
    if (expect.bodyMode == BodyExpectation::Equals)
        o["body"] = Json {{"equals", toStd(expect.body)}};
    else if (expect.bodyMode == BodyExpectation::JsonSubset)
        o["body"] = Json {{"jsonSubset", jsonValueFromText(expect.body)}};
    if (!expect.jsonPaths.empty()) {
        Json paths = Json::array();
        for (const JsonPathExpectation &check : expect.jsonPaths) {
            Json co = Json::object();
            co["path"] = toStd(check.path);
            if (check.equals)
                co["equals"] = jsonValueFromText(*check.equals);
            paths.push_back(std::move(co));
        }
        o["jsonPath"] = std::move(paths);
    }
    return o;
}

Json pairsToJson(const NameValueList &pairs)
{
    Json list = Json::array();
    for (const auto &[name, value] : pairs)
        list.push_back(Json::array({toStd(name), toStd(value)}));
    return list;
}

Json mapToJson(const std::map<QString, QString> &map)
{
    Json o = Json::object();
    for (const auto &[name, value] : map)
        o[toStd(name)] = toStd(value);
    return o;
}

} // namespace

SavedRequest readSavedRequest(JsonReader &r)
{
    SavedRequest out;
    if (!r.expectObject())
        return out;
    r.rejectUnknownKeys({"name", "resource", "method", "sendMethod", "pathParameters", "query",
                         "headers", "body", "stageVariables", "apiKey", "authorizationToken",
                         "expect"});
    out.name = r.requiredString("name");
    out.resourcePath = r.requiredString("resource");
    out.httpMethod = r.requiredString("method");
    if (!out.httpMethod.isEmpty() && !httpVerbs().contains(out.httpMethod))
        r.error(r.pointerTo("method"),
                QStringLiteral("expected one of %1, found \"%2\"")
                    .arg(httpVerbs().join(QStringLiteral(", ")), out.httpMethod));
    out.sendMethod = r.string("sendMethod");
    out.pathParameters = r.stringMap("pathParameters");
    out.query = readPairs(r, "query");
    out.headers = readPairs(r, "headers");
    out.body = r.string("body");
    out.stageVariables = r.stringMap("stageVariables");
    out.apiKeyId = r.string("apiKey");
    out.authorizationToken = r.string("authorizationToken");
    if (r.has("expect")) {
        JsonReader expect = r.member("expect");
        out.expect = readExpectations(expect);
    }
    return out;
}

Json savedRequestToJson(const SavedRequest &request)
{
    Json o = Json::object();
    o["name"] = toStd(request.name);
    o["resource"] = toStd(request.resourcePath);
    o["method"] = toStd(request.httpMethod);
    if (!request.sendMethod.isEmpty())
        o["sendMethod"] = toStd(request.sendMethod);
    if (!request.pathParameters.empty())
        o["pathParameters"] = mapToJson(request.pathParameters);
    if (!request.query.empty())
        o["query"] = pairsToJson(request.query);
    if (!request.headers.empty())
        o["headers"] = pairsToJson(request.headers);
    if (!request.body.isEmpty())
        o["body"] = toStd(request.body);
    if (!request.stageVariables.empty())
        o["stageVariables"] = mapToJson(request.stageVariables);
    if (!request.apiKeyId.isEmpty())
        o["apiKey"] = toStd(request.apiKeyId);
    if (!request.authorizationToken.isEmpty())
        o["authorizationToken"] = toStd(request.authorizationToken);
    if (!request.expect.isEmpty())
        o["expect"] = expectationsToJson(request.expect);
    return o;
}

} // namespace portico::model
