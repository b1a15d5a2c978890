// What a running server knows about its keys' usage, as JSON for `portico-cli usage` (and the
// GUI later): for each usage plan, each of its keys with its requests per UTC day (what AWS's
// GetUsage reports), how many of its requests the plan's throttle and quota refused since the
// server started, and the state of its quota in the current period (used, remaining, when the
// period started). Key values are masked as in AWS's logs.
#pragma once

#include "usageplans.h"

#include "base/json.h"
#include "model/project.h"

#include <QDateTime>

namespace portico::runtime {

base::Json usageReport(const model::Project &project, const UsageLedger &ledger, const QDateTime &now);

} // namespace portico::runtime
