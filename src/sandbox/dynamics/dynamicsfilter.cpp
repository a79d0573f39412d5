#include "sandbox/dynamics/dynamicsfilter.h"

#include "sandbox/dynamics/dynamicsfilterlexer.h"
#include "sandbox/dynamics/dynamicsschema.h"

#include <QDateTime>
#include <QList>

namespace AssetDesk::Sandbox {

struct DynamicsFilter::Node
{
    enum class Kind
    {
        And,
        Or,
        Not,
        Compare,
        Function
    };
    Kind kind = Kind::Compare;
    QString op;     // eq ne gt ge lt le, or the function name
    QString column;
    QJsonValue literal;
    bool literalIsDate = false;
    std::shared_ptr<const Node> left;
    std::shared_ptr<const Node> right;
};

namespace {

using Node = DynamicsFilter::Node;
using NodePtr = std::shared_ptr<const Node>;
using Token = DynamicsFilterToken;

QDateTime parseDate(const QString& text)
{
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid()) {
        const QDate d = QDate::fromString(text, Qt::ISODate);
        if (d.isValid())
            t = QDateTime(d, QTime(0, 0), Qt::UTC);
    }
    return t;
}

class Parser
{
public:
    Parser(QList<Token> tokens, const DynamicsTable& table)
        : m_tokens(std::move(tokens))
        , m_table(table)
    {}

    Result<NodePtr> parseAll()
    {
        auto root = orExpr();
        if (root.ok() && peek().type != Token::Type::End)
            return fail(QStringLiteral("Syntax error: unexpected '%1'.").arg(peek().text));
        return root;
    }

private:
    const Token& peek() const { return m_tokens.at(m_pos); }
    Token take() { return m_tokens.at(m_pos++); }
    bool takeWord(const char* word)
    {
        if (peek().type == Token::Type::Word && peek().text == QLatin1String(word)) {
            ++m_pos;
            return true;
        }
        return false;
    }
    static Error fail(const QString& message) { return Error(ErrorKind::Validation, message); }

    Result<NodePtr> binary(Node::Kind kind, const char* word, Result<NodePtr> (Parser::*next)())
    {
        auto left = (this->*next)();
        while (left.ok() && takeWord(word)) {
            auto right = (this->*next)();
            if (!right.ok())
                return right;
            auto n = std::make_shared<Node>();
            n->kind = kind;
            n->left = left.value();
            n->right = right.value();
            left = NodePtr(n);
        }
        return left;
    }
    Result<NodePtr> orExpr() { return binary(Node::Kind::Or, "or", &Parser::andExpr); }
    Result<NodePtr> andExpr() { return binary(Node::Kind::And, "and", &Parser::unary); }

    Result<NodePtr> unary()
    {
        if (takeWord("not")) {
            auto inner = unary();
            if (!inner.ok())
                return inner;
            auto n = std::make_shared<Node>();
            n->kind = Node::Kind::Not;
            n->left = inner.value();
            return NodePtr(n);
        }
        if (peek().type == Token::Type::Open) {
            take();
            auto inner = orExpr();
            if (!inner.ok())
                return inner;
            if (take().type != Token::Type::Close)
                return fail(QStringLiteral("Syntax error: ')' expected in $filter."));
            return inner;
        }
        return primary();
    }

    Result<QString> column()
    {
        const Token t = take();
        if (t.type != Token::Type::Word)
            return fail(QStringLiteral("Syntax error: a property name was expected, found '%1'.").arg(t.text));
        if (!m_table.hasColumn(t.text))
            return fail(QStringLiteral("Could not find a property named '%1' on type 'Microsoft.Dynamics.CRM.%2'.")
                            .arg(t.text, m_table.logicalName));
        return t.text;
    }

