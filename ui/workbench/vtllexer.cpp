#include "vtllexer.h"

#include "qscintilla.h"

#include <QFontDatabase>
#include <QGuiApplication>
#include <QPalette>

namespace portico::workbench {

namespace {

// Deeper nesting of method arguments and brackets is styled flat, so that no template can
// exhaust the stack of the GUI thread.
constexpr int kMaxNesting = 64;

bool isIdentStart(QChar c)
{
    return c.isLetter() || c == QLatin1Char('_');
}

bool isIdentPart(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('_');
}

bool isDirectiveName(QStringView name)
{
    static const QStringList names
        = {QStringLiteral("set"),     QStringLiteral("if"),    QStringLiteral("elseif"),
           QStringLiteral("else"),    QStringLiteral("end"),   QStringLiteral("foreach"),
           QStringLiteral("break"),   QStringLiteral("stop"),  QStringLiteral("macro"),
           QStringLiteral("define"),  QStringLiteral("parse"), QStringLiteral("include"),
           QStringLiteral("evaluate")};
    return names.contains(name);
}

bool takesArguments(QStringView name)
{
    return name != QLatin1String("else") && name != QLatin1String("end")
        && name != QLatin1String("break") && name != QLatin1String("stop");
}

bool isOperatorWord(QStringView word)
{
    static const QStringList words
        = {QStringLiteral("true"), QStringLiteral("false"), QStringLiteral("null"),
           QStringLiteral("and"),  QStringLiteral("or"),    QStringLiteral("not"),
           QStringLiteral("in"),   QStringLiteral("eq"),    QStringLiteral("ne"),
           QStringLiteral("lt"),   QStringLiteral("gt"),    QStringLiteral("le"),
           QStringLiteral("ge")};
    return words.contains(word);
}

class Scanner
{
public:
    explicit Scanner(const QString &text)
        : m_text(text)
        , m_styles(text.size(), VtlLexer::Default)
    {
    }

    QList<VtlLexer::Style> run()
    {
        while (m_pos < m_text.size())
            scanTextStep();
        return m_styles;
    }

private:
    QChar at(qsizetype pos) const { return pos < m_text.size() ? m_text.at(pos) : QChar(); }

    void mark(qsizetype from, qsizetype to, VtlLexer::Style style)
    {
        for (qsizetype k = from; k < to && k < m_styles.size(); ++k)
            m_styles[k] = style;
    }

    void scanTextStep()
    {
        const QChar c = at(m_pos);
        if (c == QLatin1Char('\\')
            && (at(m_pos + 1) == QLatin1Char('#') || at(m_pos + 1) == QLatin1Char('$'))) {
            m_pos += 2; // an escaped directive or reference is plain text
        } else if (c == QLatin1Char('#')) {
            scanHash();
        } else if (c == QLatin1Char('$')) {
            if (!scanReference())
                ++m_pos;
        } else {
            ++m_pos;
        }
    }

    void scanHash()
    {
        const qsizetype start = m_pos;
        const QChar next = at(m_pos + 1);
        if (next == QLatin1Char('#')) {
            qsizetype end = m_text.indexOf(QLatin1Char('\n'), start);
            if (end < 0)
                end = m_text.size();
            mark(start, end, VtlLexer::Comment);
            m_pos = end;
            return;
        }
        if (next == QLatin1Char('*')) {
            const qsizetype close = m_text.indexOf(QLatin1String("*#"), start + 2);
            const qsizetype end = close < 0 ? m_text.size() : close + 2;
            mark(start, end, VtlLexer::Comment);
            m_pos = end;
            return;
        }
        if (next == QLatin1Char('[') && at(m_pos + 2) == QLatin1Char('[')) {
            const qsizetype close = m_text.indexOf(QLatin1String("]]#"), start + 3);
            m_pos = close < 0 ? m_text.size() : close + 3; // unparsed content is output as it is
            return;
        }
        qsizetype k = m_pos + 1;
        const bool braced = at(k) == QLatin1Char('{');
        if (braced)
            ++k;
        if (!isIdentStart(at(k))) {
            ++m_pos;
            return;
        }
        const qsizetype nameStart = k;
        while (isIdentPart(at(k)))
            ++k;
        const QStringView name = QStringView(m_text).mid(nameStart, k - nameStart);
        if (braced) {
            if (at(k) != QLatin1Char('}')) {
                ++m_pos;
                return;
            }
            ++k;
        }
        qsizetype afterSpaces = k;
        while (at(afterSpaces) == QLatin1Char(' ') || at(afterSpaces) == QLatin1Char('\t'))
            ++afterSpaces;
        const bool known = isDirectiveName(name);
        // #name( is a macro call; any other unknown #word is text ("#1", "#hashtag").
        const bool macroCall = !known && at(afterSpaces) == QLatin1Char('(');
        if (!known && !macroCall) {
            m_pos = k;
            return;
        }
        mark(start, k, VtlLexer::Directive);
        m_pos = k;
        if (takesArguments(name) && at(afterSpaces) == QLatin1Char('(')) {
            m_pos = afterSpaces;
            scanBracketed(QLatin1Char(')'), false);
        }
    }

