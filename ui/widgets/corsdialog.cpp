#include "corsdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

namespace portico::widgets {

CorsDialog::CorsDialog(const QString &resourcePath, const QStringList &verbs, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("corsDialog"));
    setWindowTitle(tr("Enable CORS on %1").arg(resourcePath));
    auto *intro = new QLabel(tr("Adds an OPTIONS method answering the browser's preflight, and "
                                "Access-Control-Allow-Origin on the chosen methods' 200 responses."));
    intro->setWordWrap(true);
    m_methods = new QListWidget;
    m_methods->setObjectName(QStringLiteral("corsMethods"));
    for (const QString &verb : verbs) {
        if (verb == QLatin1String("OPTIONS"))
            continue;
        auto *item = new QListWidgetItem(verb, m_methods);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Checked);
    }
    m_methods->setMaximumHeight(120);
    m_origin = new QLineEdit(QStringLiteral("*"));
    m_origin->setObjectName(QStringLiteral("corsOrigin"));
    m_origin->setPlaceholderText(QStringLiteral("* or https://example.com"));
    m_headers = new QLineEdit;
    m_headers->setObjectName(QStringLiteral("corsHeaders"));
    m_headers->setPlaceholderText(tr("added to %1").arg(model::CorsConfigurator::kDefaultAllowHeaders));
    m_gatewayResponses = new QCheckBox(tr("Also on the DEFAULT 4XX and 5XX gateway responses"));
    m_gatewayResponses->setObjectName(QStringLiteral("corsGatewayResponses"));
    auto *form = new QFormLayout;
    form->addRow(tr("Methods"), m_methods);
    form->addRow(tr("Allow origin"), m_origin);
    form->addRow(tr("Extra allowed headers"), m_headers);
    form->addRow(QString(), m_gatewayResponses);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
}

model::CorsOptions CorsDialog::options() const
{
    model::CorsOptions options;
    bool all = true;
    for (int row = 0; row < m_methods->count(); ++row) {
        if (m_methods->item(row)->checkState() == Qt::Checked)
            options.methods << m_methods->item(row)->text();
        else
            all = false;
    }
    // Every method is the console's default, which also covers methods added later.
    if (all)
        options.methods.clear();
    options.allowOrigin = m_origin->text().trimmed();
    for (const QString &header : m_headers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        options.extraAllowHeaders << header.trimmed();
    options.gatewayResponses = m_gatewayResponses->isChecked();
    return options;
}

} // namespace portico::widgets
