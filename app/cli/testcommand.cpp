#include "testcommand.h"

#include "junitreport.h"
#include "projectloading.h"

#include "base/atomicfile.h"
#include "runtime/expectationcheck.h"
#include "runtime/inprocesscall.h"
#include "runtime/projectstages.h"
#include "runtime/savedrequestbuilder.h"

#include <QElapsedTimer>
#include <QFileInfo>

namespace portico::cli {

namespace {

const char kTestUsage[]
    = R"(Usage: portico-cli test PROJECT [--stage S] [--junit FILE] [--trust] [--filter TEXT]

Runs every saved request of the project through the gateway in-process (no sockets; HTTP
integrations still call their real backends) and checks its expectations: status, header
values, the body (equal, or a JSON subset) and JSONPath checks. Prints one line per request,
PASS or FAIL, each difference indented below a failure, then a summary.

Options:
  --stage S        Send to the deployed stage S (its deployment's snapshot and variables).
                   By default the current definition is served as stage "draft", with each
                   request's own stage variables.
  --junit FILE     Also write the results as JUnit XML, for CI.
  --trust          Allow the project's local functions to run (they run commands).
  --filter TEXT    Only the requests whose name, resource path or "VERB /path" contains TEXT
                   (any case).

Exit status: 0 when every request passed, 1 when any failed, 2 when the project cannot be read
or the arguments are wrong. A request without expectations passes when it gets any response.
)";

constexpr int kResponseTimeoutMs = 60000;

struct TestOptions
{
    QString project;
    QString stage;
    QString junitFile;
    QString filter;
    bool trust = false;
};

bool parseOptions(QStringList args, TestOptions &options, QTextStream &err)
{
    const auto fail = [&](const QString &message) {
        err << "portico-cli test: " << message << "\n\n" << kTestUsage;
        return false;
    };
    while (!args.isEmpty()) {
        const QString arg = args.takeFirst();
        const auto value = [&](QString &into) {
            if (args.isEmpty() || args.front().startsWith(QLatin1String("--")))
                return false;
            into = args.takeFirst();
            return true;
        };
        if (arg == QLatin1String("--stage")) {
            if (!value(options.stage))
                return fail(QStringLiteral("--stage needs a stage name"));
        } else if (arg == QLatin1String("--junit")) {
            if (!value(options.junitFile))
                return fail(QStringLiteral("--junit needs a file name"));
        } else if (arg == QLatin1String("--filter")) {
            if (!value(options.filter))
                return fail(QStringLiteral("--filter needs a text"));
        } else if (arg == QLatin1String("--trust")) {
            options.trust = true;
        } else if (arg.startsWith(QLatin1String("--"))) {
            return fail(QStringLiteral("unknown option %1").arg(arg));
        } else if (options.project.isEmpty()) {
            options.project = arg;
        } else {
            return fail(QStringLiteral("only one project file can be tested"));
        }
    }
    if (options.project.isEmpty())
        return fail(QStringLiteral("no project file given"));
    return true;
}

// "GET /pets/{petId}": what a request line and a JUnit class name show.
QString methodLabel(const model::SavedRequest &saved)
{
    return saved.verb() + QLatin1Char(' ') + saved.resourcePath;
}

bool selected(const model::SavedRequest &saved, const QString &filter)
{
    return filter.isEmpty() || saved.name.contains(filter, Qt::CaseInsensitive)
        || methodLabel(saved).contains(filter, Qt::CaseInsensitive);
}

struct Outcome
{
    QStringList failures;
    // Said after the time on a line that passed: "no expectations, got 200".
    QString note;
};

// Runs the project's saved requests on one stage, in-process, one after the other.
class SavedRequestRunner
{
public:
    SavedRequestRunner(const model::Project &project, const TestOptions &options)
        : m_project(project)
        , m_options(options)
    {
    }

    // Compiles the stage; false (after saying why) when it cannot be served.
    bool prepare(QTextStream &err)
    {
        std::optional<runtime::DraftStage> draft;
        if (m_options.stage.isEmpty()) {
            draft.emplace();
            m_stageName = draft->name;
        } else {
            m_stageName = m_options.stage;
            if (!m_project.findStage(m_stageName)) {
                err << "portico-cli test: " << m_options.project << ": no stage \"" << m_stageName
                    << "\"\n";
                return false;
            }
        }
        const QString directory = QFileInfo(m_options.project).absolutePath();
        std::vector<base::Diagnostic> problems;
        std::vector<runtime::ServedStage> stages
            = runtime::stagesFromProject(m_project, draft, problems, nullptr, directory);
        for (const base::Diagnostic &problem : problems)
            err << problem.toString() << '\n';
        std::erase_if(stages,
                      [&](const runtime::ServedStage &stage) { return stage.name != m_stageName; });
        if (stages.empty()) {
            err << "portico-cli test: " << m_options.project << ": stage \"" << m_stageName
                << "\" cannot be served\n";
            return false;
        }
        if (!m_project.localFunctions.empty()) {
            m_functions = std::make_shared<runtime::FunctionHost>(directory, m_options.trust);
            m_functions->setFunctions(m_project.localFunctions);
            stages.front().functions = m_functions;
        }
        m_gateway.setApiId(m_project.api.id);
        m_gateway.setStages(std::move(stages));
        return true;
    }

