// A JSON number as Jayway JsonPath sees it through json-smart: an integer stays exact (json-smart
// keeps Integer, Long or BigInteger), anything with a fraction or an exponent is a double. Filters
// compare numbers with it, and $input.json prints doubles the way Java's Double.toString does.
#pragma once

#include <simdjson.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace portico::jsonpath {

class Number
{
public:
    enum class Kind { Signed, Unsigned, Double };

    static Number fromSigned(std::int64_t value);
    static Number fromUnsigned(std::uint64_t value);
    static Number fromDouble(double value);
    // Null when `element` is not a number.
    static std::optional<Number> fromElement(simdjson::dom::element element);
    // Java's BigDecimal(String) syntax: optional sign, digits with an optional '.', an optional
    // exponent. Null for anything else, so "12 " or "abc" never equal a number.
    static std::optional<Number> parse(std::string_view text);

    Kind kind() const { return m_kind; }
    bool isIntegral() const { return m_kind != Kind::Double; }
    double toDouble() const;
    // Java's Number.intValue() as BigDecimal does it: the integer part, wrapped to 32 bits, so
    // 4294967298 is 2 and 1e40 is 0 (what Jayway's `size` operator compares with).
    std::int32_t javaIntValue() const;

    // -1, 0 or 1 by value, as BigDecimal.compareTo does: 1 and 1.0 compare equal.
    static int compare(const Number &a, const Number &b);
    // Java's Object.equals on the boxed values: an integer never equals a double, which is how
    // json-smart collections compare (an array literal [1] is not [1.0]).
    static bool sameJavaValue(const Number &a, const Number &b);

    // The text Java prints: integers in decimal, doubles as Double.toString (1.0E21, 10.5, 100.0).
    std::string javaText() const;
    static std::string javaDoubleText(double value);

private:
    Kind m_kind = Kind::Signed;
    std::int64_t m_signed = 0;
    std::uint64_t m_unsigned = 0;
    double m_double = 0;
};

} // namespace portico::jsonpath
