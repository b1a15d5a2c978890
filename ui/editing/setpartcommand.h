// Adds, replaces or deletes one item of a project part (a model, a stage, an API key, ...): the
// one command behind every form beside the method-execution view, so that a form only has to
// build the item it wants. Like ReplaceMethodCommand, edits with the same merge key (typing in
// one field) merge into one undo step.
#pragma once

#include "apicommand.h"
#include "projectparts.h"

#include "base/diagnostic.h"

#include <optional>

namespace portico::editing {

template<typename T>
class SetPartCommand : public ApiCommand
{
    using Traits = PartTraits<T>;

public:
    // `key` empty: `value` is added. `value` nullopt: the item with `key` is deleted. Both: the
    // item with `key` is replaced by `value`, in its place; `value` may have a new key (a
    // rename) that no other item has. An empty `mergeKey` never merges.
    SetPartCommand(ApiDocument *document, const QString &key, std::optional<T> value,
                   const QString &description, const QString &mergeKey = QString())
        : ApiCommand(document, description)
        , m_key(key)
        , m_new(std::move(value))
        , m_mergeKey(mergeKey)
    {}

    int id() const override { return kIdBase + Traits::kind; }

    bool mergeWith(const QUndoCommand *other) override
    {
        if (other->id() != id())
            return false;
        const auto *next = static_cast<const SetPartCommand *>(other);
        if (m_mergeKey.isEmpty() || next->m_mergeKey != m_mergeKey || !m_new || !next->m_old
            || next->m_key != Traits::keyOf(*m_new))
            return false;
        // The project already holds `next`'s item (commands are applied before they are pushed).
        m_new = next->m_new;
        setObsolete(m_old && m_new && *m_old == *m_new);
        return true;
    }

protected:
    base::Status doRedo() override
    {
        std::vector<T> &items = Traits::list(project());
        if (!m_key.isEmpty() && !m_old) {
            const auto it = find(items, m_key);
            if (it == items.end())
                return refuse(m_key, QStringLiteral("no such %1").arg(Traits::noun()));
            m_index = size_t(it - items.begin());
            m_old = *it;
        }
        if (!m_new) {
            const QStringList users = referencesTo(project(), *m_old);
            if (!users.isEmpty()) {
                return refuse(m_key, QStringLiteral("cannot delete %1 %2: %3 uses it")
                                         .arg(Traits::noun(), m_key, users.join(QStringLiteral(", "))));
            }
            items.erase(items.begin() + std::ptrdiff_t(m_index));
            return base::success();
        }
        const QString newKey = Traits::keyOf(*m_new);
        if (newKey.trimmed().isEmpty())
            return refuse(m_key, QStringLiteral("a %1 needs a name").arg(Traits::noun()));
        if (newKey != m_key && find(items, newKey) != items.end())
            return refuse(newKey, QStringLiteral("there is already a %1 %2").arg(Traits::noun(), newKey));
        if (m_old) {
            items[m_index] = *m_new;
        } else {
            m_index = items.size();
            items.push_back(*m_new);
        }
        return base::success();
    }

    base::Status doUndo() override
    {
        std::vector<T> &items = Traits::list(project());
        if (!m_old)
            items.erase(items.begin() + std::ptrdiff_t(m_index));
        else if (!m_new)
            items.insert(items.begin() + std::ptrdiff_t(m_index), *m_old);
        else
            items[m_index] = *m_old;
        return base::success();
    }

private:
    static constexpr int kIdBase = 0x7e10;

    static typename std::vector<T>::iterator find(std::vector<T> &items, const QString &key)
    {
        return std::find_if(items.begin(), items.end(),
                            [&](const T &item) { return Traits::keyOf(item) == key; });
    }

    static base::Status refuse(const QString &key, const QString &message)
    {
        return base::Diagnostic::error(Traits::noun() + QLatin1Char(' ') + key, message);
    }

    QString m_key;
    std::optional<T> m_new;
    QString m_mergeKey;
    std::optional<T> m_old;
    size_t m_index = 0;
};

} // namespace portico::editing
