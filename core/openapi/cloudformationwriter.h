// A CloudFormation or SAM template that puts a project on AWS: the REST API defined from the
// exported OpenAPI body (AWS::ApiGateway::RestApi Body, or AWS::Serverless::Api DefinitionBody),
// a deployment and the stages (variables, description, method throttling), the API keys and the
// usage plans (throttle, quota, stages with method throttles) with their keys. Logical ids come
// from names, reduced to letters and digits and made unique.
//
// CloudFormation deploys a RestApi's new Body only when the Deployment resource is new, so the
// deployment's logical id carries a hash of the body: a changed definition is redeployed by
// `aws cloudformation deploy`, an unchanged one is not.
#pragma once

#include "base/diagnostic.h"
#include "base/json.h"

#include "model/project.h"

#include <QString>

#include <map>
#include <set>
#include <vector>

namespace portico::openapi {

class CloudFormationWriter
{
public:
    // `stages`: the project's stages the template creates (all of them, or the exported one).
    CloudFormationWriter(const model::Project &project, const model::RestApi &api, base::Json body,
                         std::vector<const model::Stage *> stages, bool sam);

    base::Json write();
    const std::vector<base::Diagnostic> &warnings() const { return m_warnings; }

private:
    QString logicalId(const QString &name, const QString &suffix);
    void writeRestApi(base::Json &resources);
    void writeStages(base::Json &resources);
    void writeKeysAndPlans(base::Json &resources);
    base::Json stageRef(const QString &stageName) const;
    base::Json restApiRef() const;

    const model::Project &m_project;
    const model::RestApi &m_api;
    base::Json m_body;
    std::vector<const model::Stage *> m_stages;
    bool m_sam = false;

    std::set<QString> m_usedIds;
    QString m_apiId;
    QString m_deploymentId;
    // stage name -> logical id of the resource that creates it ("" for SAM's own stage)
    std::map<QString, QString> m_stageIds;
    QString m_samStageName;
    std::vector<base::Diagnostic> m_warnings;
};

} // namespace portico::openapi
