// The project's API keys as the AWS console manages them: generate a key (forty random letters
// and digits from the system's cryptographic source), enable or disable one, and import keys
// from a CSV file in the format API Gateway imports ("Name,Key,Description,Enabled,UsagePlanIds",
// columns in any order and any case). A bad row is reported with its line and skipped; the good
// rows are still imported. The same key value imported again replaces the earlier one, as on AWS.
#pragma once

#include "project.h"

#include "base/diagnostic.h"
#include "base/result.h"

#include <QByteArrayView>
#include <QStringList>

#include <vector>

namespace portico::model {

struct ApiKeyImport
{
    int added = 0;
    int updated = 0;
    // One per bad row (location "FILE:LINE"), or one for the whole file when it cannot be read.
    std::vector<base::Diagnostic> problems;
};

class ApiKeys
{
public:
    explicit ApiKeys(Project &project) : m_project(project) {}

    // A new enabled key with a generated value, added to the given usage plans. Fails (nothing
    // changed) when a plan does not exist. Returns the key's id.
    base::Result<QString> generate(const QString &name, const QString &description = QString(),
                                   const QStringList &usagePlanIds = {});
    // `idOrName`: the key's id, its name, or its value.
    base::Status setEnabled(const QString &idOrName, bool enabled);
    // `fileName` names the file in the problems' locations.
    ApiKeyImport importCsv(QByteArrayView csv, const QString &fileName);

    ApiKey *find(const QString &idOrName);

    // AWS's limits on an imported key.
    static constexpr int kMinKeyLength = 20;
    static constexpr int kMaxKeyLength = 128;
    static constexpr int kMaxNameLength = 1024;

private:
    UsagePlan *findPlan(const QString &id);
    // Adds the key to each plan it is not in yet.
    void addToPlans(const QString &keyId, const QStringList &usagePlanIds);

    Project &m_project;
};

// The fields of a CSV text, RFC 4180 (double quotes, "" inside them, line breaks inside quoted
// fields) and, as API Gateway's import accepts, single quotes around a field. Each row keeps the
// line it starts on. Blank lines are skipped.
struct CsvRow
{
    int line = 0;
    QStringList fields;
};
std::vector<CsvRow> parseCsv(QByteArrayView text);

} // namespace portico::model
