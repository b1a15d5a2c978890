// libFuzzer target for the runtime's request parsing: arbitrary bytes, fed to RequestParser in
// pieces whose sizes the input itself chooses (as TCP would split them), each complete request
// then decoded as the gateway decodes it (query string, headers) and routed over a small tree.
// Looks for crashes, hangs, sanitizer reports and broken invariants (consumed bytes).
#include "http/requestparser.h"
#include "runtime/methodrequest.h"
#include "runtime/routetable.h"

#include <cstdint>
#include <cstdlib>

using namespace portico;

namespace {

const model::RestApi &api()
{
    static const model::RestApi a = [] {
        model::RestApi out;
        const auto add = [&](const char *id, const char *parent, const char *part) {
            model::Resource r;
            r.id = QString::fromLatin1(id);
            r.parentId = QString::fromLatin1(parent);
            r.pathPart = QString::fromLatin1(part);
            r.methods[QStringLiteral("GET")].httpMethod = QStringLiteral("GET");
            out.resources.push_back(r);
        };
        add("root", "", "");
        add("pets", "root", "pets");
        add("pet", "pets", "{id}");
        add("any", "root", "{proxy+}");
        return out;
    }();
    return a;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    static const runtime::RouteTable routes(api());
    // The first byte chooses the piece size (1..32 bytes, or everything at once).
    const size_t piece = data[0] == 0 ? size : size_t(data[0] % 32) + 1;
    const char *bytes = reinterpret_cast<const char *>(data + 1);
    size_t remaining = size - 1;
    http::RequestParser parser({4096, 65536});
    QByteArray buffer;
    int requests = 0;
    while (remaining > 0 || !buffer.isEmpty()) {
        const size_t take = std::min(piece, remaining);
        buffer.append(bytes, qsizetype(take));
        bytes += take;
        remaining -= take;
        while (!buffer.isEmpty()) {
            const http::RequestParser::Outcome outcome = parser.feed(buffer.constData(), buffer.size());
            if (outcome.consumed < 0 || outcome.consumed > buffer.size())
                std::abort();
            buffer.remove(0, outcome.consumed);
            if (outcome.state == http::RequestParser::State::Error) {
                if (parser.errorStatus() < 400 || parser.errorStatus() > 599)
                    std::abort();
                return 0;
            }
            if (outcome.state == http::RequestParser::State::NeedMore) {
                // http-parser takes every byte it is given unless a request ends.
                if (!buffer.isEmpty())
                    std::abort();
                break;
            }
            http::Request request = parser.takeRequest();
            const runtime::MethodRequest method = runtime::MethodRequest::fromHttp(request, QString::fromUtf8(request.path));
            (void)method.headerValue(QStringLiteral("content-type"));
            (void)routes.match(method.httpMethod, request.path);
            if (++requests > 10000)
                std::abort();
        }
        if (remaining == 0)
            break;
    }
    return 0;
}
