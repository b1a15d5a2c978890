// Sends the composer's request to the embedded runtime, in process (straight into the gateway,
// no socket: the draft with the composer's own stage variables) or over real HTTP to a served
// stage, and gives back the response together with the request's trace (matched by its
// x-amzn-RequestId), so that the composer shows the answer and its steps side by side. One
// request at a time: sending again drops the answer still awaited. No widgets.
#pragma once

#include "http/httpmessage.h"
#include "runtime/methodrequest.h"
#include "runtime/tracebus.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include <map>
#include <optional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace portico::running {

class RuntimeController;

struct SentRequest
{
    http::Request request;
    http::Response response;
    // From send to the whole response, as the composer saw it.
    qint64 elapsedUs = 0;
    bool overHttp = false;
    // The trace of the request; null when it did not arrive in time (the runtime was busy).
    runtime::ExchangePtr exchange;
    // Why there is no response at all (the runtime is not running, the connection failed).
    QString error;
};

class RequestSender : public QObject
{
    Q_OBJECT

public:
    explicit RequestSender(RuntimeController *runtime, QObject *parent = nullptr);
    ~RequestSender() override;

    // `request.target` is "/{stage}/path?query". In process, `stageVariables` (when given)
    // replace the stage's own for this request.
    void send(const http::Request &request, bool overHttp,
              const std::optional<runtime::NamedStrings> &stageVariables = std::nullopt);
    bool isBusy() const { return m_pending.has_value(); }

Q_SIGNALS:
    void finished(const running::SentRequest &sent);

private:
    void responded(http::Response response, quint64 ticket);
    void failed(const QString &error, quint64 ticket);
    void exchangesArrived(const std::vector<runtime::ExchangePtr> &exchanges);
    void finishIfComplete();
    void finishNow();

    RuntimeController *m_runtime;
    QNetworkAccessManager *m_network = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_traceWait;
    quint64 m_ticket = 0;
    QElapsedTimer m_clock;
    std::optional<SentRequest> m_pending;
    bool m_responded = false;
    // Traces that arrived while the response was awaited, by request id: over HTTP the trace can
    // come before the response does.
    std::map<QString, runtime::ExchangePtr> m_recent;
};

} // namespace portico::running
