// The read-only panel beside the navigator: what the selected resource or method is (full path,
// methods, integration type and URI). A placeholder until the method designer replaces it.
#pragma once

#include "model/restapi.h"

#include <QTextBrowser>

namespace portico::widgets {

class DetailsView : public QTextBrowser
{
    Q_OBJECT

public:
    explicit DetailsView(QWidget *parent = nullptr);

    // An empty verb shows the resource; an unknown resource shows nothing.
    void showSelection(const model::RestApi &api, const QString &resourceId, const QString &verb);

    // The panel's HTML, apart from the widget so that it can be tested as text.
    static QString describe(const model::RestApi &api, const QString &resourceId,
                            const QString &verb);

private:
    static QString describeResource(const model::RestApi &api, const model::Resource &resource);
    static QString describeMethod(const model::RestApi &api, const model::Resource &resource,
                                  const model::Method &method);
};

} // namespace portico::widgets
