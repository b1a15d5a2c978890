// Properties of the template engine that conformance cases cannot show: thread safety, limits,
// error locations, and that templates which tie containers into cycles do not leak them.
#include "mapping/sampleinput.h"
#include "vtl/renderer.h"
#include "vtl/template.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace portico;

namespace {
QString render(const QString &text, const vtl::Variables &variables = {})
{
    const auto compiled = vtl::Template::compile(text);
    if (!compiled.ok())
        return QStringLiteral("compile error: ") + compiled.error().toString();
    const auto rendered = compiled->render(variables);
    return rendered.ok() ? rendered.value() : QStringLiteral("render error: ") + rendered.error().toString();
}

// The same rendering with JSON converted to maps and lists up front, as for a template that may
// change them.
QString renderConverted(const QString &text, const vtl::Variables &variables)
{
    const auto parsed = vtl::Parser::parse(text);
    if (!parsed.ok())
        return QStringLiteral("compile error: ") + parsed.error().toString();
    const auto rendered = vtl::Renderer(variables, false).render(*parsed.value());
    return rendered.ok() ? rendered.value() : QStringLiteral("render error: ") + rendered.error().toString();
}
} // namespace

class TestVtlEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void errorsSayWhere_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unclosed if") << QStringLiteral("a\n  #if($x)\nb")
                                     << QStringLiteral("compile error: error: line 2, column 3: unclosed #if: expected #end");
        QTest::newRow("stray end") << QStringLiteral("x\n#end")
                                   << QStringLiteral("compile error: error: line 2, column 1: #end without a matching #if, "
                                                     "#foreach, #macro or #define");
        QTest::newRow("parse refused") << QStringLiteral("#parse('other.vm')")
                                       << QStringLiteral("compile error: error: line 1, column 1: #parse is not supported: "
                                                         "a mapping template cannot read files or evaluate other templates");
        QTest::newRow("method throws") << QStringLiteral("#set($s = 'abc')\n$s.substring(5)")
                                       << QStringLiteral("render error: error: line 2, column 4: $s.substring(5): "
                                                         "begin 5, end 3, length 3");
    }
    void errorsSayWhere()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(render(text), expected);
    }

    void foreachStopsAtAwsCap()
    {
        QCOMPARE(render(QStringLiteral("#foreach($i in [1..5000])#set($n = $i)#end$n")), QStringLiteral("1000"));
    }

    void runawayTemplatesAreStopped()
    {
        const QString nested = QStringLiteral("#foreach($a in [1..1000])#foreach($b in [1..1000])#foreach($c in [1..1000])"
                                              "#end#end#end");
        QVERIFY(render(nested).startsWith(QLatin1String("render error: ")));
        const QString huge = QStringLiteral("#foreach($a in [1..1000])#foreach($b in [1..1000])0123456789abcdef#end#end");
        QVERIFY(render(huge).contains(QLatin1String("the output is larger than")));
        QVERIFY(render(QStringLiteral("#macro(m)#m()#end#m()")).startsWith(QLatin1String("render error: ")));
    }

    // One compiled template, rendered from several threads at once, gives every thread the same
    // output (each rendering has its own state; the tree is shared and never changed).
    void rendersConcurrently()
    {
        const auto compiled = vtl::Template::compile(QStringLiteral(
            "#set($r = $input.path('$'))#foreach($x in $r.items)$x.name=$x.n#if($foreach.hasNext),#end#end|$context.stage"));
        QVERIFY(compiled.ok());
        mapping::SampleInput input;
        input.body = QByteArrayLiteral(R"({"items":[{"name":"a","n":1},{"name":"b","n":2.5}]})");
        input.context = base::Json{{"stage", "prod"}};
        input.prepare();
        const QString expected = QStringLiteral("a=1,b=2.5|prod");
        std::vector<std::thread> threads;
        std::atomic<int> mismatches{0};
        for (int t = 0; t < 4; ++t) {
            threads.emplace_back([&] {
                for (int i = 0; i < 2000; ++i) {
                    const auto out = compiled->render(input.toVariables());
                    if (!out.ok() || out.value() != expected)
                        ++mismatches;
                }
            });
        }
        for (auto &t : threads)
            t.join();
        QCOMPARE(mismatches.load(), 0);
    }

    // Sharing prebuilt values with a template is only safe when it cannot change them.
    void knowsWhetherATemplateChangesContainers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("mayChange");
        QTest::newRow("reads only") << QStringLiteral("$context.stage $input.params('id') #foreach($x in $l)$x#end") << false;
        QTest::newRow("set of a variable") << QStringLiteral("#set($a = $context)#set($b = [1])$a.stage") << false;
        QTest::newRow("set of a property") << QStringLiteral("#set($context.responseOverride.status = 404)") << true;
        QTest::newRow("set of an index") << QStringLiteral("#set($l[0] = 1)") << true;
        QTest::newRow("put") << QStringLiteral("$m.put('a', 1)") << true;
        QTest::newRow("add in a condition") << QStringLiteral("#if($l.add(1))#end") << true;
        QTest::newRow("remove in a string") << QStringLiteral("#set($s = \"$m.remove('a')\")") << true;
        QTest::newRow("in a macro body") << QStringLiteral("#macro(m $x)$x.clear()#end#m($l)") << true;
        QTest::newRow("in a define") << QStringLiteral("#define($d)$l.set(0, 1)#end") << true;
    }
    void knowsWhetherATemplateChangesContainers()
    {
        QFETCH(QString, text);
        QFETCH(bool, mayChange);
        const auto compiled = vtl::Template::compile(text);
        QVERIFY(compiled.ok());
        QCOMPARE(compiled->mayChangeContainers(), mayChange);
    }

    // Regression: $l.add($l) made a list that contained itself and was never freed.
    // Variables are found by slot numbers given at compile time; the scoping is Velocity 1.7's:
    // macro parameters (read by name, last of a repeated name), $foreach and $velocityCount inside
    // loops, globals otherwise. Expectations from the engine as it was with name lookups.
    void variablesResolveAsVelocity_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("scope 1") << QStringLiteral("#macro(m $foreach)$foreach.index|#foreach($x in [1,2])$foreach.index#end#end#m('s')#foreach($y in [7])#m($y)#end")
                                 << QStringLiteral("||");
        QTest::newRow("scope 2") << QStringLiteral("#macro(m $a $a)$a#end#m(1 2)|#macro(n $a)#set($a = 5)$a#end#n($z)$z|#set($z = 3)#n($z)$z")
                                 << QStringLiteral("2|5|53");
        QTest::newRow("scope 3") << QStringLiteral("#macro(m $x)#foreach($x in [1,2])$x#end$x#end#m('outer')|#set($x = 'g')#m($x)$x")
                                 << QStringLiteral("12outer|12gg");
        QTest::newRow("scope 4") << QStringLiteral("#set($foreach = 'g')$foreach $foreach.length() #foreach($i in [1])$foreach.count $velocityCount#end $foreach")
                                 << QStringLiteral("g 1 1 1 g");
        QTest::newRow("scope 5") << QStringLiteral("#set($velocityCount = 9)$velocityCount #foreach($i in [1,2])$velocityCount#end $velocityCount")
                                 << QStringLiteral("9 12 9");
        QTest::newRow("scope 6") << QStringLiteral("#macro(m $l)$l.size()#set($l = [1])$l.size()#end#m([1,2,3])#m(\"$foreach\")")
                                 << QStringLiteral("311");
        QTest::newRow("scope 7") << QStringLiteral("#foreach($a in [1,2])#foreach($b in ['x','y'])$foreach.parent.index$foreach.index $foreach.first$foreach.last #end#end")
                                 << QStringLiteral("00 truefalse 01 falsetrue 10 truefalse 11 falsetrue ");
        QTest::newRow("scope 8") << QStringLiteral("#define($d)D$x#end#set($x = 1)$d.foo $d #macro(m $d)$d#end#m('p')")
                                 << QStringLiteral(" D1 p");
        QTest::newRow("scope 9") << QStringLiteral("#macro(outer $a)#inner($a $a)#end#macro(inner $p $q)$p$q#end#outer('z')#set($v = 1)#outer(\"$v\")")
                                 << QStringLiteral("zz11");
        QTest::newRow("scope 10") << QStringLiteral("#foreach($i in [1,2,3])#if($foreach.index == 1)#break#end$i#end$i")
                                 << QStringLiteral("1");
        QTest::newRow("scope 11") << QStringLiteral("#set($m = {'a': {'b': 1}})$m.a.b $m.c.d $!m.c #set($m.a.b = 2)$m.a.b")
                                 << QStringLiteral("1  2");
    }
    void variablesResolveAsVelocity()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(render(text), expected);
    }

    // A template that cannot change lists and maps reads $input.path's JSON in place (JsonRef);
    // whatever it does with it gives what the maps and lists of a full conversion give.
    void jsonReadInPlaceBehavesAsConverted_data()
    {
        QTest::addColumn<QString>("text");
        const char *templates[] = {
            "$input.path('$')|$input.path('$.a')|$input.path('$.a.b')|$input.path('$.nope')",
            "#set($r = $input.path('$'))$r.a.b[0] $r.a.b[-1].c $r.a.b.size() $r.a.size() $r.size() $r.dup $r.get('kéy')",
            "#set($r = $input.path('$'))$r.a.keySet() $r.a.values() $r.a.entrySet() $r.keySet()",
            "#set($r = $input.path('$'))#foreach($x in $r.a.b)[$x]$foreach.hasNext#end #foreach($v in $r.a)$v;#end",
            "#set($r = $input.path('$'))$r.a.b.contains(2.5) $r.list.contains({'id': 1}) $r.a.b.indexOf('x') $r.a.b.subList(1, 3)",
            "#set($r = $input.path('$'))#if($r.a == $r.a)y#end #if($r.list[0] == $r.list[1])y#{else}n#end #if($r.list[0] == {'id': 1})y#end",
            "#set($r = $input.path('$'))$r.empty.isEmpty() $r.eo.isEmpty() $r.empty.empty $r.eo.empty $r.a.b.get(1) $r.a.get('e') $r.a.containsKey('e')",
            "#set($r = $input.path('$'))$util.escapeJavaScript($r.a) #set($m = {'k': $r.a})$m #set($l = [$r.a.b, $r.eo])$l",
            "#set($r = $input.path('$'))$r.a.toString() $r.a.b.toString() \"$r.list\" $r.list.get(1).id $r.list[0]['id'] $r.a['e']",
            "$input.path('$.list[*].id') $input.path('$..id') $input.path('$.list[0]') $input.path('$.a.b[5]')",
            "#foreach($x in $input.path('$.list'))$x.id$foreach.hasNext #end#foreach($x in $input.path('$.a.e'))$x#end",
            "#set($r = $input.path('$'))$r.a.b.equals($r.a.b) $r.a.equals($input.path('$.a')) $r.list.equals($r.a) #set($x = $r.dup + 1)$x",
            "#set($r = $input.path('$'))$r.nope $r.a.nope $!r.a.b.nope $r.a.b.nope $r.a.b[1].intValue() $r.a.b.get(0).class",
            "#set($r = $input.path('$'))#set($s = $r.a.e + $r.a)$s $r.a.b.hashCode() $r.num $r.big $r.neg",
            "#set($r = $input.path('$'))$r.list[7]",
            "#set($r = $input.path('$'))$r.a.b.get(9)",
            "#set($r = $input.path('$'))#foreach($i in [0..3])$r.a.b[$i]#end $r.a.b['0'] $r.a[0] $r.get(1)",
        };
        for (const char *t : templates)
            QTest::newRow(t) << QString::fromUtf8(t);
    }
    void jsonReadInPlaceBehavesAsConverted()
    {
        QFETCH(QString, text);
        mapping::SampleInput input;
        input.body = QByteArrayLiteral(R"({"a":{"b":[1,2.5,"x",true,null,{"c":"d"}],"e":"f"},"dup":1,"dup":2,)"
                                       R"("kéy":"v","list":[{"id":1},{"id":2}],"empty":[],"eo":{},)"
                                       R"("num":1.0E3,"big":18446744073709551615,"neg":-0.0})");
        input.prepare();
        const auto compiled = vtl::Template::compile(text);
        QVERIFY(compiled.ok());
        QVERIFY(!compiled->mayChangeContainers());
        QCOMPARE(render(text, input.toVariables(false)), renderConverted(text, input.toVariables()));
    }

    void cyclesAreBrokenAfterRendering()
    {
        auto list = std::make_shared<vtl::List>();
        auto map = std::make_shared<vtl::Map>();
        vtl::Variables variables;
        variables.insert(QStringLiteral("l"), list);
        variables.insert(QStringLiteral("m"), map);
        QCOMPARE(render(QStringLiteral("#set($x = $l.add($l))#set($m.self = $m)$l.size() $m.size()"), variables),
                 QStringLiteral("1 1"));
        variables.clear();
        QCOMPARE(list.use_count(), 1);
        QCOMPARE(map.use_count(), 1);
    }
};

QTEST_GUILESS_MAIN(TestVtlEngine)
#include "tst_vtl_engine.moc"
