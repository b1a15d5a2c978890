#include "inspectorpanel.h"

#include "comparisonview.h"
#include "timelineview.h"

#include "running/exchangeexport.h"
#include "running/exchangetablemodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace portico::widgets::inspector {

using running::ExchangeTableModel;

namespace {

// Bodies longer than this show their start and a "Show all" button: a 10 MB body in a text
// view would stall the window.
constexpr qsizetype kShownBodyBytes = 64 * 1024;

QString headersText(const http::HeaderList &headers)
{
    QString text;
    for (const auto &[name, value] : headers)
        text += QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value) + QLatin1Char('\n');
    return text;
}

QString bodyText(const QByteArray &body, bool all, bool &cut)
{
    cut = !all && body.size() > kShownBodyBytes;
    const QByteArray shown = cut ? body.left(kShownBodyBytes) : body;
    QString text = QString::fromUtf8(shown);
    if (cut)
        text += QStringLiteral("\n\n[%1 of %2 bytes shown]").arg(kShownBodyBytes).arg(body.size());
    return text;
}

QToolButton *toolButton(const QString &objectName, const QString &text, const QString &tip)
{
    auto *button = new QToolButton;
    button->setObjectName(objectName);
    button->setText(text);
    button->setToolTip(tip);
    button->setAutoRaise(true);
    return button;
}

} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_model(new ExchangeTableModel(this))
    , m_filter(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("inspector"));
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(ExchangeTableModel::SearchTextRole);
    m_filter->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("inspectorSearch"));
    m_search->setPlaceholderText(tr("Filter: path, method, status, stage, request id"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, &InspectorPanel::setFilterText);
    m_pause = toolButton(QStringLiteral("inspectorPause"), tr("Pause"), tr("Stop adding requests to the table"));
    m_pause->setCheckable(true);
    connect(m_pause, &QToolButton::toggled, this, &InspectorPanel::setPaused);
    QToolButton *clear = toolButton(QStringLiteral("inspectorClear"), tr("Clear"), tr("Forget every request"));
    connect(clear, &QToolButton::clicked, this, [this] {
        m_model->clear();
        updateCount();
        updateCompareButton();
    });
    QToolButton *replay = toolButton(QStringLiteral("inspectorReplay"), tr("Replay"), tr("Send the selected request again"));
    connect(replay, &QToolButton::clicked, this, &InspectorPanel::replaySelection);
    QToolButton *curl = toolButton(QStringLiteral("inspectorCopyCurl"), tr("Copy as curl"), tr("The selected request as a curl command"));
    connect(curl, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(curlForSelection()); });
    QToolButton *har = toolButton(QStringLiteral("inspectorExportHar"), tr("Export HAR..."),
                                  tr("The selection (or everything) as HAR 1.2, for a browser's developer tools"));
    connect(har, &QToolButton::clicked, this, &InspectorPanel::exportHarRequested);
    QToolButton *workbench = toolButton(QStringLiteral("inspectorOpenInWorkbench"), tr("Open in Workbench"),
                                        tr("The method's request template, with this request as its sample input"));
    connect(workbench, &QToolButton::clicked, this, [this] {
        const std::vector<runtime::ExchangePtr> selected = selectedExchanges();
        if (!selected.empty() && !selected.back()->resourcePath.isEmpty())
            Q_EMIT openInWorkbenchRequested(selected.back());
    });
    QToolButton *resend = toolButton(QStringLiteral("inspectorEditResend"), tr("Edit and Resend"),
                                     tr("The selected request in the composer, to change and send again"));
    connect(resend, &QToolButton::clicked, this, [this] {
        const std::vector<runtime::ExchangePtr> selected = selectedExchanges();
        if (!selected.empty() && !selected.back()->resourcePath.isEmpty())
            Q_EMIT editAndResendRequested(selected.back());
    });
    m_compare = toolButton(QStringLiteral("inspectorCompare"), tr("Compare"),
                           tr("The two selected requests side by side, with their differences"));
    m_compare->setEnabled(false);
    connect(m_compare, &QToolButton::clicked, this, &InspectorPanel::compareSelection);
    m_count = new QLabel;
    m_count->setObjectName(QStringLiteral("inspectorCount"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    for (QToolButton *button : {m_pause, clear, replay, resend, m_compare, curl, har, workbench})
        bar->addWidget(button);
    bar->addWidget(m_count);

    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("inspectorTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setColumnWidth(ExchangeTableModel::Time, 96);
    m_table->setColumnWidth(ExchangeTableModel::Method, 64);
    m_table->setColumnWidth(ExchangeTableModel::Path, 160);
    m_table->setColumnWidth(ExchangeTableModel::Status, 52);
    m_table->setColumnWidth(ExchangeTableModel::Latency, 56);
    m_table->setColumnWidth(ExchangeTableModel::Stage, 56);
    m_table->setColumnWidth(ExchangeTableModel::Resource, 130);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &InspectorPanel::showSelected);

    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const auto textView = [&mono](const QString &objectName) {
        auto *view = new QPlainTextEdit;
        view->setObjectName(objectName);
        view->setReadOnly(true);
        view->setFont(mono);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        return view;
    };
    m_timeline = new TimelineView;
    auto *timelineScroll = new QScrollArea;
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    m_log = textView(QStringLiteral("inspectorLog"));
    m_request = textView(QStringLiteral("inspectorRequest"));
    m_response = textView(QStringLiteral("inspectorResponse"));
    m_showAllButton = new QPushButton(tr("Show the whole body"));
    m_showAllButton->setObjectName(QStringLiteral("inspectorShowAll"));
    m_showAllButton->hide();
    connect(m_showAllButton, &QPushButton::clicked, this, [this] {
        m_showAll = true;
        showSelected();
    });
    auto *responsePage = new QWidget;
    auto *responseLayout = new QVBoxLayout(responsePage);
    responseLayout->setContentsMargins(0, 0, 0, 0);
    responseLayout->addWidget(m_response, 1);
    responseLayout->addWidget(m_showAllButton, 0, Qt::AlignLeft);
    m_details = new QTabWidget;
    m_details->setObjectName(QStringLiteral("inspectorDetails"));
    m_details->addTab(timelineScroll, tr("Timeline"));
    m_details->addTab(m_log, tr("Execution log"));
    m_details->addTab(m_request, tr("Request"));
    m_details->addTab(responsePage, tr("Response"));

    auto *split = new QSplitter(Qt::Horizontal);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(bar);
    layout->addWidget(split, 1);
    updateCount();
}

InspectorPanel::~InspectorPanel() = default;

void InspectorPanel::setBaseUrl(const QString &baseUrl)
{
    m_baseUrl = baseUrl;
}

void InspectorPanel::addExchanges(const std::vector<runtime::ExchangePtr> &exchanges)
{
    if (m_paused) {
        m_missedWhilePaused += exchanges.size();
        updateCount();
        return;
    }
    // Follow the newest rows only when the person is already at the bottom.
    QScrollBar *scroll = m_table->verticalScrollBar();
    const bool atBottom = scroll->value() >= scroll->maximum() - 2;
    m_model->append(exchanges);
    if (atBottom)
        m_table->scrollToBottom();
    updateCount();
}

void InspectorPanel::setPaused(bool paused)
{
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    if (!paused)
        m_missedWhilePaused = 0;
    updateCount();
}

void InspectorPanel::setFilterText(const QString &text)
{
    if (m_search->text() != text)
        m_search->setText(text);
    m_filter->setFilterFixedString(text);
    updateCount();
}

void InspectorPanel::updateCount()
{
    QString text = tr("%1 requests").arg(m_model->rowCount());
    if (m_filter->rowCount() != m_model->rowCount())
        text = tr("%1 of %2 requests").arg(m_filter->rowCount()).arg(m_model->rowCount());
    if (m_paused)
        text += tr(", paused (%1 not shown)").arg(m_missedWhilePaused);
    m_count->setText(text);
}

std::vector<runtime::ExchangePtr> InspectorPanel::selectedExchanges() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows << m_filter->mapToSource(index).row();
    return m_model->exchanges(rows);
}

