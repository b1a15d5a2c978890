// portico [FILE]: the desktop application. Opens FILE, or a new empty project.
// The hidden --screenshot PNG option renders the window once it is shown, saves it and exits;
// with the hidden --select "GET /pets" it is how the documentation's screenshots are made.
#include "editing/apidocument.h"
#include "model/projectfile.h"
#include "widgets/mainwindow.h"
#include "widgets/navigator.h"
#include "widgets/runcontrols.h"
#include "widgets/inspector/inspectorpanel.h"
#include "running/exchangetablemodel.h"
#include "workbench/qscintilla.h"
#include "workbench/templateworkbench.h"

#include <QEventLoop>
#include <algorithm>
#include <vector>

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTimer>
#include <QUndoStack>

#include <cstdio>
#include <map>

#include <sys/resource.h>

// "model Pet", "stage dev", "authorizer MyAuth": a part item by section word and key or label.
static bool selectPart(portico::widgets::MainWindow &window, const QString &what)
{
    using portico::editing::PartKind;
    using portico::editing::ProjectPartsModel;
    static const std::map<QString, PartKind> sections {
        {QStringLiteral("model"), PartKind::Model}, {QStringLiteral("authorizer"), PartKind::Authorizer},
        {QStringLiteral("validator"), PartKind::RequestValidator}, {QStringLiteral("gateway-response"), PartKind::GatewayResponse},
        {QStringLiteral("function"), PartKind::LocalFunction}, {QStringLiteral("stage"), PartKind::Stage},
        {QStringLiteral("deployments"), PartKind::Deployment}, {QStringLiteral("key"), PartKind::ApiKey},
        {QStringLiteral("plan"), PartKind::UsagePlan}};
    const qsizetype space = what.indexOf(QLatin1Char(' '));
    const auto section = sections.find(what.left(space < 0 ? what.size() : space));
    if (section == sections.end())
        return false;
    const QString name = space < 0 ? QString() : what.mid(space + 1);
    const ProjectPartsModel *parts = window.navigator()->partsModel();
    const QModelIndex sectionIndex = parts->sectionIndex(section->second);
    for (int row = 0; row < parts->rowCount(sectionIndex) && !name.isEmpty(); ++row) {
        const QModelIndex item = parts->index(row, 0, sectionIndex);
        if (item.data(ProjectPartsModel::PartKeyRole).toString() == name || item.data().toString() == name)
            return window.selectPart(section->second, item.data(ProjectPartsModel::PartKeyRole).toString());
    }
    if (name.isEmpty())
        return window.selectPart(section->second);
    std::fprintf(stderr, "portico: nothing to select at %s\n", qPrintable(what));
    return true;
}

