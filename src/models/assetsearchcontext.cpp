#include "models/assetsearchcontext.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace AssetDesk {

namespace {
const QSet<QString>& stopWords()
{
    // Words of ticket subjects and case titles that never name a product or a picture.
    static const QSet<QString> words{
        QStringLiteral("the"), QStringLiteral("and"), QStringLiteral("for"), QStringLiteral("with"),
        QStringLiteral("from"), QStringLiteral("our"), QStringLiteral("your"), QStringLiteral("you"),
        QStringLiteral("need"), QStringLiteral("needed"), QStringLiteral("needs"), QStringLiteral("please"),
        QStringLiteral("request"), QStringLiteral("requested"), QStringLiteral("urgent"), QStringLiteral("asap"),
        QStringLiteral("can"), QStringLiteral("cannot"), QStringLiteral("can't"), QStringLiteral("not"),
        QStringLiteral("help"), QStringLiteral("issue"), QStringLiteral("problem"), QStringLiteral("about"),
        QStringLiteral("this"), QStringLiteral("that"), QStringLiteral("new"), QStringLiteral("get"),
        QStringLiteral("send"), QStringLiteral("some"), QStringLiteral("any"), QStringLiteral("are"),
        QStringLiteral("was"), QStringLiteral("has"), QStringLiteral("have"), QStringLiteral("into"),
        QStringLiteral("access"), QStringLiteral("images"), QStringLiteral("image"), QStringLiteral("photos"),
        QStringLiteral("assets"), QStringLiteral("files"), QStringLiteral("file"), QStringLiteral("by"),
        QStringLiteral("before"), QStringLiteral("after"), QStringLiteral("today"), QStringLiteral("tomorrow"),
        QStringLiteral("re"), QStringLiteral("fwd"), QStringLiteral("deadline"), QStringLiteral("press"),
        QStringLiteral("media"), QStringLiteral("campaign"), QStringLiteral("photo")};
    return words;
}

void addUnique(QStringList& terms, const QString& term)
{
    const QString t = term.trimmed();
    if (!t.isEmpty() && !terms.contains(t, Qt::CaseInsensitive))
        terms << t;
}
} // namespace

QStringList AssetSearchContext::words(const QString& text)
{
    static const QRegularExpression nonWord(QStringLiteral("[^\\p{L}\\p{N}']+"));
    QStringList out;
    for (const QString& raw : text.toLower().split(nonWord, Qt::SkipEmptyParts)) {
        const QString word = raw;
        // "3pm", "2026", "10x": times, dates and sizes name no asset.
        if (word.size() >= 3 && !word.front().isDigit() && !stopWords().contains(word) && !out.contains(word))
            out << word;
    }
    return out;
}

bool AssetSearchContext::isWorkflowTag(const QString& tag)
{
    static const QRegularExpression workflow(
        QStringLiteral("(^|[_-])(request|requests|urgent|press|vip|executive|access|problem|followup|follow|"
                       "escalated|priority|sla|solved|pending|spam|zendesk|macro|web|email|api)([_-]|$)"),
        QRegularExpression::CaseInsensitiveOption);
    return workflow.match(tag).hasMatch();
}

QStringList AssetSearchContext::forTicket(const Ticket& ticket)
{
    QStringList terms;
    addUnique(terms, ticket.organization);
    for (const QString& word : words(ticket.subject))
        addUnique(terms, word);
    for (const QString& tag : ticket.tags) {
        if (isWorkflowTag(tag))
            continue;
        // A tag that only repeats words of the subject adds nothing ("trail_runner").
        const QStringList tagWords = words(QString(tag).replace(QLatin1Char('_'), QLatin1Char(' ')));
        const bool known = std::all_of(tagWords.begin(), tagWords.end(),
                                       [&terms](const QString& w) { return terms.contains(w, Qt::CaseInsensitive); });
        if (!tagWords.isEmpty() && !known)
            addUnique(terms, tagWords.join(QLatin1Char(' ')));
    }
    return terms;
}

QStringList AssetSearchContext::forCase(const SupportCase& supportCase)
{
    QStringList terms;
    addUnique(terms, supportCase.customerName);
    for (const QString& word : words(supportCase.title))
        addUnique(terms, word);
    return terms;
}

} // namespace AssetDesk
