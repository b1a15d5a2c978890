// Puts an imported API into an existing one the way API Gateway's PUT /restapis/{id} does
// (docs/openapi.md, ../shared/docs/aws-extensions.md §7.1 and §10.12).
#pragma once

#include "model/restapi.h"

namespace portico::openapi {

// Both expect `imported` to have been imported with ImportOptions::apiId = existing.id, so the
// model references inside its schemas already name this API.
//
// mode=merge: what the file defines replaces what exists, what it does not mention stays. A
// method in the file replaces the existing method of that verb entirely (responses and
// integration included); resources are matched by path, models, authorizers and validators by
// name (keeping the existing ids, so references from other methods still hold), gateway
// responses by type; binary media types are appended.
void mergeApi(model::RestApi &existing, const model::RestApi &imported);

// mode=overwrite: the imported definition replaces the API; only its id stays, so deployments
// and stages of the project keep pointing at it.
void overwriteApi(model::RestApi &existing, const model::RestApi &imported);

} // namespace portico::openapi
