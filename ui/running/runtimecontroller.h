// The gateway runtime inside the GUI: the HTTP server on loopback with its own worker threads,
// the gateway, the local functions' host and the usage counters, started and stopped from the Run
// menu. The UI thread only hands it projects: each is compiled into stages on a worker thread and
// swapped in whole (requests in flight finish on the stages they started with), and finished
// requests come back from the trace bus in batches, at most every 50 ms, so that 1,000 requests a
// second cost the window twenty small updates. No widgets here.
#pragma once

#include "base/diagnostic.h"
#include "base/result.h"
#include "http/httpmessage.h"
#include "model/project.h"
#include "runtime/projectstages.h"
#include "runtime/tracebus.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace portico::http {
class Server;
}

namespace portico::runtime {
class ControlApi;
class FunctionHost;
class Gateway;
class UsageLedger;
} // namespace portico::runtime

namespace portico::running {

class RuntimeController : public QObject
{
    Q_OBJECT

public:
    struct Settings
    {
        // 0 picks a free port.
        quint16 port = 0;
        QHostAddress bind = QHostAddress::LocalHost;
        // The current definition as stage "draft", beside the deployed stages.
        bool serveDraft = true;
        runtime::NamedStrings draftVariables;
        // Deployed stages left out (they answer 403, as a stage that does not exist does).
        QStringList hiddenStages;
    };

    explicit RuntimeController(QObject *parent = nullptr);
    ~RuntimeController() override;

    // Binds the server (an error says why it cannot, a port in use say); then serves the last
    // project given to setProject().
    base::Status start(const Settings &settings);
    void stop();
    bool isRunning() const;
    // "http://127.0.0.1:4010"; empty while stopped.
    QString baseUrl() const;
    Settings settings() const { return m_settings; }
    // Changes what is served without a restart (the draft, its stage variables).
    void setDraft(bool serveDraft, const runtime::NamedStrings &variables);
    // Which deployed stages are left out; the others are served.
    void setHiddenStages(const QStringList &stages);

    // What to serve: the project as it is now. Compiled off the UI thread; the latest one wins.
    // `projectPath` resolves relative paths and says whether its functions are trusted.
    void setProject(const model::Project &project, const QString &projectPath);
    // The stages being served, once the last project given is in place.
    QStringList stageNames() const;
    // What could not be compiled in the project being served (a template that does not parse...).
    const std::vector<base::Diagnostic> &problems() const { return m_problems; }
    // Whether the served project's local functions may run; set when a project is given.
    bool functionsTrusted() const { return m_trusted; }
    runtime::UsageLedger &ledger() { return *m_ledger; }

    // Runs `request` (target "/{stage}/path?query") through the gateway without a socket, as the
    // composer's in-process send does; `stageVariables`, when given, replace the stage's own for
    // this request. `done` is called once, on this object's thread. An error while stopped.
    base::Status invoke(http::Request request, const std::optional<runtime::NamedStrings> &stageVariables,
                        std::function<void(http::Response)> done);

Q_SIGNALS:
    void runningChanged(bool running);
    // A project given to setProject() is now what answers requests.
    void stagesChanged();
    // Requests that went through the runtime since the last batch, oldest first.
    void exchangesArrived(const std::vector<runtime::ExchangePtr> &exchanges);

private:
    void compile();
    void deliverExchanges();

    Settings m_settings;
    std::shared_ptr<runtime::UsageLedger> m_ledger;
    std::unique_ptr<runtime::Gateway> m_gateway;
    std::unique_ptr<runtime::ControlApi> m_control;
    std::unique_ptr<http::Server> m_server;
    std::shared_ptr<runtime::FunctionHost> m_functions;
    std::shared_ptr<runtime::TraceSubscription> m_traces;
    // Lives on a server thread: in-process requests are queued to it.
    std::unique_ptr<QObject> m_invoker;
    QTimer m_batchTimer;

    // One copy per project handed over, shared by the control API and the compile: a project can
    // be large, and this runs after every edit.
    std::shared_ptr<const model::Project> m_project;
    QString m_projectPath;
    bool m_trusted = false;
    // Each compile has a number; a result that is not the latest is dropped.
    quint64 m_generation = 0;
    std::vector<base::Diagnostic> m_problems;
};

} // namespace portico::running
