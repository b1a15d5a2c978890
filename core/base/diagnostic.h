// A problem found in user input, with where it is and why: every error Portico reports to a person
// is one of these, so the message format is the same in the CLI, the GUI and the tests.
#pragma once

#include <QString>

namespace portico::base {

enum class Severity { Error, Warning };

struct Diagnostic
{
    Severity severity = Severity::Error;
    // Where: "line 3, column 7", a JSON pointer such as "/api/resources/2/pathPart", or a model
    // location such as "/pets/{petId} GET integration". Empty when the whole input is at fault.
    QString location;
    QString message;

    static Diagnostic error(QString location, QString message)
    {
        return {Severity::Error, std::move(location), std::move(message)};
    }
    static Diagnostic warning(QString location, QString message)
    {
        return {Severity::Warning, std::move(location), std::move(message)};
    }

    bool isError() const { return severity == Severity::Error; }

    // "error: /pets GET integration: uri is required"
    QString toString() const;

    friend bool operator==(const Diagnostic &, const Diagnostic &) = default;
};

} // namespace portico::base
