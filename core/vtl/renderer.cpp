#include "renderer.h"

#include "methods.h"

#include "base/limits.h"

#include <array>
#include <charconv>
#include <cmath>
#include <utility>

namespace portico::vtl {

using namespace ast;

// $foreach: the loop's position, as Velocity 1.7's ForeachScope shows it. It asks the list
// being walked, which the loop body may change, as Java's iterator would.
class Renderer::LoopState : public HostObject
{
public:
    LoopState(ListPtr items, std::shared_ptr<LoopState> parent)
        : m_items(std::move(items)), m_parent(std::move(parent)) {}
    qint64 index = 0;

    Value property(Accessor::LoopProperty p) const
    {
        switch (p) {
        case Accessor::LoopProperty::Index: return index;
        case Accessor::LoopProperty::Count: return index + 1;
        case Accessor::LoopProperty::HasNext: return hasNext();
        case Accessor::LoopProperty::First: return index == 0;
        case Accessor::LoopProperty::Last: return !hasNext();
        case Accessor::LoopProperty::None: break;
        }
        return {};
    }
    Value property(const QString &name) const override
    {
        if (isName(name, u"index"))
            return index;
        if (isName(name, u"count"))
            return index + 1;
        if (isName(name, u"hasNext"))
            return hasNext();
        if (isName(name, u"first"))
            return index == 0;
        if (isName(name, u"last"))
            return !hasNext();
        if (isName(name, u"parent"))
            return m_parent ? Value(HostPtr(m_parent)) : Value();
        return {};
    }
    Value call(const QString &name, std::span<const Value> args, QString &) const override
    {
        if (!args.empty())
            return {};
        // getIndex(), hasNext(), isFirst()... as Java getters.
        if (isName(name, u"hasNext"))
            return property(name);
        if (name.startsWith(QLatin1String("get")) || name.startsWith(QLatin1String("is"))) {
            QString prop = name.mid(name.startsWith(QLatin1String("get")) ? 3 : 2);
            if (!prop.isEmpty())
                prop[0] = prop[0].toLower();
            return property(prop);
        }
        return {};
    }
    QString toString() const override { return QStringLiteral("org.apache.velocity.runtime.directive.ForeachScope"); }

private:
    // Java's Iterator.hasNext() on an ArrayList: the cursor is not at the current size.
    bool hasNext() const { return index + 1 != m_items->size(); }

    ListPtr m_items;
    std::shared_ptr<LoopState> m_parent;
};

// The value of a #define: a block rendered each time the reference is used.
class Renderer::DefinedBlock : public HostObject
{
public:
    explicit DefinedBlock(std::shared_ptr<const Block> block) : block(std::move(block)) {}
    std::shared_ptr<const Block> block;
    int depth = 0; // of renderings of this block inside each other
    Value property(const QString &) const override { return {}; }
    Value call(const QString &, std::span<const Value>, QString &) const override { return {}; }
    QString toString() const override { return {}; }
};

// The variable a #foreach sets: the parameter of that name when the loop runs in a macro that
// has one (as Velocity's macro context takes it), else a global. It gets its old value back
// after the loop.
class Renderer::LoopVariable
{
public:
    LoopVariable(Renderer &renderer, int slot)
        : m_renderer(renderer)
        , m_slot(slot)
        , m_argument(renderer.argumentIndex(slot))
    {
        if (m_argument >= 0)
            m_savedArgument = renderer.m_arguments[size_t(m_argument)];
        else
            m_savedGlobal = renderer.m_globals[size_t(slot)];
    }
    // A null element leaves the variable undefined.
    void bind(const Value &value)
    {
        if (m_argument >= 0)
            m_renderer.m_arguments[size_t(m_argument)] = {nullptr, 0, value};
        else
            m_renderer.m_globals[size_t(m_slot)] = value;
    }
    void restore()
    {
        if (m_argument >= 0)
            m_renderer.m_arguments[size_t(m_argument)] = m_savedArgument;
        else
            m_renderer.m_globals[size_t(m_slot)] = m_savedGlobal;
    }

private:
    Renderer &m_renderer;
    const int m_slot;
    // Stays valid while the loop runs: macro calls inside it only add arguments after it.
    const qsizetype m_argument;
    MacroArgument m_savedArgument;
    Value m_savedGlobal;
};

Variables::Variables(std::initializer_list<Entry> entries)
{
    for (const Entry &entry : entries)
        insert(entry.first, entry.second);
}

void Variables::insert(const QString &name, Value value)
{
    for (Entry &entry : m_entries) {
        if (sameText(entry.first, name)) {
            entry.second = std::move(value);
            return;
        }
    }
    m_entries.emplace_back(name, std::move(value));
}

bool Variables::remove(const QString &name)
{
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        if (it->first == name) {
            m_entries.erase(it);
            return true;
        }
    }
    return false;
}

