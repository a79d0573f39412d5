#pragma once

#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace AssetDesk::Sandbox {

// The fixed word lists demo assets are made of. Generated records hold indexes into these lists,
// so a free-text search over a million records compares small integers instead of strings.
// Every entry is one lower-case word (campaign names and people excepted), so "word" and
// "search token" mean the same thing.
class DamVocabulary
{
public:
    static const QStringList& words();
    static int wordCount() { return int(words().size()); }

    // Photographers: "First Last". The credit line of an asset is one of them.
    static const QStringList& photographers();
    // Campaign names (several words each).
    static const QStringList& campaigns();
    // Usage restrictions; index 0 is "no restriction" (empty).
    static const QStringList& usageRestrictions();

    // Index of a word, or -1. Case-insensitive.
    static int wordIndex(QStringView word);
    // Lower-case words of a text, split on anything that is not a letter or digit.
    static QStringList tokens(QStringView text);
};

} // namespace AssetDesk::Sandbox
