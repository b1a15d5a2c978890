// The saved requests' part of the project file ("savedRequests"): read with JSON-pointer errors,
// written in a stable key order. Expected JSON values (a JSON subset, a JSONPath's `equals`) are
// real JSON values in the file, so they read and diff as JSON; the model holds them as text.
#pragma once

#include "savedrequest.h"

#include "base/json.h"
#include "base/jsonreader.h"

namespace portico::model {

SavedRequest readSavedRequest(base::JsonReader &r);
base::Json savedRequestToJson(const SavedRequest &request);

} // namespace portico::model
