#include "junitreport.h"

#include <QXmlStreamWriter>

#include <algorithm>
#include <numeric>

namespace portico::cli {

namespace {

QString seconds(double value)
{
    return QString::number(value, 'f', 3);
}

// XML 1.0 cannot hold most control characters, even escaped; a response body quoted in a failure
// may contain them.
QString xmlSafe(QString text)
{
    for (QChar &c : text) {
        if (c.unicode() < 0x20 && c != QLatin1Char('\t') && c != QLatin1Char('\n')
            && c != QLatin1Char('\r'))
            c = QChar::ReplacementCharacter;
    }
    return text;
}

} // namespace

QByteArray JUnitReport::toXml() const
{
    const auto failed = std::count_if(m_cases.begin(), m_cases.end(),
                                      [](const JUnitCase &c) { return !c.failures.isEmpty(); });
    const double total
        = std::accumulate(m_cases.begin(), m_cases.end(), 0.0,
                          [](double sum, const JUnitCase &c) { return sum + c.seconds; });
    QByteArray xml;
    QXmlStreamWriter writer(&xml);
    writer.setAutoFormatting(true);
    writer.writeStartDocument();
    writer.writeStartElement(QStringLiteral("testsuites"));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(m_cases.size()));
    writer.writeAttribute(QStringLiteral("failures"), QString::number(failed));
    writer.writeAttribute(QStringLiteral("time"), seconds(total));
    writer.writeStartElement(QStringLiteral("testsuite"));
    writer.writeAttribute(QStringLiteral("name"), xmlSafe(m_suiteName));
    writer.writeAttribute(QStringLiteral("tests"), QString::number(m_cases.size()));
    writer.writeAttribute(QStringLiteral("failures"), QString::number(failed));
    writer.writeAttribute(QStringLiteral("errors"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("skipped"), QStringLiteral("0"));
    writer.writeAttribute(QStringLiteral("time"), seconds(total));
    for (const JUnitCase &testCase : m_cases) {
        writer.writeStartElement(QStringLiteral("testcase"));
        writer.writeAttribute(QStringLiteral("classname"), xmlSafe(testCase.className));
        writer.writeAttribute(QStringLiteral("name"), xmlSafe(testCase.name));
        writer.writeAttribute(QStringLiteral("time"), seconds(testCase.seconds));
        if (!testCase.failures.isEmpty()) {
            writer.writeStartElement(QStringLiteral("failure"));
            writer.writeAttribute(QStringLiteral("message"), xmlSafe(testCase.failures.front()));
            writer.writeCharacters(xmlSafe(testCase.failures.join(QLatin1Char('\n'))));
            writer.writeEndElement();
        }
        writer.writeEndElement();
    }
    writer.writeEndElement();
    writer.writeEndElement();
    writer.writeEndDocument();
    return xml;
}

} // namespace portico::cli
