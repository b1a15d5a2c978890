// libFuzzer target for the mapping-template engine: the input is a template. It must compile or
// be refused with a located error, and if it compiles it must render (or fail cleanly) against a
// small request, within the engine's limits: no crash, hang, leak or undefined behaviour.
#include "mapping/sampleinput.h"
#include "vtl/template.h"

#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    using namespace portico;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const auto compiled = vtl::Template::compile(text);
    if (!compiled.ok()) {
        // A refusal must say where.
        if (!compiled.error().location.startsWith(QLatin1String("line ")))
            __builtin_trap();
        return 0;
    }
    static const mapping::SampleInput input = [] {
        mapping::SampleInput in;
        in.body = QByteArrayLiteral(R"({"a":1,"b":[1,2,{"c":"x"}],"s":"t\u00e9xt","n":null})");
        in.parameters.path = {{QStringLiteral("id"), QStringLiteral("7")}};
        in.parameters.querystring = {{QStringLiteral("q"), QStringLiteral("a b")}};
        in.parameters.header = {{QStringLiteral("Accept"), QStringLiteral("*/*")}};
        in.stageVariables = {{QStringLiteral("env"), QStringLiteral("dev")}};
        in.context = base::Json{{"stage", "dev"}, {"requestId", "r-1"}};
        in.prepare();
        return in;
    }();
    const auto rendered = compiled->render(input.toVariables());
    if (!rendered.ok() && !rendered.error().location.startsWith(QLatin1String("line ")))
        __builtin_trap();
    return 0;
}
