#include "rendercommand.h"

#include "base/json.h"
#include "mapping/sampleinput.h"
#include "vtl/template.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMap>

#include <algorithm>
#include <cstdio>

namespace portico::cli {

namespace {

struct Options
{
    QMap<QString, QString> values;
    QString error;
};

// "--name value" pairs; every name must be in `known`.
Options parseOptions(const QStringList &args, const QStringList &known)
{
    Options o;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        if (!arg.startsWith(QLatin1String("--")) || !known.contains(arg.mid(2))) {
            o.error = QStringLiteral("unknown option \"%1\"").arg(arg);
            return o;
        }
        if (i + 1 >= args.size()) {
            o.error = QStringLiteral("option %1 needs a value").arg(arg);
            return o;
        }
        o.values.insert(arg.mid(2), args.at(++i));
    }
    return o;
}

// "line 3, column 7: message", without the severity (the caller says "error:").
QString located(const base::Diagnostic &d)
{
    return d.location.isEmpty() ? d.message : d.location + QStringLiteral(": ") + d.message;
}

bool readFile(const QString &path, QByteArray &bytes, QString &error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        error = QStringLiteral("%1: cannot open: %2").arg(path, f.errorString());
        return false;
    }
    bytes = f.readAll();
    return true;
}

bool readJson(const QByteArray &text, const QString &what, base::Json &json, QString &error)
{
    base::JsonParseError parseError;
    if (!base::parseJson(text, json, parseError)) {
        error = QStringLiteral("%1: line %2, column %3: %4").arg(what).arg(parseError.line).arg(parseError.column).arg(parseError.message);
        return false;
    }
    return true;
}

// The input from a conformance case or a benchmark case ({"request": {...}}).
bool loadCase(const QString &path, base::Json &caseJson, mapping::SampleInput &input, QString &error)
{
    QByteArray bytes;
    if (!readFile(path, bytes, error) || !readJson(bytes, path, caseJson, error))
        return false;
    const base::Json &request = caseJson.contains("request") ? caseJson["request"] : caseJson;
    auto parsed = mapping::SampleInput::fromCaseJson(request);
    if (!parsed.ok()) {
        error = QStringLiteral("%1: %2").arg(path, located(parsed.error()));
        return false;
    }
    input = std::move(parsed).value();
    return true;
}

bool compileTemplate(const QString &text, const QString &what, std::optional<vtl::Template> &compiled, QString &error)
{
    auto result = vtl::Template::compile(text);
    if (!result.ok()) {
        error = QStringLiteral("%1: %2").arg(what, located(result.error()));
        return false;
    }
    compiled = std::move(result).value();
    return true;
}

// Writes the rendered bytes exactly, with no newline added.
void writeRaw(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    std::fwrite(utf8.constData(), 1, size_t(utf8.size()), stdout);
    std::fflush(stdout);
}

const char kRenderUsage[] = R"(Usage: portico-cli render --case CASE.json
       portico-cli render --template FILE [--body FILE] [--params JSON] [--context JSON]
                          [--stage-variables JSON]
Renders a mapping template as API Gateway would and prints exactly its output (no newline
added). --params is {"path": {...}, "querystring": {...}, "header": {...}}. Exit status 0, or 1
with the error (line and column) on stderr.
)";

} // namespace

int runRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("--help")) || args.contains(QLatin1String("-h"))) {
        out << kRenderUsage;
        return 0;
    }
    const Options o = parseOptions(args, {QStringLiteral("case"), QStringLiteral("template"), QStringLiteral("body"),
                                          QStringLiteral("params"), QStringLiteral("context"),
                                          QStringLiteral("stage-variables")});
    if (!o.error.isEmpty() || o.values.contains(QStringLiteral("case")) == o.values.contains(QStringLiteral("template"))) {
        err << "portico-cli render: " << (o.error.isEmpty() ? QStringLiteral("give --case or --template") : o.error) << "\n"
            << kRenderUsage;
        return 2;
    }
    QString error;
    mapping::SampleInput input;
    QString templateText;
    QString templateName;
    if (o.values.contains(QStringLiteral("case"))) {
        base::Json caseJson;
        templateName = o.values.value(QStringLiteral("case"));
        if (!loadCase(templateName, caseJson, input, error)) {
            err << "error: " << error << Qt::endl;
            return 1;
        }
        templateText = base::toQString(caseJson.value("template", std::string()));
    } else {
        templateName = o.values.value(QStringLiteral("template"));
        QByteArray bytes;
        if (!readFile(templateName, bytes, error)) {
            err << "error: " << error << Qt::endl;
            return 1;
        }
        templateText = QString::fromUtf8(bytes);
        base::Json request = base::Json::object();
        if (o.values.contains(QStringLiteral("body"))) {
            QByteArray body;
            if (!readFile(o.values.value(QStringLiteral("body")), body, error)) {
                err << "error: " << error << Qt::endl;
                return 1;
            }
            request["body"] = body.toStdString();
        }
        for (const auto &[option, key] : {std::pair{"params", "params"}, std::pair{"context", "context"},
                                          std::pair{"stage-variables", "stageVariables"}}) {
            const QString value = o.values.value(QString::fromLatin1(option));
            if (value.isEmpty())
                continue;
            base::Json parsed;
            if (!readJson(value.toUtf8(), QStringLiteral("--%1").arg(QLatin1String(option)), parsed, error)) {
                err << "error: " << error << Qt::endl;
                return 1;
            }
            request[key] = parsed;
        }
        auto parsed = mapping::SampleInput::fromCaseJson(request);
        if (!parsed.ok()) {
            err << "error: " << located(parsed.error()) << Qt::endl;
            return 1;
        }
        input = std::move(parsed).value();
    }
    std::optional<vtl::Template> compiled;
    if (!compileTemplate(templateText, templateName, compiled, error)) {
        err << "error: " << error << Qt::endl;
        return 1;
    }
    const auto rendered = compiled->render(input.toVariables());
    if (!rendered.ok()) {
        err << "error: " << templateName << ": " << located(rendered.error()) << Qt::endl;
        return 1;
    }
    writeRaw(rendered.value());
    return 0;
}

