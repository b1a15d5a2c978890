// Compare in the Inspector: the line diff on its own (including its fallback for huge texts), the
// text two exchanges are compared through (ids and times do not count, a status does), and the
// Compare window over two real requests sent by curl to the runtime embedded in the GUI.
//
// With PORTICO_SCREENSHOT_DIR set, comparesTwoRealRequests() saves comparison.png there.
#include "../support/curl.h"

#include "running/exchangecomparison.h"
#include "running/exchangetablemodel.h"
#include "running/linediff.h"
#include "running/runtimecontroller.h"
#include "widgets/inspector/comparisonview.h"
#include "widgets/inspector/inspectorpanel.h"
#include "widgets/inspector/sidebysideview.h"

#include "model/projectfile.h"

#include <QDir>
#include <QElapsedTimer>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <memory>

using portico::running::ComparedRow;
using portico::running::LineDiff;
using portico::running::LineDiffRow;
using portico::running::RuntimeController;
using portico::running::SectionComparison;
using portico::runtime::Exchange;
using portico::widgets::inspector::ComparisonView;
using portico::widgets::inspector::InspectorPanel;
using portico::widgets::inspector::SideBySideView;
using namespace Qt::StringLiterals;

namespace {

const QString kSample
    = QStringLiteral(PORTICO_SOURCE_DIR "/resources/samples/petstore.portico.json");

enum Section { Summary, Request, Response, Log };

// A diff as text, one row per word: "=" same, "~" changed, "-" only left, "+" only right, each
// with the left and right line numbers it pairs ("~1,1", "+,3").
QString rowsText(const LineDiff &diff)
{
    QStringList out;
    for (const LineDiffRow &row : diff.rows) {
        static const char *const marks[] = {"=", "~", "-", "+"};
        out << QString::fromLatin1(marks[row.kind])
                + (row.left >= 0 ? QString::number(row.left) : QString()) + u','
                + (row.right >= 0 ? QString::number(row.right) : QString());
    }
    return out.join(u' ');
}

QStringList numbered(const QString &prefix, int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << prefix + QString::number(i);
    return out;
}

// A MOCK-like exchange as the gateway records it, with its own ids and time.
Exchange exchange(const QString &requestId, const QDateTime &startedAt, int status)
{
    Exchange e;
    e.requestId = requestId;
    e.extendedRequestId = requestId.left(8) + u"AAAA="_s;
    e.startedAt = startedAt;
    e.stage = u"dev"_s;
    e.httpMethod = u"GET"_s;
    e.path = u"/pets/1"_s;
    e.resourcePath = u"/pets/{petId}"_s;
    e.integrationType = u"MOCK"_s;
    e.request.method = "GET";
    e.request.target = "/dev/pets/1";
    e.request.headers
        = {{"User-Agent", "curl/7.88.1"}, {"accept", "*/*"}, {"Host", "127.0.0.1:5000"}};
    e.response.status = status;
    e.response.headers
        = {{"Content-Type", "application/json"},
           {"Date", startedAt.toString(u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s).toLatin1()},
           {"x-amzn-RequestId", requestId.toLatin1()},
           {"x-amz-apigw-id", e.extendedRequestId.toLatin1()},
           {"X-Amzn-Trace-Id", "Root=1-" + requestId.left(8).toLatin1()}};
    e.response.body = R"({"id":1,"type":"dog"})";
    e.latencyUs = 1000 * (2 + startedAt.time().second());
    e.lines = {
        {10, u"Starting execution for request: "_s + requestId},
        {20, u"HTTP Method: GET, Resource Path: /pets/1"_s},
        {30,
         u"Endpoint response headers: {Date=Tue, 24 Nov 2026 22:13:1%1 GMT, x-amzn-RequestId=%2}"_s
             .arg(startedAt.time().second() % 10)
             .arg(requestId)},
        {40,
         u"Received response. Status: 200, Integration latency: %1 ms"_s.arg(
             startedAt.time().second())},
        {50, u"Method response body after transformations: {\n  \"id\": 1\n}"_s},
        {60, u"Method completed with status: %1"_s.arg(status)}};
    return e;
}

const QDateTime kFirstTime(QDate(2026, 11, 24), QTime(22, 13, 12, 5), Qt::UTC);
const QString kFirstId = u"2f452f34-aafd-483b-a687-c5c106913952"_s;
const QString kSecondId = u"8c53d290-fcb5-4fcf-a75a-cb7264d34c35"_s;

QStringList texts(const portico::running::ComparableSection &section)
{
    QStringList out;
    for (const auto &line : section.lines)
        out << line.text;
    return out;
}

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void linesArePaired_data()
    {
        QTest::addColumn<QStringList>("left");
        QTest::addColumn<QStringList>("right");
        QTest::addColumn<QString>("rows");
        QTest::newRow("identical")
            << QStringList {u"a"_s, u"b"_s} << QStringList {u"a"_s, u"b"_s} << u"=0,0 =1,1"_s;
        QTest::newRow("inserted in the middle")
            << QStringList {u"a"_s, u"c"_s} << QStringList {u"a"_s, u"b"_s, u"c"_s}
            << u"=0,0 +,1 =1,2"_s;
        QTest::newRow("inserted at the end")
            << QStringList {u"a"_s} << QStringList {u"a"_s, u"b"_s} << u"=0,0 +,1"_s;
        QTest::newRow("deleted at the start") << QStringList {u"a"_s, u"b"_s, u"c"_s}
                                              << QStringList {u"b"_s, u"c"_s} << u"-0, =1,0 =2,1"_s;
        QTest::newRow("changed faces its replacement")
            << QStringList {u"a"_s, u"b"_s, u"c"_s} << QStringList {u"a"_s, u"x"_s, u"c"_s}
            << u"=0,0 ~1,1 =2,2"_s;
        QTest::newRow("two changed, one more inserted")
            << QStringList {u"a"_s, u"b"_s, u"c"_s, u"z"_s}
            << QStringList {u"a"_s, u"x"_s, u"y"_s, u"w"_s, u"z"_s} << u"=0,0 ~1,1 ~2,2 +,3 =3,4"_s;
        QTest::newRow("a moved line is one deletion and one insertion")
            << QStringList {u"a"_s, u"b"_s, u"c"_s} << QStringList {u"b"_s, u"c"_s, u"a"_s}
            << u"-0, =1,0 =2,1 +,2"_s;
        QTest::newRow("left empty")
            << QStringList {} << QStringList {u"a"_s, u"b"_s} << u"+,0 +,1"_s;
        QTest::newRow("right empty")
            << QStringList {u"a"_s, u"b"_s} << QStringList {} << u"-0, -1,"_s;
        QTest::newRow("both empty") << QStringList {} << QStringList {} << QString();
        QTest::newRow("repeated lines keep the longest common run")
            << QStringList {u"x"_s, u"x"_s, u"y"_s} << QStringList {u"x"_s, u"y"_s, u"x"_s, u"y"_s}
            << u"=0,0 +,1 =1,2 =2,3"_s;
    }
    void linesArePaired()
    {
        QFETCH(QStringList, left);
        QFETCH(QStringList, right);
        QFETCH(QString, rows);
        const LineDiff diff = portico::running::diffLines(left, right);
        QCOMPARE(rowsText(diff), rows);
        QVERIFY(!diff.byPosition);
    }

