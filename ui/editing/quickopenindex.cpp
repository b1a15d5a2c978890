#include "quickopenindex.h"

#include "projectpartsmodel.h"

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
        m_entries.push_back({path, resource->id, QString(), -1, QString()});
        for (const auto &[verb, method] : resource->methods)
            m_entries.push_back({verb + QLatin1Char(' ') + path, resource->id, verb, -1, QString()});
    }
}

QuickOpenIndex::QuickOpenIndex(const model::Project &project)
    : QuickOpenIndex(project.api)
{
    const auto add = [this](PartKind kind, const QString &what, const QString &name, const QString &key) {
        m_entries.push_back({what + QLatin1Char(' ') + name, QString(), QString(), int(kind), key});
    };
    for (const model::Model &m : project.api.models)
        add(PartKind::Model, QStringLiteral("model"), m.name, m.name);
    for (const model::Authorizer &a : project.api.authorizers)
        add(PartKind::Authorizer, QStringLiteral("authorizer"), a.name, a.id);
    for (const model::RequestValidator &v : project.api.requestValidators)
        add(PartKind::RequestValidator, QStringLiteral("validator"), v.name, v.id);
    for (const model::GatewayResponse &g : project.api.gatewayResponses)
        add(PartKind::GatewayResponse, QStringLiteral("gateway response"), g.responseType, g.responseType);
    for (const model::LocalFunction &f : project.localFunctions)
        add(PartKind::LocalFunction, QStringLiteral("function"), f.name, f.name);
    for (const model::Stage &st : project.stages)
        add(PartKind::Stage, QStringLiteral("stage"), st.stageName, st.stageName);
    for (const model::Deployment &d : project.deployments)
        add(PartKind::Deployment, QStringLiteral("deployment"),
            d.description.isEmpty() ? d.id : d.id + QStringLiteral(" · ") + d.description, d.id);
    for (const model::ApiKey &k : project.apiKeys)
        add(PartKind::ApiKey, QStringLiteral("API key"), k.name, k.id);
    for (const model::UsagePlan &p : project.usagePlans)
        add(PartKind::UsagePlan, QStringLiteral("usage plan"), p.name, p.id);
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