const Value *Variables::find(const QString &name) const
{
    for (const Entry &entry : m_entries) {
        if (sameText(entry.first, name))
            return &entry.second;
    }
    return nullptr;
}

Value Variables::value(const QString &name) const
{
    const Value *v = find(name);
    return v ? *v : Value();
}

Renderer::Renderer(const Variables &variables, bool jsonViews)
    : m_variables(variables)
    , m_jsonViews(jsonViews)
{}

base::Result<QString> Renderer::render(const ParsedTemplate &tree)
{
    m_tree = &tree;
    m_globals.assign(tree.slotNames.size(), Value());
    for (size_t i = 0; i < tree.slotNames.size(); ++i) {
        if (const Value *v = m_variables.find(tree.slotNames[i]))
            m_globals[i] = *v;
    }
    Output out;
    // Most templates give outputs of similar size each time; start near the last one's size so
    // that a large output is not copied over and over as it grows.
    thread_local qsizetype lastSize = 0;
    out.reserve(std::min<qsizetype>(lastSize + lastSize / 8, base::limits::kTemplateMaxOutputChars));
    m_out = &out;
    const CycleCollector cycles;
    const JsonViewScope views(m_jsonViews);
    try {
        renderBlock(tree.root);
    } catch (const Failure &f) {
        return base::Diagnostic::error(QStringLiteral("line %1, column %2").arg(f.pos.line).arg(f.pos.column),
                                       f.message);
    }
    lastSize = out.size();
    return out.take();
}

void Renderer::fail(const Position &pos, const QString &message)
{
    throw Failure{pos, message};
}

void Renderer::tooManySteps(const Position &pos)
{
    fail(pos, QStringLiteral("the template did too much work (more than %1 steps); look for loops "
                             "nested too deep or a macro calling itself")
                  .arg(base::limits::kRenderMaxSteps));
}

void Renderer::outputTooLarge()
{
    throw Failure{{}, QStringLiteral("the output is larger than %1 characters").arg(base::limits::kTemplateMaxOutputChars)};
}

void Renderer::Output::reserve(qsizetype size)
{
    if (size > m_capacity)
        grow(size - m_size);
}

void Renderer::Output::grow(qsizetype extra)
{
    const qsizetype capacity = std::max({m_capacity * 2, m_size + extra, qsizetype(64)});
    if (m_size == 0)
        m_text = QString(capacity, Qt::Uninitialized);
    else
        m_text.resize(capacity);
    m_data = m_text.data();
    m_capacity = capacity;
}

void Renderer::Output::appendUtf8(std::string_view text)
{
    // UTF-16 never takes more code units than UTF-8 takes bytes.
    if (qsizetype(text.size()) > m_capacity - m_size)
        grow(qsizetype(text.size()));
    QChar *d = m_data + m_size;
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x80) {
            m_size += qsizetype(i);
            const QString rest = QString::fromUtf8(text.data() + i, qsizetype(text.size() - i));
            append(rest.constData(), rest.size());
            return;
        }
        d[i] = QChar(char16_t(c));
    }
    m_size += qsizetype(text.size());
}

