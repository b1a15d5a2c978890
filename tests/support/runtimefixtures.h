// Small pieces the runtime tests build their APIs and read their answers with.
#pragma once

#include "base/json.h"
#include "model/resource.h"

#include <QByteArray>
#include <QString>

namespace portico::test {

inline model::Resource resource(const QString &id, const QString &parentId, const QString &pathPart)
{
    model::Resource r;
    r.id = id;
    r.parentId = parentId;
    r.pathPart = pathPart;
    return r;
}

// The integration URI of a Lambda function in the local account.
inline QString lambdaUri(const QString &function)
{
    return QStringLiteral("arn:aws:apigateway:us-east-1:lambda:path/2015-03-31/functions/"
                          "arn:aws:lambda:us-east-1:000000000000:function:%1/invocations")
        .arg(function);
}

// A body as JSON (discarded when it is not).
inline base::Json json(const QByteArray &body)
{
    return base::Json::parse(body.toStdString(), nullptr, false);
}

// A JSON value as text for QCOMPARE: strings as themselves, anything else as JSON.
inline QString text(const base::Json &value)
{
    return QString::fromStdString(value.is_string() ? value.get<std::string>() : value.dump());
}

} // namespace portico::test