    // $x ${x} $!x $!{x}, then .property .method(...) [index]; false when `$` starts no reference.
    bool scanReference()
    {
        const qsizetype start = m_pos;
        qsizetype k = m_pos + 1;
        if (at(k) == QLatin1Char('!'))
            ++k;
        const bool braced = at(k) == QLatin1Char('{');
        if (braced)
            ++k;
        if (!isIdentStart(at(k)))
            return false;
        const qsizetype rootStart = k;
        k = identifierEnd(k);
        const QStringView root = QStringView(m_text).mid(rootStart, k - rootStart);
        mark(start, k, VtlLexer::Reference);
        m_pos = k;
        int links = 0;
        while (m_pos < m_text.size()) {
            if (at(m_pos) == QLatin1Char('.') && isIdentStart(at(m_pos + 1))) {
                const qsizetype nameStart = m_pos + 1;
                const qsizetype end = identifierEnd(nameStart);
                const QStringView name = QStringView(m_text).mid(nameStart, end - nameStart);
                mark(m_pos, end, VtlLexer::Reference);
                m_pos = end;
                ++links;
                if (at(m_pos) == QLatin1Char('(')) {
                    const bool jsonPath = links == 1 && root == QLatin1String("input")
                        && (name == QLatin1String("path") || name == QLatin1String("json"));
                    scanBracketed(QLatin1Char(')'), jsonPath);
                }
            } else if (at(m_pos) == QLatin1Char('[')) {
                scanBracketed(QLatin1Char(']'), false);
                ++links;
            } else {
                break;
            }
        }
        if (braced && at(m_pos) == QLatin1Char('}')) {
            mark(m_pos, m_pos + 1, VtlLexer::Reference);
            ++m_pos;
        }
        return true;
    }

    // Velocity allows a hyphen inside a name ($a-b) but "$count-1" is a reference and text.
    qsizetype identifierEnd(qsizetype k) const
    {
        while (isIdentPart(at(k)) || (at(k) == QLatin1Char('-') && isIdentStart(at(k + 1))))
            ++k;
        return k;
    }

    // From an opening bracket at m_pos to its `close`; stops early at a closer of another kind.
    void scanBracketed(QChar close, bool firstArgumentIsJsonPath)
    {
        mark(m_pos, m_pos + 1, VtlLexer::Operator);
        ++m_pos;
        if (++m_depth > kMaxNesting) {
            --m_depth;
            return;
        }
        bool firstArgument = true;
        while (m_pos < m_text.size()) {
            const QChar c = at(m_pos);
            if (c == close) {
                mark(m_pos, m_pos + 1, VtlLexer::Operator);
                ++m_pos;
                break;
            }
            if (c == QLatin1Char(')') || c == QLatin1Char(']') || c == QLatin1Char('}'))
                break;
            if (c == QLatin1Char('(')) {
                scanBracketed(QLatin1Char(')'), false);
            } else if (c == QLatin1Char('[')) {
                scanBracketed(QLatin1Char(']'), false);
            } else if (c == QLatin1Char('{')) {
                scanBracketed(QLatin1Char('}'), false);
            } else if (c == QLatin1Char('\'') || c == QLatin1Char('"')) {
                scanString(firstArgument && firstArgumentIsJsonPath ? VtlLexer::JsonPath
                                                                    : VtlLexer::String);
            } else if (c == QLatin1Char('$')) {
                if (!scanReference()) {
                    mark(m_pos, m_pos + 1, VtlLexer::Operator);
                    ++m_pos;
                }
            } else if (c.isDigit()) {
                const qsizetype start = m_pos;
                while (at(m_pos).isDigit()
                       || (at(m_pos) == QLatin1Char('.') && at(m_pos + 1).isDigit()))
                    ++m_pos;
                mark(start, m_pos, VtlLexer::Number);
            } else if (isIdentStart(c)) {
                const qsizetype start = m_pos;
                while (isIdentPart(at(m_pos)))
                    ++m_pos;
                if (isOperatorWord(QStringView(m_text).mid(start, m_pos - start)))
                    mark(start, m_pos, VtlLexer::Operator);
            } else if (c.isSpace()) {
                ++m_pos;
            } else {
                if (c == QLatin1Char(','))
                    firstArgument = false;
                mark(m_pos, m_pos + 1, VtlLexer::Operator);
                ++m_pos;
            }
        }
        --m_depth;
    }