    void hugeTextsArePairedByPosition()
    {
        // One line inserted at the top of 6,000: a real diff would find it, the fallback pairs
        // every line with the one at its position.
        QStringList left = numbered(u"line "_s, portico::running::kMaxDiffedLines + 1000);
        QStringList right = left;
        right.prepend(u"new"_s);
        QElapsedTimer timer;
        timer.start();
        const LineDiff diff = portico::running::diffLines(left, right);
        QVERIFY(diff.byPosition);
        QCOMPARE(qsizetype(diff.rows.size()), right.size());
        QCOMPARE(diff.rows.front().kind, LineDiffRow::Changed);
        QCOMPARE(diff.rows.back().kind, LineDiffRow::OnlyRight);
        QVERIFY2(timer.elapsed() < 2000, qPrintable(u"%1 ms"_s.arg(timer.elapsed())));
    }

    void tooManyEditsArePairedByPosition()
    {
        // Under the line limit but nothing in common: the search gives up at kMaxEdits.
        const LineDiff diff
            = portico::running::diffLines(numbered(u"a"_s, 3000), numbered(u"b"_s, 3000));
        QVERIFY(diff.byPosition);
        QCOMPARE(diff.rows.size(), size_t(3000));
        QCOMPARE(diff.rows[1].kind, LineDiffRow::Changed);
    }

