// What Ctrl+P can jump to (resources, methods and the project's named parts), and how a typed query ranks it. The query's characters must appear in
// the entry in order (so "ppg" finds "GET /pets/{petId}"); entries where they run together and
// start words ("pets" in "/pets", "get" in "GET") rank first, then shorter entries.
#pragma once

#include "model/project.h"

#include <QString>

#include <vector>

namespace portico::editing {

struct QuickOpenEntry
{
    // "/pets/{petId}" or "GET /pets/{petId}".
    QString label;
    QString resourceId;
    // Empty for a resource.
    QString verb;
    // For a part of the project (a model, a stage, ...): its PartKind as int and key; -1 else.
    int partKind = -1;
    QString partKey;
};

class QuickOpenIndex
{
public:
    explicit QuickOpenIndex(const model::RestApi &api);
    // The API's resources and methods, then every named part of the project ("model Pet",
    // "stage dev", "usage plan Basic", ...).
    explicit QuickOpenIndex(const model::Project &project);

    // Best first; at most `limit` entries. An empty query lists entries in tree order.
    std::vector<QuickOpenEntry> search(const QString &query, size_t limit = 50) const;

    // The match score of `query` in `text` (higher is better), or -1 when it does not match.
    // Each space-separated word matches on its own, in any order, so "pets get" finds "GET /pets".
    static int score(const QString &query, const QString &text);

    size_t size() const { return m_entries.size(); }

private:
    std::vector<QuickOpenEntry> m_entries;
};

} // namespace portico::editing
