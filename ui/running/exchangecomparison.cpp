#include "exchangecomparison.h"

#include "bodyformat.h"
#include "linediff.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace portico::running {

namespace {

// Bodies beyond this are compared by their start only: the panes and the diff stay quick, and a
// difference past the first half megabyte is still announced by Content-Length.
constexpr qsizetype kComparedBodyBytes = 512 * 1024;

const QString kVaries = QStringLiteral("<differs on every request>");

// Headers the gateway sets afresh on every request (API Gateway's, and the Date any server adds).
bool differsOnEveryRequest(const QByteArray &headerName)
{
    static const QSet<QByteArray> names {"x-amzn-requestid", "x-amz-apigw-id", "x-amzn-trace-id",
                                         "date"};
    return names.contains(headerName.toLower());
}

void addLine(ComparableSection &section, const QString &text)
{
    section.lines.push_back({text, text});
}

void addVaryingLine(ComparableSection &section, const QString &label, const QString &value)
{
    section.lines.push_back(
        {label + QStringLiteral(": ") + value, label + QStringLiteral(": ") + kVaries});
}

void addHeaders(ComparableSection &section, http::HeaderList headers)
{
    // Sorted, so that the same headers sent in another order compare equal; stable, so that a
    // repeated header keeps its values' order.
    std::stable_sort(headers.begin(), headers.end(), [](const auto &a, const auto &b) {
        return a.first.compare(b.first, Qt::CaseInsensitive) < 0;
    });
    for (const auto &[name, value] : headers) {
        if (differsOnEveryRequest(name))
            addVaryingLine(section, QString::fromLatin1(name), QString::fromUtf8(value));
        else
            addLine(section,
                    QString::fromLatin1(name) + QStringLiteral(": ") + QString::fromUtf8(value));
    }
}

void addBody(ComparableSection &section, const http::HeaderList &headers, const QByteArray &body)
{
    if (body.isEmpty())
        return;
    addLine(section, QString());
    QString text;
    if (body.size() > kComparedBodyBytes) {
        text = QString::fromUtf8(body.left(kComparedBodyBytes))
            + QStringLiteral("\n[the first %1 of %2 bytes compared]")
                  .arg(kComparedBodyBytes)
                  .arg(body.size());
    } else {
        text = readableBody(http::headerValue(headers, "Content-Type"), body);
    }
    for (const QString &line : text.split(QLatin1Char('\n')))
        addLine(section, line);
}

QString milliseconds(qint64 microseconds)
{
    return QStringLiteral("%1 ms").arg(QString::number(double(microseconds) / 1000.0, 'f', 1));
}

ComparableSection summary(const runtime::Exchange &exchange)
{
    ComparableSection section {QStringLiteral("Summary"), {}};
    addLine(section, QStringLiteral("Stage: ") + exchange.stage);
    addLine(section, QStringLiteral("Method: ") + exchange.httpMethod);
    addLine(section, QStringLiteral("Path: ") + exchange.path);
    addLine(section,
            QStringLiteral("Resource: ")
                + (exchange.resourcePath.isEmpty() ? QStringLiteral("(none matched)")
                                                   : exchange.resourcePath));
    addLine(section,
            QStringLiteral("Integration: ")
                + (exchange.integrationType.isEmpty() ? QStringLiteral("(none)")
                                                      : exchange.integrationType));
    addLine(section,
            QStringLiteral("Status: %1 %2")
                .arg(exchange.response.status)
                .arg(QString::fromLatin1(http::Response::reasonPhrase(exchange.response.status))));
    addVaryingLine(section, QStringLiteral("Latency"), milliseconds(exchange.latencyUs));
    addVaryingLine(section, QStringLiteral("Integration latency"),
                   milliseconds(exchange.integrationLatencyUs));
    addVaryingLine(section, QStringLiteral("Request id"), exchange.requestId);
    addVaryingLine(section, QStringLiteral("Extended request id"), exchange.extendedRequestId);
    addVaryingLine(
        section, QStringLiteral("Started"),
        exchange.startedAt.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'")));
    return section;
}

ComparableSection request(const runtime::Exchange &exchange)
{
    const http::Request &request = exchange.request;
    ComparableSection section {QStringLiteral("Request"), {}};
    addLine(section,
            QString::fromLatin1(request.method) + QLatin1Char(' ')
                + QString::fromUtf8(request.target)
                + QStringLiteral(" HTTP/1.%1").arg(request.versionMinor));
    addHeaders(section, request.headers);
    addBody(section, request.headers, request.body);
    return section;
}

ComparableSection response(const runtime::Exchange &exchange)
{
    const http::Response &response = exchange.response;
    ComparableSection section {QStringLiteral("Response"), {}};
    addLine(section,
            QStringLiteral("HTTP/1.1 %1 %2")
                .arg(response.status)
                .arg(QString::fromLatin1(http::Response::reasonPhrase(response.status))));
    addHeaders(section, response.headers);
    addBody(section, response.headers, response.body);
    return section;
}

// The log's ids as placeholders: this request's own, then any other UUID (a Lambda's request id,
// a backend's) and trace id.
QString withoutIds(QString text, const runtime::Exchange &exchange)
{
    static const QRegularExpression uuid(QStringLiteral(
        "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"));
    static const QRegularExpression traceId(QStringLiteral("Root=1-[0-9a-fA-F-]+"));
    if (!exchange.requestId.isEmpty())
        text.replace(exchange.requestId, QStringLiteral("<request-id>"));
    if (!exchange.extendedRequestId.isEmpty())
        text.replace(exchange.extendedRequestId, QStringLiteral("<extended-request-id>"));
    text.replace(uuid, QStringLiteral("<id>"));
    text.replace(traceId, QStringLiteral("Root=<trace-id>"));
    return text;
}

// What still changes between two runs once the ids are gone: measured latencies and the Date
// headers an HTTP backend answers with.
QString withoutMeasurements(QString text)
{
    static const QRegularExpression latency(QStringLiteral("(latency: )\\d+ ms"),
                                            QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression date(
        QStringLiteral(
            "(Date=)[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(latency, QStringLiteral("\\1") + kVaries);
    text.replace(date, QStringLiteral("\\1") + kVaries);
    return text;
}

// Built from the trace lines rather than by parsing executionLog()'s text: the same lines
// without the Java Date each one is prefixed with there, since the time is all that prefix holds.
ComparableSection executionLog(const runtime::Exchange &exchange)
{
    ComparableSection section {QStringLiteral("Execution log"), {}};
    addLine(section, QStringLiteral("Execution log for request <request-id>"));
    for (const runtime::TraceLine &traceLine : exchange.lines) {
        for (const QString &line : traceLine.text.split(QLatin1Char('\n'))) {
            const QString text = withoutIds(line, exchange);
            section.lines.push_back({text, withoutMeasurements(text)});
        }
    }
    return section;
}

QStringList keys(const ComparableSection &section)
{
    QStringList out;
    out.reserve(qsizetype(section.lines.size()));
    for (const ComparableLine &line : section.lines)
        out << line.key;
    return out;
}

SectionComparison compareSections(const ComparableSection &left, const ComparableSection &right)
{
    const LineDiff diff = diffLines(keys(left), keys(right));
    SectionComparison out {left.title, {}, {}, diff.byPosition};
    out.rows.reserve(diff.rows.size());
    for (const LineDiffRow &row : diff.rows) {
        ComparedRow compared;
        if (row.left >= 0)
            compared.left = left.lines[size_t(row.left)].text;
        if (row.right >= 0)
            compared.right = right.lines[size_t(row.right)].text;
        switch (row.kind) {
        case LineDiffRow::Same:
            compared.kind = compared.left == compared.right ? ComparedRow::Same
                                                            : ComparedRow::ExpectedToDiffer;
            break;
        case LineDiffRow::Changed:
            compared.kind = ComparedRow::Changed;
            break;
        case LineDiffRow::OnlyLeft:
            compared.kind = ComparedRow::OnlyLeft;
            break;
        case LineDiffRow::OnlyRight:
            compared.kind = ComparedRow::OnlyRight;
            break;
        }
        const bool continues = !out.rows.empty() && out.rows.back().isDifference();
        if (compared.isDifference() && !continues)
            out.differences.push_back(qsizetype(out.rows.size()));
        out.rows.push_back(std::move(compared));
    }
    return out;
}

} // namespace

std::vector<ComparableSection> comparableText(const runtime::Exchange &exchange)
{
    return {summary(exchange), request(exchange), response(exchange), executionLog(exchange)};
}

std::vector<SectionComparison> compareExchanges(const runtime::Exchange &older,
                                                const runtime::Exchange &newer)
{
    const std::vector<ComparableSection> left = comparableText(older);
    const std::vector<ComparableSection> right = comparableText(newer);
    std::vector<SectionComparison> out;
    for (size_t i = 0; i < left.size(); ++i)
        out.push_back(compareSections(left[i], right[i]));
    return out;
}

} // namespace portico::running