    void longTextsWithFewChangesAreDiffed()
    {
        QStringList left = numbered(u"line "_s, 4000);
        QStringList right = left;
        right.removeAt(100);
        right.insert(3000, u"inserted"_s);
        right[3500] = u"changed"_s;
        const LineDiff diff = portico::running::diffLines(left, right);
        QVERIFY(!diff.byPosition);
        qsizetype same = 0;
        for (const LineDiffRow &row : diff.rows)
            same += row.kind == LineDiffRow::Same;
        QCOMPARE(same, qsizetype(4000 - 2));
    }

    void requestHeadersAreSortedAndBodiesPretty()
    {
        Exchange e = exchange(kFirstId, kFirstTime, 200);
        e.request.headers.push_back({"Content-Type", "application/json"});
        e.request.body = R"({"type":"dog","price":9.5})";
        const QStringList request = texts(portico::running::comparableText(e)[Request]);
        QCOMPARE(request,
                 (QStringList {u"GET /dev/pets/1 HTTP/1.1"_s, u"accept: */*"_s,
                               u"Content-Type: application/json"_s, u"Host: 127.0.0.1:5000"_s,
                               u"User-Agent: curl/7.88.1"_s, QString(), u"{"_s,
                               u"  \"type\": \"dog\","_s, u"  \"price\": 9.5"_s, u"}"_s}));
    }

    void theLogKeepsNeitherTimesNorIds()
    {
        const Exchange e = exchange(kFirstId, kFirstTime, 200);
        const QStringList log = texts(portico::running::comparableText(e)[Log]);
        QCOMPARE(log.first(), u"Execution log for request <request-id>"_s);
        QCOMPARE(log[1], u"Starting execution for request: <request-id>"_s);
        const QString all = log.join(u'\n');
        QVERIFY(!all.contains(kFirstId));
        QVERIFY(!all.contains(u"UTC"_s));
        // A line of several is split, so each compares on its own.
        QVERIFY(log.contains(u"  \"id\": 1"_s));
    }

    void twoRunsOfOneRequestCompareEqual()
    {
        const Exchange first = exchange(kFirstId, kFirstTime, 200);
        const Exchange second = exchange(kSecondId, kFirstTime.addSecs(7).addMSecs(300), 200);
        const std::vector<SectionComparison> sections
            = portico::running::compareExchanges(first, second);
        QCOMPARE(sections.size(), size_t(4));
        QCOMPARE(sections[Log].title, u"Execution log"_s);
        for (const SectionComparison &section : sections)
            QVERIFY2(section.differences.empty(), qPrintable(section.title));
        // The ids, dates and latencies are still shown, as expected to differ.
        const auto expected = [](const SectionComparison &section) {
            QStringList out;
            for (const ComparedRow &row : section.rows) {
                if (row.kind == ComparedRow::ExpectedToDiffer)
                    out << row.left.section(u':', 0, 0);
            }
            return out;
        };
        QCOMPARE(expected(sections[Response]),
                 (QStringList {u"Date"_s, u"x-amz-apigw-id"_s, u"x-amzn-RequestId"_s,
                               u"X-Amzn-Trace-Id"_s}));
        QCOMPARE(
            expected(sections[Summary]),
            (QStringList {u"Latency"_s, u"Request id"_s, u"Extended request id"_s, u"Started"_s}));
        QCOMPARE(expected(sections[Log]),
                 (QStringList {u"Endpoint response headers"_s, u"Received response. Status"_s}));
    }

