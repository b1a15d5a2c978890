// Identifiers shaped like API Gateway's: ten lower-case letters and digits ("a1b2c3d4e5"), and
// API key values of forty letters and digits. Both come from the system's cryptographic source.
#pragma once

#include <QString>

namespace portico::base {

QString newResourceId();
QString newApiKeyValue();
QString randomAlphanumeric(int length, bool lowerCaseOnly);

} // namespace portico::base
