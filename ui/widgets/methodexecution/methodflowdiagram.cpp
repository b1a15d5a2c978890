#include "methodflowdiagram.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace portico::widgets::methodexecution {

namespace {
constexpr int kMargin = 8;
constexpr int kArrowGap = 34;
constexpr int kRowGap = 22;
constexpr int kPadding = 8;
constexpr int kSummaryLines = 3;
constexpr qreal kRadius = 6.0;
constexpr int kArrowHead = 5;

using Box = MethodFlowDiagram::Box;

Box boxAt(int index)
{
    return Box(std::clamp(index, 0, MethodFlowDiagram::kBoxCount - 1));
}
} // namespace

MethodFlowDiagram::MethodFlowDiagram(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("methodFlowDiagram"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Method execution flow"));
}

QString MethodFlowDiagram::title(Box box)
{
    switch (box) {
    case Box::MethodRequest:
        return tr("Method request");
    case Box::IntegrationRequest:
        return tr("Integration request");
    case Box::Integration:
        return tr("Integration");
    case Box::IntegrationResponse:
        return tr("Integration response");
    case Box::MethodResponse:
        return tr("Method response");
    }
    return QString();
}

void MethodFlowDiagram::setLines(Box box, const QStringList &lines)
{
    if (m_lines[size_t(box)] == lines)
        return;
    m_lines[size_t(box)] = lines;
    update();
}

void MethodFlowDiagram::setCurrentBox(Box box)
{
    m_current = box;
    m_focus = box;
    update();
}

int MethodFlowDiagram::rowHeight() const
{
    return 2 * kPadding + (kSummaryLines + 1) * fontMetrics().lineSpacing() + 4;
}

QSize MethodFlowDiagram::sizeHint() const
{
    return {900, 2 * kMargin + 2 * rowHeight() + kRowGap};
}

QSize MethodFlowDiagram::minimumSizeHint() const
{
    return {560, sizeHint().height()};
}

MethodFlowDiagram::Geometry MethodFlowDiagram::geometry() const
{
    Geometry g;
    const int clientWidth = fontMetrics().horizontalAdvance(tr("Client")) + 8;
    const int boxWidth = std::max(80, (width() - 2 * kMargin - clientWidth - 3 * kArrowGap) / 3);
    const int h = rowHeight();
    const int top = kMargin;
    const int bottom = kMargin + h + kRowGap;
    const int col0 = kMargin + clientWidth + kArrowGap;
    const int col1 = col0 + boxWidth + kArrowGap;
    const int col2 = col1 + boxWidth + kArrowGap;
    g.boxes[size_t(Box::MethodRequest)] = QRect(col0, top, boxWidth, h);
    g.boxes[size_t(Box::IntegrationRequest)] = QRect(col1, top, boxWidth, h);
    g.boxes[size_t(Box::Integration)] = QRect(col2, top, boxWidth, 2 * h + kRowGap);
    g.boxes[size_t(Box::IntegrationResponse)] = QRect(col1, bottom, boxWidth, h);
    g.boxes[size_t(Box::MethodResponse)] = QRect(col0, bottom, boxWidth, h);
    g.clientIn = QRect(kMargin, top, clientWidth, h);
    g.clientOut = QRect(kMargin, bottom, clientWidth, h);
    return g;
}

QRect MethodFlowDiagram::boxRect(Box box) const
{
    return geometry().boxes[size_t(box)];
}

void MethodFlowDiagram::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Geometry g = geometry();

    painter.setPen(palette().color(QPalette::WindowText));
    painter.drawText(g.clientIn, Qt::AlignLeft | Qt::AlignVCenter, tr("Client"));
    painter.drawText(g.clientOut, Qt::AlignLeft | Qt::AlignVCenter, tr("Client"));

    const auto box = [&g](Box b) { return g.boxes[size_t(b)]; };
    const int topY = box(Box::MethodRequest).center().y();
    const int bottomY = box(Box::MethodResponse).center().y();
    // The request goes right along the top row, the response comes back left along the bottom.
    paintArrow(painter, {g.clientIn.right() - 2, topY}, {box(Box::MethodRequest).left(), topY});
    paintArrow(painter, {box(Box::MethodRequest).right(), topY},
               {box(Box::IntegrationRequest).left(), topY});
    paintArrow(painter, {box(Box::IntegrationRequest).right(), topY},
               {box(Box::Integration).left(), topY});
    paintArrow(painter, {box(Box::Integration).left(), bottomY},
               {box(Box::IntegrationResponse).right(), bottomY});
    paintArrow(painter, {box(Box::IntegrationResponse).left(), bottomY},
               {box(Box::MethodResponse).right(), bottomY});
    paintArrow(painter, {box(Box::MethodResponse).left(), bottomY},
               {g.clientOut.left() + fontMetrics().horizontalAdvance(tr("Client")) + 4, bottomY});

    for (int i = 0; i < kBoxCount; ++i)
        paintBox(painter, Box(i), g.boxes[size_t(i)]);
}

