// The JSONPath engine behind $input.json and $input.path: Jayway JsonPath's results over a
// simdjson document, compared as whole compact-JSON outputs; compile errors compared as whole
// diagnostics.
#include "jsonpath/compactjson.h"
#include "jsonpath/path.h"

#include "base/limits.h"

#include <QtTest>

#include <simdjson.h>

#include <thread>

using namespace portico;
using namespace portico::jsonpath;

class TestJsonPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void goessnerBookstore_data();
    void goessnerBookstore();
    void syntaxForms_data();
    void syntaxForms();
    void missingAndMismatchedValues_data();
    void missingAndMismatchedValues();
    void filters_data();
    void filters();
    void jaywayQuirksAreKept_data();
    void jaywayQuirksAreKept();
    void fuzzRegressions_data();
    void fuzzRegressions();
    void definiteness_data();
    void definiteness();
    void compileErrors_data();
    void compileErrors();
    void compactJson_data();
    void compactJson();
    void notFoundIsANullString();
    void matchesAreHandlesIntoTheDocument();
    void deepDocumentDoesNotRecurse();
    void limitsStopTheEvaluation_data();
    void limitsStopTheEvaluation();
    void evaluatesConcurrently();
};

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// Owns the parser, which owns the document the elements point into.
struct Document
{
    explicit Document(const QByteArray &json)
    {
        ok = !parser.parse(json.constData(), static_cast<std::size_t>(json.size())).get(root);
    }
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    bool ok = false;
};

// What a test compares: the compact JSON $input.json would print (a list for an indefinite
// path), "<not found>" when the path found nothing, or the diagnostic of a failure.
QString run(const QString &pathText, const QByteArray &json)
{
    Document document(json);
    if (!document.ok)
        return QStringLiteral("<invalid test document>");
    const base::Result<Path> path = Path::compile(pathText);
    if (!path)
        return path.error().toString();
    const base::Result<Matches> matches = path->evaluate(document.root);
    if (!matches)
        return matches.error().toString();
    const QString json_ = toCompactJson(matches.value());
    return json_.isNull() ? QStringLiteral("<not found>") : json_;
}

const QByteArray kBookstore = R"({
  "store": {
    "book": [
      {"category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century",
       "price": 8.95},
      {"category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour",
       "price": 12.99},
      {"category": "fiction", "author": "Herman Melville", "title": "Moby Dick",
       "isbn": "0-553-21311-3", "price": 8.99},
      {"category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings",
       "isbn": "0-395-19395-8", "price": 22.99}
    ],
    "bicycle": {"color": "red", "price": 19.95}
  },
  "expensive": 10
})";

#define BOOK0                                                                                      \
    R"({"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95})"
#define BOOK1                                                                                      \
    R"({"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99})"
#define BOOK2                                                                                      \
    R"({"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99})"
#define BOOK3                                                                                      \
    R"({"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99})"
#define BICYCLE R"({"color":"red","price":19.95})"

const QByteArray kSyntax = R"({"a": {"b": "c", "d": [1, 2, 3, 4, 5]}, "key with space": 1,
  "quote'd": 2, "dq\"x": 3, "ünï": "çødé", "e": [{"f": 1}, {"f": 2, "g": {"f": 3}}],
  "n": null, "t": true, "*": "star", "": "empty", "0": "zero", "a.b": "dotted",
  "back\\slash": 4})";

const QByteArray kItems = R"({"items": [
  {"id": 1, "name": "apple", "price": 1.5, "tags": ["fruit", "red"], "stock": null},
  {"id": 2, "name": "Banana", "price": 0.25, "tags": ["fruit"], "flag": true},
  {"id": 3, "name": "carrot", "price": 2, "tags": [], "dims": {"w": 1}},
  {"id": "4", "name": "", "price": "2", "flag": false}
], "limit": 1.5, "wanted": ["apple", "carrot"]})";

void addRow(const char *path, const char *expected)
{
    QTest::newRow(path) << s(path) << s(expected);
}

} // namespace

