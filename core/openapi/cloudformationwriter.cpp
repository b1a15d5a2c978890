#include "cloudformationwriter.h"

#include "base/json.h"

#include <QCryptographicHash>

namespace portico::openapi {

using base::Json;
using base::toStd;

namespace {

Json ref(const QString &logicalId)
{
    return Json {{"Ref", toStd(logicalId)}};
}

Json throttle(const model::ThrottleSettings &t)
{
    return Json {{"RateLimit", t.rateLimit}, {"BurstLimit", t.burstLimit}};
}

// The stage's method settings in CloudFormation's form: "*/*" is every method ("/*", "*"), a
// "/pets/{id}/GET" key is that resource path with its slashes written "~1".
Json methodSettings(const model::Stage &stage)
{
    Json out = Json::array();
    for (const auto &[key, setting] : stage.methodSettings) {
        const qsizetype slash = key.lastIndexOf(QLatin1Char('/'));
        QString path = key.left(slash);
        const QString verb = key.mid(slash + 1);
        if (path == QLatin1String("*"))
            path = QStringLiteral("/*");
        else if (path.isEmpty() || path == QLatin1String("/"))
            path = QStringLiteral("/");
        else
            path = QLatin1Char('/') + path.replace(QLatin1Char('/'), QLatin1String("~1"));
        Json s = Json::object();
        s["ResourcePath"] = toStd(path);
        s["HttpMethod"] = toStd(verb);
        if (setting.throttlingRateLimit)
            s["ThrottlingRateLimit"] = *setting.throttlingRateLimit;
        if (setting.throttlingBurstLimit)
            s["ThrottlingBurstLimit"] = *setting.throttlingBurstLimit;
        out.push_back(std::move(s));
    }
    return out;
}

Json stringMap(const std::map<QString, QString> &map)
{
    Json out = Json::object();
    for (const auto &[key, value] : map)
        out[toStd(key)] = toStd(value);
    return out;
}

} // namespace

CloudFormationWriter::CloudFormationWriter(const model::Project &project, const model::RestApi &api,
                                           Json body, std::vector<const model::Stage *> stages,
                                           bool sam)
    : m_project(project)
    , m_api(api)
    , m_body(std::move(body))
    , m_stages(std::move(stages))
    , m_sam(sam)
{
}

QString CloudFormationWriter::logicalId(const QString &name, const QString &suffix)
{
    QString base;
    bool wordStart = true;
    for (const QChar c : name) {
        if (c.isLetterOrNumber() && c.unicode() < 128) {
            base.append(wordStart ? c.toUpper() : c);
            wordStart = false;
        } else {
            wordStart = true;
        }
    }
    if (base.isEmpty() || base.front().isDigit())
        base.prepend(QLatin1Char('R'));
    base = base.left(200) + suffix;
    QString id = base;
    for (int n = 2; m_usedIds.count(id); ++n)
        id = base + QString::number(n);
    m_usedIds.insert(id);
    return id;
}

Json CloudFormationWriter::restApiRef() const
{
    return ref(m_apiId);
}

Json CloudFormationWriter::stageRef(const QString &stageName) const
{
    const auto it = m_stageIds.find(stageName);
    if (it == m_stageIds.end())
        return nullptr;
    // SAM's own stage is referred to through the property it documents for it.
    return it->second.isEmpty() ? ref(m_apiId + QStringLiteral(".Stage")) : ref(it->second);
}

Json CloudFormationWriter::write()
{
    Json doc = Json::object();
    doc["AWSTemplateFormatVersion"] = "2010-09-09";
    if (m_sam)
        doc["Transform"] = "AWS::Serverless-2016-10-31";
    doc["Description"] = toStd(QStringLiteral("%1: REST API exported by Portico")
                                   .arg(m_api.name.isEmpty() ? m_api.id : m_api.name));
    Json resources = Json::object();
    writeRestApi(resources);
    writeStages(resources);
    writeKeysAndPlans(resources);
    doc["Resources"] = std::move(resources);

    Json outputs = Json::object();
    outputs["RestApiId"] = Json {{"Description", "The REST API's id"}, {"Value", restApiRef()}};
    for (const auto &[stageName, id] : m_stageIds) {
        Q_UNUSED(id)
        outputs[toStd(logicalId(stageName, QStringLiteral("Url")))]
            = Json {{"Description", toStd(QStringLiteral("Invoke URL of stage ") + stageName)},
                    {"Value",
                     Json {{"Fn::Sub",
                            toStd(QStringLiteral("https://${%1}.execute-api.${AWS::Region}."
                                                 "amazonaws.com/%2")
                                      .arg(m_apiId, stageName))}}}};
    }
    doc["Outputs"] = std::move(outputs);
    return doc;
}

void CloudFormationWriter::writeRestApi(Json &resources)
{
    m_apiId = logicalId(m_api.name.isEmpty() ? m_api.id : m_api.name, QStringLiteral("Api"));
    const model::EndpointConfiguration &endpoint = m_api.endpointConfiguration;
    Json vpcEndpointIds = Json::array();
    for (const QString &id : endpoint.vpcEndpointIds)
        vpcEndpointIds.push_back(toStd(id));
    const std::string endpointType = toStd(model::enumName(endpoint.type));

    Json props = Json::object();
    props["Name"] = toStd(m_api.name.isEmpty() ? m_api.id : m_api.name);
    if (m_sam) {
        m_samStageName = m_stages.empty() ? QStringLiteral("Prod") : m_stages.front()->stageName;
        if (m_stages.empty())
            m_warnings.push_back(
                base::Diagnostic::warning(QStringLiteral("stages"),
                                          QStringLiteral("the project has no stage; SAM needs one, "
                                                         "the template names it \"Prod\"")));
        m_stageIds[m_samStageName] = QString();
        props["StageName"] = toStd(m_samStageName);
        props["DefinitionBody"] = std::move(m_body);
        Json endpointConfiguration = Json {{"Type", endpointType}};
        if (!vpcEndpointIds.empty())
            endpointConfiguration["VPCEndpointIds"] = std::move(vpcEndpointIds);
        props["EndpointConfiguration"] = std::move(endpointConfiguration);
        if (!m_stages.empty()) {
            const model::Stage &stage = *m_stages.front();
            if (!stage.variables.empty())
                props["Variables"] = stringMap(stage.variables);
            if (!stage.methodSettings.empty())
                props["MethodSettings"] = methodSettings(stage);
        }
        resources[toStd(m_apiId)]
            = Json {{"Type", "AWS::Serverless::Api"}, {"Properties", std::move(props)}};
        return;
    }
    props["Body"] = m_body;
    Json endpointConfiguration = Json {{"Types", Json::array({endpointType})}};
    if (!vpcEndpointIds.empty())
        endpointConfiguration["VpcEndpointIds"] = std::move(vpcEndpointIds);
    props["EndpointConfiguration"] = std::move(endpointConfiguration);
    resources[toStd(m_apiId)]
        = Json {{"Type", "AWS::ApiGateway::RestApi"}, {"Properties", std::move(props)}};

    const QByteArray hash = QCryptographicHash::hash(QByteArray::fromStdString(m_body.dump()),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(10);
    m_deploymentId
        = logicalId(m_apiId + QStringLiteral("Deployment") + QString::fromLatin1(hash), QString());
    Json deployment = Json {{"RestApiId", restApiRef()}};
    if (m_stages.size() == 1) {
        const model::Deployment *d = m_project.findDeployment(m_stages.front()->deploymentId);
        if (d && !d->description.isEmpty())
            deployment["Description"] = toStd(d->description);
    }
    resources[toStd(m_deploymentId)]
        = Json {{"Type", "AWS::ApiGateway::Deployment"}, {"Properties", std::move(deployment)}};
}

void CloudFormationWriter::writeStages(Json &resources)
{
    for (const model::Stage *stage : m_stages) {
        if (m_sam && stage->stageName == m_samStageName)
            continue; // the Serverless::Api's own stage
        const QString id = logicalId(stage->stageName, QStringLiteral("Stage"));
        m_stageIds[stage->stageName] = id;
        Json props = Json::object();
        props["RestApiId"] = restApiRef();
        props["DeploymentId"]
            = m_sam ? ref(m_apiId + QStringLiteral(".Deployment")) : ref(m_deploymentId);
        props["StageName"] = toStd(stage->stageName);
        if (!stage->description.isEmpty())
            props["Description"] = toStd(stage->description);
        if (!stage->variables.empty())
            props["Variables"] = stringMap(stage->variables);
        if (!stage->methodSettings.empty())
            props["MethodSettings"] = methodSettings(*stage);
        resources[toStd(id)]
            = Json {{"Type", "AWS::ApiGateway::Stage"}, {"Properties", std::move(props)}};
    }
}

void CloudFormationWriter::writeKeysAndPlans(Json &resources)
{
    std::map<QString, QString> keyIds;
    for (const model::ApiKey &key : m_project.apiKeys) {
        const QString id
            = logicalId(key.name.isEmpty() ? key.id : key.name, QStringLiteral("ApiKey"));
        keyIds[key.id] = id;
        Json props = Json::object();
        if (!key.name.isEmpty())
            props["Name"] = toStd(key.name);
        if (!key.description.isEmpty())
            props["Description"] = toStd(key.description);
        props["Enabled"] = key.enabled;
        props["Value"] = toStd(key.value);
        resources[toStd(id)]
            = Json {{"Type", "AWS::ApiGateway::ApiKey"}, {"Properties", std::move(props)}};
    }
    for (const model::UsagePlan &plan : m_project.usagePlans) {
        const QString planName = plan.name.isEmpty() ? plan.id : plan.name;
        const QString id = logicalId(planName, QStringLiteral("UsagePlan"));
        Json props = Json::object();
        props["UsagePlanName"] = toStd(planName);
        if (!plan.description.isEmpty())
            props["Description"] = toStd(plan.description);
        if (plan.throttle)
            props["Throttle"] = throttle(*plan.throttle);
        if (plan.quota) {
            Json quota = Json {{"Limit", plan.quota->limit},
                               {"Period", toStd(model::enumName(plan.quota->period))}};
            if (plan.quota->offset != 0)
                quota["Offset"] = plan.quota->offset;
            props["Quota"] = std::move(quota);
        }
        Json apiStages = Json::array();
        for (const model::UsagePlanStage &ps : plan.apiStages) {
            Json stage = stageRef(ps.stage);
            if (stage.is_null()) {
                // A stage of the project that was not chosen for this export is not a problem.
                if (!m_project.findStage(ps.stage))
                    m_warnings.push_back(base::Diagnostic::warning(
                        QStringLiteral("usage plan ") + planName,
                        QStringLiteral("stage \"%1\" does not exist; left out").arg(ps.stage)));
                continue;
            }
            Json s = Json {{"ApiId", restApiRef()}, {"Stage", std::move(stage)}};
            if (!ps.throttle.empty()) {
                Json methods = Json::object();
                for (const auto &[method, t] : ps.throttle)
                    methods[toStd(method)] = throttle(t);
                s["Throttle"] = std::move(methods);
            }
            apiStages.push_back(std::move(s));
        }
        if (!apiStages.empty())
            props["ApiStages"] = std::move(apiStages);
        resources[toStd(id)]
            = Json {{"Type", "AWS::ApiGateway::UsagePlan"}, {"Properties", std::move(props)}};

        for (const QString &keyId : plan.apiKeyIds) {
            const auto key = keyIds.find(keyId);
            if (key == keyIds.end()) {
                m_warnings.push_back(base::Diagnostic::warning(
                    QStringLiteral("usage plan ") + planName,
                    QStringLiteral("API key \"%1\" does not exist; left out").arg(keyId)));
                continue;
            }
            const QString planKeyId = logicalId(id + key->second, QStringLiteral("Key"));
            resources[toStd(planKeyId)] = Json {{"Type", "AWS::ApiGateway::UsagePlanKey"},
                                                {"Properties",
                                                 Json {{"KeyId", ref(key->second)},
                                                       {"KeyType", "API_KEY"},
                                                       {"UsagePlanId", ref(id)}}}};
        }
    }
}

} // namespace portico::openapi
