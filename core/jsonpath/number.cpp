#include "number.h"

#include <array>
#include <charconv>
#include <cmath>

namespace portico::jsonpath {

namespace {
// Not std::isdigit: that one follows the C locale, which a Qt application sets from the user's.
bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}
} // namespace

Number Number::fromSigned(std::int64_t value)
{
    Number n;
    n.m_kind = Kind::Signed;
    n.m_signed = value;
    return n;
}

Number Number::fromUnsigned(std::uint64_t value)
{
    // One representation per integer keeps compare() and sameJavaValue() simple.
    if (value <= static_cast<std::uint64_t>(INT64_MAX))
        return fromSigned(static_cast<std::int64_t>(value));
    Number n;
    n.m_kind = Kind::Unsigned;
    n.m_unsigned = value;
    return n;
}

Number Number::fromDouble(double value)
{
    Number n;
    n.m_kind = Kind::Double;
    n.m_double = value;
    return n;
}

std::optional<Number> Number::fromElement(simdjson::dom::element element)
{
    switch (element.type()) {
    case simdjson::dom::element_type::INT64:
        return fromSigned(element.get_int64().value_unsafe());
    case simdjson::dom::element_type::UINT64:
        return fromUnsigned(element.get_uint64().value_unsafe());
    case simdjson::dom::element_type::DOUBLE:
        return fromDouble(element.get_double().value_unsafe());
    default:
        return std::nullopt;
    }
}

std::optional<Number> Number::parse(std::string_view text)
{
    std::size_t i = 0;
    bool negative = false;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) {
        negative = text[i] == '-';
        ++i;
    }
    const std::size_t digitsStart = i;
    std::size_t digits = 0;
    bool fraction = false;
    while (i < text.size() && (isDigit(text[i]) || text[i] == '.')) {
        if (text[i] == '.') {
            if (fraction)
                return std::nullopt;
            fraction = true;
        } else {
            ++digits;
        }
        ++i;
    }
    if (digits == 0)
        return std::nullopt;
    const std::size_t mantissaEnd = i;
    bool exponent = false;
    bool negativeExponent = false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        exponent = true;
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-'))
            negativeExponent = text[i++] == '-';
        const std::size_t expStart = i;
        while (i < text.size() && isDigit(text[i]))
            ++i;
        if (i == expStart)
            return std::nullopt;
    }
    if (i != text.size())
        return std::nullopt;

    // from_chars takes no '+', and wants the sign glued to the digits.
    std::string plain;
    if (negative)
        plain += '-';
    plain.append(text.substr(digitsStart));
    const char *first = plain.data();
    const char *last = plain.data() + plain.size();
    if (!fraction && !exponent) {
        std::int64_t s = 0;
        if (auto r = std::from_chars(first, last, s); r.ec == std::errc() && r.ptr == last)
            return fromSigned(s);
        std::uint64_t u = 0;
        if (auto r = std::from_chars(first, last, u); r.ec == std::errc() && r.ptr == last)
            return fromUnsigned(u);
    }
    // A '.' with no digit after it ("5.") is valid for BigDecimal but not for from_chars.
    if (const std::size_t dot = plain.find('.');
        dot != std::string::npos && (dot + 1 == plain.size() || !isDigit(plain[dot + 1])))
        plain.erase(dot, 1);
    double d = 0;
    const auto r = std::from_chars(plain.data(), plain.data() + plain.size(), d);
    if (r.ec == std::errc::result_out_of_range) {
        // BigDecimal would hold it exactly; a double saturates. A long mantissa with a negative
        // exponent ("1000e-2") is rare enough that the exponent's sign decides.
        const bool tiny = negativeExponent && mantissaEnd - digitsStart < 300;
        const double saturated = tiny ? 0.0 : HUGE_VAL;
        return fromDouble(negative ? -saturated : saturated);
    }
    if (r.ec != std::errc() || r.ptr != plain.data() + plain.size())
        return std::nullopt;
    return fromDouble(d);
}

double Number::toDouble() const
{
    switch (m_kind) {
    case Kind::Signed:
        return static_cast<double>(m_signed);
    case Kind::Unsigned:
        return static_cast<double>(m_unsigned);
    case Kind::Double:
        break;
    }
    return m_double;
}

std::int32_t Number::javaIntValue() const
{
    switch (m_kind) {
    case Kind::Signed:
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(m_signed));
    case Kind::Unsigned:
        return static_cast<std::int32_t>(static_cast<std::uint32_t>(m_unsigned));
    case Kind::Double:
        break;
    }
    if (!std::isfinite(m_double))
        return 0;
    // fmod is exact, so this is the low 32 bits of the integer part even beyond 2^64.
    double low = std::fmod(std::trunc(m_double), 4294967296.0);
    if (low < 0)
        low += 4294967296.0;
    return static_cast<std::int32_t>(static_cast<std::uint32_t>(low));
}

namespace {
template<typename T> int order(T a, T b)
{
    return a < b ? -1 : (b < a ? 1 : 0);
}

// long double holds every int64 and uint64 exactly on x86-64, so mixed comparisons stay exact
// for integers and only doubles round.
long double wide(const Number &n, std::int64_t s, std::uint64_t u, double d)
{
    switch (n.kind()) {
    case Number::Kind::Signed:
        return static_cast<long double>(s);
    case Number::Kind::Unsigned:
        return static_cast<long double>(u);
    case Number::Kind::Double:
        break;
    }
    return static_cast<long double>(d);
}
} // namespace

