#include "core/xposttext.h"

#include <QSet>

#include <algorithm>

namespace AssetDesk {

namespace {

constexpr int kScale = 100;
constexpr int kDefaultWeight = 200;
constexpr int kEmojiWeight = 200;

struct WeightRange
{
    char32_t first;
    char32_t last;
    int weight;
};
constexpr WeightRange kRanges[] = {
    {0x0000, 0x10FF, 100}, {0x2000, 0x200D, 100}, {0x2010, 0x201F, 100}, {0x2032, 0x2037, 100}};

constexpr char16_t kZwj = 0x200D;
constexpr char16_t kVs16 = 0xFE0F;
constexpr char16_t kKeycap = 0x20E3;

// The TLDs a bare domain (no http://) may end in: every two-letter country code and the common
// generic TLDs. X links more (all of IANA's list); a domain missing here only counts its own
// length, which errs on the side of "too long", never lets a too-long post through unnoticed.
const QSet<QString>& countryTlds()
{
    static const QSet<QString> tlds = [] {
        QSet<QString> set;
        const QString codes = QStringLiteral("ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be "
                                             "bf bg bh bi bj bm bn bo br bs bt bw "
                                             "by bz ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz "
                                             "de dj dk dm do dz ec ee eg er es et "
                                             "eu fi fj fk fm fo fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr "
                                             "gs gt gu gw gy hk hm hn hr ht hu id "
                                             "ie il im in io iq ir is it je jm jo jp ke kg kh ki km kn kp kr "
                                             "kw ky kz la lb lc li lk lr ls lt lu "
                                             "lv ly ma mc md me mg mh mk ml mm mn mo mp mq mr ms mt mu mv mw "
                                             "mx my mz na nc ne nf ng ni nl no np "
                                             "nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw py qa re ro "
                                             "rs ru rw sa sb sc sd se sg sh si sk "
                                             "sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm "
                                             "tn to tr tt tv tw tz ua ug uk us uy "
                                             "uz va vc ve vg vi vn vu wf ws ye yt za zm zw");
        for (const QString& code : codes.split(QLatin1Char(' ')))
            set.insert(code);
        return set;
    }();
    return tlds;
}

const QSet<QString>& genericTlds()
{
    static const QSet<QString> tlds = [] {
        QSet<QString> set;
        const QString names = QStringLiteral(
            "com net org edu gov mil int arpa info biz name pro aero asia cat coop jobs mobi museum post tel "
            "travel xxx app dev page blog shop store online site website xyz tech media news art club design "
            "cloud digital email group live agency studio space world today life network social video photo "
            "photos photography pics gallery events link top vip win fun one global solutions services "
            "company business center city games green guru house ink land legal lol love market money ninja "
            "party pink plus pub run school science software support team tips tools town wiki work works "
            "zone africa berlin london nyc paris tokyo amsterdam swiss bayern wien scot wales eus quebec");
        for (const QString& name : names.split(QLatin1Char(' ')))
            set.insert(name);
        return set;
    }();
    return tlds;
}

bool isKnownTld(const QString& label)
{
    const QString tld = label.toLower();
    return countryTlds().contains(tld) || genericTlds().contains(tld);
}

char32_t codePointAt(const QString& s, qsizetype i)
{
    const QChar c = s.at(i);
    if (c.isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return QChar::surrogateToUcs4(c, s.at(i + 1));
    return c.unicode();
}

qsizetype codePointSize(char32_t cp)
{
    return cp > 0xFFFF ? 2 : 1;
}

bool isPictographic(char32_t cp)
{
    // A compact cover of Unicode's Extended_Pictographic property.
    switch (cp) {
    case 0x00A9:
    case 0x00AE:
    case 0x203C:
    case 0x2049:
    case 0x2122:
    case 0x2139:
    case 0x2328:
    case 0x2388:
    case 0x23CF:
    case 0x24C2:
    case 0x25B6:
    case 0x25C0:
    case 0x2B50:
    case 0x2B55:
    case 0x3030:
    case 0x303D:
    case 0x3297:
    case 0x3299:
        return true;
    default:
        break;
    }
    return (cp >= 0x2194 && cp <= 0x2199) || (cp >= 0x21A9 && cp <= 0x21AA) ||
           (cp >= 0x231A && cp <= 0x231B) || (cp >= 0x23E9 && cp <= 0x23F3) ||
           (cp >= 0x23F8 && cp <= 0x23FA) || (cp >= 0x25AA && cp <= 0x25AB) ||
           (cp >= 0x25FB && cp <= 0x25FE) || (cp >= 0x2600 && cp <= 0x27BF) ||
           (cp >= 0x2934 && cp <= 0x2935) || (cp >= 0x2B05 && cp <= 0x2B07) ||
           (cp >= 0x2B1B && cp <= 0x2B1C) ||
           (cp >= 0x1F000 && cp <= 0x1FAFF && !(cp >= 0x1F1E6 && cp <= 0x1F1FF) &&
            !(cp >= 0x1F3FB && cp <= 0x1F3FF));
}

bool isRegionalIndicator(char32_t cp)
{
    return cp >= 0x1F1E6 && cp <= 0x1F1FF;
}
bool isSkinTone(char32_t cp)
{
    return cp >= 0x1F3FB && cp <= 0x1F3FF;
}
bool isTag(char32_t cp)
{
    return cp >= 0xE0020 && cp <= 0xE007F;
}

// The end of the emoji sequence starting at `i`, or `i` when none starts there.
qsizetype emojiEnd(const QString& s, qsizetype i)
{
    const char32_t first = codePointAt(s, i);
    qsizetype j = i + codePointSize(first);
    if (isRegionalIndicator(first)) {
        if (j < s.size() && isRegionalIndicator(codePointAt(s, j)))
            return j + 2;
        return j;
    }
    if ((first >= '0' && first <= '9') || first == '#' || first == '*') {
        if (j < s.size() && s.at(j) == kVs16)
            ++j;
        return j < s.size() && s.at(j) == kKeycap ? j + 1 : i;
    }
    if (!isPictographic(first) && !isSkinTone(first))
        return i;
    while (j < s.size()) {
        const char32_t cp = codePointAt(s, j);
        if (cp == kVs16 || isSkinTone(cp) || isTag(cp)) {
            j += codePointSize(cp);
            continue;
        }
        if (cp == kZwj && j + 1 < s.size()) {
            const char32_t next = codePointAt(s, j + 1);
            if (isPictographic(next)) {
                j += 1 + codePointSize(next);
                continue;
            }
        }
        break;
    }
    return j;
}

bool isInvalidCharacter(char32_t cp)
{
    return cp == 0xFFFE || cp == 0xFEFF || cp == 0xFFFF;
}

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9');
}

bool isHostChar(QChar c, bool allowUnicode)
{
    if (isAsciiAlnum(c) || c == QLatin1Char('-') || c == QLatin1Char('_'))
        return true;
    // Internationalised hosts: any letter, digit or symbol ("http://☃.net"), not punctuation.
    return allowUnicode && c.unicode() > 0x7F && !c.isSpace() && !c.isPunct() &&
           c.category() != QChar::Other_Control && c.category() != QChar::Other_Format;
}

// A URL may not follow these directly (a word, an @mention's domain, a $cashtag or #hashtag, or
// the bidi controls); a bare domain not after the joiners of a longer token either
// ("http://www.-domain.com" is no link, and neither is its "domain.com").
bool blocksUrlStart(QChar c, bool bare)
{
    if (bare && QStringLiteral("-_./:").contains(c))
        return true;
    return c.isLetterOrNumber() || c == QLatin1Char('@') || c == QChar(0xFF20) || c == QLatin1Char('$') ||
           c == QLatin1Char('#') || c == QChar(0xFF03) || (c.unicode() >= 0x202A && c.unicode() <= 0x202E);
}

bool isIpv4(const QStringList& labels)
{
    if (labels.size() != 4)
        return false;
    for (const QString& label : labels) {
        bool ok = false;
        const int value = label.toInt(&ok);
        if (!ok || label.size() > 3 || value < 0 || value > 255)
            return false;
    }
    return true;
}

bool isValidLabel(const QString& label, bool subdomain)
{
    if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) ||
        label.endsWith(QLatin1Char('-')))
        return false;
    return subdomain || !label.contains(QLatin1Char('_'));
}

