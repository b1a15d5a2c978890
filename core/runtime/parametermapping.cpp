#include "parametermapping.h"

#include "base/json.h"

namespace portico::runtime {

namespace {

std::optional<QString> lookupNamed(const NamedStrings &values, const QString &name)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (it->first == name)
            return it->second;
    }
    return std::nullopt;
}

std::optional<QString> lookupHeader(const NamedStrings &values, const QString &name)
{
    for (auto it = values.rbegin(); it != values.rend(); ++it) {
        if (it->first.compare(name, Qt::CaseInsensitive) == 0)
            return it->second;
    }
    return std::nullopt;
}

std::optional<QString> joined(const QStringList &values)
{
    if (values.isEmpty())
        return std::nullopt;
    return values.join(QLatin1Char(','));
}

const base::Json &parsedOnce(std::optional<base::Json> &cache, const QByteArray &body)
{
    if (!cache)
        cache = base::Json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    return *cache;
}

std::optional<QString> fromMethodRequest(QStringView rest, const MappingSources &sources)
{
    const MethodRequest &request = *sources.request;
    if (rest == u"body")
        return QString::fromUtf8(request.body);
    if (rest.startsWith(u"body."))
        return jsonBodyField(parsedOnce(sources.requestBodyJson, request.body), rest.mid(5).toString());
    const qsizetype dot = rest.indexOf(u'.');
    if (dot < 0)
        return std::nullopt;
    const QStringView kind = rest.left(dot);
    const QString name = rest.mid(dot + 1).toString();
    if (kind == u"path")
        return request.pathValue(name);
    if (kind == u"querystring")
        return request.queryValue(name);
    if (kind == u"header")
        return request.headerValue(name);
    if (kind == u"multivaluequerystring")
        return joined(request.queryValues(name));
    if (kind == u"multivalueheader")
        return joined(request.headerValues(name));
    return std::nullopt;
}

std::optional<QString> fromIntegration(QStringView rest, const MappingSources &sources)
{
    const IntegrationResult &result = *sources.integration;
    if (rest == u"body")
        return QString::fromUtf8(result.body);
    if (rest.startsWith(u"body."))
        return jsonBodyField(parsedOnce(sources.integrationBodyJson, result.body), rest.mid(5).toString());
    if (rest.startsWith(u"header."))
        return lookupHeader(result.headers, rest.mid(7).toString());
    if (rest.startsWith(u"multivalueheader.")) {
        QStringList values;
        const QString name = rest.mid(17).toString();
        for (const auto &[key, value] : result.headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                values.append(value);
        }
        return joined(values);
    }
    return std::nullopt;
}

} // namespace

std::optional<QString> evaluateMappingSource(const QString &expression, const MappingSources &sources)
{
    const QString e = expression.trimmed();
    if (e.size() >= 2 && e.startsWith(QLatin1Char('\'')) && e.endsWith(QLatin1Char('\'')))
        return e.mid(1, e.size() - 2);
    const QStringView view(e);
    if (view.startsWith(u"method.request.") && sources.request)
        return fromMethodRequest(view.mid(15), sources);
    if (view.startsWith(u"integration.response.") && sources.integration)
        return fromIntegration(view.mid(21), sources);
    if (view.startsWith(u"context.") && sources.context)
        return sources.context->lookup(e.mid(8));
    if (view.startsWith(u"stageVariables.") && sources.stageVariables)
        return lookupNamed(*sources.stageVariables, e.mid(15));
    return std::nullopt;
}

QString substituteStageVariables(const QString &text, const NamedStrings &stageVariables)
{
    static const QString marker = QStringLiteral("${stageVariables.");
    if (!text.contains(marker))
        return text;
    QString out;
    qsizetype from = 0;
    while (true) {
        const qsizetype start = text.indexOf(marker, from);
        const qsizetype end = start < 0 ? -1 : text.indexOf(QLatin1Char('}'), start);
        if (start < 0 || end < 0) {
            out += QStringView(text).mid(from);
            break;
        }
        out += QStringView(text).mid(from, start - from);
        const QString name = text.mid(start + marker.size(), end - start - marker.size());
        out += lookupNamed(stageVariables, name).value_or(QString());
        from = end + 1;
    }
    return out;
}

std::optional<QString> jsonBodyField(const QByteArray &body, const QString &path)
{
    return jsonBodyField(base::Json::parse(body.constData(), body.constData() + body.size(), nullptr, false), path);
}

std::optional<QString> jsonBodyField(const base::Json &parsed, const QString &path)
{
    if (parsed.is_discarded())
        return std::nullopt;
    const base::Json *current = &parsed;
    QString p = path;
    if (p.startsWith(QLatin1String("$.")))
        p = p.mid(2);
    // "a.b[0].c": names separated by dots, array indexes in brackets.
    for (const QString &segment : p.split(QLatin1Char('.'), Qt::SkipEmptyParts)) {
        QString name = segment;
        QList<int> indexes;
        while (name.endsWith(QLatin1Char(']'))) {
            const qsizetype open = name.lastIndexOf(QLatin1Char('['));
            if (open < 0)
                return std::nullopt;
            bool ok = false;
            indexes.prepend(name.mid(open + 1, name.size() - open - 2).toInt(&ok));
            if (!ok)
                return std::nullopt;
            name.truncate(open);
        }
        if (!name.isEmpty()) {
            if (!current->is_object())
                return std::nullopt;
            auto it = current->find(name.toStdString());
            if (it == current->end())
                return std::nullopt;
            current = &*it;
        }
        for (int index : indexes) {
            if (!current->is_array() || index < 0 || size_t(index) >= current->size())
                return std::nullopt;
            current = &(*current)[size_t(index)];
        }
    }
    if (current->is_string())
        return base::toQString(current->get<std::string>());
    return base::toQString(current->dump());
}

} // namespace portico::runtime
