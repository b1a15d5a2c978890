// Autosave and crash recovery: the copy follows the unsaved state, a live session's copy is never
// offered, and a real `portico` process killed with SIGKILL leaves a copy that the next start
// restores.
#include "editing/apidocument.h"
#include "editing/autosaver.h"
#include "model/projectfile.h"
#include "widgets/mainwindow.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using portico::editing::ApiDocument;
using portico::editing::Autosaver;
using portico::widgets::MainWindow;
using namespace Qt::StringLiterals;

namespace {

class RecoveringWindow : public MainWindow
{
public:
    QMessageBox::StandardButton answer = QMessageBox::Yes;
    QStringList offered;

protected:
    QMessageBox::StandardButton
    askRestoreRecovery(const portico::editing::RecoveredProject &copy) override
    {
        offered << copy.project.api.name;
        return answer;
    }
    QMessageBox::StandardButton askSaveChanges() override { return QMessageBox::Discard; }
};

QStringList copiesIn(const QString &directory)
{
    return QDir(directory).entryList({u"*.portico.json"_s}, QDir::Files);
}

} // namespace

class TestAutosave : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        for (const QString &name : QDir(m_dir.path()).entryList(QDir::Files))
            QFile::remove(m_dir.filePath(name));
        qputenv("PORTICO_RECOVERY_DIR", m_dir.path().toUtf8());
        qputenv("PORTICO_AUTOSAVE_MS", "50");
    }

    void copyFollowsTheUnsavedState()
    {
        ApiDocument document;
        Autosaver autosaver(&document);
        QCOMPARE(autosaver.delayMs(), 50);
        QVERIFY(document.addResource(document.api().root()->id, u"pets"_s).ok());
        QTRY_VERIFY(QFile::exists(autosaver.recoveryFile()));
        const auto copy = portico::model::ProjectFile::load(autosaver.recoveryFile());
        QVERIFY(copy.ok());
        QCOMPARE(copy->api, document.api());
        // Undo back to the saved state: nothing unsaved, no copy.
        document.undoStack()->undo();
        QTRY_VERIFY(!QFile::exists(autosaver.recoveryFile()));
        QVERIFY(document.addResource(document.api().root()->id, u"owners"_s).ok());
        QTRY_VERIFY(QFile::exists(autosaver.recoveryFile()));
        QVERIFY(document.saveAs(m_dir.filePath(u"saved.json"_s)).ok());
        QVERIFY(!QFile::exists(autosaver.recoveryFile()));
    }

    // The copy of a window that is still open belongs to it and is not offered elsewhere.
    void liveSessionsAreNotOffered()
    {
        ApiDocument document;
        Autosaver autosaver(&document);
        QVERIFY(document.addResource(document.api().root()->id, u"pets"_s).ok());
        autosaver.writeNow();
        QVERIFY(QFile::exists(autosaver.recoveryFile()));
        QVERIFY(Autosaver::abandonedCopies().empty());
        autosaver.finish();
        QVERIFY(copiesIn(m_dir.path()).isEmpty());
    }

    // A real portico process with unsaved work, killed: the next start offers the copy.
    void killedProcessIsRecovered()
    {
        QProcess gui;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        environment.insert(u"PORTICO_RECOVERY_DIR"_s, m_dir.path());
        environment.insert(u"PORTICO_AUTOSAVE_MS"_s, u"100"_s);
        gui.setProcessEnvironment(environment);
        // An import is unsaved work from the first moment.
        gui.start(QStringLiteral(PORTICO_GUI_PATH),
                  {u"--import"_s,
                   QStringLiteral(PORTICO_SOURCE_DIR
                                  "/../shared/corpus/openapi/url-shortener.oas30.yaml")});
        QVERIFY(gui.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(copiesIn(m_dir.path()).size() == 1, 20000);
        gui.kill(); // SIGKILL: no chance to clean up
        QVERIFY(gui.waitForFinished());
        QCOMPARE(gui.exitStatus(), QProcess::CrashExit);

        RecoveringWindow window;
        QVERIFY(window.offerRecovery());
        QCOMPARE(window.offered, QStringList {u"URL Shortener API"_s});
        QCOMPARE(window.document()->api().name, u"URL Shortener API"_s);
        QVERIFY(window.document()->isDirty());
        QVERIFY(window.document()->api().findResourceByPath(u"/app/{linkId}"_s));
        // Restored once: the killed session's copy is gone.
        QVERIFY(Autosaver::abandonedCopies().empty());
    }

    // "Later" keeps the copy for the next start; "Discard" deletes it.
    void laterKeepsAndDiscardDeletes()
    {
        {
            ApiDocument document;
            auto *autosaver = new Autosaver(&document);
            QVERIFY(document.addResource(document.api().root()->id, u"pets"_s).ok());
            autosaver->writeNow();
            // Simulate a crash: the lock is released by the dying process, the copy stays.
            const QString copy = autosaver->recoveryFile();
            QFile::copy(copy, copy + u".keep"_s);
            delete autosaver;
            QFile::rename(copy + u".keep"_s, copy);
        }
        QCOMPARE(Autosaver::abandonedCopies().size(), size_t(1));
        {
            RecoveringWindow window;
            window.answer = QMessageBox::Cancel;
            QVERIFY(!window.offerRecovery());
        }
        QCOMPARE(Autosaver::abandonedCopies().size(), size_t(1));
        {
            RecoveringWindow window;
            window.answer = QMessageBox::No;
            QVERIFY(!window.offerRecovery());
        }
        QVERIFY(Autosaver::abandonedCopies().empty());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_MAIN(TestAutosave)
#include "tst_autosave.moc"