    Result<NodePtr> primary()
    {
        static const QStringList functions{QStringLiteral("contains"), QStringLiteral("startswith"),
                                           QStringLiteral("endswith")};
        if (peek().type == Token::Type::Word && m_tokens.at(m_pos + 1).type == Token::Type::Open) {
            const QString name = take().text;
            if (!functions.contains(name))
                return fail(QStringLiteral("The function '%1' is not supported by the sandbox's $filter.").arg(name));
            take();
            auto col = column();
            if (!col.ok())
                return col.error();
            if (take().type != Token::Type::Comma || peek().type != Token::Type::String)
                return fail(QStringLiteral("%1 expects (property, 'text').").arg(name));
            auto n = std::make_shared<Node>();
            n->kind = Node::Kind::Function;
            n->op = name;
            n->column = col.value();
            n->literal = take().text;
            if (take().type != Token::Type::Close)
                return fail(QStringLiteral("Syntax error: ')' expected after %1 arguments.").arg(name));
            return NodePtr(n);
        }
        auto col = column();
        if (!col.ok())
            return col.error();
        static const QStringList ops{QStringLiteral("eq"), QStringLiteral("ne"), QStringLiteral("gt"),
                                     QStringLiteral("ge"), QStringLiteral("lt"), QStringLiteral("le")};
        const Token op = take();
        if (op.type != Token::Type::Word || !ops.contains(op.text))
            return fail(QStringLiteral("Syntax error: a comparison operator was expected after '%1'.").arg(col.value()));
        auto n = std::make_shared<Node>();
        n->op = op.text;
        n->column = col.value();
        const Token lit = take();
        if (lit.type == Token::Type::String) {
            n->literal = lit.text;
        } else if (lit.type == Token::Type::Word && (lit.text == QLatin1String("true") || lit.text == QLatin1String("false"))) {
            n->literal = lit.text == QLatin1String("true");
        } else if (lit.type == Token::Type::Word && lit.text == QLatin1String("null")) {
            n->literal = QJsonValue::Null;
        } else if (lit.type == Token::Type::Value) {
            bool number = false;
            const double d = lit.text.toDouble(&number);
            if (number) {
                n->literal = d;
            } else if (parseDate(lit.text).isValid() && lit.text.size() <= 30 && lit.text.count(QLatin1Char('-')) == 2) {
                n->literal = lit.text;
                n->literalIsDate = true;
            } else {
                n->literal = lit.text; // a GUID
            }
        } else {
            return fail(QStringLiteral("Syntax error: a literal was expected after '%1 %2'.").arg(col.value(), op.text));
        }
        return NodePtr(n);
    }

    QList<Token> m_tokens;
    const DynamicsTable& m_table;
    qsizetype m_pos = 0;
};

int compareValues(const QJsonValue& v, const Node& n, bool* comparable)
{
    *comparable = true;
    if (n.literal.isDouble() && v.isDouble())
        return v.toDouble() < n.literal.toDouble() ? -1 : (v.toDouble() > n.literal.toDouble() ? 1 : 0);
    if (n.literal.isBool() && v.isBool())
        return int(v.toBool()) - int(n.literal.toBool());
    if (n.literal.isString() && v.isString()) {
        if (n.literalIsDate) {
            const QDateTime a = parseDate(v.toString());
            const QDateTime b = parseDate(n.literal.toString());
            if (a.isValid() && b.isValid())
                return a < b ? -1 : (a > b ? 1 : 0);
        }
        return v.toString().compare(n.literal.toString(), Qt::CaseInsensitive);
    }
    *comparable = false;
    return 0;
}

bool evaluate(const Node& n, const QJsonObject& row)
{
    switch (n.kind) {
    case Node::Kind::And:
        return evaluate(*n.left, row) && evaluate(*n.right, row);
    case Node::Kind::Or:
        return evaluate(*n.left, row) || evaluate(*n.right, row);
    case Node::Kind::Not:
        return !evaluate(*n.left, row);
    case Node::Kind::Function: {
        const QString v = row.value(n.column).toString();
        const QString needle = n.literal.toString();
        if (n.op == QLatin1String("contains"))
            return v.contains(needle, Qt::CaseInsensitive);
        if (n.op == QLatin1String("startswith"))
            return v.startsWith(needle, Qt::CaseInsensitive);
        return v.endsWith(needle, Qt::CaseInsensitive);
    }
    case Node::Kind::Compare:
        break;
    }
    const QJsonValue v = row.value(n.column);
    const bool isNull = v.isNull() || v.isUndefined();
    if (n.literal.isNull())
        return n.op == QLatin1String("eq") ? isNull : (n.op == QLatin1String("ne") ? !isNull : false);
    if (isNull)
        return n.op == QLatin1String("ne");
    bool comparable = false;
    const int c = compareValues(v, n, &comparable);
    if (n.op == QLatin1String("eq"))
        return comparable && c == 0;
    if (n.op == QLatin1String("ne"))
        return !comparable || c != 0;
    if (!comparable)
        return false;
    if (n.op == QLatin1String("gt"))
        return c > 0;
    if (n.op == QLatin1String("ge"))
        return c >= 0;
    if (n.op == QLatin1String("lt"))
        return c < 0;
    return c <= 0;
}

} // namespace

Result<DynamicsFilter> DynamicsFilter::parse(const QString& text, const DynamicsTable& table)
{
    auto tokens = DynamicsFilterToken::tokenize(text);
    if (!tokens.ok())
        return tokens.error();
    Parser parser(tokens.value(), table);
    auto root = parser.parseAll();
    if (!root.ok())
        return root.error();
    DynamicsFilter f;
    f.m_root = root.value();
    return f;
}

bool DynamicsFilter::matches(const QJsonObject& row) const
{
    return !m_root || evaluate(*m_root, row);
}

} // namespace AssetDesk::Sandbox
