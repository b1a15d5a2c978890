// Enable CORS, as the console asks for it: which of the resource's methods, the allowed origin,
// extra allowed headers, and whether the DEFAULT_4XX / DEFAULT_5XX gateway responses get the
// headers too. What it does is model::CorsConfigurator's.
#pragma once

#include "model/corsconfigurator.h"

#include <QDialog>

class QCheckBox;
class QLineEdit;
class QListWidget;

namespace portico::widgets {

class CorsDialog : public QDialog
{
    Q_OBJECT

public:
    CorsDialog(const QString &resourcePath, const QStringList &verbs, QWidget *parent = nullptr);

    model::CorsOptions options() const;

private:
    QListWidget *m_methods;
    QLineEdit *m_origin;
    QLineEdit *m_headers;
    QCheckBox *m_gatewayResponses;
};

} // namespace portico::widgets
