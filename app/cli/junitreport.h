// The JUnit XML that CI systems read (GitLab, Jenkins, GitHub's test reporters): one test suite
// per run, one test case per saved request, its failures as the case's <failure> element.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace portico::cli {

struct JUnitCase
{
    QString className; // "GET /pets/{petId}"
    QString name; // the saved request's name
    double seconds = 0;
    // Empty when it passed; else one line per difference, the first being the summary.
    QStringList failures;
};

class JUnitReport
{
public:
    explicit JUnitReport(QString suiteName)
        : m_suiteName(std::move(suiteName))
    {
    }

    void add(JUnitCase testCase) { m_cases.push_back(std::move(testCase)); }
    QByteArray toXml() const;

private:
    QString m_suiteName;
    std::vector<JUnitCase> m_cases;
};

} // namespace portico::cli
