// Turns the bytes of one connection into HTTP/1.1 requests, one at a time, with Debian's
// http-parser doing the grammar. Pure: bytes in, {state, bytes consumed} out, so it is tested and
// fuzzed without sockets. Limits (header bytes, body bytes) stop a request as soon as it crosses
// them, before the rest is read.
#pragma once

#include "httpmessage.h"

#include <QtGlobal>

#include <memory>

namespace portico::http {

class RequestParser
{
public:
    struct Limits
    {
        qsizetype maxHeaderBytes;
        qsizetype maxBodyBytes;
    };
    enum class State { NeedMore, Complete, Error };
    struct Outcome
    {
        State state;
        // Bytes of the input that belong to this request (the rest is the next request's).
        qsizetype consumed;
    };

    explicit RequestParser(Limits limits);
    ~RequestParser();
    RequestParser(const RequestParser &) = delete;
    RequestParser &operator=(const RequestParser &) = delete;

    // Feeds bytes; stops at the end of the first complete request. After Complete call
    // takeRequest() before feeding more. After Error the connection must be closed.
    Outcome feed(const char *data, qsizetype size);
    // The complete request; the parser is ready for the next one.
    Request takeRequest();

    // True when some bytes of a request have arrived but not the whole of it.
    bool inProgress() const;
    // True once, when the headers of a request with "Expect: 100-continue" are complete: the
    // client waits for an interim 100 response before sending the body.
    bool takeContinueRequest();

    // After Error: the status to answer with (400, 413, 431, 501) and why.
    int errorStatus() const;
    QByteArray errorMessage() const;

    // The parser's state, declared here so http-parser's C callbacks can reach it.
    struct State_;

private:
    std::unique_ptr<State_> d;
};

} // namespace portico::http