int Number::compare(const Number &a, const Number &b)
{
    if (a.m_kind == Kind::Signed && b.m_kind == Kind::Signed)
        return order(a.m_signed, b.m_signed);
    if (a.m_kind == Kind::Unsigned && b.m_kind == Kind::Unsigned)
        return order(a.m_unsigned, b.m_unsigned);
    // Unsigned only holds values above INT64_MAX, so its order against any signed is fixed.
    if (a.m_kind == Kind::Unsigned && b.m_kind == Kind::Signed)
        return 1;
    if (a.m_kind == Kind::Signed && b.m_kind == Kind::Unsigned)
        return -1;
    const long double x = wide(a, a.m_signed, a.m_unsigned, a.m_double);
    const long double y = wide(b, b.m_signed, b.m_unsigned, b.m_double);
    return order(x, y);
}

bool Number::sameJavaValue(const Number &a, const Number &b)
{
    if (a.isIntegral() != b.isIntegral())
        return false;
    if (!a.isIntegral())
        return a.m_double == b.m_double;
    return compare(a, b) == 0;
}

std::string Number::javaText() const
{
    std::array<char, 32> buffer {};
    switch (m_kind) {
    case Kind::Signed: {
        const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), m_signed);
        return std::string(buffer.data(), r.ptr);
    }
    case Kind::Unsigned: {
        const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), m_unsigned);
        return std::string(buffer.data(), r.ptr);
    }
    case Kind::Double:
        break;
    }
    return javaDoubleText(m_double);
}

std::string Number::javaDoubleText(double value)
{
    // Most numbers in payloads have at most two decimals. When the double is the one nearest to
    // such a number (the division is correctly rounded, so this checks exactly that), the number
    // with its trailing zero trimmed is the shortest text that reads back as it, as below.
    if (const double magnitude = std::fabs(value); magnitude >= 1e-3 && magnitude < 1e7) {
        const auto hundredths = static_cast<long long>(std::nearbyint(value * 100));
        if (static_cast<double>(hundredths) / 100 == value) {
            const unsigned long long absolute = hundredths < 0 ? 0ULL - static_cast<unsigned long long>(hundredths)
                                                               : static_cast<unsigned long long>(hundredths);
            std::array<char, 32> buffer {};
            char *p = buffer.data();
            if (hundredths < 0)
                *p++ = '-';
            p = std::to_chars(p, buffer.data() + 28, absolute / 100).ptr;
            *p++ = '.';
            const unsigned cents = unsigned(absolute % 100);
            *p++ = char('0' + cents / 10);
            if (cents % 10 != 0)
                *p++ = char('0' + cents % 10);
            return std::string(buffer.data(), p);
        }
    }
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value < 0 ? "-Infinity" : "Infinity";
    if (value == 0)
        return std::signbit(value) ? "-0.0" : "0.0";

    // The shortest digits that read back as the same double: what Double.toString prints since
    // JDK 19 (older JDKs sometimes printed a digit more).
    std::array<char, 64> buffer {};
    const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                 std::chars_format::scientific);
    const std::string_view sci(buffer.data(), static_cast<std::size_t>(r.ptr - buffer.data()));
    const std::size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e)) {
        if (c >= '0' && c <= '9')
            digits += c;
    }
    int exponent = 0;
    std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+' ? 1 : 0), sci.data() + sci.size(),
                    exponent);
    if (digits.size() == 1) {
        // Java prints at least two digits (d.d), and then picks the two-digit decimal closest
        // to the value: Double.MIN_VALUE is 4.9E-324, not 5.0E-324.
        const auto r2 = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                      std::chars_format::scientific, 1);
        const std::string_view two(buffer.data(), static_cast<std::size_t>(r2.ptr - buffer.data()));
        const std::size_t e2 = two.find('e');
        std::string twoDigits;
        for (char c : two.substr(0, e2)) {
            if (isDigit(c))
                twoDigits += c;
        }
        int exponent2 = 0;
        std::from_chars(two.data() + e2 + 1 + (two[e2 + 1] == '+' ? 1 : 0), two.data() + two.size(),
                        exponent2);
        if (twoDigits.size() == 2 && twoDigits[1] != '0') {
            digits = twoDigits;
            exponent = exponent2;
        }
    }

    std::string out = value < 0 ? "-" : "";
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
        if (exponent >= 0) {
            const auto intDigits = static_cast<std::size_t>(exponent) + 1;
            if (digits.size() <= intDigits) {
                out += digits;
                out.append(intDigits - digits.size(), '0');
                out += ".0";
            } else {
                out += digits.substr(0, intDigits);
                out += '.';
                out += digits.substr(intDigits);
            }
        } else {
            out += "0.";
            out.append(static_cast<std::size_t>(-exponent - 1), '0');
            out += digits;
        }
        return out;
    }
    out += digits[0];
    out += '.';
    out += digits.size() > 1 ? digits.substr(1) : std::string("0");
    out += 'E';
    out += std::to_string(exponent);
    return out;
}

} // namespace portico::jsonpath
