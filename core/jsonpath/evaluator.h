// Runs a compiled path over a simdjson document with Jayway JsonPath's semantics: results are
// handles into the document, in document order; a missing value where every earlier segment was
// definite makes the whole path "not found", as Jayway's PathNotFoundException does. One
// Evaluator serves one evaluation (its budget and the filters' sub-paths), on one thread.
#pragma once

#include "ast.h"
#include "budget.h"
#include "matches.h"

#include <simdjson.h>

#include <QString>

#include <optional>
#include <vector>

namespace portico::jsonpath {

class Evaluator
{
public:
    explicit Evaluator(simdjson::dom::element root);

    // `start` is the document for a '$' path and the item under test for a filter's '@' path.
    // After a result, check stopped(): a stopped evaluation's result means nothing.
    Matches evaluate(const ast::Chain &chain, simdjson::dom::element start);
    // For a chain of single names and indexes (ast::Chain::simple): the value, without a list.
    static std::optional<simdjson::dom::element> resolve(const ast::Chain &chain,
                                                         simdjson::dom::element start);

    simdjson::dom::element root() const { return m_root; }
    Budget &budget() { return m_budget; }
    bool stopped() const { return !m_stopReason.isEmpty(); }
    QString stopReason() const { return m_stopReason; }

private:
    enum class Outcome { Continue, NotFound, Stop };

    Outcome step(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                 std::vector<Match> &out);
    // Passes `node` on to segment `next`, or collects it when the chain ends there.
    Outcome emit(const ast::Chain &chain, std::size_t next, simdjson::dom::element node,
                 std::vector<Match> &out);
    // Adds a result, unless the list already holds kJsonPathMaxMatches.
    Outcome collect(Match match, std::vector<Match> &out);
    Outcome property(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                     std::vector<Match> &out);
    Outcome wildcard(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                     std::vector<Match> &out);
    Outcome indexes(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                    std::vector<Match> &out);
    Outcome slice(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                  std::vector<Match> &out);
    Outcome filter(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                   std::vector<Match> &out);
    Outcome scan(const ast::Chain &chain, std::size_t index, simdjson::dom::element node,
                 std::vector<Match> &out);
    // Emits array elements [begin, end) in order, walking the array once.
    Outcome emitRange(const ast::Chain &chain, std::size_t next, simdjson::dom::array array,
                      qint64 begin, qint64 end, std::vector<Match> &out);
    // Whether a deep scan applies `target` at `node` (Jayway's scan predicates).
    std::optional<bool> scanSelects(const ast::Segment &target, simdjson::dom::element node);
    std::optional<bool> accept(const ast::Expression &filter, simdjson::dom::element item);
    Outcome stop(const QString &reason);

    simdjson::dom::element m_root;
    Budget m_budget;
    QString m_stopReason;
};

} // namespace portico::jsonpath
