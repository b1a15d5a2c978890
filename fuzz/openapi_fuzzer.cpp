// libFuzzer target for the OpenAPI/Swagger importer: any bytes, read as JSON or YAML, imported.
// Checks besides the sanitizers: reading never crashes or hangs (alias bombs and deep nesting are
// refused with an error); every reported problem has a JSON pointer or no location; and the
// imported API always saves as a project file that Portico's strict reader accepts, so an import
// can never produce a project that cannot be opened; and whatever was imported exports (OpenAPI 3
// JSON, Swagger 2 YAML) to a document that imports again.
#include "model/projectreader.h"
#include "model/projectwriter.h"
#include "openapi/exporter.h"
#include "openapi/importer.h"

#include <cstdio>
#include <cstdlib>

using namespace portico;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text(reinterpret_cast<const char *>(data), static_cast<qsizetype>(size));
    auto imported = openapi::importOpenApi(text);
    if (!imported.ok()) {
        if (imported.errors().empty() || imported.error().message.isEmpty()) {
            std::fprintf(stderr, "an import error without a message\n");
            std::abort();
        }
        return 0;
    }
    for (const base::Diagnostic &problem : imported->report) {
        if (!problem.location.isEmpty() && !problem.location.startsWith(QLatin1Char('/'))) {
            std::fprintf(stderr, "a report location that is not a JSON pointer: %s\n",
                         qPrintable(problem.toString()));
            std::abort();
        }
    }
    model::Project project;
    project.api = imported->api;
    const auto reread = model::ProjectReader::fromBytes(model::ProjectWriter::toBytes(project));
    if (!reread.ok()) {
        std::fprintf(stderr, "the imported API does not read back as a project: %s\n",
                     qPrintable(reread.error().toString()));
        std::abort();
    }
    for (const auto format : {openapi::ExportFormat::OpenApi3, openapi::ExportFormat::Swagger2}) {
        openapi::ExportOptions options;
        options.format = format;
        options.yaml = format == openapi::ExportFormat::Swagger2;
        const auto exported = openapi::exportProject(project, options);
        if (!exported.ok())
            continue; // only an unknown stage fails, and none is asked for
        if (!openapi::importOpenApi(exported->text).ok()) {
            std::fprintf(stderr, "an export does not import again:\n%s\n", exported->text.constData());
            std::abort();
        }
    }
    return 0;
}