// The end of the host starting at `i`, or -1. With a protocol any alphabetic TLD (or an IPv4
// address) will do; without one the TLD must be known and the host ASCII.
qsizetype hostEnd(const QString& s, qsizetype i, bool withProtocol)
{
    QStringList labels;
    QList<qsizetype> ends;
    qsizetype j = i;
    while (j < s.size()) {
        const qsizetype start = j;
        while (j < s.size() && isHostChar(s.at(j), withProtocol))
            ++j;
        if (j == start)
            break;
        labels.append(s.mid(start, j - start));
        ends.append(j);
        if (j + 1 < s.size() && s.at(j) == QLatin1Char('.') && isHostChar(s.at(j + 1), withProtocol))
            ++j;
        else
            break;
    }
    if (withProtocol && isIpv4(labels))
        return ends.last();
    // The longest run of labels that ends in an acceptable TLD ("example.com.Next" is example.com).
    for (qsizetype n = labels.size(); n >= 2; --n) {
        const QString& tld = labels.at(n - 1);
        bool tldOk = withProtocol ? std::all_of(tld.begin(), tld.end(),
                                                [](QChar c) { return c.isLetter() || c.isSurrogate(); }) &&
                                        tld.size() >= 2
                                  : isKnownTld(tld);
        tldOk = tldOk || tld.startsWith(QLatin1String("xn--"), Qt::CaseInsensitive);
        if (!tldOk)
            continue;
        bool labelsOk = true;
        for (qsizetype k = 0; k < n && labelsOk; ++k)
            labelsOk = isValidLabel(labels.at(k), k < n - 2);
        if (!labelsOk)
            return -1;
        const qsizetype end = ends.at(n - 1);
        if (end < s.size() && (s.at(end) == QLatin1Char('@') || s.at(end) == QLatin1Char('+')))
            return -1;
        // A bare second-level domain under a country code ("done.It") is prose, not a link,
        // unless a path follows; t.co is the exception.
        if (!withProtocol && n == 2 && countryTlds().contains(tld.toLower()) &&
            !(end < s.size() && s.at(end) == QLatin1Char('/')) &&
            labels.at(0).compare(QLatin1String("t"), Qt::CaseInsensitive) != 0)
            return -1;
        return end;
    }
    return -1;
}

