#include "importreportview.h"

#include "base/json.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace portico::widgets {

namespace {

// "/paths/~1app~1{linkId}/put/x-amazon-apigateway-integration/uri" reads as
// "PUT /app/{linkId} › integration › uri"; pointers outside paths are shown as they are.
QString readableLocation(const QString &pointer)
{
    const QStringList tokens = base::jsonPointerTokens(pointer);
    if (tokens.size() < 2 || tokens[0] != QLatin1String("paths"))
        return pointer;
    QString where = tokens[1];
    qsizetype next = 2;
    static const QStringList verbs {
        QStringLiteral("get"),     QStringLiteral("put"),
        QStringLiteral("post"),    QStringLiteral("delete"),
        QStringLiteral("options"), QStringLiteral("head"),
        QStringLiteral("patch"),   QStringLiteral("x-amazon-apigateway-any-method")};
    if (tokens.size() > 2 && verbs.contains(tokens[2])) {
        const QString verb = tokens[2].startsWith(QLatin1String("x-")) ? QStringLiteral("ANY")
                                                                       : tokens[2].toUpper();
        where = verb + QLatin1Char(' ') + where;
        next = 3;
    }
    for (qsizetype i = next; i < tokens.size(); ++i) {
        QString part = tokens[i];
        if (part.startsWith(QLatin1String("x-amazon-apigateway-")))
            part = part.mid(20);
        where += QStringLiteral(" \u203a ") + part;
    }
    return where;
}

} // namespace

ImportReportView::ImportReportView(const QString &summary,
                                   const std::vector<base::Diagnostic> &report, QWidget *parent)
    : QDialog(parent)
    , m_list(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("importReport"));
    setWindowTitle(tr("Import report"));
    auto *heading = new QLabel(summary, this);
    heading->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("importReportList"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels(
        {tr("Where (the JSON pointer in the tooltip)"), tr("What became of it")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_list->header()->resizeSection(0, 360);
    for (const base::Diagnostic &problem : report) {
        auto *row
            = new QTreeWidgetItem(m_list, {readableLocation(problem.location), problem.message});
        // The exact JSON pointer: what the file calls the place, and what a click goes to.
        row->setData(0, Qt::UserRole, problem.location);
        row->setToolTip(0, problem.location);
        row->setToolTip(1, problem.message);
    }
    connect(m_list, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        Q_EMIT locationActivated(item->data(0, Qt::UserRole).toString());
    });
    connect(m_list, &QTreeWidget::itemClicked, this, [this](QTreeWidgetItem *item) {
        Q_EMIT locationActivated(item->data(0, Qt::UserRole).toString());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_list);
    layout->addWidget(buttons);
    resize(900, 420);
}

} // namespace portico::widgets