bool InspectorPanel::selectRow(int sourceRow)
{
    const QModelIndex index = m_filter->mapFromSource(m_model->index(sourceRow, 0));
    if (!index.isValid())
        return false;
    m_table->selectionModel()->select(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->setCurrentIndex(index);
    return true;
}

void InspectorPanel::updateCompareButton()
{
    m_compare->setEnabled(m_table->selectionModel()->selectedRows().size() == 2 && selectedExchanges().size() == 2);
}

QDialog *InspectorPanel::compareSelection()
{
    const std::vector<runtime::ExchangePtr> selected = selectedExchanges();
    if (selected.size() != 2 || m_table->selectionModel()->selectedRows().size() != 2)
        return nullptr;
    auto *view = new ComparisonView(selected[0], selected[1], this);
    view->setAttribute(Qt::WA_DeleteOnClose);
    view->show();
    return view;
}

void InspectorPanel::showSelected()
{
    updateCompareButton();
    const std::vector<runtime::ExchangePtr> selected = selectedExchanges();
    const runtime::ExchangePtr exchange = selected.empty() ? nullptr : selected.back();
    // "Show the whole body" is for the request it was pressed on.
    if (exchange != m_shown)
        m_showAll = false;
    m_shown = exchange;
    m_timeline->setExchange(exchange);
    if (!exchange) {
        const bool summaryOnly = !m_table->selectionModel()->selectedRows().isEmpty();
        const QString text = summaryOnly ? tr("Only a summary of this request is kept (older than the last %1).").arg(m_model->fullLimit())
                                         : QString();
        m_log->setPlainText(text);
        m_request->setPlainText(text);
        m_response->setPlainText(text);
        m_showAllButton->hide();
        return;
    }
    m_log->setPlainText(exchange->executionLog());
    bool cut = false;
    const http::Request &request = exchange->request;
    m_request->setPlainText(QString::fromLatin1(request.method) + QLatin1Char(' ') + QString::fromUtf8(request.target)
                            + QStringLiteral(" HTTP/1.%1\n").arg(request.versionMinor) + headersText(request.headers)
                            + QLatin1Char('\n') + bodyText(request.body, true, cut));
    const http::Response &response = exchange->response;
    m_response->setPlainText(QStringLiteral("HTTP/1.1 %1 %2\n").arg(response.status).arg(QString::fromLatin1(http::Response::reasonPhrase(response.status)))
                             + headersText(response.headers) + QLatin1Char('\n') + bodyText(response.body, m_showAll, cut));
    m_showAllButton->setVisible(cut);
}

QString InspectorPanel::curlForSelection() const
{
    const std::vector<runtime::ExchangePtr> selected = selectedExchanges();
    QStringList commands;
    for (const runtime::ExchangePtr &exchange : selected)
        commands << running::curlCommand(*exchange, m_baseUrl);
    return commands.join(QLatin1Char('\n'));
}

QByteArray InspectorPanel::harForSelection() const
{
    std::vector<runtime::ExchangePtr> exchanges = selectedExchanges();
    if (exchanges.empty())
        exchanges = m_model->allExchanges();
    return running::harLog(exchanges, m_baseUrl);
}

void InspectorPanel::replaySelection()
{
    if (m_baseUrl.isEmpty())
        return;
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    for (const runtime::ExchangePtr &exchange : selectedExchanges()) {
        QNetworkRequest request(QUrl(m_baseUrl + QString::fromUtf8(exchange->request.target)));
        for (const auto &[name, value] : exchange->request.headers) {
            const QByteArray lower = name.toLower();
            if (lower != "host" && lower != "content-length" && lower != "connection")
                request.setRawHeader(name, value);
        }
        QNetworkReply *reply = m_network->sendCustomRequest(request, exchange->request.method, exchange->request.body);
        // The answer arrives in the table like any other request's; the reply itself is not needed.
        connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    }
}

} // namespace portico::widgets::inspector
