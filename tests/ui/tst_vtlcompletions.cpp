// What the template workbench offers where, as text, and then in the real editor: typing `$in`,
// Ctrl+Space, choosing a word.
#include "base/json.h"
#include "workbench/qscintilla.h"
#include "workbench/templategenerator.h"
#include "workbench/templateworkbench.h"
#include "workbench/vtlcompletions.h"

#include <QSignalSpy>
#include <QTest>

using portico::workbench::TemplateWorkbench;
using portico::workbench::VtlCompletions;
using namespace Qt::StringLiterals;

class TestVtlCompletions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wordsForTheTextBeforeTheCursor()
    {
        VtlCompletions completions;
        completions.setModelSchema(
            uR"({"type":"object","properties":{"name":{"type":"string"},"owner":{"type":"object","properties":{"email":{"type":"string"}}},"tags":{"type":"array","items":{"type":"object","properties":{"label":{"type":"string"}}}}}})"_s);
        completions.setStageVariables({u"backendUrl"_s, u"tableName"_s});

        auto c = completions.at(u"{\"id\": $in"_s);
        QCOMPARE(c.words, QStringList {u"$input"_s});
        QCOMPARE(c.replace, 3);
        c = completions.at(u"$input."_s);
        QVERIFY(c.words.contains(u"json('$')"_s) && c.words.contains(u"params()"_s));
        c = completions.at(u"$util.esc"_s);
        QCOMPARE(c.words, QStringList {u"escapeJavaScript()"_s});
        c = completions.at(u"#set($ip = $context.identity.so"_s);
        QCOMPARE(c.words, QStringList {u"identity.sourceIp"_s});
        QCOMPARE(c.replace, int(u"identity.so"_s.size()));
        QCOMPARE(completions.at(u"$stageVariables.t"_s).words, QStringList {u"tableName"_s});
        QCOMPARE(completions.at(u"${context.req"_s).words.value(0), u"requestId"_s);
        c = completions.at(u"\"name\": \"$input.path('$."_s);
        QCOMPARE(
            c.words,
            (QStringList {u"name"_s, u"owner"_s, u"owner.email"_s, u"tags"_s, u"tags[0].label"_s}));
        QCOMPARE(completions.at(u"$input.json('$.owner.e"_s).words, QStringList {u"owner.email"_s});
        QVERIFY(completions.at(u"plain text"_s).words.isEmpty());
        QVERIFY(completions.at(u"$nothing.x"_s).words.isEmpty());
    }

    // "Generate from model": the skeleton renders the sample body into the same shape, quotes in
    // the data escaped, arrays through #foreach.
    void generateFromModelRendersTheBodyBack()
    {
        const QString schema
            = uR"({"type":"object","properties":{"name":{"type":"string"},"age":{"type":"integer"},"owner":{"type":"object","properties":{"email":{"type":"string"}}},"tags":{"type":"array","items":{"type":"object","properties":{"label":{"type":"string"}}}}}})"_s;
        const QString skeleton = portico::workbench::TemplateGenerator::fromSchema(schema);
        QVERIFY(skeleton.startsWith(u"#set($inputRoot = $input.path('$'))"_s));
        QVERIFY(portico::workbench::TemplateGenerator::fromSchema(u"{\"type\":\"string\"}"_s)
                    .isEmpty());

        TemplateWorkbench bench;
        bench.setSampleBody(
            // Not a raw string: moc misreads \" inside one and drops the test class.
            u"{\"name\": \"Rex \\\"the dog\\\"\", \"age\": 3, \"owner\": {\"email\": \"a@b.c\"}, "
            "\"tags\": [{\"label\": \"x\"}, {\"label\": \"y\"}]}"_s);
        bench.setModelSchema(schema);
        QVERIFY(bench.findChild<QWidget *>(u"generateFromModel"_s)->isEnabled());
        QSignalSpy edited(&bench, &TemplateWorkbench::templateEdited);
        QVERIFY(bench.generateFromModel());
        QVERIFY(!edited.isEmpty()); // an edit the document records, so undo removes it
        bench.renderNow();
        QTRY_VERIFY(!bench.isRendering());
        const auto output
            = portico::base::Json::parse(bench.previewText().toStdString(), nullptr, false);
        QVERIFY2(!output.is_discarded(),
                 qPrintable(bench.templateText() + u"\n---\n"_s + bench.previewText() + u"\n---\n"_s
                            + bench.statusText()));
        QCOMPARE(output["name"].get<std::string>(), std::string("Rex \"the dog\""));
        QCOMPARE(output["age"].get<int>(), 3);
        QCOMPARE(output["owner"]["email"].get<std::string>(), std::string("a@b.c"));
        QCOMPARE(output["tags"].size(), size_t(2));
        QCOMPARE(output["tags"][1]["label"].get<std::string>(), std::string("y"));
    }

    void typingAndChoosingInTheEditor()
    {
        TemplateWorkbench bench;
        bench.show();
        QsciScintilla *editor = bench.editor();
        editor->setFocus();
        QTest::keyClicks(editor, u"{\"ip\": \"$context.identity.so"_s);
        QCOMPARE(bench.showCompletions(), 1);
        QVERIFY(editor->isListActive());
        Q_EMIT editor->userListActivated(1, u"identity.sourceIp"_s);
        QCOMPARE(editor->text(), u"{\"ip\": \"$context.identity.sourceIp"_s);
        // The completed reference renders from the sample context.
        QTest::keyClicks(editor, u"\"}"_s);
        bench.renderNow();
        QTRY_VERIFY(!bench.isRendering());
        QVERIFY2(bench.previewText().contains(u"\"ip\""_s), qPrintable(bench.previewText()));
    }
};

QTEST_MAIN(TestVtlCompletions)
#include "tst_vtlcompletions.moc"
