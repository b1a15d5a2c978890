// The template workbench driven as a person would: typing into the real QScintilla editor and
// the sample fields (offscreen), reading the preview, the status line and the error indicator.
#include "workbench/qscintilla.h"
#include "workbench/templateworkbench.h"

#include <QElapsedTimer>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QToolTip>

using portico::workbench::TemplateWorkbench;
using namespace Qt::StringLiterals;

namespace {

constexpr int kErrorIndicator = 8; // templateworkbench.cpp

// Sets the template and waits for its rendering.
void setAndRender(TemplateWorkbench &w, const QString &text)
{
    QSignalSpy spy(&w, &TemplateWorkbench::rendered);
    w.setTemplateText(text);
    QTRY_VERIFY(!spy.isEmpty() && !w.isRendering());
}

bool underlined(QsciScintilla *editor, int line, int column)
{
    const int pos = editor->positionFromLineIndex(line - 1, column - 1);
    return editor->SendScintilla(QsciScintillaBase::SCI_INDICATORVALUEAT, kErrorIndicator, pos)
        != 0;
}

} // namespace

class TestTemplateWorkbench : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void typingUpdatesThePreview();
    void aBurstOfTypingRendersOnce();
    void editingTheSampleUpdatesThePreview();
    void parseErrorIsUnderlinedAtItsLineAndColumn();
    void runtimeErrorIsUnderlinedAtItsLineAndColumn();
    void hoveringTheErrorShowsItsMessage();
    void fixingTheErrorClearsIt();
    void jsonOutputIsPrettyPrinted();
    void invalidJsonIsFlagged();
    void otherContentTypesAreShownAsTheyAre();
    void prettyJsonKeepsTokensAsWritten_data();
    void prettyJsonKeepsTokensAsWritten();
    void runawayTemplateDoesNotBlockTheWindow();
};

void TestTemplateWorkbench::typingUpdatesThePreview()
{
    TemplateWorkbench w;
    w.resize(900, 600);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    setAndRender(w, QString());
    QSignalSpy edited(&w, &TemplateWorkbench::templateEdited);
    QsciScintilla *editor = w.findChild<QsciScintilla *>(u"templateEditor"_s);
    QVERIFY(editor);
    editor->setFocus();
    QTest::keyClicks(editor, u"{\"name\": \"$input.path('$.name')\"}"_s);
    QTRY_COMPARE(w.previewText(), u"{\n  \"name\": \"Rex\"\n}"_s);
    QCOMPARE(w.statusText(), u"Valid JSON"_s);
    QVERIFY(!edited.isEmpty());
    QCOMPARE(edited.last().at(0).toString(), u"{\"name\": \"$input.path('$.name')\"}"_s);

    QTest::keyClick(editor, Qt::Key_End);
    QTest::keyClicks(editor, u" "_s); // still valid; the preview is re-rendered
    QTRY_COMPARE(w.previewText(), u"{\n  \"name\": \"Rex\"\n}"_s);
}

void TestTemplateWorkbench::aBurstOfTypingRendersOnce()
{
    TemplateWorkbench w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    setAndRender(w, QString());
    QSignalSpy spy(&w, &TemplateWorkbench::rendered);
    QsciScintilla *editor = w.findChild<QsciScintilla *>(u"templateEditor"_s);
    editor->setFocus();
    QTest::keyClicks(editor, u"$context.stage"_s); // 14 edits, no event loop in between
    QTRY_COMPARE(w.previewText(), u"dev"_s);
    QTRY_VERIFY(!w.isRendering());
    QCOMPARE(spy.count(), 1);
}

