// A line diff: pairs the lines of two texts into rows (the same on both sides, changed, only on
// the left, only on the right), shortest edit script first (Myers). What the comparison of two
// requests aligns its panes with; knows nothing of requests.
#pragma once

#include <QStringList>

#include <vector>

namespace portico::running {

struct LineDiffRow
{
    enum Kind { Same, Changed, OnlyLeft, OnlyRight };

    Kind kind = Same;
    // Indexes into the left and right lines; -1 on the side a row does not have.
    qsizetype left = -1;
    qsizetype right = -1;
};

struct LineDiff
{
    std::vector<LineDiffRow> rows;
    // True when the texts were too long or too different for a real diff and the lines were
    // paired by position instead (see kMaxDiffedLines, kMaxEdits).
    bool byPosition = false;
};

// Above this many lines on a side, lines are paired by position: a diff of a huge body would
// freeze the window, and nobody reads such a comparison line by line anyway.
inline constexpr qsizetype kMaxDiffedLines = 5000;
// Above this many inserted plus deleted lines the search stops and lines are paired by position:
// Myers' memory grows with the square of the edits (kMaxEdits squared ints, 16 MB here).
inline constexpr qsizetype kMaxEdits = 2000;

LineDiff diffLines(const QStringList &left, const QStringList &right);

} // namespace portico::running