    ~SavedRequestRunner()
    {
        // Stages hold the function host: let go of them before it goes.
        m_gateway.setStages({});
    }

    Outcome run(const model::SavedRequest &saved)
    {
        base::Result<http::Request> request = runtime::buildRequest(saved, m_project, m_stageName);
        if (!request.ok())
            return {{request.error().message}, {}};
        std::optional<runtime::NamedStrings> variables;
        if (m_options.stage.isEmpty())
            variables
                = runtime::NamedStrings(saved.stageVariables.begin(), saved.stageVariables.end());
        const std::optional<http::Response> response = runtime::sendInProcessAndWait(
            m_gateway, std::move(request).value(), std::move(variables), kResponseTimeoutMs);
        if (!response)
            return {{QStringLiteral("no response within %1 s").arg(kResponseTimeoutMs / 1000)}, {}};
        Outcome outcome;
        for (const runtime::ExpectationFailure &failure :
             runtime::checkExpectations(saved.expect, *response))
            outcome.failures.append(failure.toString());
        if (saved.expect.isEmpty())
            outcome.note = QStringLiteral("no expectations, got %1").arg(response->status);
        return outcome;
    }

private:
    const model::Project &m_project;
    const TestOptions &m_options;
    QString m_stageName;
    std::shared_ptr<runtime::FunctionHost> m_functions;
    runtime::Gateway m_gateway;
};

} // namespace

int runTest(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kTestUsage;
        return 0;
    }
    TestOptions options;
    if (!parseOptions(args, options, err))
        return 2;
    const std::optional<model::Project> project = loadProjectOrReport(options.project, err);
    if (!project)
        return 2;
    std::vector<const model::SavedRequest *> requests;
    for (const model::SavedRequest &saved : project->savedRequests) {
        if (selected(saved, options.filter))
            requests.push_back(&saved);
    }
    if (project->savedRequests.empty())
        out << options.project << ": no saved requests, nothing to test\n";
    else if (requests.empty())
        out << options.project << ": no saved request matches \"" << options.filter << "\"\n";

    SavedRequestRunner runner(*project, options);
    if (!requests.empty() && !runner.prepare(err))
        return 2;
    err.flush();

    JUnitReport report(project->api.name.isEmpty() ? project->api.id : project->api.name);
    int failed = 0;
    QElapsedTimer total;
    total.start();
    for (const model::SavedRequest *saved : requests) {
        QElapsedTimer timer;
        timer.start();
        const Outcome outcome = runner.run(*saved);
        const qint64 ms = timer.elapsed();
        const bool passed = outcome.failures.isEmpty();
        failed += passed ? 0 : 1;
        out << (passed ? "PASS  " : "FAIL  ") << methodLabel(*saved) << "  \"" << saved->name
            << "\"  (" << ms << " ms"
            << (outcome.note.isEmpty() ? QString() : QStringLiteral(", ") + outcome.note) << ")\n";
        for (const QString &failure : outcome.failures)
            out << "      " << failure << '\n';
        out.flush();
        report.add({methodLabel(*saved), saved->name, double(timer.nsecsElapsed()) / 1e9,
                    outcome.failures});
    }
    if (!requests.empty()) {
        out << requests.size() - size_t(failed) << " passed, " << failed << " failed, "
            << requests.size() << (requests.size() == 1 ? " request" : " requests") << " in "
            << total.elapsed() << " ms\n";
    }
    // Said only when it may explain a failure: most requests never reach a local function.
    if (failed > 0 && !options.trust && !project->localFunctions.empty())
        err << "portico-cli test: the project's local functions did not run; pass --trust to allow "
               "them\n";
    if (!options.junitFile.isEmpty()) {
        if (base::Status written = base::writeFileAtomically(options.junitFile, report.toXml());
            !written.ok()) {
            err << "portico-cli test: " << written.error().toString() << '\n';
            return 2;
        }
    }
    return failed == 0 ? 0 : 1;
}

} // namespace portico::cli
