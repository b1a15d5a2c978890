// A request saved in the project for one method, as the composer sends it, with what its answer
// is expected to be. Portico's own: nothing of it goes to AWS. `portico-cli test` runs them all.
#pragma once

#include <QString>

#include <map>
#include <optional>
#include <utility>
#include <vector>

namespace portico::model {

using NameValueList = std::vector<std::pair<QString, QString>>;

// One JSONPath check against the response body (parsed as JSON).
struct JsonPathExpectation
{
    // "$.items[0].id"
    QString path;
    // The JSON value the first match must equal ("42", "\"abc\"", "{...}"); when absent the path
    // only has to match something.
    std::optional<QString> equals;

    friend bool operator==(const JsonPathExpectation &, const JsonPathExpectation &) = default;
};

enum class BodyExpectation
{
    None,
    // The body's bytes, exactly.
    Equals,
    // The body parses as JSON and contains `body`: every member of an expected object is in the
    // actual object with a matching value (recursively); arrays match element by element and the
    // actual array may be longer; scalars are equal.
    JsonSubset,
};

struct RequestExpectations
{
    std::optional<int> status;
    // Header name (any case) -> the value it must have, exactly.
    std::map<QString, QString> headers;
    BodyExpectation bodyMode = BodyExpectation::None;
    QString body;
    std::vector<JsonPathExpectation> jsonPaths;

    bool isEmpty() const
    {
        return !status && headers.empty() && bodyMode == BodyExpectation::None && jsonPaths.empty();
    }

    friend bool operator==(const RequestExpectations &, const RequestExpectations &) = default;
};

struct SavedRequest
{
    // Unique within its method; what the composer's list and `portico-cli test` show.
    QString name;
    // The method it belongs to: the resource's full path ("/pets/{petId}") and the method's verb
    // ("GET", or "ANY"). For an ANY method `sendMethod` says which verb goes on the wire.
    QString resourcePath;
    QString httpMethod;
    QString sendMethod;
    // The path's {param} values, unencoded; a greedy {proxy+} value may hold slashes.
    std::map<QString, QString> pathParameters;
    // In order; a name may repeat (multi-value).
    NameValueList query;
    NameValueList headers;
    QString body;
    // Stage variables for the draft stage (a deployed stage has its own).
    std::map<QString, QString> stageVariables;
    // The project API key whose value goes in x-api-key; empty for none.
    QString apiKeyId;
    // Goes in the method's authorizer's identity header (Authorization unless the authorizer
    // says otherwise); empty for none.
    QString authorizationToken;
    RequestExpectations expect;

    // "GET /pets/{petId} name": what tells saved requests apart within a project.
    QString key() const { return httpMethod + QLatin1Char(' ') + resourcePath + QLatin1Char(' ') + name; }

    // The verb sent: sendMethod for ANY methods, else httpMethod.
    QString verb() const
    {
        return httpMethod == QLatin1String("ANY") && !sendMethod.isEmpty() ? sendMethod : httpMethod;
    }

    friend bool operator==(const SavedRequest &, const SavedRequest &) = default;
};

// After a resource is renamed or moved from `oldPath` to `newPath`: the saved requests of it and
// of the resources under it follow. Returns the indexes changed, so that an undo can put back
// exactly those (a request that already named `newPath` is not one of them).
std::vector<size_t> retargetSavedRequests(std::vector<SavedRequest> &requests, const QString &oldPath,
                                          const QString &newPath);
// Puts the requests at `indexes` back from `newPath` to `oldPath`.
void restoreSavedRequests(std::vector<SavedRequest> &requests, const std::vector<size_t> &indexes,
                          const QString &oldPath, const QString &newPath);

} // namespace portico::model
