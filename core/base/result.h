// The return type of every fallible public function in core: a value, or the diagnostics that
// explain why there is none. No exception crosses a library boundary.
#pragma once

#include "diagnostic.h"

#include <optional>
#include <utility>
#include <vector>

namespace portico::base {

template<typename T>
class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    {}
    Result(Diagnostic error)
        : m_errors{std::move(error)}
    {}
    Result(std::vector<Diagnostic> errors)
        : m_errors(std::move(errors))
    {}

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return *m_value; }
    T &value() & { return *m_value; }
    T &&value() && { return std::move(*m_value); }
    const T *operator->() const { return &*m_value; }
    T *operator->() { return &*m_value; }

    const std::vector<Diagnostic> &errors() const { return m_errors; }
    // The first error, for callers that show one line.
    const Diagnostic &error() const { return m_errors.front(); }

private:
    std::optional<T> m_value;
    std::vector<Diagnostic> m_errors;
};

// For operations that produce nothing but may fail.
struct Done
{};
using Status = Result<Done>;
inline Status success()
{
    return Done{};
}

} // namespace portico::base
