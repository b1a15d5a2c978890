#include "apikeys.h"

#include "base/ids.h"

#include <algorithm>

namespace portico::model {

std::vector<CsvRow> parseCsv(QByteArrayView text)
{
    const QString all = QString::fromUtf8(text.startsWith("\xEF\xBB\xBF") ? text.sliced(3) : text);
    std::vector<CsvRow> rows;
    CsvRow row;
    QString field;
    int line = 1;
    row.line = 1;
    bool fieldStarted = false; // something (even an empty quoted field) was read for this field
    const auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    const auto endRow = [&] {
        const bool blank = row.fields.isEmpty() && field.isEmpty() && !fieldStarted;
        if (!blank) {
            endField();
            rows.push_back(std::move(row));
        }
        row = CsvRow();
        field.clear();
        fieldStarted = false;
    };
    qsizetype i = 0;
    while (i < all.size()) {
        const QChar c = all[i];
        if ((c == QLatin1Char('"') || c == QLatin1Char('\'')) && field.trimmed().isEmpty() && !fieldStarted) {
            // A quoted field: up to the closing quote; a doubled quote is one quote.
            const QChar quote = c;
            field.clear();
            fieldStarted = true;
            ++i;
            while (i < all.size()) {
                if (all[i] == quote) {
                    if (i + 1 < all.size() && all[i + 1] == quote) {
                        field.append(quote);
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                if (all[i] == QLatin1Char('\n'))
                    ++line;
                field.append(all[i]);
                ++i;
            }
            // Anything between the closing quote and the separator is ignored but spaces.
            while (i < all.size() && all[i] != QLatin1Char(',') && all[i] != QLatin1Char('\n') && all[i] != QLatin1Char('\r'))
                ++i;
            continue;
        }
        if (c == QLatin1Char(',')) {
            if (row.fields.isEmpty() && !fieldStarted && field.isEmpty())
                row.line = line;
            endField();
            ++i;
            continue;
        }
        if (c == QLatin1Char('\r') || c == QLatin1Char('\n')) {
            endRow();
            if (c == QLatin1Char('\r') && i + 1 < all.size() && all[i + 1] == QLatin1Char('\n'))
                ++i;
            ++i;
            ++line;
            row.line = line;
            continue;
        }
        if (row.fields.isEmpty() && field.isEmpty() && !fieldStarted)
            row.line = line;
        field.append(c);
        ++i;
    }
    endRow();
    for (CsvRow &r : rows) {
        for (QString &f : r.fields)
            f = f.trimmed();
    }
    return rows;
}

ApiKey *ApiKeys::find(const QString &idOrName)
{
    for (ApiKey &key : m_project.apiKeys) {
        if (key.id == idOrName || key.value == idOrName)
            return &key;
    }
    for (ApiKey &key : m_project.apiKeys) {
        if (key.name == idOrName)
            return &key;
    }
    return nullptr;
}

UsagePlan *ApiKeys::findPlan(const QString &id)
{
    for (UsagePlan &plan : m_project.usagePlans) {
        if (plan.id == id)
            return &plan;
    }
    return nullptr;
}

void ApiKeys::addToPlans(const QString &keyId, const QStringList &usagePlanIds)
{
    for (const QString &planId : usagePlanIds) {
        if (UsagePlan *plan = findPlan(planId); plan && !plan->apiKeyIds.contains(keyId))
            plan->apiKeyIds.append(keyId);
    }
}

base::Result<QString> ApiKeys::generate(const QString &name, const QString &description, const QStringList &usagePlanIds)
{
    for (const QString &planId : usagePlanIds) {
        if (!findPlan(planId))
            return base::Diagnostic::error(QStringLiteral("usage plan %1").arg(planId), QStringLiteral("no usage plan with this id"));
    }
    ApiKey key;
    key.id = base::newResourceId();
    key.name = name.isEmpty() ? key.id : name;
    key.value = base::newApiKeyValue();
    key.description = description;
    key.enabled = true;
    m_project.apiKeys.push_back(key);
    addToPlans(key.id, usagePlanIds);
    return key.id;
}

base::Status ApiKeys::setEnabled(const QString &idOrName, bool enabled)
{
    ApiKey *key = find(idOrName);
    if (!key)
        return base::Diagnostic::error(QStringLiteral("API key %1").arg(idOrName), QStringLiteral("no API key with this id, name or value"));
    key->enabled = enabled;
    return base::success();
}

ApiKeyImport ApiKeys::importCsv(QByteArrayView csv, const QString &fileName)
{
    ApiKeyImport result;
    const std::vector<CsvRow> rows = parseCsv(csv);
    const auto at = [&](int line) { return QStringLiteral("%1:%2").arg(fileName).arg(line); };
    if (rows.empty()) {
        result.problems.push_back(base::Diagnostic::error(at(1), QStringLiteral("the file is empty: expected a header row with Name and Key columns")));
        return result;
    }
    // Column names are not case sensitive; unknown columns are ignored.
    const CsvRow &header = rows.front();
    int nameColumn = -1, keyColumn = -1, descriptionColumn = -1, enabledColumn = -1, plansColumn = -1;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString column = header.fields[i].toLower();
        if (column == QLatin1String("name"))
            nameColumn = i;
        else if (column == QLatin1String("key"))
            keyColumn = i;
        else if (column == QLatin1String("description"))
            descriptionColumn = i;
        else if (column == QLatin1String("enabled"))
            enabledColumn = i;
        else if (column == QLatin1String("usageplanids"))
            plansColumn = i;
    }
    if (nameColumn < 0 || keyColumn < 0) {
        QStringList missing;
        if (nameColumn < 0)
            missing << QStringLiteral("Name");
        if (keyColumn < 0)
            missing << QStringLiteral("Key");
        result.problems.push_back(base::Diagnostic::error(
            at(header.line), QStringLiteral("the header row has no %1 column (found: %2)").arg(missing.join(QStringLiteral(" or ")), header.fields.join(QLatin1Char(',')))));
        return result;
    }
    const auto column = [](const CsvRow &row, int index) { return index >= 0 && index < row.fields.size() ? row.fields[index] : QString(); };
    for (size_t r = 1; r < rows.size(); ++r) {
        const CsvRow &row = rows[r];
        const QString value = column(row, keyColumn);
        const QString name = column(row, nameColumn);
        const auto bad = [&](const QString &why) { result.problems.push_back(base::Diagnostic::error(at(row.line), why)); };
        if (value.size() < kMinKeyLength || value.size() > kMaxKeyLength) {
            bad(value.isEmpty() ? QStringLiteral("the Key is empty")
                                : QStringLiteral("the Key has %1 characters; it must have %2 to %3").arg(value.size()).arg(kMinKeyLength).arg(kMaxKeyLength));
            continue;
        }
        if (name.size() > kMaxNameLength) {
            bad(QStringLiteral("the Name has %1 characters; at most %2 are allowed").arg(name.size()).arg(kMaxNameLength));
            continue;
        }
        bool enabled = true;
        const QString enabledText = column(row, enabledColumn).toLower();
        if (enabledText == QLatin1String("false"))
            enabled = false;
        else if (!enabledText.isEmpty() && enabledText != QLatin1String("true")) {
            bad(QStringLiteral("Enabled is \"%1\"; expected TRUE or FALSE").arg(column(row, enabledColumn)));
            continue;
        }
        QStringList plans;
        for (const QString &plan : column(row, plansColumn).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            if (!plan.trimmed().isEmpty())
                plans << plan.trimmed();
        }
        const auto unknown = std::find_if(plans.begin(), plans.end(), [&](const QString &id) { return !findPlan(id); });
        if (unknown != plans.end()) {
            bad(QStringLiteral("no usage plan with id \"%1\"").arg(*unknown));
            continue;
        }
        ApiKey *existing = nullptr;
        for (ApiKey &key : m_project.apiKeys) {
            if (key.value == value)
                existing = &key;
        }
        if (!existing) {
            ApiKey key;
            key.id = base::newResourceId();
            key.value = value;
            m_project.apiKeys.push_back(key);
            existing = &m_project.apiKeys.back();
            ++result.added;
        } else {
            ++result.updated;
        }
        existing->name = name;
        existing->description = column(row, descriptionColumn);
        existing->enabled = enabled;
        addToPlans(existing->id, plans);
    }
    return result;
}

} // namespace portico::model
