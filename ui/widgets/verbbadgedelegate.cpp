#include "verbbadgedelegate.h"

#include "editing/resourcetreemodel.h"

#include <QApplication>
#include <QPainter>

#include <algorithm>

namespace portico::widgets {

namespace {
constexpr int kBadgePaddingX = 5;
constexpr int kBadgePaddingY = 1;
// Space above and below a badge, so that badges of adjacent rows never touch.
constexpr int kRowPaddingY = 7;
constexpr qreal kBadgeRadius = 4.0;
// Wide enough for OPTIONS, so that badges of one resource line up.
const QString kWidestVerb = QStringLiteral("OPTIONS");
} // namespace

QColor VerbBadgeDelegate::badgeColor(const QString &verb)
{
    if (verb == QLatin1String("GET"))
        return QColor(0x2e, 0x9d, 0x4f);
    if (verb == QLatin1String("POST"))
        return QColor(0xe0, 0x84, 0x0b);
    if (verb == QLatin1String("PUT"))
        return QColor(0x2f, 0x6f, 0xd0);
    if (verb == QLatin1String("PATCH"))
        return QColor(0x16, 0x97, 0x97);
    if (verb == QLatin1String("DELETE"))
        return QColor(0xd0, 0x3b, 0x3b);
    if (verb == QLatin1String("ANY"))
        return QColor(0x8a, 0x4f, 0xc9);
    return QColor(0x7a, 0x80, 0x88); // HEAD, OPTIONS
}

QColor VerbBadgeDelegate::parameterColor(const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    return dark ? QColor(0x8c, 0xc4, 0xf0) : QColor(0x1c, 0x64, 0x9c);
}

QFont VerbBadgeDelegate::badgeFont(const QFont &base)
{
    QFont font = base;
    font.setBold(true);
    if (font.pointSizeF() > 0)
        font.setPointSizeF(font.pointSizeF() * 0.8);
    return font;
}

QSize VerbBadgeDelegate::badgeSize(const QFont &base, const QString &verb)
{
    const QFontMetrics metrics(badgeFont(base));
    const int textWidth
        = std::max(metrics.horizontalAdvance(verb), metrics.horizontalAdvance(kWidestVerb));
    return {textWidth + 2 * kBadgePaddingX, metrics.height() + 2 * kBadgePaddingY};
}

void VerbBadgeDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString verb = index.data(editing::ResourceTreeModel::VerbRole).toString();

    if (verb.isEmpty()) {
        if (index.data(editing::ResourceTreeModel::IsParameterRole).toBool())
            opt.palette.setColor(QPalette::Text, parameterColor(opt.palette));
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        return;
    }

    // Background, selection and focus as the style draws them; the badge replaces the text.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const QRect textRect = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget);
    const QSize size = badgeSize(opt.font, verb);
    const QRect badge(textRect.left() + 1, opt.rect.top() + (opt.rect.height() - size.height()) / 2,
                      size.width(), size.height());
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(badgeColor(verb));
    painter->drawRoundedRect(QRectF(badge).adjusted(0.5, 0.5, -0.5, -0.5), kBadgeRadius,
                             kBadgeRadius);
    painter->setPen(Qt::white);
    painter->setFont(badgeFont(opt.font));
    painter->drawText(badge, Qt::AlignCenter, verb);
    painter->restore();
}

QSize VerbBadgeDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    QSize hint = QStyledItemDelegate::sizeHint(option, index);
    const QString verb = index.data(editing::ResourceTreeModel::VerbRole).toString();
    const QSize badge = badgeSize(option.font, verb);
    // Every row, not only method rows: a view with uniform row heights asks the first row only.
    hint.setHeight(std::max(hint.height(), badge.height() + kRowPaddingY));
    if (!verb.isEmpty())
        hint.setWidth(std::max(hint.width(), badge.width() + 8));
    return hint;
}

} // namespace portico::widgets
