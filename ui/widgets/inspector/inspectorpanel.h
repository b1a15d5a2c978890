// The Inspector dock: every request through the embedded runtime (from curl, a browser, the
// person's app or the composer) in a live table, filtered by what is typed, pausable and
// clearable; the selected request's steps as a timeline, its execution log in the console's
// test-invoke format, the request and the response in full (long bodies cut, with a way to see
// all). Replay, copy as curl and HAR export work on the selection; two selected requests can be
// compared side by side.
#pragma once

#include "runtime/tracebus.h"

#include <QWidget>

class QAction;
class QDialog;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTableView;
class QTabWidget;
class QToolButton;

namespace portico::running {
class ExchangeTableModel;
}

namespace portico::widgets::inspector {

class TimelineView;

class InspectorPanel : public QWidget
{
    Q_OBJECT

public:
    explicit InspectorPanel(QWidget *parent = nullptr);
    ~InspectorPanel() override;

    running::ExchangeTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    TimelineView *timeline() const { return m_timeline; }
    QPlainTextEdit *logView() const { return m_log; }
    QPlainTextEdit *requestView() const { return m_request; }
    QPlainTextEdit *responseView() const { return m_response; }

    // Where replays go and what HAR and curl name: the runtime's base URL (empty: stopped).
    void setBaseUrl(const QString &baseUrl);
    void addExchanges(const std::vector<runtime::ExchangePtr> &exchanges);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setFilterText(const QString &text);
    // The selected rows' exchanges that are still kept whole, oldest first.
    std::vector<runtime::ExchangePtr> selectedExchanges() const;
    bool selectRow(int sourceRow);

    QString curlForSelection() const;
    // HAR of the selection, or of everything kept when nothing is selected.
    QByteArray harForSelection() const;
    // Sends the selected request again, as it was, over HTTP to the runtime.
    void replaySelection();
    // Opens the Compare window on the two selected requests (older on the left); nullptr unless
    // exactly two rows are selected and both are still kept whole.
    QDialog *compareSelection();

Q_SIGNALS:
    // The person asked to save HAR; the window asks where.
    void exportHarRequested();
    // "Open in Workbench": the request's template, with this request as its sample input.
    void openInWorkbenchRequested(const runtime::ExchangePtr &exchange);
    // "Edit and Resend": the request in the composer.
    void editAndResendRequested(const runtime::ExchangePtr &exchange);

private:
    void showSelected();
    void updateCount();
    void updateCompareButton();

    running::ExchangeTableModel *m_model;
    QSortFilterProxyModel *m_filter;
    QNetworkAccessManager *m_network = nullptr;
    QString m_baseUrl;
    bool m_paused = false;
    quint64 m_missedWhilePaused = 0;
    bool m_showAll = false;
    runtime::ExchangePtr m_shown;

    QLineEdit *m_search;
    QToolButton *m_pause;
    QToolButton *m_compare;
    QLabel *m_count;
    QTableView *m_table;
    QTabWidget *m_details;
    TimelineView *m_timeline;
    QPlainTextEdit *m_log;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QPushButton *m_showAllButton;
};

} // namespace portico::widgets::inspector
