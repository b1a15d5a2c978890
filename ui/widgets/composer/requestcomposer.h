// The request composer, the console's Test made better: pick a method, fill in its path
// parameters, query, headers, body, stage variables, API key and token, and send it to the draft
// in process or to a served stage over real HTTP. The answer comes back with each step's time
// and the execution log, checked against the request's expectations. Requests are saved per
// method in the project (undoable, like every edit) and run again from the list; a request the
// Inspector caught can be loaded here, edited and sent again. Sending starts the runtime when it
// is stopped, and waits for the latest edits to be served.
#pragma once

#include "base/result.h"
#include "model/savedrequest.h"
#include "running/requestsender.h"

#include <QWidget>

#include <functional>
#include <optional>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace portico::editing {
class ApiDocument;
}

namespace portico::widgets {
class RunControls;
}

namespace portico::widgets::composer {

class RequestForm;
class ResponseView;

class RequestComposer : public QWidget
{
    Q_OBJECT

public:
    RequestComposer(editing::ApiDocument *document, RunControls *run, QWidget *parent = nullptr);
    ~RequestComposer() override;

    // Shows the method's saved request `savedName` (its first one when empty; a new request
    // with the method's required parameters when it has none). False when there is no such method.
    bool openMethod(const QString &resourcePath, const QString &verb, const QString &savedName = QString());
    // "Edit and resend": the captured request in the form (its method, path parameters read
    // back from its resource, query, headers, body) with its stage chosen. False when the method
    // that served it is gone.
    bool loadExchange(const runtime::ExchangePtr &exchange);

    // Sends what the form says to the chosen stage. Starts the runtime first when it is stopped.
    void send();
    // Saves the form as the method's request `name` (replacing the one of that name): one undo step.
    base::Status saveAs(const QString &name);
    // Deletes the saved request shown; the form keeps its fields.
    base::Status deleteSaved();

    // The request the form describes now, for the method shown.
    model::SavedRequest currentRequest() const;
    QString currentStage() const;
    bool overHttp() const;
    void setTarget(const QString &stage, bool overHttp);

    RequestForm *form() const { return m_form; }
    ResponseView *responseView() const { return m_response; }
    QComboBox *methodBox() const { return m_method; }
    QComboBox *savedBox() const { return m_saved; }
    QPushButton *sendButton() const { return m_send; }

    // The name of a request to save; nullopt when the person cancelled. A seam for tests.
    std::function<std::optional<QString>(const QString &suggestion)> askRequestName;

Q_SIGNALS:
    // A response (or the reason there is none) was shown.
    void responseShown(const running::SentRequest &sent);

private:
    void refreshMethods();
    void refreshStages();
    void refreshSaved();
    void methodChosen();
    void savedChosen();
    void targetChanged();
    void sendNow();
    void showSent(const running::SentRequest &sent);
    // A new request for the shown method: its required parameters and headers as empty rows.
    model::SavedRequest freshRequest(const QString &resourcePath, const QString &verb) const;
    void showRequest(const model::SavedRequest &request);

    editing::ApiDocument *m_document;
    RunControls *m_run;
    running::RequestSender *m_sender;
    // Sent once the runtime serves the latest project (after a start or a hand-over).
    bool m_sendWhenServed = false;
    // The expectations of the request being sent, checked when the answer comes.
    model::RequestExpectations m_sentExpectations;
    // The method shown: by id, so that it is followed through a rename or a move.
    QString m_resourceId;
    QString m_resourcePath;
    QString m_verb;

    QComboBox *m_method;
    QComboBox *m_sendVerb;
    QComboBox *m_stage;
    QCheckBox *m_overHttp;
    QPushButton *m_send;
    QComboBox *m_saved;
    QPushButton *m_save;
    QPushButton *m_saveAs;
    QPushButton *m_delete;
    QLabel *m_url;
    RequestForm *m_form;
    ResponseView *m_response;
};

} // namespace portico::widgets::composer