    void aDifferentStatusIsADifference()
    {
        const Exchange ok = exchange(kFirstId, kFirstTime, 200);
        const Exchange missing = exchange(kSecondId, kFirstTime.addSecs(1), 404);
        const std::vector<SectionComparison> sections
            = portico::running::compareExchanges(ok, missing);
        const SectionComparison &response = sections[Response];
        QCOMPARE(response.differences, (std::vector<qsizetype> {0}));
        QCOMPARE(response.rows[0].kind, ComparedRow::Changed);
        QCOMPARE(response.rows[0].left, u"HTTP/1.1 200 OK"_s);
        QCOMPARE(response.rows[0].right, u"HTTP/1.1 404 Not Found"_s);
        QCOMPARE(sections[Summary].differences.size(), size_t(1));
        QCOMPARE(sections[Summary].rows[size_t(sections[Summary].differences[0])].right,
                 u"Status: 404 Not Found"_s);
        QCOMPARE(sections[Log].differences.size(), size_t(1));
        QCOMPARE(sections[Log].rows.back().right, u"Method completed with status: 404"_s);
        QCOMPARE(sections[Request].differences.size(), size_t(0));
    }

    void aBodyOnOneSideOnlyIsADifference()
    {
        Exchange withBody = exchange(kFirstId, kFirstTime, 200);
        withBody.request.body = "a\nb";
        const Exchange without = exchange(kSecondId, kFirstTime, 200);
        const SectionComparison request
            = portico::running::compareExchanges(without, withBody)[Request];
        QCOMPARE(request.differences.size(), size_t(1));
        const size_t at = size_t(request.differences[0]);
        QCOMPARE(request.rows.size(), at + 3); // the blank line before the body, then its two lines
        QCOMPARE(request.rows[at].kind, ComparedRow::OnlyRight);
        QCOMPARE(request.rows[at + 2].right, u"b"_s);
    }

    void comparesTwoRealRequests()
    {
        if (!portico::test::haveCurl())
            QSKIP("curl is not installed");
        RuntimeController runtime;
        InspectorPanel panel;
        panel.resize(1000, 400);
        panel.show();
        QSignalSpy loaded(&runtime, &RuntimeController::stagesChanged);
        QVERIFY(runtime.start({}).ok());
        runtime.setProject(portico::model::ProjectFile::load(kSample).value(), kSample);
        QVERIFY(loaded.wait(10000));
        panel.setBaseUrl(runtime.baseUrl());
        connect(&runtime, &RuntimeController::exchangesArrived, &panel,
                &InspectorPanel::addExchanges);

        // The sample's GET /pets/{petId} is a MOCK: 200 for pet 1, 404 for pet 0.
        QCOMPARE(portico::test::runCurl({runtime.baseUrl() + u"/dev/pets/1"_s}).status, 200);
        QCOMPARE(portico::test::runCurl({runtime.baseUrl() + u"/dev/pets/0"_s}).status, 404);
        QTRY_COMPARE(panel.model()->rowCount(), 2);

        auto *compare = panel.findChild<QToolButton *>(u"inspectorCompare"_s);
        QVERIFY(compare);
        QVERIFY(!compare->isEnabled());
        QVERIFY(panel.selectRow(0));
        QVERIFY(!compare->isEnabled());
        QVERIFY(!panel.compareSelection());
        panel.table()->selectionModel()->select(panel.table()->model()->index(1, 0),
                                                QItemSelectionModel::Select
                                                    | QItemSelectionModel::Rows);
        QVERIFY(compare->isEnabled());
        QTest::mouseClick(compare, Qt::LeftButton);
        auto *view = panel.findChild<ComparisonView *>();
        QVERIFY(view);
        QTRY_VERIFY(view->isVisible());
        QVERIFY(view->testAttribute(Qt::WA_DeleteOnClose));
        QVERIFY(!view->isModal());

        QTabWidget *tabs = view->tabs();
        QCOMPARE(tabs->count(), 4);
        QCOMPARE(tabs->tabText(Request), u"Request (1)"_s); // the target, /pets/1 against /pets/0
        SideBySideView *response = view->section(Response);
        QVERIFY(response->differenceCount() >= 2); // the status line, the body
        QCOMPARE(tabs->tabText(Response), u"Response (%1)"_s.arg(response->differenceCount()));
        const SectionComparison &rows = response->comparison();
        QCOMPARE(rows.differences.front(), qsizetype(0));
        QCOMPARE(rows.rows.front().left, u"HTTP/1.1 200 OK"_s);
        QCOMPARE(rows.rows.front().right, u"HTTP/1.1 404 Not Found"_s);
        // Older left, newer right, line for line.
        QVERIFY(response->leftPane()->toPlainText().startsWith(u"HTTP/1.1 200 OK\n"_s));
        QVERIFY(response->rightPane()->toPlainText().startsWith(u"HTTP/1.1 404 Not Found\n"_s));
        QCOMPARE(response->leftPane()->document()->blockCount(),
                 response->rightPane()->document()->blockCount());
        QVERIFY(!response->leftPane()->extraSelections().isEmpty());
        // The request ids differ, but the logs do not because of them.
        for (const ComparedRow &row : view->section(Log)->comparison().rows)
            QVERIFY2(!row.isDifference() || !row.left.contains(u"<request-id>"_s),
                     qPrintable(row.left));
        QVERIFY(view->section(Log)->differenceCount() > 0); // petId, the status code, the body

        tabs->setCurrentIndex(Response);
        auto *next = view->findChild<QPushButton *>(u"comparisonNext"_s);
        auto *previous = view->findChild<QPushButton *>(u"comparisonPrevious"_s);
        auto *position = view->findChild<QLabel *>(u"comparisonPosition"_s);
        QVERIFY(next->isEnabled());
        QVERIFY(!previous->isEnabled());
        QTest::mouseClick(next, Qt::LeftButton);
        QCOMPARE(response->currentDifference(), qsizetype(0));
        QCOMPARE(response->leftPane()->textCursor().blockNumber(), 0);
        QCOMPARE(position->text(), u"1 of %1"_s.arg(response->differenceCount()));
        QTest::mouseClick(next, Qt::LeftButton);
        const int second = int(rows.differences[1]);
        QVERIFY(second > 0);
        QCOMPARE(response->leftPane()->textCursor().blockNumber(), second);
        QCOMPARE(response->rightPane()->textCursor().blockNumber(), second);
        QVERIFY(previous->isEnabled());
        QTest::mouseClick(previous, Qt::LeftButton);
        QCOMPARE(response->leftPane()->textCursor().blockNumber(), 0);

        // The panes scroll together.
        response->leftPane()->horizontalScrollBar()->setValue(
            response->leftPane()->horizontalScrollBar()->maximum());
        QCOMPARE(response->rightPane()->horizontalScrollBar()->value(),
                 std::min(response->leftPane()->horizontalScrollBar()->maximum(),
                          response->rightPane()->horizontalScrollBar()->maximum()));

        const QString screenshots = qEnvironmentVariable("PORTICO_SCREENSHOT_DIR");
        if (!screenshots.isEmpty()) {
            QTest::qWait(150);
            QVERIFY(view->grab().save(QDir(screenshots).filePath(u"comparison.png"_s)));
        }

        // Closing deletes it.
        QPointer<ComparisonView> guard(view);
        view->close();
        QTRY_VERIFY(guard.isNull());
    }

