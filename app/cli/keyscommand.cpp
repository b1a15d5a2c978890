#include "keyscommand.h"

#include "projectloading.h"

#include "model/apikeys.h"
#include "model/projectfile.h"

#include <QFile>

namespace portico::cli {

const char kKeysUsage[] = R"(Usage: portico-cli keys PROJECT list
       portico-cli keys PROJECT generate [NAME] [--description TEXT] [--plan USAGE_PLAN_ID]...
       portico-cli keys PROJECT enable KEY
       portico-cli keys PROJECT disable KEY
       portico-cli keys PROJECT import FILE.csv

Manage the project's API keys as the API Gateway console does. KEY is a key's id, name or value.

  list       One line per key: id, name, enabled or disabled, the value, its usage plans.
  generate   A new enabled key whose value is 40 random letters and digits from the system's
             cryptographic source; --plan adds it to a usage plan (repeatable). Prints the id
             and the value.
  enable, disable
             Turn a key on or off; a disabled key is refused with 403 Forbidden.
  import     Keys from a CSV file in the format API Gateway imports: a header row naming the
             columns (any order, any case) Name and Key, optionally Description, Enabled
             (TRUE/FALSE) and UsagePlanIds ("id1,id2" in quotes for several). A key value
             imported again replaces the earlier key. Bad rows are reported as FILE:LINE and
             skipped; the good rows are imported (exit status 1 when any row was bad).

The project file is saved atomically after each change.
)";

namespace {

QStringList plansOf(const model::Project &project, const QString &keyId)
{
    QStringList plans;
    for (const model::UsagePlan &plan : project.usagePlans) {
        if (plan.apiKeyIds.contains(keyId))
            plans << plan.id;
    }
    return plans;
}

bool save(const QString &file, const model::Project &project, QTextStream &err)
{
    const base::Status saved = model::ProjectFile::save(file, project);
    if (!saved.ok()) {
        err << "portico-cli keys: " << saved.error().toString() << Qt::endl;
        return false;
    }
    return true;
}

int usageError(const QString &message, QTextStream &err)
{
    err << "portico-cli keys: " << message << "\n\n" << kKeysUsage;
    err.flush();
    return 2;
}

} // namespace

int runKeys(const QStringList &args, QTextStream &out, QTextStream &err)
{
    if (args.contains(QLatin1String("-h")) || args.contains(QLatin1String("--help"))) {
        out << kKeysUsage;
        return 0;
    }
    if (args.size() < 2)
        return usageError(QStringLiteral("expected a project file and an action"), err);
    const QString file = args[0];
    const QString action = args[1];
    const QStringList rest = args.mid(2);
    std::optional<model::Project> project = loadProjectOrReport(file, err);
    if (!project)
        return 2;
    model::ApiKeys keys(*project);

    if (action == QLatin1String("list")) {
        if (!rest.isEmpty())
            return usageError(QStringLiteral("list takes no arguments"), err);
        for (const model::ApiKey &key : project->apiKeys) {
            const QStringList plans = plansOf(*project, key.id);
            out << key.id << "  " << (key.name.isEmpty() ? QStringLiteral("-") : key.name) << "  "
                << (key.enabled ? "enabled " : "disabled") << "  " << key.value << "  "
                << (plans.isEmpty() ? QStringLiteral("(no usage plan)") : plans.join(QLatin1Char(','))) << '\n';
        }
        out.flush();
        return 0;
    }

    if (action == QLatin1String("generate")) {
        QString name;
        QString description;
        QStringList plans;
        for (qsizetype i = 0; i < rest.size(); ++i) {
            const QString &arg = rest[i];
            if (arg == QLatin1String("--plan") && i + 1 < rest.size()) {
                plans.append(rest[++i]);
            } else if (arg == QLatin1String("--description") && i + 1 < rest.size()) {
                description = rest[++i];
            } else if (!arg.startsWith(QLatin1String("--")) && name.isEmpty()) {
                name = arg;
            } else {
                return usageError(QStringLiteral("unexpected argument \"%1\"").arg(arg), err);
            }
        }
        base::Result<QString> id = keys.generate(name, description, plans);
        if (!id.ok()) {
            err << "portico-cli keys: " << id.error().toString() << Qt::endl;
            return 2;
        }
        if (!save(file, *project, err))
            return 2;
        const model::ApiKey *key = keys.find(id.value());
        out << "Generated API key " << key->id << " (" << key->name << "): " << key->value << Qt::endl;
        return 0;
    }

    if (action == QLatin1String("enable") || action == QLatin1String("disable")) {
        if (rest.size() != 1)
            return usageError(QStringLiteral("%1 takes one key (its id, name or value)").arg(action), err);
        const bool enable = action == QLatin1String("enable");
        if (const base::Status changed = keys.setEnabled(rest[0], enable); !changed.ok()) {
            err << "portico-cli keys: " << changed.error().toString() << Qt::endl;
            return 2;
        }
        if (!save(file, *project, err))
            return 2;
        out << "API key " << keys.find(rest[0])->id << (enable ? " enabled" : " disabled") << Qt::endl;
        return 0;
    }

    if (action == QLatin1String("import")) {
        if (rest.size() != 1)
            return usageError(QStringLiteral("import takes one CSV file"), err);
        QFile csv(rest[0]);
        if (!csv.open(QIODevice::ReadOnly)) {
            err << "portico-cli keys: " << rest[0] << ": cannot read: " << csv.errorString() << Qt::endl;
            return 2;
        }
        const model::ApiKeyImport imported = keys.importCsv(csv.readAll(), rest[0]);
        for (const base::Diagnostic &problem : imported.problems)
            err << problem.toString() << '\n';
        err.flush();
        if (imported.added + imported.updated > 0 && !save(file, *project, err))
            return 2;
        out << "Imported " << imported.added << " new and " << imported.updated << " updated API keys";
        if (!imported.problems.empty())
            out << "; " << imported.problems.size() << " bad rows skipped";
        out << Qt::endl;
        return imported.problems.empty() ? 0 : 1;
    }

    return usageError(QStringLiteral("unknown action \"%1\"").arg(action), err);
}

} // namespace portico::cli
