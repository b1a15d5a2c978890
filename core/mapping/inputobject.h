// $input in API Gateway mapping templates: the request (or, in response templates, the
// integration response) payload and the method request parameters. The payload is parsed once,
// on first use, and shared by every $input.json / $input.path call of the rendering.
#pragma once

#include "vtl/value.h"

#include <QByteArray>

#include <simdjson.h>

#include <memory>
#include <utility>
#include <vector>

namespace portico::mapping {

using NamedValues = std::vector<std::pair<QString, QString>>;

struct RequestParameters
{
    NamedValues path;
    NamedValues querystring;
    NamedValues header;
};

class InputObject : public vtl::HostObject
{
public:
    InputObject(QByteArray body, RequestParameters parameters);
    // The same, with parameters shared by several renderings (they are never changed).
    InputObject(QByteArray body, std::shared_ptr<const RequestParameters> parameters);
    ~InputObject() override;
    InputObject(const InputObject &) = delete;
    InputObject &operator=(const InputObject &) = delete;

    vtl::Value property(const QString &name) const override;
    vtl::Value call(const QString &name, std::span<const vtl::Value> args, QString &error) const override;
    QString toString() const override;

    // $input.json(path): compact JSON text; "" (two quotes) when the path finds nothing.
    QString json(const QString &path, QString &error) const;
    // $input.path(path): the value as maps, lists and scalars; null when nothing is found.
    vtl::Value path(const QString &path, QString &error) const;
    vtl::Value params() const;
    vtl::Value param(const QString &name) const;

private:
    enum class BodyKind { Json, NotJson, Malformed };
    // Parses the payload the first time a JSONPath needs it.
    BodyKind parsedBody() const;

    QByteArray m_body;
    std::shared_ptr<const RequestParameters> m_parameters;
    mutable bool m_parsed = false;
    mutable BodyKind m_kind = BodyKind::Json;
    // Borrowed from a per-thread pool on first parse: a parser's buffers are large and reused
    // by the next request on this thread.
    mutable std::unique_ptr<simdjson::dom::parser> m_parser;
    mutable simdjson::dom::element m_root;
};

} // namespace portico::mapping