void TestJsonPath::goessnerBookstore_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    // Goessner's and Jayway's README examples, results in Jayway's order.
    addRow("$.store.book[*].author",
           R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
    addRow("$..author", R"(["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"])");
    addRow("$.store.*", "[[" BOOK0 "," BOOK1 "," BOOK2 "," BOOK3 "]," BICYCLE "]");
    addRow("$.store..price", "[8.95,12.99,8.99,22.99,19.95]");
    addRow("$..book[2]", "[" BOOK2 "]");
    addRow("$..book[-2]", "[" BOOK2 "]");
    addRow("$..book[0,1]", "[" BOOK0 "," BOOK1 "]");
    addRow("$..book[:2]", "[" BOOK0 "," BOOK1 "]");
    addRow("$..book[1:2]", "[" BOOK1 "]");
    addRow("$..book[-2:]", "[" BOOK2 "," BOOK3 "]");
    addRow("$..book[2:]", "[" BOOK2 "," BOOK3 "]");
    addRow("$..book[?(@.isbn)]", "[" BOOK2 "," BOOK3 "]");
    addRow("$.store.book[?(@.price < 10)]", "[" BOOK0 "," BOOK2 "]");
    addRow("$..book[?(@.price <= $['expensive'])]", "[" BOOK0 "," BOOK2 "]");
    addRow("$..book[?(@.author =~ /.*REES/i)]", "[" BOOK0 "]");
    addRow("$..*",
           "[{\"book\":[" BOOK0 "," BOOK1 "," BOOK2 "," BOOK3 "],\"bicycle\":" BICYCLE "},10,"
           "[" BOOK0 "," BOOK1 "," BOOK2 "," BOOK3 "]," BICYCLE "," BOOK0 "," BOOK1 "," BOOK2
           "," BOOK3 ","
           R"("reference","Nigel Rees","Sayings of the Century",8.95,)"
           R"("fiction","Evelyn Waugh","Sword of Honour",12.99,)"
           R"("fiction","Herman Melville","Moby Dick","0-553-21311-3",8.99,)"
           R"("fiction","J. R. R. Tolkien","The Lord of the Rings","0-395-19395-8",22.99,)"
           R"("red",19.95])");
    addRow("$.store.book[0].title", R"("Sayings of the Century")");
    addRow("$['store']['book'][0]['title']", R"("Sayings of the Century")");
    addRow("$.store.book[-1].price", "22.99");
    addRow("$.store.bicycle", BICYCLE);
    addRow("$.expensive", "10");
    addRow("$.store.book[0]['author','title']",
           R"({"author":"Nigel Rees","title":"Sayings of the Century"})");
    addRow("$.store.book[*]['title','isbn']",
           R"([{"title":"Sayings of the Century"},{"title":"Sword of Honour"},)"
           R"({"title":"Moby Dick","isbn":"0-553-21311-3"},)"
           R"({"title":"The Lord of the Rings","isbn":"0-395-19395-8"}])");
    addRow("$.store.book[?(@.category == 'fiction' && @.price < 20)].title",
           R"(["Sword of Honour","Moby Dick"])");
    addRow("$..book[?(@.price > $.store.bicycle.price)].author", R"(["J. R. R. Tolkien"])");
}

void TestJsonPath::goessnerBookstore()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(run(path, kBookstore), expected);
}

