// The IAM policy a Lambda authorizer returns, evaluated as API Gateway evaluates it against the
// method ARN of a request (arn:aws:execute-api:{region}:{account}:{apiId}/{stage}/{VERB}/{path}):
// a Deny statement that matches wins, else an Allow statement that matches lets the request in,
// else it is denied implicitly. Actions and resources match with IAM's wildcards, `*` for any run
// of characters and `?` for one. Parsed once (a cached policy is evaluated again for each method
// it is reused on), then immutable.
#pragma once

#include "base/json.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace portico::runtime {

class IamPolicy
{
public:
    enum class Decision { Allow, ExplicitDeny, ImplicitDeny };

    struct Statement
    {
        bool allow = false;
        QStringList actions;
        QStringList resources;
    };

    // The policyDocument of an authorizer's output; nothing (and `error` says why) when it is not a
    // policy API Gateway would accept, which AWS answers with AUTHORIZER_CONFIGURATION_ERROR.
    static std::optional<IamPolicy> parse(const base::Json &document, QString &error);

    Decision evaluate(const QString &methodArn) const;
    // The statement that decided, for the execution log ("Deny execute-api:Invoke on arn:...").
    QString describeMatch(const QString &methodArn) const;

    const std::vector<Statement> &statements() const { return m_statements; }

private:
    const Statement *decidingStatement(const QString &methodArn) const;
    std::vector<Statement> m_statements;
};

// IAM's wildcard match of a whole string: `*` any run of characters (slashes included), `?` any
// one character; everything else literally.
bool iamWildcardMatch(QStringView pattern, QStringView text);

// "arn:aws:execute-api:us-east-1:000000000000:petst0re01/dev/GET/pets/42": the method ARN an
// authorizer sees and its policy is matched against; `path` is the request path after the stage.
QString methodArn(const QString &apiId, const QString &stage, const QString &verb, const QString &path);

} // namespace portico::runtime
