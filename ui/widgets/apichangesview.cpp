#include "apichangesview.h"

#include <QFontDatabase>
#include <QTextBlock>
#include <QTextCharFormat>
#include <QTextCursor>

namespace portico::widgets {

namespace {
// Colours that read on the light and the dark palette alike.
QColor kindColor(model::ApiChange::Kind kind, const QPalette &palette)
{
    const bool dark = palette.color(QPalette::Base).lightness() < 128;
    switch (kind) {
    case model::ApiChange::Kind::Added:
        return dark ? QColor(0x7e, 0xe7, 0x87) : QColor(0x1a, 0x7f, 0x37);
    case model::ApiChange::Kind::Removed:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc0, 0x20, 0x20);
    case model::ApiChange::Kind::Changed:
        break;
    }
    return dark ? QColor(0xe3, 0xb3, 0x41) : QColor(0x9a, 0x60, 0x00);
}
} // namespace

ApiChangesView::ApiChangesView(QWidget *parent)
    : QPlainTextEdit(parent)
{
    setReadOnly(true);
    // Wrapped rather than scrolled sideways: a long header name or URI is read whole.
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void ApiChangesView::setChanges(const std::vector<model::ApiChange> &changes, const QString &emptyText)
{
    m_changes = changes;
    clear();
    QTextCursor cursor(document());
    if (changes.empty()) {
        QTextCharFormat hint;
        hint.setForeground(palette().color(QPalette::PlaceholderText));
        cursor.insertText(emptyText, hint);
        return;
    }
    const QTextCharFormat plain;
    bool first = true;
    for (const model::ApiChange &change : changes) {
        const QStringList lines = model::formatApiChange(change).split(QLatin1Char('\n'));
        QTextCharFormat heading;
        heading.setForeground(kindColor(change.kind, palette()));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            if (!first)
                cursor.insertBlock();
            first = false;
            cursor.insertText(lines.at(i), i == 0 ? heading : plain);
        }
    }
    moveCursor(QTextCursor::Start);
}

} // namespace portico::widgets
