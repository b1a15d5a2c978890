// Every limit Portico enforces, named once, each with the API Gateway figure it mirrors.
#pragma once

#include <QtGlobal>

namespace portico::base::limits {

// Integration.timeoutInMillis: API Gateway accepts 50 ms to 29 s for REST APIs.
inline constexpr int kIntegrationTimeoutMinMs = 50;
inline constexpr int kIntegrationTimeoutMaxMs = 29000;
inline constexpr int kIntegrationTimeoutDefaultMs = 29000;

// RestApi.minimumCompressionSize: 0 to 10 MiB.
inline constexpr int kMinimumCompressionSizeMax = 10485760;

// Authorizer.authorizerResultTtlInSeconds: 0 (no cache) to 3600, default 300.
inline constexpr int kAuthorizerTtlMaxSeconds = 3600;
inline constexpr int kAuthorizerTtlDefaultSeconds = 300;

// API keys: AWS requires at least 20 characters for an imported value, at most 128.
inline constexpr int kApiKeyMinLength = 20;
inline constexpr int kApiKeyMaxLength = 128;

// Resource.pathPart: AWS rejects parts longer than this (the full path may be longer).
inline constexpr int kPathPartMaxLength = 1024;

// Stage names: 1-128 characters of letters, digits, hyphen and underscore.
inline constexpr int kStageNameMaxLength = 128;

// A project file larger than this is refused before parsing, so a wrong file never eats memory.
inline constexpr qint64 kProjectFileMaxBytes = 256LL * 1024 * 1024;

// Mapping templates. AWS documents 1,000 iterations per #foreach; past it Portico stops the loop,
// as Velocity's directive.foreach.maxloops does.
inline constexpr int kForeachMaxIterations = 1000;
// A request or response payload is at most 10 MB in API Gateway; a template's output may not be
// larger than what could be sent.
inline constexpr qsizetype kTemplateMaxOutputChars = 10 * 1024 * 1024;
// Our own guards so that no template can hang or exhaust memory: source size, nesting of
// directives and expressions, macro recursion (Velocity's velocimacro.max.depth is 20), and work
// done in one rendering (nested loops multiply: 1000 x 1000 x 1000 would never end).
inline constexpr qsizetype kTemplateMaxChars = 1024 * 1024;
inline constexpr int kTemplateMaxNesting = 100;
inline constexpr int kMacroMaxDepth = 20;
inline constexpr qint64 kRenderMaxSteps = 20'000'000;

// JSONPath ($input.json, $input.path). AWS documents no limit on a path; these are our own
// guards so that no path or payload can exhaust the stack, memory or time: the length of a path
// and how deeply its brackets, filters, parentheses and literals nest (a path is compiled once per
// deployment), then the work and the number of matches of one evaluation (a 10 MB payload holds a
// few million values; chained deep scans such as $..*..* are quadratic in it).
inline constexpr int kJsonPathMaxLength = 4096;
inline constexpr int kJsonPathMaxNesting = 32;
inline constexpr qint64 kJsonPathMaxSteps = 20'000'000;
inline constexpr qsizetype kJsonPathMaxMatches = 1'000'000;

// The gateway runtime's HTTP server. API Gateway caps a payload at 10 MB (413 past it) and the
// request line plus headers at 10,240 bytes.
inline constexpr qsizetype kPayloadMaxBytes = 10 * 1024 * 1024;
inline constexpr qsizetype kRequestHeaderMaxBytes = 10240;
// Our own guards against slow clients: a request must arrive whole within 30 s of its first
// byte, and a keep-alive connection with nothing in flight closes after 60 s.
inline constexpr int kRequestReceiveTimeoutMs = 30000;
inline constexpr int kConnectionIdleTimeoutMs = 60000;

} // namespace portico::base::limits
