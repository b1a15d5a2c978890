#include "usagecommand.h"

#include "serverregistry.h"

#include "base/json.h"

#include <QTcpSocket>
#include <QUrl>

namespace portico::cli {

namespace {

const char kUsageUsage[] = R"(Usage: portico-cli usage PROJECT [--server URL] [--json]

Shows, for each usage plan of the project, each API key's requests today and per day and its
quota (used and remaining in the current period), as counted by the running
`portico-cli serve PROJECT` (counters live in the server, as they live in API Gateway; they start
at zero when the server starts).

Options:
  --server URL   The server's control API (printed by serve), instead of finding the running
                 serve of PROJECT.
  --json         Print the report as JSON.
)";

// GET on the loopback control API: a plain socket, since the answer is small and local.
std::optional<QByteArray> fetch(const QUrl &url, QString &error)
{
    QTcpSocket socket;
    socket.connectToHost(url.host(), quint16(url.port(80)));
    if (!socket.waitForConnected(3000)) {
        error = socket.errorString();
        return std::nullopt;
    }
    const QByteArray path = url.path().isEmpty() ? QByteArray("/") : url.path().toUtf8();
    socket.write("GET " + path + " HTTP/1.1\r\nHost: " + url.host().toUtf8() + "\r\nConnection: close\r\n\r\n");
    QByteArray reply;
    while (socket.state() == QAbstractSocket::ConnectedState || socket.bytesAvailable() > 0) {
        if (!socket.waitForReadyRead(5000) && socket.state() == QAbstractSocket::ConnectedState) {
            error = QStringLiteral("no answer within 5 seconds");
            return std::nullopt;
        }
        reply += socket.readAll();
    }
    const qsizetype headerEnd = reply.indexOf("\r\n\r\n");
    if (!reply.startsWith("HTTP/1.1 200") || headerEnd < 0) {
        error = QStringLiteral("unexpected answer: %1").arg(QString::fromUtf8(reply.left(reply.indexOf('\r'))));
        return std::nullopt;
    }
    return reply.mid(headerEnd + 4);
}

QString text(const base::Json &value)
{
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

void printReport(const base::Json &report, QTextStream &out)
{
    const base::Json plans = report.value("usagePlans", base::Json::array());
    if (plans.empty())
        out << "The project has no usage plans.\n";
    for (const base::Json &plan : plans) {
        QStringList stages;
        for (const base::Json &stage : plan.value("stages", base::Json::array()))
            stages << text(stage);
        out << "Usage plan " << text(plan["id"]) << " (" << text(plan["name"]) << "), stages "
            << (stages.isEmpty() ? QStringLiteral("none") : stages.join(QLatin1Char(',')));
        if (plan.contains("quota"))
            out << "; quota " << text(plan["quota"]["limit"]) << " per " << text(plan["quota"]["period"]);
        if (plan.contains("throttle"))
            out << "; throttle " << text(plan["throttle"]["rateLimit"]) << " requests/s, burst " << text(plan["throttle"]["burstLimit"]);
        out << '\n';
        const base::Json keys = plan.value("keys", base::Json::array());
        if (keys.empty()) {
            out << "  (no API keys)\n";
            continue;
        }
        out << QStringLiteral("  %1  %2  %3  %4  %5  %6  %7  %8\n")
                   .arg(QStringLiteral("KEY"), -10)
                   .arg(QStringLiteral("NAME"), -16)
                   .arg(QStringLiteral("STATE"), -8)
                   .arg(QStringLiteral("TODAY"), 7)
                   .arg(QStringLiteral("THROTTLED"), 9)
                   .arg(QStringLiteral("QUOTA USED"), 10)
                   .arg(QStringLiteral("REMAINING"), 9)
                   .arg(QStringLiteral("PERIOD FROM"));
        for (const base::Json &key : keys) {
            const bool quota = key.contains("quota");
            out << QStringLiteral("  %1  %2  %3  %4  %5  %6  %7  %8\n")
                       .arg(text(key["id"]), -10)
                       .arg(text(key["name"]), -16)
                       .arg(key.value("enabled", false) ? QStringLiteral("enabled") : QStringLiteral("disabled"), -8)
                       .arg(text(key["today"]), 7)
                       .arg(text(key["throttled"]), 9)
                       .arg(quota ? text(key["quota"]["used"]) : QStringLiteral("-"), 10)
                       .arg(quota ? text(key["quota"]["remaining"]) : QStringLiteral("-"), 9)
                       .arg(quota ? text(key["quota"]["periodStart"]) : QStringLiteral("-"));
        }
        for (const base::Json &key : keys) {
            for (const base::Json &day : key.value("days", base::Json::array()))
                out << "  " << text(key["id"]) << "  " << text(day["date"]) << "  " << text(day["requests"]) << " requests\n";
        }
    }
    out.flush();
}

} // namespace

int runUsage(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kUsageUsage;
        return 0;
    }
    QString project;
    QString server;
    bool json = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--json"))
            json = true;
        else if (args[i] == QLatin1String("--server") && i + 1 < args.size())
            server = args[++i];
        else if (!args[i].startsWith(QLatin1String("--")) && project.isEmpty())
            project = args[i];
        else {
            err << "portico-cli usage: unexpected argument \"" << args[i] << "\"\n\n" << kUsageUsage;
            return 2;
        }
    }
    if (project.isEmpty() && server.isEmpty()) {
        err << "portico-cli usage: no project file given\n\n" << kUsageUsage;
        return 2;
    }
    if (server.isEmpty()) {
        const std::optional<QString> found = ServerRegistry::find(project);
        if (!found) {
            err << "portico-cli usage: no running `portico-cli serve " << project
                << "` found (start one, or pass --server URL)\n";
            return 1;
        }
        server = *found;
    }
    QUrl url(server);
    if (!url.isValid() || url.host().isEmpty()) {
        err << "portico-cli usage: \"" << server << "\" is not a URL\n";
        return 2;
    }
    url.setPath(QStringLiteral("/usage"));
    QString error;
    const std::optional<QByteArray> body = fetch(url, error);
    if (!body) {
        err << "portico-cli usage: " << url.toString() << ": " << error << '\n';
        return 1;
    }
    if (json) {
        out << *body << '\n';
        return 0;
    }
    base::Json report;
    base::JsonParseError parseError;
    if (!base::parseJson(*body, report, parseError)) {
        err << "portico-cli usage: " << url.toString() << ": the answer is not JSON\n";
        return 1;
    }
    printReport(report, out);
    return 0;
}

} // namespace portico::cli
