#include "linediff.h"

#include <QHash>

#include <algorithm>

namespace portico::running {

namespace {

enum class Edit { Keep, Delete, Insert };

struct Step
{
    Edit edit;
    qsizetype left;
    qsizetype right;
};

// Each distinct line as a number, so that the search compares ints, not strings.
void numberLines(const QStringList &left, const QStringList &right, std::vector<int> &a,
                 std::vector<int> &b)
{
    QHash<QString, int> numbers;
    const auto number = [&numbers](const QString &line) {
        const auto found = numbers.constFind(line);
        return found != numbers.cend() ? *found : *numbers.insert(line, int(numbers.size()));
    };
    a.reserve(size_t(left.size()));
    b.reserve(size_t(right.size()));
    for (const QString &line : left)
        a.push_back(number(line));
    for (const QString &line : right)
        b.push_back(number(line));
}

// Myers' greedy search for the shortest edit script between a[from, aEnd) and b[from, bEnd),
// then the walk back through the saved frontiers. Returns false, with nothing added, when the
// script would take more than kMaxEdits.
bool myers(const std::vector<int> &a, const std::vector<int> &b, qsizetype aFrom, qsizetype aEnd,
           qsizetype bFrom, qsizetype bEnd, std::vector<Step> &steps)
{
    const qsizetype n = aEnd - aFrom;
    const qsizetype m = bEnd - bFrom;
    const qsizetype max = n + m;
    // frontier[k + max + 1]: the furthest x reached on diagonal k (x - y == k). An int is
    // enough below kMaxDiffedLines and halves the history.
    std::vector<int> frontier(size_t(2 * max + 3), 0);
    const auto at
        = [&frontier, max](qsizetype k) -> int & { return frontier[size_t(k + max + 1)]; };
    // history[d]: the frontier before round d, diagonals -d-1 to d+1, what the walk back needs.
    std::vector<std::vector<int>> history;
    qsizetype rounds = -1;
    for (qsizetype d = 0; d <= max && rounds < 0; ++d) {
        if (d > kMaxEdits)
            return false;
        history.emplace_back(frontier.begin() + (max - d), frontier.begin() + (max + d + 3));
        for (qsizetype k = -d; k <= d; k += 2) {
            qsizetype x
                = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            qsizetype y = x - k;
            while (x < n && y < m && a[size_t(aFrom + x)] == b[size_t(bFrom + y)]) {
                ++x;
                ++y;
            }
            at(k) = int(x);
            if (x >= n && y >= m) {
                rounds = d;
                break;
            }
        }
    }

    std::vector<Step> backwards;
    qsizetype x = n;
    qsizetype y = m;
    for (qsizetype d = rounds; d >= 0; --d) {
        const std::vector<int> &before = history[size_t(d)];
        const auto was = [&before, d](qsizetype k) { return qsizetype(before[size_t(k + d + 1)]); };
        const qsizetype k = x - y;
        const qsizetype previousK
            = (k == -d || (k != d && was(k - 1) < was(k + 1))) ? k + 1 : k - 1;
        const qsizetype previousX = d == 0 ? 0 : was(previousK);
        const qsizetype previousY = d == 0 ? 0 : previousX - previousK;
        while (x > previousX && y > previousY) {
            --x;
            --y;
            backwards.push_back({Edit::Keep, aFrom + x, bFrom + y});
        }
        if (d > 0) {
            if (x == previousX)
                backwards.push_back({Edit::Insert, -1, bFrom + previousY});
            else
                backwards.push_back({Edit::Delete, aFrom + previousX, -1});
        }
        x = previousX;
        y = previousY;
    }
    steps.insert(steps.end(), backwards.rbegin(), backwards.rend());
    return true;
}

void pairByPosition(const std::vector<int> &a, const std::vector<int> &b, qsizetype aFrom,
                    qsizetype aEnd, qsizetype bFrom, qsizetype bEnd, std::vector<LineDiffRow> &rows)
{
    for (qsizetype i = 0; aFrom + i < aEnd || bFrom + i < bEnd; ++i) {
        const qsizetype l = aFrom + i < aEnd ? aFrom + i : -1;
        const qsizetype r = bFrom + i < bEnd ? bFrom + i : -1;
        LineDiffRow::Kind kind = LineDiffRow::Changed;
        if (r < 0)
            kind = LineDiffRow::OnlyLeft;
        else if (l < 0)
            kind = LineDiffRow::OnlyRight;
        else if (a[size_t(l)] == b[size_t(r)])
            kind = LineDiffRow::Same;
        rows.push_back({kind, l, r});
    }
}

// Deleted and inserted lines between two kept ones face each other as changed lines; what is
// left over stands alone.
void appendBlock(std::vector<qsizetype> &deleted, std::vector<qsizetype> &inserted,
                 std::vector<LineDiffRow> &rows)
{
    const size_t paired = std::min(deleted.size(), inserted.size());
    for (size_t i = 0; i < paired; ++i)
        rows.push_back({LineDiffRow::Changed, deleted[i], inserted[i]});
    for (size_t i = paired; i < deleted.size(); ++i)
        rows.push_back({LineDiffRow::OnlyLeft, deleted[i], -1});
    for (size_t i = paired; i < inserted.size(); ++i)
        rows.push_back({LineDiffRow::OnlyRight, -1, inserted[i]});
    deleted.clear();
    inserted.clear();
}

void appendSteps(const std::vector<Step> &steps, std::vector<LineDiffRow> &rows)
{
    std::vector<qsizetype> deleted;
    std::vector<qsizetype> inserted;
    for (const Step &step : steps) {
        switch (step.edit) {
        case Edit::Delete:
            deleted.push_back(step.left);
            break;
        case Edit::Insert:
            inserted.push_back(step.right);
            break;
        case Edit::Keep:
            appendBlock(deleted, inserted, rows);
            rows.push_back({LineDiffRow::Same, step.left, step.right});
            break;
        }
    }
    appendBlock(deleted, inserted, rows);
}

} // namespace

LineDiff diffLines(const QStringList &left, const QStringList &right)
{
    std::vector<int> a;
    std::vector<int> b;
    numberLines(left, right, a, b);
    const qsizetype n = left.size();
    const qsizetype m = right.size();
    LineDiff diff;
    if (n > kMaxDiffedLines || m > kMaxDiffedLines) {
        diff.byPosition = true;
        pairByPosition(a, b, 0, n, 0, m, diff.rows);
        return diff;
    }

    // The common start and end cost nothing and usually are most of two similar requests.
    qsizetype prefix = 0;
    while (prefix < n && prefix < m && a[size_t(prefix)] == b[size_t(prefix)])
        ++prefix;
    qsizetype suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix
           && a[size_t(n - 1 - suffix)] == b[size_t(m - 1 - suffix)])
        ++suffix;

    for (qsizetype i = 0; i < prefix; ++i)
        diff.rows.push_back({LineDiffRow::Same, i, i});
    std::vector<Step> steps;
    if (myers(a, b, prefix, n - suffix, prefix, m - suffix, steps)) {
        appendSteps(steps, diff.rows);
    } else {
        diff.byPosition = true;
        pairByPosition(a, b, prefix, n - suffix, prefix, m - suffix, diff.rows);
    }
    for (qsizetype i = suffix; i > 0; --i)
        diff.rows.push_back({LineDiffRow::Same, n - i, m - i});
    return diff;
}

} // namespace portico::running