void TestTemplateWorkbench::editingTheSampleUpdatesThePreview()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(
        w,
        u"{\"id\": $input.path('$.id'), \"pet\": \"$input.params('petId')\", \"v\": \"$stageVariables.v\"}"_s);
    QCOMPARE(w.previewText(), u"{\n  \"id\": 7,\n  \"pet\": \"7\",\n  \"v\": \"\"\n}"_s);

    auto *body = w.findChild<QPlainTextEdit *>(u"sampleBody"_s);
    body->selectAll();
    QTest::keyClicks(body, u"{\"id\": 42}"_s);
    QTRY_COMPARE(w.previewText(), u"{\n  \"id\": 42,\n  \"pet\": \"7\",\n  \"v\": \"\"\n}"_s);

    auto *stage = w.findChild<QPlainTextEdit *>(u"sampleStageVariables"_s);
    stage->setPlainText(u"{\"v\": \"blue\"}"_s);
    QTRY_COMPARE(w.previewText(), u"{\n  \"id\": 42,\n  \"pet\": \"7\",\n  \"v\": \"blue\"\n}"_s);

    stage->setPlainText(u"{\"v\": "_s);
    QTRY_COMPARE(
        w.statusText(),
        u"Sample stage variables: line 1, column 6: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal"_s);
}

void TestTemplateWorkbench::parseErrorIsUnderlinedAtItsLineAndColumn()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(w, u"{\n  \"a\": 1,\n  #set($a = \n#end\n}"_s);
    QCOMPARE(w.errorLine(), 4);
    QCOMPARE(w.errorColumn(), 1);
    const QString message
        = u"expected a value (a reference, a string, a number, true, false, a list or a map), found '#'"_s;
    QCOMPARE(w.errorMessage(), message);
    QCOMPARE(w.statusText(), u"Error at line 4, column 1: "_s + message);
    QsciScintilla *editor = w.editor();
    QVERIFY(underlined(editor, 4, 1));
    QVERIFY(!underlined(editor, 3, 3));
    QCOMPARE(editor->annotation(3), u"4:1 "_s + message);
    QVERIFY(!w.isPreviewCurrent());
}

void TestTemplateWorkbench::runtimeErrorIsUnderlinedAtItsLineAndColumn()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(w, u"{\n  \"n\": \"$input.path('$.name').substring(9)\"\n}"_s);
    QCOMPARE(w.errorLine(), 2);
    QCOMPARE(w.errorColumn(), 31); // the method that threw
    const QString message = u"$input.path('$.name').substring(9): begin 9, end 3, length 3"_s;
    QCOMPARE(w.errorMessage(), message);
    QCOMPARE(w.statusText(), u"Error at line 2, column 31: "_s + message);
    QVERIFY(underlined(w.editor(), 2, 31));
    QVERIFY(underlined(w.editor(), 2, 39)); // the whole name
    QVERIFY(!underlined(w.editor(), 2, 30));
    QVERIFY(!w.isPreviewCurrent());
    QVERIFY(!underlined(w.editor(), 1, 1));
}

void TestTemplateWorkbench::hoveringTheErrorShowsItsMessage()
{
    TemplateWorkbench w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    setAndRender(w, u"ok\n#set($a = \n#end"_s);
    QsciScintilla *editor = w.editor();
    const int pos = editor->positionFromLineIndex(2, 1);
    // What Scintilla reports when the mouse rests on a character.
    Q_EMIT editor->SCN_DWELLSTART(pos, 10, 10);
    QTRY_VERIFY(QToolTip::isVisible());
    QCOMPARE(QToolTip::text(), u"line 3, column 1: "_s + w.errorMessage());
    Q_EMIT editor->SCN_DWELLEND(pos, 10, 10);
    QTRY_VERIFY(!QToolTip::isVisible());
    // Elsewhere, no tip.
    Q_EMIT editor->SCN_DWELLSTART(editor->positionFromLineIndex(0, 0), 10, 10);
    QVERIFY(!QToolTip::isVisible());
}

void TestTemplateWorkbench::fixingTheErrorClearsIt()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(w, u"[1]"_s);
    setAndRender(w, u"#if(\n"_s);
    QVERIFY(w.errorLine() > 0);
    QCOMPARE(w.previewText(), u"[\n  1\n]"_s); // the last good output, greyed
    QVERIFY(!w.isPreviewCurrent());
    setAndRender(w, u"{}"_s);
    QCOMPARE(w.errorLine(), 0);
    QCOMPARE(w.statusText(), u"Valid JSON"_s);
    QVERIFY(w.isPreviewCurrent());
    QCOMPARE(w.previewText(), u"{}"_s);
    QVERIFY(!underlined(w.editor(), 1, 1));
    QCOMPARE(w.editor()->annotation(0), QString());
}

