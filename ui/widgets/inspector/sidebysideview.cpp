#include "sidebysideview.h"

#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QTextBlock>

namespace portico::widgets::inspector {

using running::ComparedRow;

namespace {

// Semi-transparent tints over the pane's own base colour, so that they read on light and dark
// palettes alike; the current difference is the same tint, stronger.
constexpr int kTintAlpha = 55;
constexpr int kCurrentTintAlpha = 130;

QColor removedColour(int alpha)
{
    return QColor(220, 40, 40, alpha);
}
QColor addedColour(int alpha)
{
    return QColor(30, 170, 60, alpha);
}
QColor expectedColour()
{
    return QColor(60, 120, 230, 40);
}

enum class Side { Left, Right };

// The tint of a row on one side; an invalid brush for none.
QBrush tint(ComparedRow::Kind kind, Side side, int alpha, const QPalette &palette)
{
    QColor gap = palette.color(QPalette::Text);
    gap.setAlpha(60);
    switch (kind) {
    case ComparedRow::Same:
        return {};
    case ComparedRow::ExpectedToDiffer:
        return expectedColour();
    case ComparedRow::Changed:
        return side == Side::Left ? removedColour(alpha) : addedColour(alpha);
    case ComparedRow::OnlyLeft:
        return side == Side::Left ? QBrush(removedColour(alpha)) : QBrush(gap, Qt::BDiagPattern);
    case ComparedRow::OnlyRight:
        return side == Side::Right ? QBrush(addedColour(alpha)) : QBrush(gap, Qt::BDiagPattern);
    }
    return {};
}

QTextEdit::ExtraSelection wholeLine(QPlainTextEdit *pane, qsizetype row, const QBrush &brush)
{
    QTextEdit::ExtraSelection selection;
    selection.cursor = QTextCursor(pane->document()->findBlockByNumber(int(row)));
    selection.format.setBackground(brush);
    selection.format.setProperty(QTextFormat::FullWidthSelection, true);
    return selection;
}

QPlainTextEdit *pane(const QString &objectName)
{
    auto *view = new QPlainTextEdit;
    view->setObjectName(objectName);
    view->setReadOnly(true);
    // Read-only still shows where Next and Previous went.
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Wrapping would break the row-for-row alignment the shared scroll bars rely on.
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

void scrollTogether(QScrollBar *one, QScrollBar *other)
{
    // valueChanged fires only on a change, so the two connections do not chase each other.
    QObject::connect(one, &QScrollBar::valueChanged, other, &QScrollBar::setValue);
    QObject::connect(other, &QScrollBar::valueChanged, one, &QScrollBar::setValue);
}

} // namespace

SideBySideView::SideBySideView(running::SectionComparison comparison, const QString &leftTitle,
                               const QString &rightTitle, QWidget *parent)
    : QWidget(parent)
    , m_comparison(std::move(comparison))
    , m_left(pane(QStringLiteral("comparisonLeft")))
    , m_right(pane(QStringLiteral("comparisonRight")))
{
    auto *leftLabel = new QLabel(leftTitle);
    auto *rightLabel = new QLabel(rightTitle);
    for (QLabel *label : {leftLabel, rightLabel})
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(leftLabel, 0, 0);
    layout->addWidget(rightLabel, 0, 1);
    layout->addWidget(m_left, 1, 0);
    layout->addWidget(m_right, 1, 1);
    if (m_comparison.byPosition) {
        auto *note = new QLabel(
            tr("Too long to compare line against line: lines are paired by position."));
        note->setObjectName(QStringLiteral("comparisonByPosition"));
        layout->addWidget(note, 2, 0, 1, 2);
    }
    fillPanes();
    scrollTogether(m_left->verticalScrollBar(), m_right->verticalScrollBar());
    scrollTogether(m_left->horizontalScrollBar(), m_right->horizontalScrollBar());
    highlight();
}

void SideBySideView::fillPanes()
{
    QStringList left;
    QStringList right;
    for (const ComparedRow &row : m_comparison.rows) {
        left << row.left;
        right << row.right;
    }
    m_left->setPlainText(left.join(QLatin1Char('\n')));
    m_right->setPlainText(right.join(QLatin1Char('\n')));

    const QPalette palette = m_left->palette();
    for (qsizetype i = 0; i < qsizetype(m_comparison.rows.size()); ++i) {
        const ComparedRow::Kind kind = m_comparison.rows[size_t(i)].kind;
        if (const QBrush brush = tint(kind, Side::Left, kTintAlpha, palette);
            brush.style() != Qt::NoBrush)
            m_leftTints << wholeLine(m_left, i, brush);
        if (const QBrush brush = tint(kind, Side::Right, kTintAlpha, palette);
            brush.style() != Qt::NoBrush)
            m_rightTints << wholeLine(m_right, i, brush);
    }
}

void SideBySideView::highlight()
{
    QList<QTextEdit::ExtraSelection> left = m_leftTints;
    QList<QTextEdit::ExtraSelection> right = m_rightTints;
    if (m_current >= 0) {
        const QPalette palette = m_left->palette();
        const auto &rows = m_comparison.rows;
        for (size_t i = size_t(m_comparison.differences[size_t(m_current)]);
             i < rows.size() && rows[i].isDifference(); ++i) {
            left << wholeLine(m_left, qsizetype(i),
                              tint(rows[i].kind, Side::Left, kCurrentTintAlpha, palette));
            right << wholeLine(m_right, qsizetype(i),
                               tint(rows[i].kind, Side::Right, kCurrentTintAlpha, palette));
        }
    }
    m_left->setExtraSelections(left);
    m_right->setExtraSelections(right);
}

void SideBySideView::goToDifference(qsizetype index)
{
    if (index < 0 || index >= differenceCount())
        return;
    m_current = index;
    const int row = int(m_comparison.differences[size_t(index)]);
    for (QPlainTextEdit *pane : {m_left, m_right}) {
        pane->setTextCursor(QTextCursor(pane->document()->findBlockByNumber(row)));
        pane->centerCursor();
    }
    // centerCursor() may have moved each horizontal bar on its own: both back to the left edge.
    m_left->horizontalScrollBar()->setValue(0);
    m_right->horizontalScrollBar()->setValue(0);
    highlight();
    Q_EMIT currentDifferenceChanged(index);
}

} // namespace portico::widgets::inspector