void TestJsonPath::syntaxForms_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    addRow("$",
           R"({"a":{"b":"c","d":[1,2,3,4,5]},"key with space":1,"quote'd":2,"dq\"x":3,)"
           R"("ünï":"çødé","e":[{"f":1},{"f":2,"g":{"f":3}}],"n":null,"t":true,)"
           R"("*":"star","":"empty","0":"zero","a.b":"dotted","back\\slash":4})");
    addRow("$.a.b", R"("c")");
    addRow("$['a']['b']", R"("c")");
    addRow(R"($["a"]["b"])", R"("c")");
    addRow("$.a['b']", R"("c")");
    addRow("$['a'].b", R"("c")");
    addRow("$.['a']", R"({"b":"c","d":[1,2,3,4,5]})");
    addRow("$[ 'a' ][ \"b\" ]", R"("c")");
    addRow("$['key with space']", "1");
    addRow(R"($['quote\'d'])", "2");
    addRow(R"($["quote'd"])", "2");
    addRow(R"($["dq\"x"])", "3");
    addRow(R"($['dq"x'])", "3");
    addRow(R"($['back\\slash'])", "4");
    addRow("$.ünï", R"("çødé")");
    addRow("$['ünï']", R"("çødé")");
    addRow(R"($['\u00fcn\u00EF'])", R"("çødé")");
    addRow("$['*']", R"("star")");
    addRow("$['']", R"("empty")");
    addRow("$['0']", R"("zero")");
    addRow("$['a.b']", R"("dotted")");
    addRow("$.n", "null");
    addRow("$.t", "true");
    addRow("$.a.d[0]", "1");
    addRow("$.a.d[4]", "5");
    addRow("$.a.d[-1]", "5");
    addRow("$.a.d[-5]", "1");
    addRow("$.a.d[0,2]", "[1,3]");
    addRow("$.a.d[ 0 , 2 ]", "[1,3]");
    addRow("$.a.d[4,0,4]", "[5,1,5]");
    addRow("$.a.d[-1,0]", "[5,1]");
    addRow("$.a.d[1:3]", "[2,3]");
    addRow("$.a.d[1:]", "[2,3,4,5]");
    addRow("$.a.d[:2]", "[1,2]");
    addRow("$.a.d[-2:]", "[4,5]");
    addRow("$.a.d[:-2]", "[1,2,3]");
    addRow("$.a.d[-3:-1]", "[3,4]");
    addRow("$.a.d[0:100]", "[1,2,3,4,5]");
    addRow("$.a.d[-100:]", "[1,2,3,4,5]");
    addRow("$.a.d[:100]", "[1,2,3,4,5]");
    addRow("$.a.d[3:1]", "[]");
    addRow("$.a.d[*]", "[1,2,3,4,5]");
    addRow("$.a.d.*", "[1,2,3,4,5]");
    addRow("$.a.*", R"(["c",[1,2,3,4,5]])");
    addRow("$.a[*]", R"(["c",[1,2,3,4,5]])");
    addRow("$.e[*].f", "[1,2]");
    addRow("$..f", "[1,2,3]");
    addRow("$.e..f", "[1,2,3]");
    addRow("$..g.f", "[3]");
    addRow("$..['f']", "[1,2,3]");
    addRow("$..[0]", R"([1,{"f":1}])");
    addRow("$.e..*", R"([{"f":1},{"f":2,"g":{"f":3}},1,2,{"f":3},3])");
    addRow("$.e[?(@.g)]", R"([{"f":2,"g":{"f":3}}])");
    addRow("$['a','t']", R"({"a":{"b":"c","d":[1,2,3,4,5]},"t":true})");
    addRow("$['t','missing','n']", R"({"t":true,"n":null})");
    addRow("$['missing','other']", "{}");
    addRow("$['t','t']", R"({"t":true})");
    addRow("$.e[*]['f','g']", R"([{"f":1},{"f":2,"g":{"f":3}}])");
    addRow("$['a','e'][*]", R"(["c",[1,2,3,4,5],{"f":1},{"f":2,"g":{"f":3}}])");
    // No root: Jayway reads the path as if it began with "$.".
    addRow("a.b", R"("c")");
    addRow("a.d[1]", "2");
    addRow("['a']['b']", R"("c")");
    addRow("[ 'a' ].b", R"("c")");
    addRow("*",
           R"([{"b":"c","d":[1,2,3,4,5]},1,2,3,"çødé",[{"f":1},{"f":2,"g":{"f":3}}],)"
           R"(null,true,"star","empty","zero","dotted",4])");
    // '@' at the top level is the document too.
    addRow("@.a.b", R"("c")");
    addRow("  $.a.b\t ", R"("c")");
}

void TestJsonPath::syntaxForms()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(run(path, kSyntax), expected);
}

void TestJsonPath::missingAndMismatchedValues_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    // A definite path that misses is "not found" ($input.json prints ""); an indefinite path
    // gives a list, empty or not, unless a definite part before it already missed.
    addRow("$.nothing", "<not found>");
    addRow("$.nothing.here", "<not found>");
    addRow("$.nothing[*]", "<not found>");
    addRow("$.nothing..f", "<not found>");
    addRow("$..nothing", "[]");
    addRow("$.e[*].missing", "[]");
    addRow("$.e[*].g.f", "[3]");
    addRow("$.a.d[10]", "<not found>");
    addRow("$.a.d[-6]", "<not found>");
    addRow("$.a.d[10,11]", "[]");
    addRow("$.a.d[7:9]", "[]");
    addRow("$.a.b[0]", "<not found>");
    addRow("$.a.b.c", "<not found>");
    addRow("$.n.x", "<not found>");
    addRow("$.a[0]", "<not found>");
    addRow("$.a.d.x", "<not found>");
    addRow("$.e[*][0]", "[]");
    addRow("$.a.b[*]", "[]");
    addRow("$.a.b.*", "[]");
    addRow("$.a.b[1:2]", "<not found>");
    addRow("$.e[*].f[1:2]", "[]");
    addRow("$.a.b[?(@.x)]", "<not found>");
    addRow("$.e[*].f[?(@.x)]", "[]");
    // A filter on an object tests the object itself.
    addRow("$.a[?(@.b == 'c')]", R"([{"b":"c","d":[1,2,3,4,5]}])");
    addRow("$.a[?(@.b == 'x')]", "[]");
    addRow("$['missing','other'].x", "[]");
}

