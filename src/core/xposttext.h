#pragma once

#include <QList>
#include <QString>

namespace AssetDesk {

// A span of a post's text in QString (UTF-16) indexes of the text as the user typed it.
struct XTextSpan
{
    qsizetype start = 0;
    qsizetype length = 0;

    qsizetype end() const { return start + length; }
    bool operator==(const XTextSpan&) const = default;
};

// How X counts a post's text: twitter-text's v3 configuration (the one X's own clients use).
// - The text is NFC-normalised first.
// - Every code point weighs 200 except those in the ranges of weight 100: U+0000–U+10FF (Latin to
//   Georgian), U+2000–U+200D (spaces), U+2010–U+201F (dashes, quotes), U+2032–U+2037 (primes);
//   the total is divided by the scale 100. So CJK and most symbols count 2, Latin 1.
// - A URL counts 23 (t.co's length) whatever its own length.
// - An emoji sequence (modifiers, ZWJ, keycaps, flags, tags) counts 2 like one emoji.
// - The limit is 280; an empty text, or one with U+FFFE, U+FEFF or U+FFFF, is not valid.
//
// The recognisers are compact, not twitter-text's generated regular expressions:
// - URLs: http:// or https:// followed by a host whose labels are letters, digits, '-' (not at
//   either end) and, in subdomains, '_' (each label at most 63 characters, the last alphabetic),
//   or an IPv4 address; and bare ASCII domains ending in a known TLD (every two-letter country
//   code and the common generic TLDs, see xposttext.cpp), not preceded by a letter, digit, '@',
//   '$', '#' or '.'. Then an optional port and a path/query/fragment; trailing punctuation
//   (".,:;!?'\"" and an unbalanced ')') is not part of the URL.
// - Emoji: a pictographic code point (U+00A9, U+00AE, U+203C… U+3299 pictographs, U+1F000–U+1FAFF)
//   followed by U+FE0F, skin tone modifiers, tag characters, or U+200D and another pictograph;
//   a pair of regional indicators (a flag); a keycap ([0-9#*] U+FE0F? U+20E3). A single code
//   point is weighed by the ranges (so "©" alone counts 1, "©️" with U+FE0F counts 2).
// Pure functions; any thread.
class XPostText
{
public:
    static constexpr int kMaxWeightedLength = 280;
    static constexpr int kUrlLength = 23;

    struct Count
    {
        int weightedLength = 0;
        bool valid = false;
        // The characters past the limit (empty when the text fits), for highlighting.
        QList<XTextSpan> overLimit;
        // The URLs found, each counted as kUrlLength.
        QList<XTextSpan> urls;

        int remaining() const { return kMaxWeightedLength - weightedLength; }
    };

    static Count count(const QString& text);

    static int weightedLength(const QString& text) { return count(text).weightedLength; }
    static int remaining(const QString& text) { return count(text).remaining(); }
    static bool isValid(const QString& text) { return count(text).valid; }
    static QList<XTextSpan> overLimitRanges(const QString& text) { return count(text).overLimit; }
    // The URLs of `text` (indexes into `text` itself, which is not normalised).
    static QList<XTextSpan> urls(const QString& text);

    // The weight of one code point outside URLs and emoji sequences (1 or 2).
    static int codePointWeight(char32_t codePoint);

    // `text` cut at a whitespace so that it fits in `maxWeighted`, with "…" when cut. Used for
    // starting texts built from DAM captions.
    static QString truncatedToFit(const QString& text, int maxWeighted = kMaxWeightedLength);
};

} // namespace AssetDesk
