#include "responseview.h"

#include "running/bodyformat.h"
#include "widgets/inspector/timelineview.h"
#include "widgets/methodexecution/formfields.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::widgets::composer {

namespace {

QString milliseconds(qint64 us)
{
    // In process most steps take microseconds: "0.00 ms" would hide them.
    if (us < 1000)
        return QStringLiteral("%1 µs").arg(us);
    return QLocale::c().toString(double(us) / 1000.0, 'f', us < 10000 ? 2 : 1) + QStringLiteral(" ms");
}

QColor statusColor(int status, const QPalette &palette)
{
    if (status >= 500)
        return methodexecution::problemColor(palette);
    if (status >= 400)
        return QColor(0xd0, 0x80, 0x10);
    if (status >= 300)
        return QColor(0x30, 0x80, 0xd0);
    return QColor(0x2a, 0x9d, 0x4a);
}

QTreeWidget *table(const QString &objectName, const QStringList &columns)
{
    auto *tree = new QTreeWidget;
    tree->setObjectName(objectName);
    tree->setHeaderLabels(columns);
    tree->setRootIsDecorated(false);
    tree->setAlternatingRowColors(true);
    tree->setUniformRowHeights(true);
    tree->header()->setStretchLastSection(true);
    return tree;
}

QPlainTextEdit *textView(const QString &objectName)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setReadOnly(true);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

} // namespace

ResponseView::ResponseView(QWidget *parent)
    : QWidget(parent)
{
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("composerStatus"));
    QFont big = m_status->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.25);
    m_status->setFont(big);
    m_time = new QLabel;
    m_time->setObjectName(QStringLiteral("composerTime"));
    m_checks = new QLabel;
    m_checks->setObjectName(QStringLiteral("composerChecks"));
    auto *summary = new QHBoxLayout;
    summary->addWidget(m_status);
    summary->addWidget(m_time);
    summary->addStretch(1);
    summary->addWidget(m_checks);

    m_tabs = new QTabWidget;
    m_tabs->setObjectName(QStringLiteral("composerResponseTabs"));
    m_tabs->setDocumentMode(true);
    m_body = textView(QStringLiteral("composerResponseBody"));
    m_headers = table(QStringLiteral("composerResponseHeaders"), {tr("Header"), tr("Value")});
    m_timeline = new inspector::TimelineView;
    m_timeline->setObjectName(QStringLiteral("composerTimeline"));
    m_steps = table(QStringLiteral("composerSteps"), {tr("Step"), tr("At"), tr("Took")});
    auto *steps = new QSplitter(Qt::Vertical);
    steps->addWidget(m_timeline);
    steps->addWidget(m_steps);
    m_log = textView(QStringLiteral("composerLog"));
    m_checkList = table(QStringLiteral("composerCheckList"), {tr("Check")});
    m_tabs->addTab(m_body, tr("Body"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(steps, tr("Steps"));
    m_tabs->addTab(m_log, tr("Execution log"));
    m_tabs->addTab(m_checkList, tr("Checks"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(summary);
    layout->addWidget(m_tabs, 1);
    clear();
}

void ResponseView::clear()
{
    m_status->setText(tr("No response yet"));
    m_status->setStyleSheet(QString());
    m_time->clear();
    m_checks->clear();
    m_checks->setStyleSheet(QString());
    m_body->clear();
    m_headers->clear();
    m_timeline->setExchange(nullptr);
    m_steps->clear();
    m_log->clear();
    m_checkList->clear();
}

void ResponseView::showSending(const QString &what)
{
    clear();
    m_status->setText(tr("Sending…"));
    m_time->setText(what);
}

void ResponseView::showResult(const running::SentRequest &sent, bool checked, const QStringList &failures)
{
    clear();
    const QString route = sent.overHttp ? tr("over HTTP") : tr("in process");
    if (!sent.error.isEmpty()) {
        m_status->setText(tr("No response"));
        m_status->setStyleSheet(QStringLiteral("color: %1").arg(methodexecution::problemColor(palette()).name()));
        m_time->setText(route);
        m_body->setPlainText(sent.error);
        return;
    }
    const http::Response &response = sent.response;
    m_status->setText(QStringLiteral("%1 %2").arg(response.status).arg(QString::fromLatin1(http::Response::reasonPhrase(response.status))));
    m_status->setStyleSheet(QStringLiteral("color: %1").arg(statusColor(response.status, palette()).name()));
    QString time = milliseconds(sent.elapsedUs);
    if (sent.exchange)
        time = tr("%1 (gateway %2, integration %3)")
                   .arg(time, milliseconds(sent.exchange->latencyUs), milliseconds(sent.exchange->integrationLatencyUs));
    m_time->setText(tr("%1 · %2 · %3 bytes").arg(time, route).arg(response.body.size()));

    m_body->setPlainText(running::readableBody(response.header("Content-Type"), response.body));
    for (const auto &[name, value] : response.headers)
        m_headers->addTopLevelItem(new QTreeWidgetItem({QString::fromLatin1(name), QString::fromUtf8(value)}));
    m_headers->resizeColumnToContents(0);

    if (sent.exchange) {
        m_timeline->setExchange(sent.exchange);
        for (const inspector::TimelineView::Step &step : inspector::TimelineView::stepsOf(*sent.exchange))
            m_steps->addTopLevelItem(new QTreeWidgetItem({step.label, milliseconds(step.startUs), milliseconds(step.lengthUs)}));
        m_steps->resizeColumnToContents(0);
        m_log->setPlainText(sent.exchange->executionLog());
    } else {
        m_log->setPlainText(tr("The request's trace did not arrive: its steps cannot be shown."));
    }

    if (!checked) {
        m_checks->setText(tr("No expectations"));
        m_checkList->addTopLevelItem(new QTreeWidgetItem({tr("This request has no expectations: add them under Expect.")}));
        return;
    }
    if (failures.isEmpty()) {
        m_checks->setText(tr("✔ Expectations met"));
        m_checks->setStyleSheet(QStringLiteral("color: %1").arg(statusColor(200, palette()).name()));
        m_checkList->addTopLevelItem(new QTreeWidgetItem({tr("Every expectation was met.")}));
        return;
    }
    m_checks->setText(tr("✘ %n expectation(s) failed", nullptr, int(failures.size())));
    m_checks->setStyleSheet(QStringLiteral("color: %1").arg(methodexecution::problemColor(palette()).name()));
    for (const QString &failure : failures)
        m_checkList->addTopLevelItem(new QTreeWidgetItem({failure}));
    m_tabs->setCurrentWidget(m_checkList);
}

} // namespace portico::widgets::composer