void TestJsonPath::missingAndMismatchedValues()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(run(path, kSyntax), expected);
}

void TestJsonPath::filters_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    auto filter = [](const char *condition, const char *expected) {
        const QString path = QStringLiteral("$.items[?(%1)].id").arg(s(condition));
        QTest::newRow(condition) << path << s(expected);
    };
    filter("@.price < 2", "[1,2]");
    filter("@.price<2", "[1,2]");
    filter("@.price <= 2", "[1,2,3]");
    filter("@.price > 1.5", "[3]");
    filter("@.price >= 1.5", "[1,3]");
    // Jayway's lenient equality: a string and a number are equal when their texts agree.
    filter("@.price == 2", R"([3,"4"])");
    filter("@.price == '2'", R"([3,"4"])");
    filter("@.price === 2", "[3]");
    filter("@.price !== 2", R"([1,2,"4"])");
    filter("@.price != 2", "[1,2]");
    filter("@.id == 4", R"(["4"])");
    filter("@.price == 1.50", "[1]");
    filter("@.name == 'apple'", "[1]");
    filter("@.name == \"apple\"", "[1]");
    filter("@.name != 'apple'", R"([2,3,"4"])");
    filter("@.name > 'b'", "[3]");
    filter("@.name =~ /b.*/i", "[2]");
    filter("@.name =~ /b.*/", "[]");
    filter("@.name =~ /.*an.*/", "[2]");
    filter("@.id =~ /[0-9]/", R"([1,2,3,"4"])");
    // =~ reads a missing value as "", which .* matches whole.
    filter("@.missing =~ /.*/", R"([1,2,3,"4"])");
    filter("/APPLE/i =~ @.name", "[1]");
    filter("@.flag", R"([2,"4"])");
    filter("!@.flag", "[1,3]");
    filter("@.stock", "[1]");
    filter("@.stock == null", "[1]");
    filter("@.flag == true", "[2]");
    filter("@.flag == false", R"(["4"])");
    filter("@.price < 2 && @.name != 'apple'", "[2]");
    filter("@.price < 1 || @.id == 3", "[2,3]");
    filter("@.name=='apple'&&@.id==1", "[1]");
    // && binds tighter than ||.
    filter("@.id == 2 || @.id == 1 && @.price > 100", "[2]");
    filter("(@.id == 2 || @.id == 1) && @.price > 100", "[]");
    filter("!(@.price < 2)", R"([3,"4"])");
    filter("@.price > 1 && !(@.name == 'carrot')", "[1]");
    filter("@.tags contains 'red'", "[1]");
    filter("@.name contains 'arr'", "[3]");
    filter("@.name in ['apple', 'carrot']", "[1,3]");
    filter("@.name IN ['apple', 'carrot']", "[1,3]");
    filter("@.name in $.wanted", "[1,3]");
    filter("@.name nin ['apple', 'carrot']", R"([2,"4"])");
    filter("@.id in [1, '2']", "[1,2]");
    filter("@.tags size 2", "[1]");
    // `size` reads its number as Java's intValue(): truncated, wrapped to 32 bits.
    filter("@.tags size 2.9", "[1]");
    filter("@.tags size 4294967298", "[1]");
    filter("@.tags size 1e40", "[3]");
    filter("@.name size 6", "[2,3]");
    filter("@.tags empty true", "[3]");
    filter("@.tags empty false", "[1,2]");
    filter("@.name empty true", R"(["4"])");
    filter("@.tags anyof ['red', 'green']", "[1]");
    filter("@.tags noneof ['red']", "[2,3]");
    filter("@.tags subsetof ['fruit', 'red', 'x']", "[1,2,3]");
    filter("@.dims == {\"w\": 1}", "[3]");
    filter("@.dims == {'w': 1.0}", "[]");
    filter("@.tags == ['fruit']", "[2]");
    filter("@.price > $.limit", "[3]");
    filter("@.price == $.limit", "[1]");
    filter("@.tags[0] == 'fruit'", "[1,2]");
    filter("@.tags[-1] == 'red'", "[1]");
    filter("@.tags[*] == 'fruit'", "[]");
    filter("@.tags[?(@ == 'red')]", "[1]");
    filter("@.dims.w", "[3]");
    filter("@", R"([1,2,3,"4"])");
    filter("$.limit", R"([1,2,3,"4"])");
    filter("$.nothing", "[]");
    QTest::newRow("scalar items") << s("$.wanted[?(@ == 'apple')]") << s(R"(["apple"])");
    QTest::newRow("deep scan filter") << s("$..[?(@.w)]") << s(R"([{"w":1}])");
    QTest::newRow("nested brackets in filter")
        << s("$.items[?(@['name'] == 'apple')]['id','name']") << s(R"([{"id":1,"name":"apple"}])");
}

