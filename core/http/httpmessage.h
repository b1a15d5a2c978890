// The HTTP/1.1 request and response as the server hands them to a handler and takes them back:
// plain values, no sockets. Header names keep the case the client sent; lookups ignore case.
#pragma once

#include <QByteArray>

#include <utility>
#include <vector>

namespace portico::http {

using HeaderList = std::vector<std::pair<QByteArray, QByteArray>>;

// The first value of a header, compared without case; empty when absent.
QByteArray headerValue(const HeaderList &headers, const QByteArray &name);
bool hasHeader(const HeaderList &headers, const QByteArray &name);

struct Request
{
    QByteArray method;   // "GET"
    QByteArray target;   // "/prod/pets?limit=2", as sent (still percent-encoded)
    QByteArray path;     // "/prod/pets"
    QByteArray query;    // "limit=2" (without '?'); empty when there is none
    int versionMinor = 1;
    HeaderList headers;
    QByteArray body;
    bool keepAlive = true;
    QByteArray peerAddress;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
};

struct Response
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const { return headerValue(headers, name); }
    // Replaces every header of that name (any case) with one value.
    void setHeader(const QByteArray &name, const QByteArray &value);

    // The bytes on the wire. Content-Length is always written from the body (a handler's own
    // Content-Length or Transfer-Encoding is dropped); a HEAD response keeps the length but
    // sends no body.
    QByteArray serialize(bool keepAlive, bool headRequest) const;

    static QByteArray reasonPhrase(int status);
};

} // namespace portico::http
