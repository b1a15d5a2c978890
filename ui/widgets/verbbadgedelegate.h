// Paints the navigator's rows: a method as a small coloured badge with its verb (the colours
// people know from API clients, so a DELETE stands out), a "{param}" or "{proxy+}" path part in
// italics and another colour, so variable parts read differently from literal ones.
#pragma once

#include <QColor>
#include <QStyledItemDelegate>

namespace portico::widgets {

class VerbBadgeDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    static QColor badgeColor(const QString &verb);
    // Readable on both light and dark palettes.
    static QColor parameterColor(const QPalette &palette);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    static QFont badgeFont(const QFont &base);
    static QSize badgeSize(const QFont &base, const QString &verb);
};

} // namespace portico::widgets
