#include "expectationcheck.h"

#include "base/json.h"
#include "jsonpath/compactjson.h"
#include "jsonpath/path.h"

#include <QRegularExpression>

#include <simdjson.h>

#include <nlohmann/json.hpp>

namespace portico::runtime {

namespace {

// Comparisons use nlohmann's unordered json: objects equal whatever their members' order, and
// numbers compared by value across integer and floating types.
using Value = nlohmann::json;

// Past this many characters a value in a message is cut: a failure must stay one readable line.
constexpr qsizetype kShownLength = 120;

QString shortened(QString text)
{
    if (text.size() > kShownLength)
        text = text.left(kShownLength) + QStringLiteral("...");
    return text;
}

QString shown(const Value &value)
{
    return shortened(
        QString::fromStdString(value.dump(-1, ' ', false, Value::error_handler_t::replace)));
}

QString quoted(const QByteArray &bytes)
{
    return shortened(base::jsonQuoted(QString::fromUtf8(bytes)));
}

std::optional<Value> parse(const QByteArray &text)
{
    Value value = Value::parse(text.constBegin(), text.constEnd(), nullptr, false);
    if (value.is_discarded())
        return std::nullopt;
    return value;
}

// ".name" when it reads as an identifier, else "['na me']", as JSONPath writes members.
QString memberStep(const std::string &key)
{
    const QString name = QString::fromStdString(key);
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_$][A-Za-z0-9_$-]*$"));
    if (identifier.match(name).hasMatch())
        return QLatin1Char('.') + name;
    QString escaped = name;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('\''), QLatin1String("\\'"));
    return QStringLiteral("['%1']").arg(escaped);
}

class SubsetCheck
{
public:
    explicit SubsetCheck(std::vector<ExpectationFailure> &out)
        : m_out(out)
    {
    }

    void check(const Value &expected, const Value &actual, const QString &path)
    {
        if (expected.is_object() && actual.is_object()) {
            for (auto it = expected.begin(); it != expected.end(); ++it) {
                const QString memberPath = path + memberStep(it.key());
                const auto found = actual.find(it.key());
                if (found == actual.end())
                    fail(memberPath, shown(*it), QStringLiteral("nothing"));
                else
                    check(*it, *found, memberPath);
            }
        } else if (expected.is_array() && actual.is_array()) {
            for (size_t i = 0; i < expected.size(); ++i) {
                const QString elementPath = path + QStringLiteral("[%1]").arg(i);
                if (i >= actual.size())
                    fail(elementPath, shown(expected[i]), QStringLiteral("nothing"));
                else
                    check(expected[i], actual[i], elementPath);
            }
        } else if (expected != actual) {
            fail(path, shown(expected), shown(actual));
        }
    }

private:
    void fail(const QString &path, QString expected, QString actual)
    {
        m_out.push_back(
            {QStringLiteral("body: JSON subset: ") + path, std::move(expected), std::move(actual)});
    }

    std::vector<ExpectationFailure> &m_out;
};

void checkHeaders(const model::RequestExpectations &expect, const http::Response &response,
                  std::vector<ExpectationFailure> &out)
{
    for (const auto &[name, value] : expect.headers) {
        const QByteArray wanted = value.toUtf8();
        QStringList seen;
        bool matched = false;
        for (const auto &[headerName, headerValue] : response.headers) {
            if (headerName.compare(name.toUtf8(), Qt::CaseInsensitive) != 0)
                continue;
            matched = matched || headerValue == wanted;
            seen.append(quoted(headerValue));
        }
        if (!matched)
            out.push_back({QStringLiteral("header ") + name, quoted(wanted),
                           seen.isEmpty() ? QStringLiteral("no such header")
                                          : seen.join(QStringLiteral(", "))});
    }
}

void checkBody(const model::RequestExpectations &expect, const http::Response &response,
               std::vector<ExpectationFailure> &out)
{
    const QByteArray wanted = expect.body.toUtf8();
    if (expect.bodyMode == model::BodyExpectation::Equals) {
        if (response.body == wanted)
            return;
        qsizetype at = 0;
        while (at < wanted.size() && at < response.body.size() && wanted[at] == response.body[at])
            ++at;
        out.push_back(
            {QStringLiteral("body"), quoted(wanted),
             QStringLiteral("%1 (differs from byte %2)").arg(quoted(response.body)).arg(at)});
        return;
    }
    if (expect.bodyMode != model::BodyExpectation::JsonSubset)
        return;
    const std::optional<Value> expected = parse(wanted);
    if (!expected) {
        out.push_back({QStringLiteral("body: JSON subset"), quoted(wanted),
                       QStringLiteral("nothing to compare: the expected value is not JSON")});
        return;
    }
    const std::optional<Value> actual = parse(response.body);
    if (!actual) {
        out.push_back({QStringLiteral("body: JSON subset"), shown(*expected),
                       QStringLiteral("a body that is not JSON: %1").arg(quoted(response.body))});
        return;
    }
    SubsetCheck(out).check(*expected, *actual, QStringLiteral("$"));
}

void checkJsonPaths(const model::RequestExpectations &expect, const http::Response &response,
                    std::vector<ExpectationFailure> &out)
{
    if (expect.jsonPaths.empty())
        return;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    const bool isJson
        = !parser.parse(response.body.constData(), size_t(response.body.size())).get(root);
    for (const model::JsonPathExpectation &check : expect.jsonPaths) {
        std::optional<Value> wanted;
        if (check.equals) {
            wanted = parse(check.equals->toUtf8());
            if (!wanted) {
                out.push_back(
                    {check.path, quoted(check.equals->toUtf8()),
                     QStringLiteral("nothing to compare: the expected value is not JSON")});
                continue;
            }
        }
        const QString expectedText = wanted ? shown(*wanted) : QStringLiteral("a match");
        base::Result<jsonpath::Path> path = jsonpath::Path::compile(check.path);
        if (!path.ok()) {
            out.push_back({check.path, expectedText,
                           QStringLiteral("an invalid JSONPath (%1)").arg(path.error().message)});
            continue;
        }
        if (!isJson) {
            out.push_back(
                {check.path, expectedText,
                 QStringLiteral("a body that is not JSON: %1").arg(quoted(response.body))});
            continue;
        }
        base::Result<jsonpath::Matches> matches = path->evaluate(root);
        if (!matches.ok()) {
            out.push_back({check.path, expectedText, matches.error().message});
            continue;
        }
        if (!matches->found() || matches->items().empty()) {
            out.push_back({check.path, expectedText, QStringLiteral("no match")});
            continue;
        }
        if (!wanted)
            continue;
        const QByteArray firstText = jsonpath::toCompactJson(matches->items().front()).toUtf8();
        const std::optional<Value> first = parse(firstText);
        if (!first || *first != *wanted)
            out.push_back({check.path, expectedText, first ? shown(*first) : quoted(firstText)});
    }
}

} // namespace

QString ExpectationFailure::toString() const
{
    return QStringLiteral("%1: expected %2, got %3").arg(check, expected, actual);
}

std::vector<ExpectationFailure> checkExpectations(const model::RequestExpectations &expectations,
                                                  const http::Response &response)
{
    std::vector<ExpectationFailure> out;
    if (expectations.status && *expectations.status != response.status)
        out.push_back({QStringLiteral("status"), QString::number(*expectations.status),
                       QString::number(response.status)});
    checkHeaders(expectations, response, out);
    checkBody(expectations, response, out);
    checkJsonPaths(expectations, response, out);
    return out;
}

} // namespace portico::runtime
