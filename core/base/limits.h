// Every limit Portico enforces, named once, each with the API Gateway figure it mirrors.
#pragma once

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

} // namespace portico::base::limits
