// The Inspector's Compare window: two requests side by side, older on the left, one tab per
// section (Summary, Request, Response, Execution log) titled with its count of differences, and
// buttons to step from one difference to the next. Non-modal; it deletes itself when closed.
#pragma once

#include "runtime/tracebus.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;

namespace portico::widgets::inspector {

class SideBySideView;

class ComparisonView : public QDialog
{
    Q_OBJECT

public:
    ComparisonView(const runtime::ExchangePtr &older, const runtime::ExchangePtr &newer,
                   QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    SideBySideView *section(int tab) const;
    // Step through the differences of the tab shown.
    void nextDifference();
    void previousDifference();

private:
    SideBySideView *shownSection() const;
    void updateButtons();

    QTabWidget *m_tabs;
    QPushButton *m_previous;
    QPushButton *m_next;
    QLabel *m_position;
};

} // namespace portico::widgets::inspector
