#include "sandbox/demodata.h"

#include <algorithm>

namespace AssetDesk::Sandbox {

namespace {

const QStringList& firstNames()
{
    static const QStringList names{
        QStringLiteral("Ada"),      QStringLiteral("Bruno"),   QStringLiteral("Chiara"),
        QStringLiteral("Dmitri"),   QStringLiteral("Elena"),   QStringLiteral("Farid"),
        QStringLiteral("Greta"),    QStringLiteral("Hiro"),    QStringLiteral("Ines"),
        QStringLiteral("Jonas"),    QStringLiteral("Keiko"),   QStringLiteral("Lars"),
        QStringLiteral("Maya"),     QStringLiteral("Nils"),    QStringLiteral("Olga"),
        QStringLiteral("Pablo"),    QStringLiteral("Quinn"),   QStringLiteral("Rosa"),
        QStringLiteral("Sven"),     QStringLiteral("Tomoko"),  QStringLiteral("Ulrich"),
        QStringLiteral("Valeria"),  QStringLiteral("Wen"),     QStringLiteral("Xavier"),
        QStringLiteral("Yara"),     QStringLiteral("Zoltan"),  QStringLiteral("Amara"),
        QStringLiteral("Benedikt"), QStringLiteral("Camille"), QStringLiteral("Daichi"),
        QStringLiteral("Emil"),     QStringLiteral("Freya"),
    };
    return names;
}

const QStringList& lastNames()
{
    static const QStringList names{
        QStringLiteral("Andersen"), QStringLiteral("Becker"),   QStringLiteral("Costa"),
        QStringLiteral("Dubois"),   QStringLiteral("Eriksson"), QStringLiteral("Fischer"),
        QStringLiteral("Garcia"),   QStringLiteral("Hoffmann"), QStringLiteral("Ito"),
        QStringLiteral("Jansen"),   QStringLiteral("Kowalski"), QStringLiteral("Lindqvist"),
        QStringLiteral("Moreau"),   QStringLiteral("Nakamura"), QStringLiteral("Okafor"),
        QStringLiteral("Petrov"),   QStringLiteral("Quispe"),   QStringLiteral("Rossi"),
        QStringLiteral("Schmidt"),  QStringLiteral("Tanaka"),   QStringLiteral("Uddin"),
        QStringLiteral("Vogel"),    QStringLiteral("Weber"),    QStringLiteral("Yamamoto"),
        QStringLiteral("Zhang"),    QStringLiteral("Almeida"),  QStringLiteral("Brandt"),
        QStringLiteral("Castillo"),
    };
    return names;
}

const QStringList& wordList()
{
    static const QStringList words{
        QStringLiteral("harbor"),   QStringLiteral("summit"),   QStringLiteral("festival"),
        QStringLiteral("launch"),   QStringLiteral("studio"),   QStringLiteral("portrait"),
        QStringLiteral("skyline"),  QStringLiteral("autumn"),   QStringLiteral("campaign"),
        QStringLiteral("product"),  QStringLiteral("team"),     QStringLiteral("stadium"),
        QStringLiteral("river"),    QStringLiteral("market"),   QStringLiteral("concert"),
        QStringLiteral("workshop"), QStringLiteral("coast"),    QStringLiteral("bridge"),
        QStringLiteral("garden"),   QStringLiteral("night"),    QStringLiteral("morning"),
        QStringLiteral("press"),    QStringLiteral("keynote"),  QStringLiteral("booth"),
        QStringLiteral("winter"),   QStringLiteral("spring"),   QStringLiteral("summer"),
        QStringLiteral("harvest"),  QStringLiteral("mountain"), QStringLiteral("city"),
        QStringLiteral("crowd"),    QStringLiteral("stage"),    QStringLiteral("lights"),
        QStringLiteral("design"),   QStringLiteral("release"),  QStringLiteral("partner"),
        QStringLiteral("customer"), QStringLiteral("support"),  QStringLiteral("update"),
        QStringLiteral("preview"),  QStringLiteral("archive"),  QStringLiteral("gallery"),
        QStringLiteral("detail"),   QStringLiteral("aerial"),   QStringLiteral("macro"),
        QStringLiteral("color"),    QStringLiteral("mono"),     QStringLiteral("story"),
    };
    return words;
}

const QStringList& companySuffixes()
{
    static const QStringList s{QStringLiteral("GmbH"),   QStringLiteral("Ltd"),  QStringLiteral("Inc."),
                               QStringLiteral("KK"),     QStringLiteral("AB"),   QStringLiteral("S.A."),
                               QStringLiteral("Studio"), QStringLiteral("Group")};
    return s;
}

const QList<DemoData::Place>& places()
{
    static const QList<DemoData::Place> p{
        {QStringLiteral("Berlin"), QStringLiteral("Germany"), QStringLiteral("EMEA")},
        {QStringLiteral("Tokyo"), QStringLiteral("Japan"), QStringLiteral("APAC")},
        {QStringLiteral("Lisbon"), QStringLiteral("Portugal"), QStringLiteral("EMEA")},
        {QStringLiteral("Oslo"), QStringLiteral("Norway"), QStringLiteral("EMEA")},
        {QStringLiteral("Austin"), QStringLiteral("United States"), QStringLiteral("AMER")},
        {QStringLiteral("Lyon"), QStringLiteral("France"), QStringLiteral("EMEA")},
        {QStringLiteral("Osaka"), QStringLiteral("Japan"), QStringLiteral("APAC")},
        {QStringLiteral("Munich"), QStringLiteral("Germany"), QStringLiteral("EMEA")},
        {QStringLiteral("Toronto"), QStringLiteral("Canada"), QStringLiteral("AMER")},
        {QStringLiteral("Seville"), QStringLiteral("Spain"), QStringLiteral("EMEA")},
        {QStringLiteral("Malmö"), QStringLiteral("Sweden"), QStringLiteral("EMEA")},
        {QStringLiteral("Nairobi"), QStringLiteral("Kenya"), QStringLiteral("EMEA")}};
    return p;
}

} // namespace

DemoData::DemoData(quint64 seed, QStringView stream)
    : m_random(SplitMix64::derive(seed, stream))
{}

qint64 DemoData::between(qint64 low, qint64 high)
{
    if (high <= low)
        return low;
    return low + qint64(m_random.nextBelow(quint64(high - low) + 1));
}

QString DemoData::firstName()
{
    return pick(firstNames());
}

QString DemoData::lastName()
{
    return pick(lastNames());
}

QString DemoData::word()
{
    return pick(wordList());
}

QString DemoData::words(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << word();
    return out.join(QLatin1Char(' '));
}

QString DemoData::sentence(int minWords, int maxWords)
{
    QString s = words(int(between(minWords, maxWords)));
    if (!s.isEmpty())
        s[0] = s.at(0).toUpper();
    return s + QLatin1Char('.');
}

QString DemoData::companyName()
{
    QString w = word();
    w[0] = w.at(0).toUpper();
    return w + QLatin1Char(' ') + lastName() + QLatin1Char(' ') + pick(companySuffixes());
}

QString DemoData::city()
{
    return place().city;
}

const DemoData::Place& DemoData::place()
{
    return pick(places());
}

QString DemoData::fromAlphabet(QStringView alphabet, int length)
{
    QString out;
    out.reserve(length);
    for (int i = 0; i < length; ++i)
        out += alphabet.at(qsizetype(m_random.nextBelow(quint64(alphabet.size()))));
    return out;
}

QString DemoData::alphanumeric(int length)
{
    return fromAlphabet(u"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", length);
}

QString DemoData::hex(int length)
{
    return fromAlphabet(u"0123456789abcdef", length);
}

QString DemoData::digits(int length)
{
    if (length <= 0)
        return {};
    return fromAlphabet(u"123456789", 1) + fromAlphabet(u"0123456789", length - 1);
}

QUuid DemoData::uuid()
{
    const quint64 a = next();
    const quint64 b = next();
    // Version 4 / variant 1 bits, so it looks like any other random UUID.
    return QUuid(uint(a >> 32), ushort(a >> 16), ushort((a & 0x0fff) | 0x4000),
                 uchar(((b >> 56) & 0x3f) | 0x80), uchar(b >> 48), uchar(b >> 40), uchar(b >> 32),
                 uchar(b >> 24), uchar(b >> 16), uchar(b >> 8), uchar(b));
}

QDateTime DemoData::dateTimeBetween(const QDateTime& from, const QDateTime& to)
{
    const qint64 a = from.toSecsSinceEpoch();
    const qint64 b = to.toSecsSinceEpoch();
    return QDateTime::fromSecsSinceEpoch(between(std::min(a, b), std::max(a, b)), Qt::UTC);
}

QString DemoData::email(const QString& first, const QString& last, const QString& domain)
{
    auto ascii = [](const QString& s) {
        QString out;
        for (const QChar c : s.normalized(QString::NormalizationForm_D)) {
            if (c.unicode() < 128 && c.isLetterOrNumber())
                out += c.toLower();
        }
        return out;
    };
    return ascii(first) + QLatin1Char('.') + ascii(last) + QLatin1Char('@') + domain;
}

} // namespace AssetDesk::Sandbox