void TestJsonPath::filters()
{
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QCOMPARE(run(path, kItems), expected);
}

void TestJsonPath::jaywayQuirksAreKept_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    const QByteArray five = "[1, 2, 3, 4, 5]";
    // [from:to] maps each negative index on its own: no Python-style clamping.
    QTest::newRow("slice -1:2") << s("$[-1:2]") << five << s("[5,1,2]");
    QTest::newRow("slice 1:-1") << s("$[1:-1]") << five << s("[]");
    // Only the text changes: ".a" becomes "$..a".
    QTest::newRow("leading dot is a deep scan")
        << s(".f") << QByteArray(R"({"f": 1, "o": {"f": 2}})") << s("[1,2]");
    // Jayway's scan hands every item of a matching array to the segment after [0].
    QTest::newRow("deep scan index before a name")
        << s("$..[0].n") << QByteArray(R"({"x": [{"n": 1}, {"n": 2}]})") << s("[1,2]");
    // json-smart keeps the last value of a duplicate key, at the first key's position.
    QTest::newRow("duplicate key value")
        << s("$.a") << QByteArray(R"({"a": 1, "b": 0, "a": 2})") << s("2");
    QTest::newRow("duplicate key print")
        << s("$") << QByteArray(R"({"a": 1, "b": 0, "a": 2})") << s(R"({"a":2,"b":0})");
    QTest::newRow("duplicate key wildcard")
        << s("$.*") << QByteArray(R"({"a": 1, "b": 0, "a": 2})") << s("[2,0]");
    QTest::newRow("duplicate key deep scan")
        << s("$..x") << QByteArray(R"({"a": {"x": 1}, "a": {"x": 2}})") << s("[2]");
    // A final multi-name bracket inside a deep scan needs every name present.
    QTest::newRow("deep scan merge")
        << s("$..['a','b']") << QByteArray(R"([{"a": 1}, {"a": 2, "b": 3}])")
        << s(R"([{"a":2,"b":3}])");
    QTest::newRow("scalar document") << s("$") << QByteArray("42") << s("42");
    QTest::newRow("scalar document child") << s("$.a") << QByteArray("42") << s("<not found>");
    QTest::newRow("scalar document scan") << s("$..*") << QByteArray("42") << s("[]");
    QTest::newRow("empty array index") << s("$[0]") << QByteArray("[]") << s("<not found>");
    QTest::newRow("empty array wildcard") << s("$[*]") << QByteArray("[]") << s("[]");
    QTest::newRow("null items") << s("$[*]") << QByteArray("[40, null, 42]") << s("[40,null,42]");
}

void TestJsonPath::fuzzRegressions_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    // jsonpath_fuzzer: a number too large for a 64-bit integer after `size` was cast from double
    // to long long, which is undefined behaviour.
    QTest::newRow("size with a 78-digit number")
        << (s("$[?(@.v size 2") + QString(77, u'8') + s(" || @.v2[*] empty false)]"))
        << QByteArray(R"([{"v": [1, 2]}, {"v": "2"}])") << s("[]");
}

void TestJsonPath::fuzzRegressions()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    QCOMPARE(run(path, document), expected);
}

void TestJsonPath::jaywayQuirksAreKept()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    QCOMPARE(run(path, document), expected);
}

void TestJsonPath::definiteness_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<bool>("definite");
    auto row = [](const char *path, bool definite) { QTest::newRow(path) << s(path) << definite; };
    row("$", true);
    row("$.a", true);
    row("$.a.b[0]", true);
    row("$.a[-1]", true);
    row("$['a']", true);
    row("a.b", true);
    // A final multi-name bracket merges into one object.
    row("$['a','b']", true);
    row("$.a['b','c']", true);
    row("$['a','b'].c", false);
    row("$.a[0,1]", false);
    row("$.a[*]", false);
    row("$.*", false);
    row("$..a", false);
    row("$.a[1:2]", false);
    row("$.a[:2]", false);
    row("$.a[?(@.b)]", false);
    row("$.a[?(@.b)].c", false);
}

void TestJsonPath::definiteness()
{
    QFETCH(QString, path);
    QFETCH(bool, definite);
    const base::Result<Path> compiled = Path::compile(path);
    QVERIFY(compiled);
    QCOMPARE(compiled->isDefinite(), definite);
}

