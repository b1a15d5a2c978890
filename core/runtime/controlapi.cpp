#include "controlapi.h"

#include "usagereport.h"

namespace portico::runtime {

void ControlApi::setProject(std::shared_ptr<const model::Project> project)
{
    std::lock_guard lock(m_mutex);
    m_project = std::move(project);
}

void ControlApi::handle(http::Request request, http::Responder respond)
{
    http::Response response;
    response.setHeader("Content-Type", "application/json");
    std::shared_ptr<const model::Project> project;
    {
        std::lock_guard lock(m_mutex);
        project = m_project;
    }
    if (request.path != "/usage") {
        response.status = 404;
        response.body = R"({"message":"Not found: the control API answers GET /usage"})";
    } else if (request.method != "GET") {
        response.status = 405;
        response.setHeader("Allow", "GET");
        response.body = R"({"message":"Method not allowed"})";
    } else if (!project) {
        response.status = 503;
        response.body = R"({"message":"No project is being served yet"})";
    } else {
        response.body = QByteArray::fromStdString(usageReport(*project, *m_ledger, QDateTime::currentDateTimeUtc()).dump(2));
    }
    respond.send(std::move(response));
}

} // namespace portico::runtime