QString Renderer::Output::take()
{
    m_text.resize(m_size);
    m_data = nullptr;
    m_size = m_capacity = 0;
    return std::move(m_text);
}

void Renderer::writeValue(const Value &v)
{
    switch (v.type()) {
    case Value::Type::String: write(v.string()); return;
    case Value::Type::Int: {
        char buf[24];
        const auto end = std::to_chars(buf, buf + sizeof buf, v.toInt()).ptr;
        writeLatin1(buf, end - buf);
        return;
    }
    case Value::Type::Double: {
        char buf[32];
        const qsizetype size = javaDoubleToChars(v.toDouble(), buf);
        if (size > 0)
            writeLatin1(buf, size);
        else
            write(v.toString());
        return;
    }
    case Value::Type::Bool:
        if (v.toBool())
            writeLatin1("true", 4);
        else
            writeLatin1("false", 5);
        return;
    default: write(v.toString()); return;
    }
}

Renderer::Flow Renderer::renderBlock(const Block &block)
{
    for (const NodePtr &node : block) {
        const Flow flow = renderNode(*node);
        if (flow != Flow::Normal)
            return flow;
    }
    return Flow::Normal;
}

Renderer::Flow Renderer::renderNode(const Node &node)
{
    step(node.pos);
    switch (node.kind) {
    case Node::Kind::Text: write(static_cast<const TextNode &>(node).text); return Flow::Normal;
    case Node::Kind::Reference: renderReference(static_cast<const ReferenceNode &>(node)); return Flow::Normal;
    case Node::Kind::Set: assign(static_cast<const SetNode &>(node)); return Flow::Normal;
    case Node::Kind::If: {
        const auto &n = static_cast<const IfNode &>(node);
        for (const auto &[cond, body] : n.branches) {
            if (condition(*cond))
                return renderBlock(body);
        }
        return renderBlock(n.elseBlock);
    }
    case Node::Kind::Foreach: return renderForeach(static_cast<const ForeachNode &>(node));
    case Node::Kind::Break: return renderBreak(static_cast<const BreakNode &>(node));
    case Node::Kind::Stop: return Flow::Stop;
    case Node::Kind::MacroCall: return renderMacroCall(static_cast<const MacroCallNode &>(node));
    case Node::Kind::Define: {
        const auto &n = static_cast<const DefineNode &>(node);
        setVariable(n.slot, HostPtr(std::make_shared<DefinedBlock>(n.body)));
        return Flow::Normal;
    }
    }
    return Flow::Normal;
}

void Renderer::renderReference(const ReferenceNode &node)
{
    if (node.backslashes == 0) {
        // A JSON string is written from the document's UTF-8, never made into a QString.
        std::string_view text;
        const Value v = evalReference(*node.ref, &text);
        if (text.data()) {
            m_out->appendUtf8(text);
            checkOutputSize();
        } else if (!v.isNull()) {
            writeValue(v);
        }
        return;
    }
    const Value v = evalReference(*node.ref);
    if (node.backslashes > 0) {
        // Velocity's escaping: \$a prints "$a" when $a has a value; pairs of backslashes print one.
        if (!v.isNull()) {
            write(QString(node.backslashes / 2, QLatin1Char('\\')));
            if (node.backslashes % 2 == 1) {
                write(node.ref->source);
                return;
            }
        } else {
            write(QString(node.backslashes, QLatin1Char('\\')));
            if (node.backslashes % 2 == 1)
                write(node.ref->source);
            return;
        }
    }
    // API Gateway prints a null or undefined reference as nothing, quiet or not.
    if (!v.isNull())
        writeValue(v);
}

namespace {
// What #foreach walks: a list itself, a map's values (a snapshot), and for anything else (null,
// a string, a number) nothing.
ListPtr walkedList(const Value &iterable)
{
    if (iterable.isList())
        return iterable.list();
    if (iterable.isJson() && iterable.json().isArray())
        return std::make_shared<List>(iterable.json().items(), List::Kind::JsonArray);
    if (iterable.isJson())
        return std::make_shared<List>(iterable.materialized().map()->values());
    if (iterable.isMap())
        return std::make_shared<List>(iterable.map()->values());
    return std::make_shared<List>();
}
} // namespace

