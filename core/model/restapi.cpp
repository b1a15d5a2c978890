#include "restapi.h"

#include <algorithm>

namespace portico::model {

namespace {
template<typename Container, typename Pred>
auto findIn(Container &items, Pred pred) -> decltype(&*items.begin())
{
    const auto it = std::find_if(items.begin(), items.end(), pred);
    return it == items.end() ? nullptr : &*it;
}
} // namespace

const Resource *RestApi::root() const
{
    return findIn(resources, [](const Resource &r) { return r.isRoot(); });
}

const Resource *RestApi::findResource(const QString &id) const
{
    return findIn(resources, [&](const Resource &r) { return r.id == id; });
}

Resource *RestApi::findResource(const QString &id)
{
    return findIn(resources, [&](const Resource &r) { return r.id == id; });
}

const Resource *RestApi::findResourceByPath(const QString &path) const
{
    for (const Resource &r : resources) {
        if (pathOf(r.id) == path)
            return &r;
    }
    return nullptr;
}

std::vector<const Resource *> RestApi::children(const QString &parentId) const
{
    std::vector<const Resource *> out;
    for (const Resource &r : resources) {
        if (!r.isRoot() && r.parentId == parentId)
            out.push_back(&r);
    }
    return out;
}

QString RestApi::pathOf(const QString &resourceId) const
{
    QStringList parts;
    const Resource *r = findResource(resourceId);
    if (!r)
        return {};
    // A parent chain longer than the list can only be a cycle in a hand-edited file.
    for (size_t steps = 0; r && !r->isRoot(); ++steps) {
        if (steps > resources.size())
            return {};
        parts.prepend(r->pathPart);
        r = findResource(r->parentId);
    }
    if (!r)
        return {};
    return QLatin1Char('/') + parts.join(QLatin1Char('/'));
}

QStringList RestApi::subtreeIds(const QString &resourceId) const
{
    QStringList ids{resourceId};
    for (qsizetype i = 0; i < ids.size(); ++i) {
        for (const Resource *child : children(ids.at(i))) {
            if (!ids.contains(child->id))
                ids.append(child->id);
        }
    }
    return ids;
}

const Model *RestApi::findModel(const QString &name) const
{
    return findIn(models, [&](const Model &m) { return m.name == name; });
}

const Authorizer *RestApi::findAuthorizer(const QString &id) const
{
    return findIn(authorizers, [&](const Authorizer &a) { return a.id == id; });
}

const RequestValidator *RestApi::findRequestValidator(const QString &id) const
{
    return findIn(requestValidators, [&](const RequestValidator &v) { return v.id == id; });
}

} // namespace portico::model
