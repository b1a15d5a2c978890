// The VTL lexer's colouring: what each character of a template is styled as, first from the
// scanner alone, then through a real QScintilla editor (which counts UTF-8 bytes).
#include "workbench/vtllexer.h"

#include <QTest>

using portico::workbench::VtlLexer;
using namespace Qt::StringLiterals;

namespace {

// One letter per UTF-16 code unit, so that a whole template's styling reads as one string.
QString letters(const QList<VtlLexer::Style> &styles)
{
    static const char kLetter[] = ".cdrsnoj";
    QString out;
    for (const VtlLexer::Style s : styles)
        out += QLatin1Char(kLetter[int(s)]);
    return out;
}

} // namespace

class TestVtlLexer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void styles_data();
    void styles();
    void stylesInTheEditor();
    void deepNestingIsStyledWithoutRecursingForever();
};

void TestVtlLexer::styles_data()
{
    QTest::addColumn<QString>("text");
    // . text, c comment, d directive, r reference, s string, n number, o operator, j JSONPath
    QTest::addColumn<QString>("expected");

    QTest::newRow("set with $input.path")
        << u"#set($pet = $input.path('$.pet'))"_s << u"ddddorrrr.o.rrrrrrrrrrrojjjjjjjoo"_s;
    QTest::newRow("$input.json path") << u"$input.json('$')"_s << u"rrrrrrrrrrrojjjo"_s;
    QTest::newRow("line comment ends at the newline") << u"## note\nx"_s << u"ccccccc.."_s;
    QTest::newRow("block comment over lines") << u"#* a\nb *#y"_s << u"ccccccccc."_s;
    QTest::newRow("braced and quiet references") << u"${a} $!b $!{c}"_s << u"rrrr.rrr.rrrrr"_s;
    QTest::newRow("if elseif else end") << u"#if($n > 1)ok#elseif($n == 1)one#else no#end"_s
                                        << u"dddorr.o.no..ddddddd"
                                           "orr.oo.no"
                                           "..."
                                           "ddddd"
                                           "..."
                                           "dddd"_s;
    QTest::newRow("foreach over a list")
        << u"#foreach($p in $list)$p.name#end"_s << u"ddddddddorr.oo.rrrrrorrrrrrrdddd"_s;
    QTest::newRow("method with string and number")
        << u"$util.escapeJavaScript(\"a\", 2.5)"_s << u"rrrrrrrrrrrrrrrrrrrrrrossso.nnno"_s;
    QTest::newRow("escapes and stray signs are text")
        << u"\\$x #tag 100% $ #"_s << u"................."_s;
    QTest::newRow("braced directives") << u"#{if}(true)a#{end}"_s << u"dddddoooooo.dddddd"_s;
    QTest::newRow("break, stop, macro, define")
        << u"#break #stop #macro(m $a)#end#define($d)x#end"_s
        << u"dddddd.ddddd.ddddddo..rrodddddddddddorro.dddd"_s;
    QTest::newRow("macro call") << u"#m($a)"_s << u"ddorro"_s;
    QTest::newRow("index and property chain") << u"$a[0].b"_s << u"rronorr"_s;
    QTest::newRow("doubled quote inside a string")
        << u"#set($s = 'it''s')"_s << u"ddddorr.o.ssssssso"_s;
    QTest::newRow("map literal") << u"#set($m = {\"k\": 1})"_s << u"ddddorr.o.ossso.noo"_s;
    QTest::newRow("hyphenated name, then text") << u"$a-b $n-1"_s << u"rrrr.rr.."_s;
}

void TestVtlLexer::styles()
{
    QFETCH(QString, text);
    QFETCH(QString, expected);
    QCOMPARE(letters(VtlLexer::scan(text)), expected);
}

void TestVtlLexer::stylesInTheEditor()
{
    QsciScintilla editor;
    VtlLexer lexer;
    editor.setUtf8(true);
    editor.setLexer(&lexer);
    // "é" is two bytes in Scintilla and one code unit in the scanner: styles after it must not
    // shift.
    const QString text = u"é ## c\n$x"_s;
    editor.setText(text);
    editor.resize(400, 200);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    const auto styleAt = [&](int bytePos) {
        return int(editor.SendScintilla(QsciScintillaBase::SCI_GETSTYLEAT, bytePos));
    };
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    QCOMPARE(styleAt(0), int(VtlLexer::Default));
    QCOMPARE(styleAt(2), int(VtlLexer::Default)); // the space after é
    QCOMPARE(styleAt(3), int(VtlLexer::Comment)); // ##
    QCOMPARE(styleAt(6), int(VtlLexer::Comment)); // c
    QCOMPARE(styleAt(7), int(VtlLexer::Default)); // the newline
    QCOMPARE(styleAt(8), int(VtlLexer::Reference));
    QCOMPARE(styleAt(9), int(VtlLexer::Reference));

    // Opening a block comment above restyles what follows it.
    editor.setText(u"#*\n$x"_s);
    editor.SendScintilla(QsciScintillaBase::SCI_COLOURISE, 0, -1);
    QCOMPARE(styleAt(3), int(VtlLexer::Comment));
}

void TestVtlLexer::deepNestingIsStyledWithoutRecursingForever()
{
    const QString text = QString(200000, u'(').prepend(u"#set"_s);
    const QList<VtlLexer::Style> styles = VtlLexer::scan(text);
    QCOMPARE(styles.size(), text.size());
    QCOMPARE(styles.at(0), VtlLexer::Directive);
}

QTEST_MAIN(TestVtlLexer)
#include "tst_vtllexer.moc"