void MethodFlowDiagram::paintBox(QPainter &painter, Box box, const QRect &rect) const
{
    const QPalette &pal = palette();
    const bool current = box == m_current;
    QColor fill = pal.color(QPalette::Base);
    if (current) {
        QColor highlight = pal.color(QPalette::Highlight);
        highlight.setAlpha(48);
        painter.setPen(Qt::NoPen);
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);
        fill = highlight;
    }
    painter.setBrush(fill);
    painter.setPen(QPen(current ? pal.color(QPalette::Highlight) : pal.color(QPalette::Mid),
                        current ? 2.0 : 1.0));
    painter.drawRoundedRect(QRectF(rect).adjusted(0.5, 0.5, -0.5, -0.5), kRadius, kRadius);

    if (hasFocus() && box == m_focus) {
        QPen focusPen(pal.color(QPalette::Highlight), 1.0, Qt::DashLine);
        painter.setPen(focusPen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(QRectF(rect).adjusted(3.5, 3.5, -3.5, -3.5), kRadius, kRadius);
    }

    const QRect text = rect.adjusted(kPadding + 2, kPadding, -kPadding - 2, -kPadding);
    QFont titleFont = font();
    titleFont.setBold(true);
    painter.setFont(titleFont);
    painter.setPen(pal.color(QPalette::Text));
    const QFontMetrics titleMetrics(titleFont);
    painter.drawText(QRect(text.left(), text.top(), text.width(), titleMetrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     titleMetrics.elidedText(title(box), Qt::ElideRight, text.width()));

    painter.setFont(font());
    const QFontMetrics metrics(font());
    QColor secondary = pal.color(QPalette::Text);
    secondary.setAlphaF(0.75);
    painter.setPen(secondary);
    int y = text.top() + titleMetrics.lineSpacing() + 2;
    // The tall Integration box has room to wrap a long URI; the others elide.
    const bool wrap = box == Box::Integration;
    for (const QString &line : m_lines[size_t(box)]) {
        const QRect room(text.left(), y, text.width(), text.bottom() + 1 - y);
        const QRect needed = wrap ? metrics.boundingRect(room, Qt::TextWrapAnywhere, line)
                                  : QRect(room.topLeft(), QSize(room.width(), metrics.height()));
        if (needed.height() > room.height())
            break;
        if (wrap)
            painter.drawText(room, Qt::AlignLeft | Qt::AlignTop | Qt::TextWrapAnywhere, line);
        else
            painter.drawText(needed, Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(line, Qt::ElideRight, text.width()));
        y += needed.height() + metrics.lineSpacing() - metrics.height();
    }
}

void MethodFlowDiagram::paintArrow(QPainter &painter, QPoint from, QPoint to) const
{
    const QColor color = palette().color(QPalette::WindowText);
    painter.setPen(QPen(color, 1.2));
    painter.drawLine(from, to);
    const int direction = to.x() >= from.x() ? 1 : -1;
    QPainterPath head;
    head.moveTo(to);
    head.lineTo(to.x() - direction * 2 * kArrowHead, to.y() - kArrowHead);
    head.lineTo(to.x() - direction * 2 * kArrowHead, to.y() + kArrowHead);
    head.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawPath(head);
}

void MethodFlowDiagram::mousePressEvent(QMouseEvent *event)
{
    const Geometry g = geometry();
    for (int i = 0; i < kBoxCount; ++i) {
        if (g.boxes[size_t(i)].contains(event->position().toPoint())) {
            setFocus(Qt::MouseFocusReason);
            activate(Box(i));
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void MethodFlowDiagram::keyPressEvent(QKeyEvent *event)
{
    // Arrows move across the drawing: the top row is the request, the bottom row the response,
    // and the integration on the right spans both.
    switch (event->key()) {
    case Qt::Key_Right:
        if (m_focus == Box::MethodResponse)
            moveFocus(Box::IntegrationResponse);
        else if (m_focus == Box::MethodRequest || m_focus == Box::IntegrationRequest)
            moveFocus(boxAt(int(m_focus) + 1));
        else
            moveFocus(Box::Integration);
        return;
    case Qt::Key_Left:
        if (m_focus == Box::Integration || m_focus == Box::IntegrationRequest)
            moveFocus(m_focus == Box::Integration ? Box::IntegrationRequest : Box::MethodRequest);
        else if (m_focus == Box::IntegrationResponse)
            moveFocus(Box::MethodResponse);
        return;
    case Qt::Key_Down:
        if (m_focus == Box::MethodRequest)
            moveFocus(Box::MethodResponse);
        else if (m_focus == Box::IntegrationRequest)
            moveFocus(Box::IntegrationResponse);
        return;
    case Qt::Key_Up:
        if (m_focus == Box::MethodResponse)
            moveFocus(Box::MethodRequest);
        else if (m_focus == Box::IntegrationResponse)
            moveFocus(Box::IntegrationRequest);
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        activate(m_focus);
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

bool MethodFlowDiagram::focusNextPrevChild(bool next)
{
    // Tab walks the boxes in flow order before it leaves the drawing.
    const int index = int(m_focus) + (next ? 1 : -1);
    if (hasFocus() && index >= 0 && index < kBoxCount) {
        moveFocus(Box(index));
        return true;
    }
    return QWidget::focusNextPrevChild(next);
}

void MethodFlowDiagram::focusInEvent(QFocusEvent *event)
{
    if (event->reason() == Qt::TabFocusReason)
        m_focus = Box::MethodRequest;
    else if (event->reason() == Qt::BacktabFocusReason)
        m_focus = Box::MethodResponse;
    QWidget::focusInEvent(event);
    update();
}

void MethodFlowDiagram::moveFocus(Box box)
{
    m_focus = box;
    update();
}

void MethodFlowDiagram::activate(Box box)
{
    setCurrentBox(box);
    Q_EMIT boxActivated(box);
}

} // namespace portico::widgets::methodexecution
