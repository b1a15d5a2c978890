// The composer's answer: the status (coloured by class), how long it took, whether it went in
// process or over HTTP and whether the expectations held; then the body as people read it (by
// content type), the headers, the steps with their times (the inspector's waterfall and a table),
// the execution log, and each expectation check with what differed.
#pragma once

#include "running/requestsender.h"

#include <QStringList>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTreeWidget;

namespace portico::widgets::inspector {
class TimelineView;
}

namespace portico::widgets::composer {

class ResponseView : public QWidget
{
    Q_OBJECT

public:
    explicit ResponseView(QWidget *parent = nullptr);

    // `failures` are the expectation checks that failed ("status: expected 200, got 404");
    // `checked` says whether the request had expectations at all.
    void showResult(const running::SentRequest &sent, bool checked, const QStringList &failures);
    void showSending(const QString &what);
    void clear();

    QLabel *statusLabel() const { return m_status; }
    QLabel *checksLabel() const { return m_checks; }
    QPlainTextEdit *bodyView() const { return m_body; }
    QTreeWidget *headersView() const { return m_headers; }
    QTreeWidget *stepsView() const { return m_steps; }
    inspector::TimelineView *timeline() const { return m_timeline; }
    QPlainTextEdit *logView() const { return m_log; }
    QTreeWidget *checksView() const { return m_checkList; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    QLabel *m_status;
    QLabel *m_time;
    QLabel *m_checks;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_body;
    QTreeWidget *m_headers;
    inspector::TimelineView *m_timeline;
    QTreeWidget *m_steps;
    QPlainTextEdit *m_log;
    QTreeWidget *m_checkList;
};

} // namespace portico::widgets::composer