// A list is walked live, as Java's fail-fast iterator walks it: the body may change elements,
// but a change of size ends the loop with ConcurrentModificationException unless the walk is
// already at the new end.
Renderer::Flow Renderer::renderForeach(const ForeachNode &node)
{
    const ListPtr items = walkedList(eval(*node.iterable));
    LoopVariable variable(*this, node.slot);
    auto state = std::make_shared<LoopState>(items, m_loops.empty() ? nullptr : m_loops.back());
    m_loops.push_back(state);
    const quint64 modCount = items->modCount();
    Flow result = Flow::Normal;
    for (qint64 i = 0; i != items->size() && i < base::limits::kForeachMaxIterations; ++i) {
        if (items->modCount() != modCount || i > items->size())
            fail(node.pos, QStringLiteral("ConcurrentModificationException: the list changed size while "
                                          "#foreach was walking it"));
        // Counted even when the body is empty, so nested loops cannot run unbounded.
        step(node.pos);
        state->index = i;
        variable.bind(items->items()[size_t(i)]);
        const Flow flow = renderBlock(node.body);
        if (flow == Flow::Break) {
            // A #break naming an outer loop passes through this one.
            if (m_breakTarget && m_breakTarget != state.get())
                result = Flow::Break;
            else
                m_breakTarget = nullptr;
            break;
        }
        if (flow == Flow::Stop) {
            result = Flow::Stop;
            break;
        }
    }
    m_loops.pop_back();
    variable.restore();
    return result;
}

Renderer::Flow Renderer::renderMacroCall(const MacroCallNode &node)
{
    if (!node.macro) {
        write(node.source);
        return Flow::Normal;
    }
    if (int(m_macroFrames.size()) >= base::limits::kMacroMaxDepth)
        fail(node.pos, QStringLiteral("macros call each other more than %1 deep").arg(base::limits::kMacroMaxDepth));
    const size_t offset = m_arguments.size();
    bindArguments(node);
    m_macroFrames.push_back({node.macro, offset});
    const size_t callerScope = std::exchange(m_scope, m_macroFrames.size());
    const Flow flow = renderBlock(node.macro->body);
    m_scope = callerScope;
    m_macroFrames.pop_back();
    m_arguments.resize(offset);
    // A macro is a scope of its own: a plain #break in it leaves the macro, not the caller's loop.
    return flow == Flow::Break && !m_breakTarget ? Flow::Normal : flow;
}

// Parameters missing from the call are null; extra arguments are ignored.
void Renderer::bindArguments(const MacroCallNode &node)
{
    const QStringList &parameters = node.macro->parameters;
    for (qsizetype i = 0; i < parameters.size(); ++i) {
        MacroArgument argument;
        if (size_t(i) < node.args.size()) {
            const Expr &expr = *node.args[size_t(i)];
            if (expr.kind == Expr::Kind::Literal)
                argument.value = static_cast<const LiteralExpr &>(expr).value;
            else
                argument = {&expr, m_scope, {}};
        }
        m_arguments.push_back(std::move(argument));
    }
}

qsizetype Renderer::argumentIndex(int slot) const
{
    if (m_scope == 0)
        return -1;
    const MacroFrame &frame = m_macroFrames[m_scope - 1];
    const std::vector<int> &slots = frame.macro->parameterSlots;
    // A name given to two parameters is the last one, as a map of parameters keeps it.
    for (size_t i = slots.size(); i-- > 0;) {
        if (slots[i] == slot)
            return qsizetype(frame.offset + i);
    }
    return -1;
}

const Value *Renderer::global(int slot) const
{
    if (argumentIndex(slot) >= 0)
        return nullptr;
    if (!m_loops.empty() && (slot == m_tree->foreachSlot || slot == m_tree->velocityCountSlot))
        return nullptr;
    return &m_globals[size_t(slot)];
}