void TestJsonPath::compileErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("error");
    auto row
        = [](const char *path, const char *error) { QTest::newRow(path) << s(path) << s(error); };
    const char *const value = "expected a value: a path (@... or $...), a string, a number, true, "
                              "false, null, a JSON array or object, or a /regex/";
    row("", "error: column 1: expected a JSONPath such as $.name");
    row("   ", "error: column 1: expected a JSONPath such as $.name");
    row("$.", "error: column 3: expected a property name after '.'");
    row("$.a.", "error: column 5: expected a property name after '.'");
    row("  $.a.", "error: column 7: expected a property name after '.'");
    row("a.", "error: column 3: expected a property name after '.'");
    row("ü.", "error: column 3: expected a property name after '.'");
    row("$..", "error: column 4: expected a property name, '*' or '[' after '..'");
    row("$...a", "error: column 4: expected a property name, '*' or '[' after '..'");
    row("$a", "error: column 2: expected '.' or '[' after '$'");
    row("$ .a", "error: column 2: expected '.' or '[' after '$'");
    row("$.a[",
        "error: column 5: expected a quoted name, an index, a slice, '*' or '?(' after '['");
    row("$.list[",
        "error: column 8: expected a quoted name, an index, a slice, '*' or '?(' after '['");
    row("$[x]",
        "error: column 3: expected a quoted name, an index, a slice, '*' or '?(' after '['");
    row("$['a'", "error: column 6: expected ',' or ']' after a name");
    row("$['a'.b]", "error: column 6: expected ',' or ']' after a name");
    row("$['a", "error: column 3: unterminated name: expected a closing '");
    row("$[\"a']", "error: column 3: unterminated name: expected a closing \"");
    row("$['a',]", "error: column 7: expected a quoted name after ','");
    row(R"($['a\qb'])", R"(error: column 5: unknown escape '\q' in a name)");
    row(R"($['\u12'])", R"(error: column 4: expected four hexadecimal digits after '\u')");
    row("$[0", "error: column 4: expected ',' or ']' after an index");
    row("$[0,]", "error: column 5: expected an index");
    row("$[1-2]", "error: column 4: expected ',' or ']' after an index");
    row("$[-]", "error: column 4: expected an index");
    row("$[:]", "error: column 4: expected a start or an end in the slice");
    row("$[0:4:2]",
        "error: column 6: a slice step is not supported (Jayway JsonPath, behind API "
        "Gateway, ignores it)");
    row("$[1:2", "error: column 6: expected ']' after the slice");
    row("$[99999999999]", "error: column 3: index out of range");
    row("$[*", "error: column 4: expected ']' after '*'");
    row("$[?@.a]", "error: column 4: expected '(' after '?'");
    row("$[?(@.a]", "error: column 8: expected ')' to close the filter");
    row("$[?(@.a)", "error: column 9: expected ']' after the filter");
    row("$[?()]",
        "error: column 5: "
        "expected a value: a path (@... or $...), a string, a "
        "number, true, false, null, a JSON array or object, or a /regex/");
    row("$[?(@.a == 1 || )]",
        "error: column 17: expected a value: a path (@... or $...), a "
        "string, a number, true, false, null, a JSON array or object, or a "
        "/regex/");
    row("$[?(@.a => 1)]", "error: column 9: unknown operator '=>'");
    row("$[?(@.a like 1)]", "error: column 9: unknown operator 'like'");
    row("$[?(@.a all [1])]", "error: column 9: the filter operator 'all' is not supported");
    row("$[?(1)]", "error: column 6: expected a comparison operator after the value");
    row("$[?('a' 'b')]", "error: column 9: expected a comparison operator after the value");
    row("$[?(!@.a == 1)]",
        "error: column 5: '!' before a path negates an existence test; "
        "write !(...) to negate a comparison");
    row("$[?(@.a == 'x)]", "error: column 12: unterminated string: expected a closing '");
    row("$[?(@.a =~ /x)]",
        "error: column 12: unterminated regular expression: expected a "
        "closing '/'");
    row("$[?(@.a =~ /x/q)]", "error: column 15: unknown regular expression flag 'q'");
    row("$[?(@.a =~ /(/)]",
        "error: column 12: invalid regular expression: missing closing "
        "parenthesis");
    row("$[?(@.a == 1.2.3)]", "error: column 12: invalid number '1.2.3'");
    row("$[?(@.a == [1, 2)]", "error: column 17: expected ',' or ']' in the array");
    row("$[?(@.a == {1: 2})]", "error: column 13: expected a quoted key in the object");
    row("$[?(@.a == {'k' 2})]", "error: column 17: expected ':' after the key");
    row("$[?(@.a == (1))]",
        "error: column 12: expected a value: a path (@... or $...), a string, "
        "a number, true, false, null, a JSON array or object, or a /regex/");
    row("$[?(@.a && (@.b)]", "error: column 17: expected ')' to close the filter");
    row("$[?(@.a == 1 2)]", "error: column 14: expected ')' to close the filter");
    row("$.first name",
        "error: column 8: unexpected space: a name with spaces is written in "
        "brackets, as in ['my name']");
    row("$.length()", "error: column 3: JSONPath functions such as length() are not supported");
    row("$.a[?(@.length() > 1)]",
        "error: column 9: JSONPath functions such as length() are not supported");
    row("$.a[0]b", "error: column 7: expected '.', '[' or the end of the path");
    row("$['a']b", "error: column 7: expected '.', '[' or the end of the path");
    row("$.*a", "error: column 4: expected '.', '[' or the end of the path");
    row("$[?(@a)]", "error: column 6: expected '.' or '[' after '@'");
    Q_UNUSED(value);
}

