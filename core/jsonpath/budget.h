// The work one JSONPath evaluation may do, so a hostile payload or path (chained deep scans,
// filters comparing whole documents) stops with an error instead of hanging a worker thread.
#pragma once

#include "base/limits.h"

namespace portico::jsonpath {

class Budget
{
public:
    // False once the evaluation has done more than kJsonPathMaxSteps units of work.
    bool spend(qint64 steps = 1)
    {
        m_used += steps;
        return !exhausted();
    }
    bool exhausted() const { return m_used > base::limits::kJsonPathMaxSteps; }

private:
    qint64 m_used = 0;
};

} // namespace portico::jsonpath