int runBenchRender(const QStringList &args, QTextStream &out, QTextStream &err)
{
    const Options o = parseOptions(args, {QStringLiteral("case"), QStringLiteral("template"), QStringLiteral("warmup-sec"),
                                          QStringLiteral("samples"), QStringLiteral("sample-sec"), QStringLiteral("out")});
    if (!o.error.isEmpty() || !o.values.contains(QStringLiteral("case")) || !o.values.contains(QStringLiteral("template"))) {
        err << "portico-cli bench-render: " << (o.error.isEmpty() ? QStringLiteral("--case and --template are required") : o.error)
            << "\nUsage: portico-cli bench-render --case CASE.json --template T.vm [--warmup-sec 3] [--samples 5] "
               "[--sample-sec 1] [--out OUT]\n";
        return 2;
    }
    QString error;
    base::Json caseJson;
    mapping::SampleInput input;
    QByteArray templateBytes;
    std::optional<vtl::Template> compiled;
    if (!loadCase(o.values.value(QStringLiteral("case")), caseJson, input, error)
        || !readFile(o.values.value(QStringLiteral("template")), templateBytes, error)
        || !compileTemplate(QString::fromUtf8(templateBytes), o.values.value(QStringLiteral("template")), compiled, error)) {
        err << "error: " << error << Qt::endl;
        return 1;
    }
    input.prepare();
    const bool mayChange = compiled->mayChangeContainers();
    const double warmupSec = o.values.value(QStringLiteral("warmup-sec"), QStringLiteral("3")).toDouble();
    const int samples = std::max(1, o.values.value(QStringLiteral("samples"), QStringLiteral("5")).toInt());
    const double sampleSec = o.values.value(QStringLiteral("sample-sec"), QStringLiteral("1")).toDouble();

    // One render = fresh $input/$util/$context/$stageVariables for the request, the body parsed on
    // first use, the precompiled template merged into a string.
    qsizetype bytes = 0;
    const auto renderOnce = [&]() -> bool {
        const auto rendered = compiled->render(input.toVariables(mayChange));
        if (!rendered.ok()) {
            error = located(rendered.error());
            return false;
        }
        bytes = rendered->size();
        return true;
    };
    {
        const auto first = compiled->render(input.toVariables(mayChange));
        if (!first.ok()) {
            err << "error: " << located(first.error()) << Qt::endl;
            return 1;
        }
        if (o.values.contains(QStringLiteral("out"))) {
            QFile f(o.values.value(QStringLiteral("out")));
            if (!f.open(QIODevice::WriteOnly)) {
                err << "error: cannot write " << f.fileName() << Qt::endl;
                return 1;
            }
            f.write(first->toUtf8());
        }
        bytes = first->toUtf8().size();
    }
    // The clock is read every 10 renders, as the Velocity harness does.
    constexpr int kBatch = 10;
    QElapsedTimer timer;
    timer.start();
    while (timer.nsecsElapsed() < qint64(warmupSec * 1e9)) {
        for (int i = 0; i < kBatch; ++i) {
            if (!renderOnce()) {
                err << "error: " << error << Qt::endl;
                return 1;
            }
        }
    }
    std::vector<double> rates;
    for (int s = 0; s < samples; ++s) {
        qint64 count = 0;
        timer.restart();
        while (timer.nsecsElapsed() < qint64(sampleSec * 1e9)) {
            for (int i = 0; i < kBatch; ++i)
                renderOnce();
            count += kBatch;
        }
        rates.push_back(double(count) / (double(timer.nsecsElapsed()) / 1e9));
    }
    std::vector<double> sorted = rates;
    std::sort(sorted.begin(), sorted.end());
    out << QStringLiteral("renders_per_sec=%1 min=%2 max=%3 bytes=%4")
               .arg(qint64(sorted[sorted.size() / 2]))
               .arg(qint64(sorted.front()))
               .arg(qint64(sorted.back()))
               .arg(bytes)
        << Qt::endl;
    return 0;
}

} // namespace portico::cli