    // A string literal; a doubled quote inside it is a quote, as in Velocity.
    void scanString(VtlLexer::Style style)
    {
        const QChar quote = at(m_pos);
        const qsizetype start = m_pos++;
        while (m_pos < m_text.size()) {
            if (at(m_pos) == quote) {
                if (at(m_pos + 1) == quote) {
                    m_pos += 2;
                    continue;
                }
                ++m_pos;
                break;
            }
            ++m_pos;
        }
        mark(start, m_pos, style);
    }

    const QString &m_text;
    QList<VtlLexer::Style> m_styles;
    qsizetype m_pos = 0;
    int m_depth = 0;
};

} // namespace

VtlLexer::VtlLexer(QObject *parent)
    : QsciLexerCustom(parent)
{
}

const char *VtlLexer::language() const
{
    return "VTL";
}

QString VtlLexer::description(int style) const
{
    switch (style) {
    case Default:
        return tr("Text");
    case Comment:
        return tr("Comment");
    case Directive:
        return tr("Directive");
    case Reference:
        return tr("Reference");
    case String:
        return tr("String");
    case Number:
        return tr("Number");
    case Operator:
        return tr("Operator");
    case JsonPath:
        return tr("JSONPath");
    default:
        return QString();
    }
}

QColor VtlLexer::defaultColor(int style) const
{
    // Mid-tone colours that read on the light and the dark system palette alike.
    switch (style) {
    case Comment:
        return QColor(0x80, 0x80, 0x80);
    case Directive:
        return QColor(0xa0, 0x40, 0xc0);
    case Reference:
        return QColor(0x2a, 0x7f, 0xd4);
    case String:
        return QColor(0x3a, 0x9a, 0x3a);
    case Number:
        return QColor(0xc0, 0x70, 0x10);
    case JsonPath:
        return QColor(0x00, 0x99, 0x99);
    default:
        return QGuiApplication::palette().color(QPalette::Text);
    }
}

QFont VtlLexer::defaultFont(int style) const
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (style == Directive)
        font.setBold(true);
    if (style == Comment)
        font.setItalic(true);
    return font;
}

QColor VtlLexer::defaultPaper(int /*style*/) const
{
    return QGuiApplication::palette().color(QPalette::Base);
}

QList<VtlLexer::Style> VtlLexer::scan(const QString &text)
{
    return Scanner(text).run();
}

void VtlLexer::styleText(int /*start*/, int /*end*/)
{
    // A comment or a directive opened above `start` changes what follows, so the whole document
    // is styled again: a template is small, and scanning it takes microseconds.
    QsciScintilla *sci = editor();
    if (!sci)
        return;
    const QString text = sci->text();
    const QList<Style> styles = scan(text);
    startStyling(0);
    // Scintilla counts UTF-8 bytes; the scanner counts UTF-16 code units.
    int runLength = 0;
    int runStyle = -1;
    for (qsizetype k = 0; k < text.size(); ++k) {
        const char16_t u = text.at(k).unicode();
        const int bytes = u < 0x80 ? 1 : u < 0x800 ? 2 : QChar::isSurrogate(u) ? 2 : 3;
        if (styles.at(k) != runStyle && runLength > 0) {
            setStyling(runLength, runStyle);
            runLength = 0;
        }
        runStyle = styles.at(k);
        runLength += bytes;
    }
    if (runLength > 0)
        setStyling(runLength, runStyle);
}

} // namespace portico::workbench