void TestJsonPath::compileErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, error);
    const base::Result<Path> compiled = Path::compile(path);
    QVERIFY(!compiled);
    QCOMPARE(compiled.errors().size(), std::size_t(1));
    QCOMPARE(compiled.error().toString(), error);
}

void TestJsonPath::compactJson_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    QTest::newRow("spaces removed")
        << QByteArray("{ \"name\" : \"Ana\",\n  \"age\" : 31 }") << s(R"({"name":"Ana","age":31})");
    QTest::newRow("empty containers") << QByteArray(R"({"a": [], "b": {}, "c": [[], {}]})")
                                      << s(R"({"a":[],"b":{},"c":[[],{}]})");
    // Doubles as Java's Double.toString prints them; integers exactly.
    QTest::newRow("numbers")
        << QByteArray("[10.5, 1e21, 0.1, 100.0, 10.00, 1e7, 9999999.0, 1.0E-4, 0.001, 1e-7, "
                      "-0.0, 123456789.0, 2.5e-5, 1.7976931348623157e308, 5e-324, 3.14159]")
        << s("[10.5,1.0E21,0.1,100.0,10.0,1.0E7,9999999.0,1.0E-4,0.001,1.0E-7,-0.0,1.23456789E8,"
             "2.5E-5,1.7976931348623157E308,4.9E-324,3.14159]");
    QTest::newRow("integers")
        << QByteArray("[0, -0, 7, -42, 9007199254740993, 12345678901234567890, "
                      "-9223372036854775808, 18446744073709551615]")
        << s("[0,0,7,-42,9007199254740993,12345678901234567890,-9223372036854775808,"
             "18446744073709551615]");
    QTest::newRow("string escapes")
        << QByteArray(R"(["a\"b\\c\/d\u0001\u001f\t\n\r\b\f é € 😀 \u2028"])")
        << s("[\"a\\\"b\\\\c/d\\u0001\\u001F\\t\\n\\r\\b\\f é € 😀 \u2028\"]");
    QTest::newRow("literals") << QByteArray("[true, false, null]") << s("[true,false,null]");
}

void TestJsonPath::compactJson()
{
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    Document parsed(document);
    QVERIFY(parsed.ok);
    QCOMPARE(toCompactJson(parsed.root), expected);
    QCOMPARE(run(QStringLiteral("$"), document), expected);
}

void TestJsonPath::notFoundIsANullString()
{
    Document document(R"({"a": ""})");
    const base::Result<Path> missing = Path::compile(QStringLiteral("$.b"));
    QVERIFY(missing);
    const base::Result<Matches> none = missing->evaluate(document.root);
    QVERIFY(none);
    QVERIFY(!none->found());
    QVERIFY(none->value() == nullptr);
    QVERIFY(toCompactJson(none.value()).isNull());

    const base::Result<Path> empty = Path::compile(QStringLiteral("$.a"));
    const base::Result<Matches> found = empty->evaluate(document.root);
    QVERIFY(found->found());
    QVERIFY(!found->isList());
    QCOMPARE(toCompactJson(found.value()), QStringLiteral("\"\""));

    const base::Result<Path> list = Path::compile(QStringLiteral("$..b"));
    const base::Result<Matches> emptyList = list->evaluate(document.root);
    QVERIFY(emptyList->found());
    QVERIFY(emptyList->isList());
    QCOMPARE(toCompactJson(emptyList.value()), QStringLiteral("[]"));
}