Renderer::Flow Renderer::renderBreak(const BreakNode &node)
{
    if (node.scope) {
        const Value scope = evalReference(*node.scope);
        const auto loop = scope.isHost() ? std::dynamic_pointer_cast<LoopState>(scope.host()) : nullptr;
        if (!loop)
            fail(node.pos, QStringLiteral("#break(%1): only a loop scope ($foreach, $foreach.parent...) can be left")
                               .arg(node.scope->source));
        m_breakTarget = loop.get();
    }
    return Flow::Break;
}

void Renderer::assign(const SetNode &node)
{
    Value value = eval(*node.value);
    // Velocity 1.7: a null right-hand side leaves the target as it was.
    if (value.isNull())
        return;
    const ReferenceExpr &target = *node.target;
    if (target.chain.empty()) {
        setVariable(target.slot, std::move(value));
        return;
    }
    Value owner = lookup(target.slot);
    for (size_t i = 0; i + 1 < target.chain.size() && !owner.isNull(); ++i)
        owner = applyAccessor(owner, target.chain[i], target);
    const Accessor &last = target.chain.back();
    if (owner.isNull())
        return;
    CycleCollector::noteInsertion(owner, value);
    if (last.kind == Accessor::Kind::Property) {
        if (owner.isMap())
            owner.map()->put(last.name, std::move(value));
        return;
    }
    if (last.kind == Accessor::Kind::Index) {
        const Value index = eval(*last.index);
        if (owner.isMap()) {
            owner.map()->put(index.isString() ? index.string() : index.toString(), std::move(value));
        } else if (owner.isList() && index.isInt()) {
            const size_t slot = listSlot(owner.list()->size(), index.toInt(), last.pos, target.source);
            owner.list()->items()[slot] = std::move(value);
        }
    }
}

Value Renderer::lookup(int slot)
{
    const qsizetype argument = argumentIndex(slot);
    if (argument >= 0) {
        const MacroArgument &a = m_arguments[size_t(argument)];
        if (!a.expr)
            return a.value;
        // Read by name, in the caller's scope (copied first: evaluating may call a macro, which
        // grows m_arguments).
        const Expr &expr = *a.expr;
        const size_t scope = std::exchange(m_scope, a.scope);
        Value value = eval(expr);
        m_scope = scope;
        return value;
    }
    if (!m_loops.empty()) {
        if (slot == m_tree->foreachSlot)
            return HostPtr(m_loops.back());
        if (slot == m_tree->velocityCountSlot)
            return m_loops.back()->index + 1;
    }
    return m_globals[size_t(slot)];
}

void Renderer::setVariable(int slot, Value value)
{
    const qsizetype argument = argumentIndex(slot);
    if (argument >= 0)
        m_arguments[size_t(argument)] = {nullptr, 0, std::move(value)};
    else
        m_globals[size_t(slot)] = std::move(value);
}

QString Renderer::renderToString(const Block &block)
{
    Output text;
    Output *outer = m_out;
    m_out = &text;
    // A #break or #stop ends only this text (a #define'd block or a string literal).
    renderBlock(block);
    m_breakTarget = nullptr;
    m_out = outer;
    return text.take();
}

