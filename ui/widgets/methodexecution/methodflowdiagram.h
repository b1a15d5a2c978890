// The method-execution flow as the AWS console draws it, painted with the system palette:
//   Client -> [Method request] -> [Integration request] -> [Integration]
//   Client <- [Method response] <- [Integration response] <-+
// Each box is clickable and reachable by keyboard (Tab or the arrow keys move between boxes, Enter
// or Space opens one); opening a box asks for its form through boxActivated().
#pragma once

#include <QStringList>
#include <QWidget>

#include <array>

namespace portico::widgets::methodexecution {

class MethodFlowDiagram : public QWidget
{
    Q_OBJECT

public:
    // In flow order, which is also the Tab order.
    enum class Box {
        MethodRequest,
        IntegrationRequest,
        Integration,
        IntegrationResponse,
        MethodResponse
    };
    static constexpr int kBoxCount = 5;

    explicit MethodFlowDiagram(QWidget *parent = nullptr);

    // A box's summary lines under its title; elided to the box's width.
    void setLines(Box box, const QStringList &lines);
    QStringList lines(Box box) const { return m_lines[size_t(box)]; }
    static QString title(Box box);

    // The open box (its form is shown) and the box with the keyboard focus.
    Box currentBox() const { return m_current; }
    void setCurrentBox(Box box);
    Box focusBox() const { return m_focus; }

    // Where a box is drawn, for clicks in tests.
    QRect boxRect(Box box) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void boxActivated(Box box);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    void focusInEvent(QFocusEvent *event) override;

private:
    struct Geometry
    {
        std::array<QRect, kBoxCount> boxes;
        QRect clientIn;
        QRect clientOut;
    };
    Geometry geometry() const;
    int rowHeight() const;
    void paintBox(QPainter &painter, Box box, const QRect &rect) const;
    void paintArrow(QPainter &painter, QPoint from, QPoint to) const;
    void moveFocus(Box box);
    void activate(Box box);

    std::array<QStringList, kBoxCount> m_lines;
    Box m_current = Box::MethodRequest;
    Box m_focus = Box::MethodRequest;
};

} // namespace portico::widgets::methodexecution
