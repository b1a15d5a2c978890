// One section of a comparison (the response, say) as two read-only panes that scroll together:
// the older request's lines on the left, the newer's on the right, aligned row for row (a line
// one side lacks is a hatched gap on the other), differing lines tinted, and a current
// difference to step through.
#pragma once

#include "running/exchangecomparison.h"

#include <QTextEdit>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace portico::widgets::inspector {

class SideBySideView : public QWidget
{
    Q_OBJECT

public:
    SideBySideView(running::SectionComparison comparison, const QString &leftTitle,
                   const QString &rightTitle, QWidget *parent = nullptr);

    QPlainTextEdit *leftPane() const { return m_left; }
    QPlainTextEdit *rightPane() const { return m_right; }
    const running::SectionComparison &comparison() const { return m_comparison; }
    qsizetype differenceCount() const { return qsizetype(m_comparison.differences.size()); }
    // -1 until the person steps to one.
    qsizetype currentDifference() const { return m_current; }
    bool hasNext() const { return m_current + 1 < differenceCount(); }
    bool hasPrevious() const { return m_current > 0; }
    void goToDifference(qsizetype index);

Q_SIGNALS:
    void currentDifferenceChanged(qsizetype index);

private:
    void fillPanes();
    void highlight();

    running::SectionComparison m_comparison;
    qsizetype m_current = -1;
    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QList<QTextEdit::ExtraSelection> m_leftTints;
    QList<QTextEdit::ExtraSelection> m_rightTints;
};

} // namespace portico::widgets::inspector