Value Renderer::evalReference(const ReferenceExpr &ref, std::string_view *jsonString)
{
    Value v;
    size_t next = 0;
    const std::vector<Accessor> &chain = ref.chain;
    if (!chain.empty() && chain.front().kind == Accessor::Kind::Property) {
        // The first property read where the variable is, without copying it; $foreach's
        // properties straight from the loop.
        const Accessor &first = chain.front();
        if (const Value *g = global(ref.slot)) {
            v = property(*g, first, chain.size() == 1 ? jsonString : nullptr);
            next = 1;
        } else if (first.loopProperty != Accessor::LoopProperty::None && ref.slot == m_tree->foreachSlot
                   && !m_loops.empty() && argumentIndex(ref.slot) < 0) {
            v = m_loops.back()->property(first.loopProperty);
            next = 1;
        }
    } else if (!chain.empty() && chain.front().kind == Accessor::Kind::Method && chain.front().literalArguments) {
        // A call with literal arguments cannot change the variable while it runs: made on the
        // variable where it is, without copying it.
        if (const Value *g = global(ref.slot)) {
            v = g->isNull() ? Value() : applyAccessor(*g, chain.front(), ref);
            next = 1;
        }
    }
    if (next == 0)
        v = lookup(ref.slot);
    for (; next < chain.size(); ++next) {
        if (v.isNull())
            return {};
        const Accessor &accessor = chain[next];
        if (accessor.kind == Accessor::Kind::Property)
            v = property(v, accessor, next + 1 == chain.size() ? jsonString : nullptr);
        else
            v = applyAccessor(v, accessor, ref);
    }
    if (v.isHost()) {
        if (auto defined = std::dynamic_pointer_cast<DefinedBlock>(v.host()))
            return renderDefined(*defined, ref);
    }
    return v;
}

Value Renderer::property(const Value &target, const Accessor &accessor, std::string_view *jsonString)
{
    if (target.isJson() && !target.json().isArray()) {
        return accessor.asciiName.empty() ? target.json().get(accessor.name, jsonString)
                                          : target.json().getAscii(accessor.asciiName, jsonString);
    }
    return BuiltinMethods::property(target, accessor.name);
}

// A #define'd block that uses itself renders two levels deep (Velocity 1.7's
// directive.define.max_depth); below that the reference stands for its own source text.
QString Renderer::renderDefined(DefinedBlock &defined, const ReferenceExpr &ref)
{
    if (defined.depth >= 2)
        return ref.source;
    ++defined.depth;
    QString text = renderToString(*defined.block);
    --defined.depth;
    return text;
}

Value Renderer::applyAccessor(const Value &target, const Accessor &accessor, const ReferenceExpr &ref)
{
    switch (accessor.kind) {
    case Accessor::Kind::Property: return BuiltinMethods::property(target, accessor.name);
    case Accessor::Kind::Method: {
        if (accessor.literalArguments) {
            // Nothing to evaluate: the values were made at compile time (each still a step).
            for (const ExprPtr &arg : accessor.args)
                step(arg->pos);
            return call(target, accessor, accessor.literalValues, ref);
        }
        // Most calls take a few arguments: no allocation for them.
        const size_t count = accessor.args.size();
        std::array<Value, 4> few;
        std::vector<Value> many(count > few.size() ? count : 0);
        Value *args = count > few.size() ? many.data() : few.data();
        for (size_t i = 0; i < count; ++i)
            args[i] = eval(*accessor.args[i]);
        return call(target, accessor, std::span<const Value>(args, count), ref);
    }
    case Accessor::Kind::Index: {
        const Value index = eval(*accessor.index);
        if (target.isList()) {
            if (!index.isInt())
                return {};
            return target.list()->items()[listSlot(target.list()->size(), index.toInt(), accessor.pos, ref.source)];
        }
        if (target.isMap())
            return index.isString() ? target.map()->get(index.string()) : target.map()->get(index.toString());
        if (target.isJson() && target.json().isArray()) {
            if (!index.isInt())
                return {};
            return target.json().at(qsizetype(listSlot(target.json().size(), index.toInt(), accessor.pos, ref.source)));
        }
        if (target.isJson())
            return index.isString() ? target.json().get(index.string()) : target.json().get(index.toString());
        if (target.isHost()) {
            QString error;
            const Value args[] = {index};
            Value result = target.host()->call(QStringLiteral("get"), args, error);
            if (!error.isEmpty())
                fail(accessor.pos, QStringLiteral("%1: %2").arg(ref.source, error));
            return result;
        }
        return {};
    }
    }
    return {};
}

