#include "responseparser.h"

#include <http_parser.h>

namespace portico::http {

struct ResponseParser::State_
{
    http_parser parser{};
    http_parser_settings settings{};
    qsizetype maxBodyBytes = 0;
    Response response;
    QByteArray field;
    QByteArray value;
    bool readingValue = false;
    bool complete = false;
    bool keepAlive = false;
    bool head = false;
    QByteArray error;

    void finishHeader()
    {
        if (!field.isEmpty())
            response.headers.emplace_back(field, value.trimmed());
        field.clear();
        value.clear();
        readingValue = false;
    }
};

namespace {

ResponseParser::State_ &stateOf(http_parser *p)
{
    return *static_cast<ResponseParser::State_ *>(p->data);
}

int onHeaderField(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    if (s.readingValue)
        s.finishHeader();
    s.field.append(at, qsizetype(length));
    return 0;
}

int onHeaderValue(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    s.readingValue = true;
    s.value.append(at, qsizetype(length));
    return 0;
}

int onHeadersComplete(http_parser *p)
{
    auto &s = stateOf(p);
    s.finishHeader();
    s.response.status = int(p->status_code);
    // 1 tells http-parser that this response has no body.
    return s.head ? 1 : 0;
}

int onBody(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    if (s.response.body.size() + qsizetype(length) > s.maxBodyBytes) {
        s.error = "response body too large";
        return -1;
    }
    s.response.body.append(at, qsizetype(length));
    return 0;
}

int onMessageComplete(http_parser *p)
{
    auto &s = stateOf(p);
    // 1xx responses are interim: keep reading for the real one.
    if (s.response.status >= 100 && s.response.status < 200) {
        s.response = Response();
        return 0;
    }
    s.complete = true;
    s.keepAlive = http_should_keep_alive(p) != 0;
    http_parser_pause(p, 1);
    return 0;
}

} // namespace

ResponseParser::ResponseParser(qsizetype maxBodyBytes) : d(std::make_unique<State_>())
{
    d->maxBodyBytes = maxBodyBytes;
    d->settings.on_header_field = onHeaderField;
    d->settings.on_header_value = onHeaderValue;
    d->settings.on_headers_complete = onHeadersComplete;
    d->settings.on_body = onBody;
    d->settings.on_message_complete = onMessageComplete;
    reset(false);
}

ResponseParser::~ResponseParser() = default;

void ResponseParser::reset(bool headRequest)
{
    http_parser_init(&d->parser, HTTP_RESPONSE);
    d->parser.data = d.get();
    d->response = Response();
    d->field.clear();
    d->value.clear();
    d->readingValue = false;
    d->complete = false;
    d->keepAlive = false;
    d->head = headRequest;
    d->error.clear();
}

ResponseParser::State ResponseParser::feed(const char *data, qsizetype size)
{
    if (d->complete)
        return State::Complete;
    if (!d->error.isEmpty())
        return State::Error;
    if (size == 0)
        return State::NeedMore;
    http_parser_execute(&d->parser, &d->settings, data, size_t(size));
    if (d->complete) {
        http_parser_pause(&d->parser, 0);
        return State::Complete;
    }
    const http_errno error = HTTP_PARSER_ERRNO(&d->parser);
    if (error != HPE_OK) {
        if (d->error.isEmpty())
            d->error = QByteArray("malformed response: ").append(http_errno_description(error));
        return State::Error;
    }
    return State::NeedMore;
}

ResponseParser::State ResponseParser::finish()
{
    if (d->complete)
        return State::Complete;
    // Zero bytes tell http-parser the stream ended (completes a body read until close).
    http_parser_execute(&d->parser, &d->settings, nullptr, 0);
    if (d->complete) {
        d->keepAlive = false;
        return State::Complete;
    }
    if (d->error.isEmpty())
        d->error = "connection closed before the response was complete";
    return State::Error;
}

Response ResponseParser::takeResponse()
{
    return std::move(d->response);
}

bool ResponseParser::keepAlive() const
{
    return d->keepAlive;
}

QByteArray ResponseParser::errorMessage() const
{
    return d->error;
}

} // namespace portico::http
