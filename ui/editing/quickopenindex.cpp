#include "quickopenindex.h"

#include <algorithm>

namespace portico::editing {

QuickOpenIndex::QuickOpenIndex(const model::RestApi &api)
{
    std::vector<std::pair<QString, const model::Resource *>> byPath;
    for (const model::Resource &resource : api.resources)
        byPath.emplace_back(api.pathOf(resource.id), &resource);
    std::sort(byPath.begin(), byPath.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &[path, resource] : byPath) {
        m_entries.push_back({path, resource->id, QString()});
        for (const auto &[verb, method] : resource->methods)
            m_entries.push_back({verb + QLatin1Char(' ') + path, resource->id, verb});
    }
}

namespace {

// One word of the query: its characters in order somewhere in `text`.
int wordScore(QStringView word, const QString &text)
{
    int total = 0;
    qsizetype at = 0;
    qsizetype previous = -2;
    for (const QChar wanted : word) {
        const qsizetype found = text.indexOf(wanted, at, Qt::CaseInsensitive);
        if (found < 0)
            return -1;
        int points = 1;
        if (found == previous + 1)
            points += 5; // characters that run together, as typed
        const QChar before = found > 0 ? text[found - 1] : QLatin1Char(' ');
        if (!before.isLetterOrNumber())
            points += 8; // the start of a word or path segment
        total += points;
        previous = found;
        at = found + 1;
    }
    return total;
}

} // namespace

int QuickOpenIndex::score(const QString &query, const QString &text)
{
    int total = 0;
    for (const QStringView word : QStringView(query).split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        const int points = wordScore(word, text);
        if (points < 0)
            return -1;
        total += points;
    }
    // Between equal matches, the shorter (less specific) entry first.
    return total * 100 - static_cast<int>(std::min<qsizetype>(text.size(), 99));
}

std::vector<QuickOpenEntry> QuickOpenIndex::search(const QString &query, size_t limit) const
{
    std::vector<std::pair<int, const QuickOpenEntry *>> ranked;
    for (const QuickOpenEntry &entry : m_entries) {
        const int points = query.trimmed().isEmpty() ? 0 : score(query, entry.label);
        if (points >= 0)
            ranked.emplace_back(points, &entry);
    }
    // Stable: equal scores keep tree order.
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    std::vector<QuickOpenEntry> out;
    for (size_t i = 0; i < ranked.size() && i < limit; ++i)
        out.push_back(*ranked[i].second);
    return out;
}

} // namespace portico::editing