void TestJsonPath::matchesAreHandlesIntoTheDocument()
{
    Document document(kBookstore);
    const base::Result<Path> path = Path::compile(QStringLiteral("$.store.book[?(@.isbn)]"));
    QVERIFY(path);
    const base::Result<Matches> matches = path->evaluate(document.root);
    QVERIFY(matches);
    QCOMPARE(matches->items().size(), std::size_t(2));
    const simdjson::dom::element books = document.root["store"]["book"].value_unsafe();
    const simdjson::dom::array array = books.get_array().value_unsafe();
    // Same tape positions: the matches point into the parsed document, nothing was copied.
    QCOMPARE(matches->items()[0].element().get_object().value_unsafe().begin().key(),
             array.at(2).get_object().value_unsafe().begin().key());
    QVERIFY(matches->items()[0].element().get_object().value_unsafe().begin().key().data()
            == array.at(2).get_object().value_unsafe().begin().key().data());
    QVERIFY(!matches->items()[0].isMerged());
}

void TestJsonPath::deepDocumentDoesNotRecurse()
{
    // simdjson accepts 1024 levels by default; the deep scan and the printer walk them with an
    // explicit stack.
    const int depth = 1000;
    QByteArray json = QByteArray(depth, '[') + "1" + QByteArray(depth, ']');
    Document document(json);
    QVERIFY(document.ok);
    const base::Result<Path> path = Path::compile(QStringLiteral("$..[0]"));
    const base::Result<Matches> matches = path->evaluate(document.root);
    QVERIFY(matches);
    QCOMPARE(matches->items().size(), std::size_t(depth));
    QCOMPARE(toCompactJson(document.root), QString::fromLatin1(json.replace("\n", "")));

    QByteArray objects;
    for (int i = 0; i < depth; ++i)
        objects += "{\"a\":";
    objects += "1" + QByteArray(depth, '}');
    Document nested(objects);
    QVERIFY(nested.ok);
    const base::Result<Path> a = Path::compile(QStringLiteral("$..a"));
    QCOMPARE(a->evaluate(nested.root)->items().size(), std::size_t(depth));
    const base::Result<Path> same = Path::compile(QStringLiteral("$[?(@ == $)]"));
    QVERIFY(same->evaluate(nested.root));
}

void TestJsonPath::limitsStopTheEvaluation_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QString>("expected");
    QByteArray many = "[0";
    for (qsizetype i = 0; i < base::limits::kJsonPathMaxMatches; ++i)
        many += ",0";
    many += "]";
    QTest::newRow("matches") << s("$[*]") << many
                             << s("error: JSONPath evaluation stopped: more than 1000000 matches");
    // Each deep scan visits every level below each match of the previous one: cubic.
    const QByteArray deep = QByteArray(1000, '[') + QByteArray(1000, ']');
    QTest::newRow("steps") << s("$..*..*..x") << deep
                           << s("error: JSONPath evaluation stopped after 20000000 steps");
    QTest::newRow("path length") << QString(base::limits::kJsonPathMaxLength + 1, u'a')
                                 << QByteArray("{}")
                                 << s("error: column 4097: a JSONPath may have at most 4096 "
                                      "characters");
    QTest::newRow("nesting") << (s("$[?(") + QString(40, u'!') + s("@.a)]")) << QByteArray("[]")
                             << s("error: column 35: nesting deeper than 32 levels");
    QString brackets = s("$");
    for (int i = 0; i < 40; ++i)
        brackets += s("[?(@");
    QTest::newRow("nested filters")
        << brackets << QByteArray("[]") << s("error: column 66: nesting deeper than 32 levels");
}

void TestJsonPath::limitsStopTheEvaluation()
{
    QFETCH(QString, path);
    QFETCH(QByteArray, document);
    QFETCH(QString, expected);
    QCOMPARE(run(path, document), expected);
}

void TestJsonPath::evaluatesConcurrently()
{
    Document document(kBookstore);
    const base::Result<Path> path
        = Path::compile(QStringLiteral("$..book[?(@.price < 10 && @.author =~ /.*e.*/)].title"));
    QVERIFY(path);
    const QString expected = s(R"(["Sayings of the Century","Moby Dick"])");
    std::atomic<int> failures = 0;
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 300; ++i) {
                const base::Result<Matches> matches = path->evaluate(document.root);
                if (!matches || toCompactJson(matches.value()) != expected)
                    ++failures;
            }
        });
    }
    for (std::thread &thread : threads)
        thread.join();
    QCOMPARE(failures.load(), 0);
}

QTEST_GUILESS_MAIN(TestJsonPath)
#include "tst_jsonpath.moc"