void TestTemplateWorkbench::jsonOutputIsPrettyPrinted()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(w, u"{\"a\":[1,2.50,{}],\"b\":{\"c\":\"x, {y}: [z]\",\"d\":[]},\"e\":null}"_s);
    QCOMPARE(
        w.previewText(),
        u"{\n  \"a\": [\n    1,\n    2.50,\n    {}\n  ],\n  \"b\": {\n    \"c\": \"x, {y}: [z]\",\n"
        "    \"d\": []\n  },\n  \"e\": null\n}"_s);
    QCOMPARE(w.statusText(), u"Valid JSON"_s);
}

void TestTemplateWorkbench::invalidJsonIsFlagged()
{
    TemplateWorkbench w;
    w.show();
    // The classic mistake: a string value without its quotes.
    setAndRender(w, u"{\n  \"name\": $input.path('$.name')\n}"_s);
    QCOMPARE(w.previewText(), u"{\n  \"name\": Rex\n}"_s); // shown as rendered, not reformatted
    QCOMPARE(
        w.statusText(),
        u"Not valid JSON: output line 2, column 11: syntax error while parsing value - invalid literal; last read: '\"name\": R'"_s);
    QCOMPARE(w.errorLine(), 0); // the template itself is fine
}

void TestTemplateWorkbench::otherContentTypesAreShownAsTheyAre()
{
    TemplateWorkbench w;
    w.show();
    QSignalSpy spy(&w, &TemplateWorkbench::rendered);
    w.findChild<QLineEdit *>(u"contentType"_s)->setText(u"application/xml"_s);
    setAndRender(w, u"<pet>$input.path('$.name')</pet>"_s);
    QCOMPARE(w.previewText(), u"<pet>Rex</pet>"_s);
    QCOMPARE(w.statusText(), u"Rendered 14 character(s)"_s);
}

void TestTemplateWorkbench::prettyJsonKeepsTokensAsWritten_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("expected");
    QTest::newRow("scalar") << u" 1e400 "_s << u"1e400"_s;
    QTest::newRow("escaped quote in a key")
        << u"{\"a\\\"b\" : true}"_s << u"{\n  \"a\\\"b\": true\n}"_s;
    QTest::newRow("empty containers with spaces") << u"[ { } , [ ] ]"_s << u"[\n  {},\n  []\n]"_s;
    QTest::newRow("whitespace inside strings kept") << u"[\" a \\n\"]"_s << u"[\n  \" a \\n\"\n]"_s;
}

void TestTemplateWorkbench::prettyJsonKeepsTokensAsWritten()
{
    QFETCH(QString, json);
    QFETCH(QString, expected);
    QCOMPARE(TemplateWorkbench::prettyJson(json), expected);
}

void TestTemplateWorkbench::runawayTemplateDoesNotBlockTheWindow()
{
    TemplateWorkbench w;
    w.show();
    setAndRender(w, QString());
    QElapsedTimer timer;
    timer.start();
    w.setTemplateText(
        u"#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])#end#end#end"_s);
    // Back in the event loop at once (the engine gives up after its step budget, seconds later):
    // the rendering runs on a worker.
    QVERIFY(w.isRendering());
    QVERIFY(timer.elapsed() < 1000);
    // Edits meanwhile are kept, and rendered once the runaway one is given up.
    w.setTemplateText(u"\"ok\""_s);
    QTRY_VERIFY_WITH_TIMEOUT(!w.isRendering() && w.previewText() == u"\"ok\""_s, 60000);
    QCOMPARE(w.statusText(), u"Valid JSON"_s);
}

QTEST_MAIN(TestTemplateWorkbench)
#include "tst_templateworkbench.moc"