    void scrollingOnePaneScrollsTheOther()
    {
        // Enough lines to scroll.
        Exchange first = exchange(kFirstId, kFirstTime, 200);
        Exchange second = exchange(kSecondId, kFirstTime, 200);
        first.response.body = numbered(u"line "_s, 300).join(u'\n').toUtf8();
        second.response.body = first.response.body + "\nlast";
        first.response.headers[0].second = "text/plain";
        second.response.headers[0].second = "text/plain";
        ComparisonView view(std::make_shared<const Exchange>(first),
                            std::make_shared<const Exchange>(second));
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.tabs()->setCurrentIndex(Response);
        SideBySideView *response = view.section(Response);
        QCOMPARE(response->differenceCount(), qsizetype(1));
        QCOMPARE(view.tabs()->tabText(Response), u"Response (1)"_s);
        QScrollBar *left = response->leftPane()->verticalScrollBar();
        QScrollBar *right = response->rightPane()->verticalScrollBar();
        QVERIFY(left->maximum() > 100);
        left->setValue(120);
        QCOMPARE(right->value(), 120);
        right->setValue(40);
        QCOMPARE(left->value(), 40);
        // The one difference is the last line: Next takes both panes there.
        view.nextDifference();
        QCOMPARE(response->rightPane()->textCursor().blockNumber(),
                 response->rightPane()->document()->blockCount() - 1);
        QVERIFY(left->value() > 200);
        QCOMPARE(right->value(), left->value());
    }
};

QTEST_MAIN(TestComparison)
#include "tst_comparison.moc"
