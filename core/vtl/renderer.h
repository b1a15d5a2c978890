// Renders a parsed template: walks the tree with one request's variables, Velocity 1.7's
// evaluation rules and API Gateway's rendering of nulls (as nothing). One Renderer per
// rendering; the tree it walks is shared and never changed.
#pragma once

#include "parser.h"
#include "value.h"

#include "base/limits.h"
#include "base/result.h"

#include <QHash>
#include <QString>

#include <cstring>
#include <initializer_list>
#include <string_view>

namespace portico::vtl {

// The variables a rendering starts with, by name ($input, $util, $context...). A template gets a
// handful, built anew for each request: a small list is cheaper to build and search than a hash.
class Variables
{
public:
    using Entry = std::pair<QString, Value>;
    Variables() = default;
    Variables(std::initializer_list<Entry> entries);

    // Sets `name`, replacing what it had.
    void insert(const QString &name, Value value);
    bool remove(const QString &name);
    void clear() { m_entries.clear(); }
    void reserve(qsizetype size) { m_entries.reserve(size_t(size)); }
    // Null when absent.
    const Value *find(const QString &name) const;
    Value value(const QString &name) const;
    bool contains(const QString &name) const { return find(name) != nullptr; }
    qsizetype size() const { return qsizetype(m_entries.size()); }
    bool isEmpty() const { return m_entries.empty(); }
    std::vector<Entry>::const_iterator begin() const { return m_entries.begin(); }
    std::vector<Entry>::const_iterator end() const { return m_entries.end(); }

private:
    std::vector<Entry> m_entries;
};

class Renderer
{
public:
    // `variables` must outlive the rendering (they also keep the JSON of $input alive). With
    // `jsonViews`, JSON may be handed out as JsonRefs (see JsonViewScope): only for a template
    // that cannot change lists and maps.
    explicit Renderer(const Variables &variables, bool jsonViews = false);
    base::Result<QString> render(const ParsedTemplate &tree);

private:
    enum class Flow { Normal, Break, Stop };
    struct Failure
    {
        ast::Position pos;
        QString message;
    };
    class LoopState;
    class LoopVariable;
    class DefinedBlock;

    Flow renderBlock(const ast::Block &block);
    Flow renderNode(const ast::Node &node);
    void renderReference(const ast::ReferenceNode &node);
    Flow renderForeach(const ast::ForeachNode &node);
    Flow renderBreak(const ast::BreakNode &node);
    Flow renderMacroCall(const ast::MacroCallNode &node);
    void assign(const ast::SetNode &node);

    Value eval(const ast::Expr &expr);
    // Velocity's evaluate(): the truth of a condition, where literals are not true.
    bool condition(const ast::Expr &expr);
    // With `jsonString`, a reference ending on a string member of JSON read in place gives that
    // string's UTF-8 in *jsonString (and null) rather than a QString made of it.
    Value evalReference(const ast::ReferenceExpr &ref, std::string_view *jsonString = nullptr);
    Value property(const Value &target, const ast::Accessor &accessor, std::string_view *jsonString);
    QString renderDefined(DefinedBlock &defined, const ast::ReferenceExpr &ref);
    Value evalBinary(const ast::BinaryExpr &expr);
    Value applyAccessor(const Value &target, const ast::Accessor &accessor, const ast::ReferenceExpr &ref);
    Value call(const Value &target, const ast::Accessor &accessor, std::span<const Value> args, const ast::ReferenceExpr &ref);
    Value lookup(int slot);
    static size_t listSlot(qsizetype size, qint64 index, const ast::Position &pos, const QString &source);
    void setVariable(int slot, Value value);
    QString renderToString(const ast::Block &block);

    // The text being rendered: a QString grown geometrically and written through a raw pointer,
    // since appends are most of a rendering's work.
    class Output
    {
    public:
        void reserve(qsizetype size);
        void append(const QChar *text, qsizetype size)
        {
            if (size == 0) // an empty QString may have no data at all
                return;
            if (size > m_capacity - m_size)
                grow(size);
            std::memcpy(static_cast<void *>(m_data + m_size), text, size_t(size) * sizeof(QChar));
            m_size += size;
        }
        void appendLatin1(const char *text, qsizetype size)
        {
            if (size > m_capacity - m_size)
                grow(size);
            for (qsizetype i = 0; i < size; ++i)
                m_data[m_size + i] = QChar(char16_t(uchar(text[i])));
            m_size += size;
        }
        void appendUtf8(std::string_view text);
        qsizetype size() const { return m_size; }
        QString take();

    private:
        void grow(qsizetype extra);
        QString m_text;
        QChar *m_data = nullptr;
        qsizetype m_size = 0;
        qsizetype m_capacity = 0;
    };

    void write(const QString &text) { write(text.constData(), text.size()); }
    void write(const QChar *text, qsizetype size)
    {
        m_out->append(text, size);
        checkOutputSize();
    }
    void writeLatin1(const char *text, qsizetype size)
    {
        m_out->appendLatin1(text, size);
        checkOutputSize();
    }
    // Writes what toString() gives, without making the string when it can.
    void writeValue(const Value &v);
    void checkOutputSize() const
    {
        if (m_out->size() > base::limits::kTemplateMaxOutputChars)
            outputTooLarge();
    }
    [[noreturn]] static void outputTooLarge();
    void step(const ast::Position &pos)
    {
        if (++m_steps > base::limits::kRenderMaxSteps)
            tooManySteps(pos);
    }
    [[noreturn]] static void tooManySteps(const ast::Position &pos);
    [[noreturn]] static void fail(const ast::Position &pos, const QString &message);

    // A macro's argument. Velocity 1.7 passes references, interpolated strings, lists, maps and
    // ranges by name: they are evaluated again, in the caller's scope, each time the parameter is
    // read (a list literal gives a new list each time). Literals (numbers, booleans, plain
    // strings), and a parameter given a value by #set, hold that value.
    struct MacroArgument
    {
        const ast::Expr *expr = nullptr;
        size_t scope = 0; // where `expr` is evaluated, as m_scope counts
        Value value;
    };
    // A macro call: its arguments are m_arguments[offset...], one per parameter of `macro`.
    struct MacroFrame
    {
        const ast::Macro *macro = nullptr;
        size_t offset = 0;
    };
    void bindArguments(const ast::MacroCallNode &node);
    // Where in m_arguments the innermost scope's macro keeps the parameter of this slot; -1 when
    // the name is not a parameter there (or outside macros).
    qsizetype argumentIndex(int slot) const;
    // The global variable a name reads, when nothing shadows it (a macro parameter, or $foreach and
    // $velocityCount inside a loop); null otherwise.
    const Value *global(int slot) const;

    const Variables &m_variables;
    const ParsedTemplate *m_tree = nullptr;
    // The global variables, by slot (see slots.h); null for undefined.
    std::vector<Value> m_globals;
    std::vector<MacroArgument> m_arguments;
    std::vector<MacroFrame> m_macroFrames;
    // Where names resolve: 0 for the globals, n for the macro call m_macroFrames[n - 1].
    size_t m_scope = 0;
    // The loop a #break($foreach...) on its way out leaves; null for the innermost scope.
    const LoopState *m_breakTarget = nullptr;
    std::vector<std::shared_ptr<LoopState>> m_loops;
    Output *m_out = nullptr;
    qint64 m_steps = 0;
    bool m_jsonViews = false;
};

} // namespace portico::vtl