Value Renderer::call(const Value &target, const Accessor &accessor, std::span<const Value> args, const ReferenceExpr &ref)
{
    QString error;
    Value result = BuiltinMethods::call(target, accessor.name, args, error);
    if (!error.isEmpty())
        fail(accessor.pos, QStringLiteral("%1: %2").arg(ref.source, error));
    return result;
}

size_t Renderer::listSlot(qsizetype size, qint64 index, const Position &pos, const QString &source)
{
    // Velocity 1.7 counts a negative index from the end of the list.
    const qint64 i = index < 0 ? index + size : index;
    if (i < 0 || i >= size)
        fail(pos, QStringLiteral("%1: Index %2 out of bounds for length %3").arg(source).arg(i).arg(size));
    return size_t(i);
}

Value Renderer::eval(const Expr &expr)
{
    step(expr.pos);
    switch (expr.kind) {
    case Expr::Kind::Literal: return static_cast<const LiteralExpr &>(expr).value;
    case Expr::Kind::Interpolated: return renderToString(static_cast<const InterpolatedExpr &>(expr).parts);
    case Expr::Kind::List: {
        const auto &e = static_cast<const ListExpr &>(expr);
        auto list = std::make_shared<List>();
        list->items().reserve(e.items.size());
        for (const ExprPtr &item : e.items)
            list->items().push_back(eval(*item));
        return list;
    }
    case Expr::Kind::Map: {
        const auto &e = static_cast<const MapExpr &>(expr);
        // Velocity 1.7 builds {} literals as LinkedHashMaps (checked with the oracle).
        auto map = std::make_shared<Map>(Map::Kind::LinkedHashMap);
        for (const auto &[key, value] : e.entries) {
            const Value k = eval(*key);
            map->put(k.isString() ? k.string() : k.toString(), eval(*value));
        }
        return map;
    }
    case Expr::Kind::Range: {
        const auto &e = static_cast<const RangeExpr &>(expr);
        const Value from = eval(*e.from);
        const Value to = eval(*e.to);
        if (!from.isNumber() || !to.isNumber())
            return {};
        // Velocity takes the bounds' Number.intValue(): a decimal bound is truncated.
        const auto bound = [](const Value &v) { return v.isInt() ? v.toInt() : qint64(javaDoubleToInt(v.toDouble())); };
        auto list = std::make_shared<List>();
        const qint64 a = bound(from);
        const qint64 b = bound(to);
        const qint64 count = (a <= b ? b - a : a - b) + 1;
        if (count > base::limits::kRenderMaxSteps)
            fail(expr.pos, QStringLiteral("the range [%1..%2] is too large").arg(a).arg(b));
        for (qint64 i = 0; i < count; ++i)
            list->items().emplace_back(a <= b ? a + i : a - i);
        return list;
    }
    case Expr::Kind::Reference: return evalReference(static_cast<const ReferenceExpr &>(expr));
    case Expr::Kind::Not: return !condition(*static_cast<const NotExpr &>(expr).operand);
    case Expr::Kind::Binary: return evalBinary(static_cast<const BinaryExpr &>(expr));
    }
    return {};
}

bool Renderer::condition(const Expr &expr)
{
    switch (expr.kind) {
    case Expr::Kind::Reference: return evalReference(static_cast<const ReferenceExpr &>(expr)).isTruthy();
    case Expr::Kind::Literal: {
        const Value &v = static_cast<const LiteralExpr &>(expr).value;
        return v.isBool() && v.toBool();
    }
    case Expr::Kind::Not: return !condition(*static_cast<const NotExpr &>(expr).operand);
    case Expr::Kind::Binary: {
        const auto &b = static_cast<const BinaryExpr &>(expr);
        switch (b.op) {
        case BinaryOp::Or: return condition(*b.left) || condition(*b.right);
        case BinaryOp::And: return condition(*b.left) && condition(*b.right);
        case BinaryOp::Eq:
        case BinaryOp::Ne:
        case BinaryOp::Lt:
        case BinaryOp::Gt:
        case BinaryOp::Le:
        case BinaryOp::Ge: return evalBinary(b).toBool();
        default: eval(expr); return false; // arithmetic has no truth in Velocity 1.7
        }
    }
    default: eval(expr); return false; // strings, numbers, lists, maps: "not evaluated for truth"
    }
}

