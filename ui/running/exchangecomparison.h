// Two requests through the runtime side by side: each exchange as sections of text (summary,
// request, response, execution log) written so that two runs of the same request read alike,
// and the two texts of each section aligned into rows by a line diff. What the Inspector's
// Compare window shows; no widgets.
//
// Some lines differ on every request whatever the API does: the request id and its derived
// headers (x-amzn-RequestId, x-amz-apigw-id, X-Amzn-Trace-Id), Date, the start time, latencies.
// They are shown as they are but compared through a key with the changing part masked, so they
// come out as "expected to differ" rows, not counted among the differences. The execution log
// goes further: its timestamps are dropped and its ids replaced by placeholders, as a person
// comparing two logs would do by eye.
#pragma once

#include "runtime/exchange.h"

#include <QString>

#include <vector>

namespace portico::running {

struct ComparableLine
{
    // What is shown.
    QString text;
    // What is compared: the text with whatever changes on every request masked.
    QString key;
};

struct ComparableSection
{
    QString title;
    std::vector<ComparableLine> lines;
};

// The sections in the order the Compare window shows them: Summary, Request, Response,
// Execution log.
std::vector<ComparableSection> comparableText(const runtime::Exchange &exchange);

struct ComparedRow
{
    enum Kind { Same, ExpectedToDiffer, Changed, OnlyLeft, OnlyRight };

    Kind kind = Same;
    QString left;
    QString right;

    bool isDifference() const { return kind == Changed || kind == OnlyLeft || kind == OnlyRight; }
};

struct SectionComparison
{
    QString title;
    std::vector<ComparedRow> rows;
    // Where each difference starts: runs of consecutive differing rows count as one.
    std::vector<qsizetype> differences;
    // The section was too long to diff and its lines were paired by position.
    bool byPosition = false;
};

// `older` on the left, `newer` on the right, one entry per section of comparableText().
std::vector<SectionComparison> compareExchanges(const runtime::Exchange &older,
                                                const runtime::Exchange &newer);

} // namespace portico::running
