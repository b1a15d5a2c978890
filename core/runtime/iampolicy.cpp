#include "iampolicy.h"

#include "requestcontext.h"

namespace portico::runtime {

using base::Json;

namespace {

// A string or a list of strings, as IAM allows for Action and Resource.
std::optional<QStringList> stringOrList(const Json &value)
{
    QStringList out;
    if (value.is_string()) {
        out.append(QString::fromStdString(value.get<std::string>()));
        return out;
    }
    if (!value.is_array() || value.empty())
        return std::nullopt;
    for (const Json &item : value) {
        if (!item.is_string())
            return std::nullopt;
        out.append(QString::fromStdString(item.get<std::string>()));
    }
    return out;
}

bool actionMatches(const QStringList &actions)
{
    static const QString invoke = QStringLiteral("execute-api:invoke");
    for (const QString &action : actions) {
        // IAM compares action names without regard to case.
        if (iamWildcardMatch(action.toLower(), invoke))
            return true;
    }
    return false;
}

bool resourceMatches(const QStringList &resources, const QString &arn)
{
    for (const QString &resource : resources) {
        if (iamWildcardMatch(resource, arn))
            return true;
    }
    return false;
}

} // namespace

bool iamWildcardMatch(QStringView pattern, QStringView text)
{
    // Iterative glob matching with one backtrack point: linear in practice, never exponential.
    qsizetype p = 0;
    qsizetype t = 0;
    qsizetype starAt = -1;
    qsizetype resumeAt = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == QLatin1Char('?') || pattern[p] == text[t])) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == QLatin1Char('*')) {
            starAt = p++;
            resumeAt = t;
        } else if (starAt >= 0) {
            p = starAt + 1;
            t = ++resumeAt;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

QString methodArn(const QString &apiId, const QString &stage, const QString &verb, const QString &path)
{
    const QString relative = path.startsWith(QLatin1Char('/')) ? path.mid(1) : path;
    return QStringLiteral("arn:aws:execute-api:%1:%2:%3/%4/%5/%6")
        .arg(QLatin1String(kLocalRegion), QLatin1String(kLocalAccountId), apiId, stage, verb, relative);
}

std::optional<IamPolicy> IamPolicy::parse(const Json &document, QString &error)
{
    if (!document.is_object()) {
        error = QStringLiteral("policyDocument is not an object");
        return std::nullopt;
    }
    const auto statements = document.find("Statement");
    if (statements == document.end() || !(statements->is_object() || statements->is_array())) {
        error = QStringLiteral("policyDocument has no Statement list");
        return std::nullopt;
    }
    // IAM accepts a single statement object in place of the list.
    const Json list = statements->is_object() ? Json::array({*statements}) : *statements;
    IamPolicy policy;
    for (size_t i = 0; i < list.size(); ++i) {
        const Json &s = list[i];
        const QString where = QStringLiteral("Statement %1").arg(i);
        if (!s.is_object()) {
            error = where + QStringLiteral(" is not an object");
            return std::nullopt;
        }
        const auto effect = s.find("Effect");
        if (effect == s.end() || !effect->is_string()
            || (effect->get<std::string>() != "Allow" && effect->get<std::string>() != "Deny")) {
            error = where + QStringLiteral(": Effect must be \"Allow\" or \"Deny\"");
            return std::nullopt;
        }
        Statement statement;
        statement.allow = effect->get<std::string>() == "Allow";
        const auto action = s.find("Action");
        std::optional<QStringList> actions = action == s.end() ? std::nullopt : stringOrList(*action);
        if (!actions) {
            error = where + QStringLiteral(": Action must be a string or a list of strings");
            return std::nullopt;
        }
        const auto resource = s.find("Resource");
        std::optional<QStringList> resources = resource == s.end() ? std::nullopt : stringOrList(*resource);
        if (!resources) {
            error = where + QStringLiteral(": Resource must be a string or a list of strings");
            return std::nullopt;
        }
        statement.actions = *actions;
        statement.resources = *resources;
        policy.m_statements.push_back(std::move(statement));
    }
    return policy;
}

const IamPolicy::Statement *IamPolicy::decidingStatement(const QString &methodArn) const
{
    const Statement *allowing = nullptr;
    for (const Statement &s : m_statements) {
        if (!actionMatches(s.actions) || !resourceMatches(s.resources, methodArn))
            continue;
        if (!s.allow)
            return &s; // an explicit deny wins over any allow
        if (!allowing)
            allowing = &s;
    }
    return allowing;
}

IamPolicy::Decision IamPolicy::evaluate(const QString &methodArn) const
{
    const Statement *s = decidingStatement(methodArn);
    if (!s)
        return Decision::ImplicitDeny;
    return s->allow ? Decision::Allow : Decision::ExplicitDeny;
}

QString IamPolicy::describeMatch(const QString &methodArn) const
{
    const Statement *s = decidingStatement(methodArn);
    if (!s)
        return QStringLiteral("no statement allows execute-api:Invoke on %1").arg(methodArn);
    return QStringLiteral("%1 matches %2 %3 on %4")
        .arg(methodArn, s->allow ? QStringLiteral("Allow") : QStringLiteral("Deny"), s->actions.join(QStringLiteral(", ")),
             s->resources.join(QStringLiteral(", ")));
}

} // namespace portico::runtime
