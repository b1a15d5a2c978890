// A body as people read it: JSON indented (numbers and key order kept as sent), XML indented,
// anything else as text. What the composer and the inspector show; never what is sent.
#pragma once

#include <QByteArray>
#include <QString>

namespace portico::running {

// `contentType` is the header's value ("application/json; charset=utf-8"); a body that does not
// parse as what it claims is shown as it is. Binary bodies are described, not dumped.
QString readableBody(const QByteArray &contentType, const QByteArray &body);

} // namespace portico::running
