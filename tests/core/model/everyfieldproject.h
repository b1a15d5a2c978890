// A project in which every field of every model class holds a value other than its default, so
// that a round trip through the project file proves no field is dropped or mistyped.
#pragma once

#include "model/project.h"

portico::model::Project everyFieldProject();