bool isPathChar(QChar c)
{
    if (c.isSpace() || c.category() == QChar::Other_Control)
        return false;
    static const QString excluded = QStringLiteral("\"<>{}|\\^`");
    return !excluded.contains(c);
}

bool isPathEnd(QChar c)
{
    static const QString allowed = QStringLiteral("=_#/+-&");
    return c.isLetterOrNumber() || c.isSurrogate() || allowed.contains(c);
}

// Port and path after the host; trailing punctuation belongs to the sentence, not the URL.
qsizetype urlEnd(const QString& s, qsizetype host)
{
    qsizetype j = host;
    if (j + 1 < s.size() && s.at(j) == QLatin1Char(':') && s.at(j + 1).isDigit()) {
        ++j;
        while (j < s.size() && s.at(j).isDigit())
            ++j;
    }
    if (j >= s.size() ||
        !(s.at(j) == QLatin1Char('/') || s.at(j) == QLatin1Char('?') || s.at(j) == QLatin1Char('#')))
        return j;
    const qsizetype pathStart = j;
    while (j < s.size() && isPathChar(s.at(j)))
        ++j;
    while (j > pathStart) {
        const QChar last = s.at(j - 1);
        if (last == QLatin1Char(')')) {
            const QStringView path = QStringView(s).mid(pathStart, j - pathStart);
            if (path.count(QLatin1Char('(')) >= path.count(QLatin1Char(')')))
                break;
        } else if (isPathEnd(last) || j - 1 == pathStart) {
            break;
        }
        --j;
    }
    return j;
}

bool startsWithProtocol(const QString& s, qsizetype i, qsizetype* length)
{
    for (const QLatin1String proto : {QLatin1String("https://"), QLatin1String("http://")}) {
        if (QStringView(s).mid(i, proto.size()).compare(proto, Qt::CaseInsensitive) == 0) {
            *length = proto.size();
            return true;
        }
    }
    return false;
}

QList<XTextSpan> findUrls(const QString& s)
{
    QList<XTextSpan> urls;
    qsizetype i = 0;
    while (i < s.size()) {
        if (i > 0 && blocksUrlStart(s.at(i - 1), false)) {
            ++i;
            continue;
        }
        qsizetype protoLength = 0;
        const bool protocol = startsWithProtocol(s, i, &protoLength);
        if (protocol) {
            const qsizetype host = hostEnd(s, i + protoLength, true);
            if (host > 0) {
                const qsizetype end = urlEnd(s, host);
                urls.append({i, end - i});
                i = end;
                continue;
            }
        } else if (isAsciiAlnum(s.at(i)) && !(i > 0 && blocksUrlStart(s.at(i - 1), true))) {
            const qsizetype host = hostEnd(s, i, false);
            if (host > 0) {
                const qsizetype end = urlEnd(s, host);
                urls.append({i, end - i});
                i = end;
                continue;
            }
        }
        ++i;
    }
    return urls;
}