static void selectNode(portico::widgets::MainWindow &window, const QString &what)
{
    if (selectPart(window, what))
        return;
    const QStringList words = what.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const QString path = words.value(words.size() - 1);
    const QString verb = words.size() > 1 ? words.constFirst().toUpper() : QString();
    const portico::model::Resource *resource = window.document()->api().findResourceByPath(path);
    if (!resource || !window.select(resource->id, verb))
        std::fprintf(stderr, "portico: nothing to select at %s\n", qPrintable(what));
}

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Portico"));
    QApplication::setOrganizationName(QStringLiteral("Portico"));
    QApplication::setApplicationVersion(QStringLiteral(PORTICO_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate(
        "main", "Design Amazon API Gateway REST APIs and run them locally."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("file"),
                                 QApplication::translate("main", "The project file to open."),
                                 QStringLiteral("[FILE]"));
    QCommandLineOption screenshotOption(
        QStringLiteral("screenshot"),
        QApplication::translate("main", "Save a screenshot and exit."), QStringLiteral("png"));
    screenshotOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(screenshotOption);
    // For screenshots too: "GET /pets" or "/pets" is selected in the navigator.
    QCommandLineOption selectOption(QStringLiteral("select"),
                                    QApplication::translate("main", "Select a resource or method."),
                                    QStringLiteral("[verb] path"));
    selectOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(selectOption);
    QCommandLineOption importOption(
        QStringLiteral("import"),
        QApplication::translate("main",
                                "Import an OpenAPI 3.0 or Swagger 2.0 file as a new project."),
        QStringLiteral("definition"));
    parser.addOption(importOption);
    // For bench/import: time an OpenAPI import until its tree is painted, print it and exit.
    QCommandLineOption benchImportOption(
        QStringLiteral("bench-import"), QApplication::translate("main", "Time an import and exit."),
        QStringLiteral("file"));
    benchImportOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchImportOption);
    // For bench/designer: time opening a project until its expanded tree is painted, then an
    // edit and its undo, print and exit.
    QCommandLineOption benchOpenOption(
        QStringLiteral("bench-open"),
        QApplication::translate("main", "Time opening a project and exit."),
        QStringLiteral("file"));
    benchOpenOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchOpenOption);
    // For bench/gui-runtime: serve the project from the window's own runtime for SECONDS while a
    // load generator runs, then print the UI thread's longest stall and the memory, and exit.
    QCommandLineOption benchRuntimeOption(
        QStringLiteral("bench-runtime"),
        QApplication::translate("main", "Serve for SECONDS, measure the UI thread's stalls and exit."),
        QStringLiteral("seconds"));
    benchRuntimeOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchRuntimeOption);
    // For bench/designer: the template workbench's preview, from a keystroke to the rendered and
    // painted output, over an ordinary template; prints the median and the slowest and exits.
    QCommandLineOption benchPreviewOption(
        QStringLiteral("bench-preview"), QApplication::translate("main", "Time the template preview and exit."));
    benchPreviewOption.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(benchPreviewOption);
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    const QString screenshot = parser.value(screenshotOption);
    // Unattended: a broken file must not wait for someone to close an error box.
    if (!screenshot.isEmpty() && !files.isEmpty()) {
        const portico::base::Result<portico::model::Project> loaded
            = portico::model::ProjectFile::load(files.constFirst());
        for (const portico::base::Diagnostic &error : loaded.errors())
            std::fprintf(stderr, "%s\n", qPrintable(error.toString()));
        if (!loaded.ok())
            return 1;
    }

    portico::widgets::MainWindow window;
    if (!screenshot.isEmpty()) {
        // The same picture on every machine, whatever size the window had last time.
        window.resize(1100, 700);
    }
    // Shown first, so that a load error appears over the window rather than alone.
    window.show();
    if (parser.isSet(benchOpenOption)) {
        QCoreApplication::processEvents();
        const auto elapsedMs = [](const QElapsedTimer &clock) {
            return static_cast<double>(clock.nsecsElapsed()) / 1e6;
        };
        QElapsedTimer clock;
        clock.start();
        const bool opened = window.openFile(parser.value(benchOpenOption));
        QCoreApplication::processEvents();
        window.repaint();
        const double openMs = elapsedMs(clock);
        // An edit re-reads the tree, as every change does today: the stall a person feels.
        const portico::model::Resource *root = window.document()->api().root();
        clock.restart();
        const bool edited
            = root && window.addChildResource(root->id, QStringLiteral("benchEdit")).ok();
        QCoreApplication::processEvents();
        window.repaint();
        const double editMs = elapsedMs(clock);
        clock.restart();
        window.document()->undoStack()->undo();
        QCoreApplication::processEvents();
        window.repaint();
        const double undoMs = elapsedMs(clock);
        // Peak resident memory of the whole process, the project and its views included.
        rusage usage = {};
        getrusage(RUSAGE_SELF, &usage);
        std::printf("open_ms=%.1f edit_ms=%.1f undo_ms=%.1f resources=%zu max_rss_mb=%.1f\n", openMs, editMs,
                    undoMs, window.document()->api().resources.size(), double(usage.ru_maxrss) / 1024.0);
        return opened && edited ? 0 : 1;
    }
    if (parser.isSet(benchPreviewOption)) {
        if (files.isEmpty() || !window.openFile(files.constFirst()))
            return 1;
        const portico::model::Resource *pets = window.document()->api().findResourceByPath(QStringLiteral("/pets"));
        portico::workbench::TemplateWorkbench *bench
            = pets ? window.editRequestTemplate(pets->id, QStringLiteral("POST")) : nullptr;
        if (!bench)
            return 1;
        // An ordinary request template: fields picked from the body, a loop, escaping, a condition.
        bench->setSampleBody(QStringLiteral(
            "{\"type\": \"dog\", \"price\": 25.5, \"name\": \"Rex \\\"the\\\" dog\", "
            "\"tags\": [\"a\", \"b\", \"c\", \"d\", \"e\", \"f\", \"g\", \"h\"]}"));
        bench->setTemplateText(QStringLiteral(
            "#set($pet = $input.path('$'))\n"
            "{\n"
            "  \"kind\": \"$util.escapeJavaScript($pet.type)\",\n"
            "  \"name\": \"$util.escapeJavaScript($pet.name)\",\n"
            "  \"priceCents\": $pet.price,\n"
            "  \"requestId\": \"$context.requestId\",\n"
            "  \"stage\": \"$context.stage\",\n"
            "  \"tags\": [\n"
            "#foreach($tag in $pet.tags)\n"
            "    \"$util.escapeJavaScript($tag)\"#if($foreach.hasNext),#end\n"
            "#end\n"
            "  ],\n"
            "#if($input.params('debug') == 'true')\n"
            "  \"debug\": true,\n"
            "#end\n"
            "  \"source\": \"portico\"\n"
            "}\n"));
        QCoreApplication::processEvents();
        std::vector<double> samples;
        QElapsedTimer clock;
        for (int i = 0; i < 200; ++i) {
            QEventLoop wait;
            QObject::connect(bench, &portico::workbench::TemplateWorkbench::rendered, &wait, &QEventLoop::quit);
            clock.start();
            // A keystroke at the end of the "source" value: the text changes, the preview follows.
            bench->editor()->insertAt(i % 2 ? QStringLiteral("x") : QStringLiteral("y"), 15, 13);
            wait.exec();
            // What a keystroke repaints: the workbench (editor and preview), not the whole window.
            bench->repaint();
            samples.push_back(double(clock.nsecsElapsed()) / 1e6);
        }
        std::sort(samples.begin(), samples.end());
        std::printf("preview_median_ms=%.2f preview_p95_ms=%.2f preview_max_ms=%.2f status=%s\n", samples[samples.size() / 2],
                    samples[samples.size() * 95 / 100], samples.back(), qPrintable(bench->statusText()));
        window.document()->undoStack()->setClean();
        return 0;
    }
    if (parser.isSet(benchRuntimeOption)) {
        if (files.isEmpty() || !window.openFile(files.constFirst()))
            return 1;
        portico::widgets::RunControls *run = window.runControls();
        run->askTrust = [](const QString &) { return false; };
        run->setServeDraft(true);
        if (!run->start())
            return 1;
        std::printf("url=%s\n", qPrintable(run->invokeUrl()));
        std::fflush(stdout);
        // A timer due every 5 ms: how late it fires is how long the UI thread was busy.
        QElapsedTimer sinceTick;
        sinceTick.start();
        qint64 worstMs = 0;
        QTimer tick;
        tick.setTimerType(Qt::PreciseTimer);
        tick.setInterval(5);
        QObject::connect(&tick, &QTimer::timeout, [&] {
            worstMs = std::max(worstMs, sinceTick.restart() - 5);
        });
        tick.start();
        QTimer::singleShot(parser.value(benchRuntimeOption).toInt() * 1000, [&] {
            tick.stop();
            rusage usage = {};
            getrusage(RUSAGE_SELF, &usage);
            std::printf("max_stall_ms=%lld requests_in_table=%d max_rss_mb=%.1f\n", static_cast<long long>(worstMs),
                        run->inspector()->model()->rowCount(), double(usage.ru_maxrss) / 1024.0);
            std::fflush(stdout);
            window.document()->undoStack()->setClean();
            QCoreApplication::exit(0);
        });
        return app.exec();
    }
    if (parser.isSet(benchImportOption)) {
        QCoreApplication::processEvents();
        QElapsedTimer clock;
        clock.start();
        const bool imported = window.importOpenApi(parser.value(benchImportOption), {});
        // The tree laid out and painted: what a person sees.
        QCoreApplication::processEvents();
        window.repaint();
        const double elapsed = static_cast<double>(clock.nsecsElapsed()) / 1e6;
        std::printf("tree_ms=%.1f resources=%zu\n", elapsed,
                    window.document()->api().resources.size());
        return imported ? 0 : 1;
    }
    if (!files.isEmpty())
        window.openFile(files.constFirst());
    if (parser.isSet(importOption))
        window.importOpenApi(parser.value(importOption), {});
    // Unsaved work of a session that crashed; not for the unattended screenshot and bench runs.
    if (screenshot.isEmpty())
        QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
    if (parser.isSet(selectOption))
        selectNode(window, parser.value(selectOption));

    if (!screenshot.isEmpty()) {
        // Queued, so that the window has been laid out and polished before it is rendered.
        QTimer::singleShot(0, &window, [&window, &screenshot] {
            const bool saved = window.grab().save(screenshot);
            if (!saved)
                std::fprintf(stderr, "portico: cannot write %s\n", qPrintable(screenshot));
            // No questions about unsaved changes: nothing was edited.
            QCoreApplication::exit(saved ? 0 : 1);
        });
    }
    return app.exec();
}
