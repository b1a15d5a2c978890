#include "requestparser.h"

#include <http_parser.h>

#include <limits>

namespace portico::http {

struct RequestParser::State_
{
    Limits limits;
    http_parser parser{};
    http_parser_settings settings{};
    Request request;
    QByteArray field;
    QByteArray value;
    bool readingValue = false;
    bool started = false;
    bool complete = false;
    bool continueRequested = false;
    qsizetype headerBytes = 0;
    int errorStatus = 0;
    QByteArray errorMessage;

    void reset()
    {
        http_parser_init(&parser, HTTP_REQUEST);
        parser.data = this;
        request = Request();
        field.clear();
        value.clear();
        readingValue = false;
        started = false;
        complete = false;
        headerBytes = 0;
    }

    // A callback's non-zero return stops http-parser with HPE_CB_*; the reason is kept here.
    // Not 1 or 2: from on_headers_complete those mean "no body" and "upgrade", not an error.
    int fail(int status, const char *message)
    {
        errorStatus = status;
        errorMessage = message;
        return -1;
    }

    int countHeaderBytes(size_t length)
    {
        headerBytes += qsizetype(length);
        if (headerBytes > limits.maxHeaderBytes)
            return fail(431, "Request Header Fields Too Large");
        return 0;
    }

    void finishHeader()
    {
        if (!field.isEmpty() || !value.isEmpty())
            request.headers.emplace_back(field, value.trimmed());
        field.clear();
        value.clear();
        readingValue = false;
    }
};

namespace {

RequestParser::State_ &stateOf(http_parser *p)
{
    return *static_cast<RequestParser::State_ *>(p->data);
}

int onMessageBegin(http_parser *p)
{
    stateOf(p).started = true;
    return 0;
}

int onUrl(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    s.request.target.append(at, qsizetype(length));
    return s.countHeaderBytes(length + 16);
}

int onHeaderField(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    if (s.readingValue)
        s.finishHeader();
    s.field.append(at, qsizetype(length));
    return s.countHeaderBytes(length + 4);
}

int onHeaderValue(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    s.readingValue = true;
    s.value.append(at, qsizetype(length));
    return s.countHeaderBytes(length);
}

int onHeadersComplete(http_parser *p)
{
    auto &s = stateOf(p);
    s.finishHeader();
    if (p->upgrade || p->method == HTTP_CONNECT)
        return s.fail(501, "Not Implemented");
    s.request.method = http_method_str(http_method(p->method));
    s.request.versionMinor = p->http_minor;
    s.request.keepAlive = http_should_keep_alive(p) != 0;
    const qsizetype query = s.request.target.indexOf('?');
    const QByteArray pathAndQuery = s.request.target;
    if (query >= 0) {
        s.request.path = pathAndQuery.left(query);
        s.request.query = pathAndQuery.mid(query + 1);
    } else {
        s.request.path = pathAndQuery;
    }
    // An absolute-form target ("http://host/path") is legal in HTTP/1.1; keep its path.
    if (!s.request.path.startsWith('/')) {
        const qsizetype scheme = s.request.path.indexOf("://");
        if (scheme < 0)
            return s.fail(400, "Bad Request");
        const qsizetype slash = s.request.path.indexOf('/', scheme + 3);
        s.request.path = slash < 0 ? QByteArray("/") : s.request.path.mid(slash);
    }
    const bool lengthKnown = p->content_length != std::numeric_limits<uint64_t>::max();
    if (lengthKnown && p->content_length > uint64_t(s.limits.maxBodyBytes))
        return s.fail(413, "Request Too Long");
    if (lengthKnown && p->content_length > 0)
        s.request.body.reserve(qsizetype(p->content_length));
    const QByteArray expect = s.request.header("Expect");
    if (expect.compare("100-continue", Qt::CaseInsensitive) == 0 && (p->content_length > 0 || !lengthKnown))
        s.continueRequested = true;
    return 0;
}

int onBody(http_parser *p, const char *at, size_t length)
{
    auto &s = stateOf(p);
    if (s.request.body.size() + qsizetype(length) > s.limits.maxBodyBytes)
        return s.fail(413, "Request Too Long");
    s.request.body.append(at, qsizetype(length));
    return 0;
}

int onMessageComplete(http_parser *p)
{
    auto &s = stateOf(p);
    s.complete = true;
    // Stop here: the bytes after this request belong to the next one, parsed after it is answered.
    http_parser_pause(p, 1);
    return 0;
}

} // namespace

RequestParser::RequestParser(Limits limits) : d(std::make_unique<State_>())
{
    d->limits = limits;
    d->settings.on_message_begin = onMessageBegin;
    d->settings.on_url = onUrl;
    d->settings.on_header_field = onHeaderField;
    d->settings.on_header_value = onHeaderValue;
    d->settings.on_headers_complete = onHeadersComplete;
    d->settings.on_body = onBody;
    d->settings.on_message_complete = onMessageComplete;
    d->reset();
}

RequestParser::~RequestParser() = default;

RequestParser::Outcome RequestParser::feed(const char *data, qsizetype size)
{
    if (d->errorStatus != 0)
        return {State::Error, 0};
    if (d->complete)
        return {State::Complete, 0};
    const size_t parsed = http_parser_execute(&d->parser, &d->settings, data, size_t(size));
    const http_errno error = HTTP_PARSER_ERRNO(&d->parser);
    if (d->complete) {
        http_parser_pause(&d->parser, 0);
        return {State::Complete, qsizetype(parsed)};
    }
    if (error != HPE_OK) {
        if (d->errorStatus == 0) {
            d->errorStatus = 400;
            d->errorMessage = QByteArray("Bad Request: ").append(http_errno_description(error));
        }
        return {State::Error, qsizetype(parsed)};
    }
    return {State::NeedMore, qsizetype(parsed)};
}

Request RequestParser::takeRequest()
{
    Request request = std::move(d->request);
    d->reset();
    return request;
}

bool RequestParser::inProgress() const
{
    return d->started && !d->complete;
}

bool RequestParser::takeContinueRequest()
{
    return std::exchange(d->continueRequested, false);
}

int RequestParser::errorStatus() const
{
    return d->errorStatus;
}

QByteArray RequestParser::errorMessage() const
{
    return d->errorMessage;
}

} // namespace portico::http
