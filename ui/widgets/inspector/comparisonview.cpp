#include "comparisonview.h"

#include "sidebysideview.h"

#include "running/exchangecomparison.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace portico::widgets::inspector {

namespace {

QString describe(const runtime::Exchange &exchange)
{
    return QStringLiteral("%1 %2 \u2192 %3, %4")
        .arg(exchange.httpMethod, QString::fromUtf8(exchange.request.target))
        .arg(exchange.response.status)
        .arg(exchange.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz")));
}

} // namespace

ComparisonView::ComparisonView(const runtime::ExchangePtr &older, const runtime::ExchangePtr &newer,
                               QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget)
    , m_previous(new QPushButton(tr("Previous difference")))
    , m_next(new QPushButton(tr("Next difference")))
    , m_position(new QLabel)
{
    setObjectName(QStringLiteral("comparison"));
    setWindowTitle(tr("Compare %1 with %2").arg(describe(*older), describe(*newer)));
    m_tabs->setObjectName(QStringLiteral("comparisonTabs"));
    const QString leftTitle = tr("Older: %1").arg(describe(*older));
    const QString rightTitle = tr("Newer: %1").arg(describe(*newer));
    int firstWithDifferences = -1;
    for (running::SectionComparison &comparison : running::compareExchanges(*older, *newer)) {
        const QString title
            = QStringLiteral("%1 (%2)").arg(comparison.title).arg(comparison.differences.size());
        auto *section = new SideBySideView(std::move(comparison), leftTitle, rightTitle);
        connect(section, &SideBySideView::currentDifferenceChanged, this,
                &ComparisonView::updateButtons);
        const int tab = m_tabs->addTab(section, title);
        if (firstWithDifferences < 0 && section->differenceCount() > 0)
            firstWithDifferences = tab;
    }
    m_tabs->setCurrentIndex(std::max(firstWithDifferences, 0));
    connect(m_tabs, &QTabWidget::currentChanged, this, &ComparisonView::updateButtons);

    m_previous->setObjectName(QStringLiteral("comparisonPrevious"));
    m_previous->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Up));
    m_previous->setToolTip(tr("The previous difference in this tab (Alt+Up)"));
    m_next->setObjectName(QStringLiteral("comparisonNext"));
    m_next->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Down));
    m_next->setToolTip(tr("The next difference in this tab (Alt+Down)"));
    connect(m_previous, &QPushButton::clicked, this, &ComparisonView::previousDifference);
    connect(m_next, &QPushButton::clicked, this, &ComparisonView::nextDifference);
    m_position->setObjectName(QStringLiteral("comparisonPosition"));
    auto *legend = new QLabel(
        tr("Red: changed or only on the left. Green: changed or only on the right. "
           "Blue: ids, dates and latencies, which differ on every request; not counted."));
    legend->setWordWrap(true);
    auto *close = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_previous);
    bar->addWidget(m_next);
    bar->addWidget(m_position);
    bar->addWidget(legend, 1);
    bar->addWidget(close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs, 1);
    layout->addLayout(bar);
    resize(1100, 640);
    updateButtons();
}

SideBySideView *ComparisonView::section(int tab) const
{
    return qobject_cast<SideBySideView *>(m_tabs->widget(tab));
}

SideBySideView *ComparisonView::shownSection() const
{
    return section(m_tabs->currentIndex());
}

void ComparisonView::nextDifference()
{
    if (SideBySideView *shown = shownSection(); shown && shown->hasNext())
        shown->goToDifference(shown->currentDifference() + 1);
}

void ComparisonView::previousDifference()
{
    if (SideBySideView *shown = shownSection(); shown && shown->hasPrevious())
        shown->goToDifference(shown->currentDifference() - 1);
}

void ComparisonView::updateButtons()
{
    const SideBySideView *shown = shownSection();
    if (!shown)
        return;
    m_previous->setEnabled(shown->hasPrevious());
    m_next->setEnabled(shown->hasNext());
    if (shown->differenceCount() == 0)
        m_position->setText(tr("No differences"));
    else if (shown->currentDifference() < 0)
        m_position->setText(shown->differenceCount() == 1
                                ? tr("1 difference")
                                : tr("%1 differences").arg(shown->differenceCount()));
    else
        m_position->setText(
            tr("%1 of %2").arg(shown->currentDifference() + 1).arg(shown->differenceCount()));
}

} // namespace portico::widgets::inspector