// Maps an index of the NFC form back to the text as typed: the longest prefix of `text` whose
// NFC form is no longer than `normalisedIndex` (NFC of a longer prefix is never shorter), so a
// combining mark stays with the letter before it.
qsizetype toOriginalIndex(const QString& text, qsizetype normalisedIndex)
{
    qsizetype low = 0;
    qsizetype high = text.size();
    while (low < high) {
        const qsizetype mid = (low + high + 1) / 2;
        if (text.left(mid).normalized(QString::NormalizationForm_C).size() <= normalisedIndex)
            low = mid;
        else
            high = mid - 1;
    }
    return low;
}

struct Scan
{
    int weighted = 0; // scaled by kScale
    qsizetype validEnd = 0;
    bool invalidCharacter = false;
    QList<XTextSpan> urls;
};

Scan scan(const QString& n)
{
    Scan result;
    result.urls = findUrls(n);
    const int limit = XPostText::kMaxWeightedLength * kScale;
    qsizetype urlIndex = 0;
    qsizetype i = 0;
    while (i < n.size()) {
        qsizetype next = i;
        int weight = 0;
        if (urlIndex < result.urls.size() && result.urls.at(urlIndex).start == i) {
            weight = XPostText::kUrlLength * kScale;
            next = result.urls.at(urlIndex).end();
            ++urlIndex;
        } else {
            const qsizetype emoji = emojiEnd(n, i);
            const char32_t cp = codePointAt(n, i);
            if (emoji > i + codePointSize(cp)) {
                weight = kEmojiWeight;
                next = emoji;
            } else {
                weight = XPostText::codePointWeight(cp) * kScale;
                next = i + codePointSize(cp);
                result.invalidCharacter = result.invalidCharacter || isInvalidCharacter(cp);
            }
        }
        result.weighted += weight;
        if (!result.invalidCharacter && result.weighted <= limit)
            result.validEnd = next;
        i = next;
    }
    return result;
}

} // namespace

int XPostText::codePointWeight(char32_t codePoint)
{
    for (const WeightRange& range : kRanges) {
        if (codePoint >= range.first && codePoint <= range.last)
            return range.weight / kScale;
    }
    return kDefaultWeight / kScale;
}

XPostText::Count XPostText::count(const QString& text)
{
    Count result;
    const QString normalised = text.normalized(QString::NormalizationForm_C);
    const Scan scanned = scan(normalised);
    result.weightedLength = scanned.weighted / kScale;
    result.valid =
        !text.trimmed().isEmpty() && !scanned.invalidCharacter && result.weightedLength <= kMaxWeightedLength;
    const bool same = normalised == text;
    auto original = [&](qsizetype index) {
        return same ? index : toOriginalIndex(text, index);
    };
    if (scanned.validEnd < normalised.size()) {
        const qsizetype start = original(scanned.validEnd);
        result.overLimit.append({start, text.size() - start});
    }
    for (const XTextSpan& url : scanned.urls) {
        const qsizetype start = original(url.start);
        result.urls.append({start, original(url.end()) - start});
    }
    return result;
}

QList<XTextSpan> XPostText::urls(const QString& text)
{
    return count(text).urls;
}

QString XPostText::truncatedToFit(const QString& text, int maxWeighted)
{
    const QString trimmed = text.trimmed();
    const Count full = count(trimmed);
    if (full.weightedLength <= maxWeighted)
        return trimmed;
    const QString ellipsis = QStringLiteral("…");
    // Nothing from the first character past the limit on can stay; start there and back off to
    // whitespace (a text without any is cut inside its word) until the text and "…" fit.
    qsizetype cut = full.overLimit.isEmpty() ? trimmed.size() : full.overLimit.first().start;
    while (cut > 0) {
        qsizetype end = cut;
        while (end > 0 && !trimmed.at(end - 1).isSpace())
            --end;
        if (end == 0) {
            end = cut - 1;
            if (end > 0 && trimmed.at(end - 1).isHighSurrogate())
                --end;
        }
        const QString candidate = trimmed.left(end).trimmed() + ellipsis;
        if (weightedLength(candidate) <= maxWeighted)
            return candidate;
        // Next try ends before the whitespace in front of this one (always further left).
        cut = end;
        while (cut > 0 && trimmed.at(cut - 1).isSpace())
            --cut;
    }
    return weightedLength(ellipsis) <= maxWeighted ? ellipsis : QString();
}

} // namespace AssetDesk
