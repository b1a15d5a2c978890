// Turns the bytes a backend sends into one HTTP/1.1 response at a time (Debian's http-parser):
// status, headers, body (Content-Length, chunked, or until the connection closes).
#pragma once

#include "httpmessage.h"

#include <memory>

namespace portico::http {

class ResponseParser
{
public:
    enum class State { NeedMore, Complete, Error };

    explicit ResponseParser(qsizetype maxBodyBytes);
    ~ResponseParser();
    ResponseParser(const ResponseParser &) = delete;
    ResponseParser &operator=(const ResponseParser &) = delete;

    // `headRequest`: the response to a HEAD has no body whatever its headers say.
    void reset(bool headRequest);
    State feed(const char *data, qsizetype size);
    // The connection closed: completes a response whose body runs until the close.
    State finish();
    Response takeResponse();
    // Whether the connection may carry another request after this response.
    bool keepAlive() const;
    QByteArray errorMessage() const;

    struct State_;

private:
    std::unique_ptr<State_> d;
};

} // namespace portico::http