namespace {

bool velocityEquals(const Value &a, const Value &b)
{
    if (a.isJson() || b.isJson())
        return velocityEquals(a.materialized(), b.materialized());
    // API Gateway treats a null reference as equal to null and to the empty string.
    if (a.isNull() || b.isNull()) {
        const Value &other = a.isNull() ? b : a;
        return other.isNull() || (other.isString() && other.string().isEmpty());
    }
    if (a.isNumber() && b.isNumber())
        return a.isInt() && b.isInt() ? a.toInt() == b.toInt() : a.toDouble() == b.toDouble();
    if (a.type() == b.type())
        return a.javaEquals(b);
    return a.toString() == b.toString();
}

// Integer arithmetic stays integral and falls back to double only where a long would overflow.
Value arithmetic(BinaryOp op, const Value &a, const Value &b)
{
    if (a.isInt() && b.isInt()) {
        const qint64 x = a.toInt();
        const qint64 y = b.toInt();
        qint64 r = 0;
        switch (op) {
        case BinaryOp::Add:
            if (!__builtin_add_overflow(x, y, &r))
                return r;
            break;
        case BinaryOp::Sub:
            if (!__builtin_sub_overflow(x, y, &r))
                return r;
            break;
        case BinaryOp::Mul:
            if (!__builtin_mul_overflow(x, y, &r))
                return r;
            break;
        case BinaryOp::Div:
            if (y == 0)
                return {};
            if (!(x == std::numeric_limits<qint64>::min() && y == -1))
                return x / y;
            break;
        case BinaryOp::Mod:
            if (y == 0)
                return {};
            return y == -1 ? qint64(0) : x % y;
        default: break;
        }
    }
    const double x = a.toDouble();
    const double y = b.toDouble();
    switch (op) {
    case BinaryOp::Add: return x + y;
    case BinaryOp::Sub: return x - y;
    case BinaryOp::Mul: return x * y;
    case BinaryOp::Div: return y == 0 ? Value() : Value(x / y);
    case BinaryOp::Mod: return y == 0 ? Value() : Value(std::fmod(x, y));
    default: return {};
    }
}

} // namespace

Value Renderer::evalBinary(const BinaryExpr &expr)
{
    switch (expr.op) {
    case BinaryOp::Or: return condition(*expr.left) || condition(*expr.right);
    case BinaryOp::And: return condition(*expr.left) && condition(*expr.right);
    default: break;
    }
    const Value a = eval(*expr.left);
    const Value b = eval(*expr.right);
    switch (expr.op) {
    case BinaryOp::Eq: return velocityEquals(a, b);
    case BinaryOp::Ne: return !velocityEquals(a, b);
    case BinaryOp::Lt:
    case BinaryOp::Gt:
    case BinaryOp::Le:
    case BinaryOp::Ge: {
        // Velocity 1.7 orders numbers only; anything else compares false.
        if (!a.isNumber() || !b.isNumber())
            return false;
        const bool ints = a.isInt() && b.isInt();
        const int c = ints ? (a.toInt() < b.toInt() ? -1 : a.toInt() > b.toInt() ? 1 : 0)
                           : (a.toDouble() < b.toDouble() ? -1 : a.toDouble() > b.toDouble() ? 1 : 0);
        switch (expr.op) {
        case BinaryOp::Lt: return c < 0;
        case BinaryOp::Gt: return c > 0;
        case BinaryOp::Le: return c <= 0;
        default: return c >= 0;
        }
    }
    case BinaryOp::Add:
        if (a.isNull() || b.isNull())
            return {};
        if (a.isString() || b.isString())
            return QString(a.toString() + b.toString());
        [[fallthrough]];
    default:
        if (!a.isNumber() || !b.isNumber())
            return {};
        return arithmetic(expr.op, a, b);
    }
}

} // namespace portico::vtl
