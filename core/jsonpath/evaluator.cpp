#include "evaluator.h"

#include "members.h"
#include "predicate.h"

#include <algorithm>

namespace portico::jsonpath {

using ast::Chain;
using ast::Segment;
using ast::SegmentKind;
using simdjson::dom::element;

Evaluator::Evaluator(element root)
    : m_root(root)
{
}

Matches Evaluator::evaluate(const Chain &chain, element start)
{
    if (chain.simple) {
        // The common $.a.b[0]: no list, no recursion.
        m_budget.spend(static_cast<qint64>(chain.segments.size()) + 1);
        if (const std::optional<element> value = resolve(chain, start))
            return Matches(true, {Match(*value)});
        return Matches::notFound(true);
    }
    std::vector<Match> out;
    switch (emit(chain, 0, start, out)) {
    case Outcome::Continue:
        break;
    case Outcome::NotFound:
    case Outcome::Stop:
        return Matches::notFound(chain.definite);
    }
    return Matches(chain.definite, std::move(out));
}

std::optional<element> Evaluator::resolve(const Chain &chain, element start)
{
    element node = start;
    for (const Segment &segment : chain.segments) {
        if (segment.kind == SegmentKind::Property) {
            if (!node.is_object())
                return std::nullopt;
            const std::optional<element> value
                = ObjectMembers::find(node.get_object().value_unsafe(), segment.names.front());
            if (!value)
                return std::nullopt;
            node = *value;
        } else {
            if (!node.is_array())
                return std::nullopt;
            const simdjson::dom::array array = node.get_array().value_unsafe();
            const auto length = static_cast<qint64>(array.size());
            const qint64 index = segment.indexes.front();
            const qint64 effective = index < 0 ? length + index : index;
            if (effective < 0 || effective >= length)
                return std::nullopt;
            node = array.at(static_cast<std::size_t>(effective)).value_unsafe();
        }
    }
    return node;
}

Evaluator::Outcome Evaluator::emit(const Chain &chain, std::size_t next, element node,
                                   std::vector<Match> &out)
{
    if (next < chain.segments.size())
        return step(chain, next, node, out);
    return collect(Match(node), out);
}

Evaluator::Outcome Evaluator::collect(Match match, std::vector<Match> &out)
{
    if (static_cast<qsizetype>(out.size()) >= base::limits::kJsonPathMaxMatches) {
        return stop(QStringLiteral("JSONPath evaluation stopped: more than %1 matches")
                        .arg(base::limits::kJsonPathMaxMatches));
    }
    out.push_back(std::move(match));
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::step(const Chain &chain, std::size_t index, element node,
                                   std::vector<Match> &out)
{
    if (!m_budget.spend())
        return stop({});
    switch (chain.segments[index].kind) {
    case SegmentKind::Property:
        return property(chain, index, node, out);
    case SegmentKind::Wildcard:
        return wildcard(chain, index, node, out);
    case SegmentKind::Index:
        return indexes(chain, index, node, out);
    case SegmentKind::Slice:
        return slice(chain, index, node, out);
    case SegmentKind::Filter:
        return filter(chain, index, node, out);
    case SegmentKind::Scan:
        return scan(chain, index, node, out);
    }
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::property(const Chain &chain, std::size_t index, element node,
                                       std::vector<Match> &out)
{
    const Segment &segment = chain.segments[index];
    if (!node.is_object())
        return segment.upstreamDefinite ? Outcome::NotFound : Outcome::Continue;
    const simdjson::dom::object object = node.get_object().value_unsafe();

    if (segment.names.size() == 1) {
        const std::optional<element> value = ObjectMembers::find(object, segment.names.front());
        if (!value) {
            // A missing last name just adds nothing; a missing name in the middle of a definite
            // path is "not found" for the whole path.
            return !segment.leaf && segment.upstreamDefinite ? Outcome::NotFound
                                                             : Outcome::Continue;
        }
        return emit(chain, index + 1, *value, out);
    }

    if (segment.leaf) {
        // Jayway merges the names present into one new object, keys in the path's order.
        std::vector<Member> merged;
        for (const std::string &name : segment.names) {
            const std::optional<Member> member = ObjectMembers::findMember(object, name);
            if (!member)
                continue;
            const auto existing = std::find_if(merged.begin(), merged.end(),
                                               [&](const Member &m) { return m.key == name; });
            if (existing == merged.end())
                merged.push_back(*member);
        }
        return collect(Match(std::move(merged)), out);
    }

    for (const std::string &name : segment.names) {
        if (const std::optional<element> value = ObjectMembers::find(object, name)) {
            if (const Outcome o = emit(chain, index + 1, *value, out); o != Outcome::Continue)
                return o;
        }
    }
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::wildcard(const Chain &chain, std::size_t index, element node,
                                       std::vector<Match> &out)
{
    Outcome outcome = Outcome::Continue;
    if (node.is_object()) {
        ObjectMembers::forEach(node.get_object().value_unsafe(),
                               [&](std::string_view, element value) {
                                   outcome = emit(chain, index + 1, value, out);
                                   return outcome == Outcome::Continue;
                               });
    } else if (node.is_array()) {
        for (const simdjson::dom::array items = node.get_array().value_unsafe();
             const element item : items) {
            outcome = emit(chain, index + 1, item, out);
            if (outcome != Outcome::Continue)
                break;
        }
    }
    // Older Jayway skips a wildcard over a scalar; 2.9 throws when more segments follow. We skip.
    return outcome;
}

Evaluator::Outcome Evaluator::indexes(const Chain &chain, std::size_t index, element node,
                                      std::vector<Match> &out)
{
    const Segment &segment = chain.segments[index];
    if (!node.is_array())
        return segment.upstreamDefinite ? Outcome::NotFound : Outcome::Continue;
    const simdjson::dom::array array = node.get_array().value_unsafe();
    const auto length = static_cast<qint64>(array.size());
    for (const int i : segment.indexes) {
        const qint64 effective = i < 0 ? length + i : i;
        if (effective < 0 || effective >= length)
            continue; // Jayway swallows the IndexOutOfBoundsException
        const element item = array.at(static_cast<std::size_t>(effective)).value_unsafe();
        if (const Outcome o = emit(chain, index + 1, item, out); o != Outcome::Continue)
            return o;
    }
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::slice(const Chain &chain, std::size_t index, element node,
                                    std::vector<Match> &out)
{
    const Segment &segment = chain.segments[index];
    if (!node.is_array())
        return segment.upstreamDefinite ? Outcome::NotFound : Outcome::Continue;
    const simdjson::dom::array array = node.get_array().value_unsafe();
    const auto length = static_cast<qint64>(array.size());
    if (length == 0)
        return Outcome::Continue;
    const std::size_t next = index + 1;

    // Jayway's three cases, quirks included: only [from:] and [:to] count a negative bound from
    // the end; [from:to] walks from..to and maps each negative index on its own, so [-1:2] of
    // [a,b,c] is c,a,b and [1:-1] is empty.
    if (segment.from && !segment.to) {
        qint64 from = *segment.from;
        if (from < 0)
            from += length;
        return emitRange(chain, next, array, std::max<qint64>(0, from), length, out);
    }
    if (!segment.from) {
        qint64 to = *segment.to;
        if (to < 0)
            to += length;
        return emitRange(chain, next, array, 0, std::min(length, to), out);
    }
    const qint64 from = *segment.from;
    const qint64 to = std::min<qint64>(length, *segment.to);
    if (from >= to)
        return Outcome::Continue;
    // Negative indexes first (each mapped to length + i), then the non-negative ones.
    const qint64 negativeBegin = std::max(from, -length);
    const qint64 negativeEnd = std::min<qint64>(to, 0);
    if (negativeBegin < negativeEnd) {
        const Outcome o
            = emitRange(chain, next, array, length + negativeBegin, length + negativeEnd, out);
        if (o != Outcome::Continue)
            return o;
    }
    return emitRange(chain, next, array, std::max<qint64>(from, 0), to, out);
}

Evaluator::Outcome Evaluator::emitRange(const Chain &chain, std::size_t next,
                                        simdjson::dom::array array, qint64 begin, qint64 end,
                                        std::vector<Match> &out)
{
    qint64 position = 0;
    for (const element item : array) {
        if (position >= end)
            break;
        if (position >= begin) {
            if (const Outcome o = emit(chain, next, item, out); o != Outcome::Continue)
                return o;
        }
        ++position;
    }
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::filter(const Chain &chain, std::size_t index, element node,
                                     std::vector<Match> &out)
{
    const Segment &segment = chain.segments[index];
    if (node.is_object()) {
        // Jayway tests an object itself against the filter.
        const std::optional<bool> keep = accept(*segment.filter, node);
        if (!keep)
            return Outcome::Stop;
        return *keep ? emit(chain, index + 1, node, out) : Outcome::Continue;
    }
    if (!node.is_array()) {
        // Jayway throws InvalidPathException ("can not be applied to primitives") when every
        // earlier segment was definite; API Gateway then finds nothing.
        return segment.upstreamDefinite ? Outcome::NotFound : Outcome::Continue;
    }
    for (const simdjson::dom::array items = node.get_array().value_unsafe();
         const element item : items) {
        const std::optional<bool> keep = accept(*segment.filter, item);
        if (!keep)
            return Outcome::Stop;
        if (*keep) {
            if (const Outcome o = emit(chain, index + 1, item, out); o != Outcome::Continue)
                return o;
        }
    }
    return Outcome::Continue;
}

Evaluator::Outcome Evaluator::scan(const Chain &chain, std::size_t index, element node,
                                   std::vector<Match> &out)
{
    // The parser never ends a chain with "..": the scan applies the segment after it.
    const std::size_t targetIndex = index + 1;
    const Segment &target = chain.segments[targetIndex];

    // Pre-order over every object and array, with an explicit stack so a deeply nested payload
    // cannot exhaust the call stack.
    std::vector<element> pending {node};
    while (!pending.empty()) {
        const element current = pending.back();
        pending.pop_back();
        if (!m_budget.spend())
            return stop({});
        const bool isObject = current.is_object();
        if (!isObject && !current.is_array())
            continue;

        const std::optional<bool> selected = scanSelects(target, current);
        if (!selected)
            return Outcome::Stop;
        if (*selected) {
            Outcome outcome = Outcome::Continue;
            if (isObject || target.leaf) {
                outcome = step(chain, targetIndex, current, out);
            } else {
                // Jayway's walkArray: before a non-final segment, an array that passes the scan
                // predicate hands each of its items to the segment after the target, skipping
                // the target itself (so $..[0].name yields the name of every item).
                for (const simdjson::dom::array items = current.get_array().value_unsafe();
                     const element item : items) {
                    outcome = emit(chain, targetIndex + 1, item, out);
                    if (outcome != Outcome::Continue)
                        break;
                }
            }
            if (outcome != Outcome::Continue)
                return outcome;
        }

        const std::size_t mark = pending.size();
        if (isObject) {
            ObjectMembers::forEach(current.get_object().value_unsafe(),
                                   [&](std::string_view, element value) {
                                       if (value.is_object() || value.is_array())
                                           pending.push_back(value);
                                       return true;
                                   });
        } else {
            for (const simdjson::dom::array items = current.get_array().value_unsafe();
                 const element item : items) {
                if (item.is_object() || item.is_array())
                    pending.push_back(item);
            }
        }
        std::reverse(pending.begin() + static_cast<std::ptrdiff_t>(mark), pending.end());
    }
    return Outcome::Continue;
}

std::optional<bool> Evaluator::scanSelects(const Segment &target, element node)
{
    switch (target.kind) {
    case SegmentKind::Property:
        if (!node.is_object())
            return false;
        if (!target.definite)
            return true;
        // A name (or all the names of a final multi-name bracket) must be present.
        return std::all_of(target.names.begin(), target.names.end(), [&](const std::string &n) {
            return ObjectMembers::contains(node.get_object().value_unsafe(), n);
        });
    case SegmentKind::Index:
    case SegmentKind::Slice:
        return node.is_array();
    case SegmentKind::Wildcard:
        return true;
    case SegmentKind::Filter:
        return accept(*target.filter, node);
    case SegmentKind::Scan:
        break;
    }
    return false;
}

std::optional<bool> Evaluator::accept(const ast::Expression &filter, element item)
{
    Predicate predicate(*this);
    const std::optional<bool> result = predicate.test(filter, item);
    if (!result && !stopped())
        stop({});
    return result;
}

Evaluator::Outcome Evaluator::stop(const QString &reason)
{
    if (m_stopReason.isEmpty()) {
        m_stopReason = !reason.isEmpty()
            ? reason
            : QStringLiteral("JSONPath evaluation stopped after %1 steps")
                  .arg(base::limits::kJsonPathMaxSteps);
    }
    return Outcome::Stop;
}

} // namespace portico::jsonpath
