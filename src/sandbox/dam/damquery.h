#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk::Sandbox {

// Which assets a listing starts from. Ids are DamLayout indexes.
struct DamScope
{
    enum class Kind
    {
        All,
        Organization,
        Collection, // every regular gallery below the collection
        Gallery,    // a regular or a selects gallery
    };
    Kind kind = Kind::All;
    int id = -1;

    static DamScope all() { return {}; }
    static DamScope organization(int id) { return {Kind::Organization, id}; }
    static DamScope collection(int id) { return {Kind::Collection, id}; }
    static DamScope gallery(int id) { return {Kind::Gallery, id}; }
};

// A listing or search over the catalog, in service-neutral terms: the modules translate their
// query parameters (PhotoShelter's media_type, iconik's filter.terms...) into this. Every filter
// narrows (AND); list-valued filters match any of their values (OR). Masks hold one bit per enum
// value (1 << int(value)); 0 means "any".
struct DamQuery
{
    enum class Order
    {
        Created,
        Modified,
    };
    enum class Status
    {
        Active,  // what listings show
        Deleted, // iconik's delete queue
        Any,
    };

    DamScope scope;
    Order order = Order::Created;
    bool descending = false;
    Status status = Status::Active;

    quint32 mediaMask = 0;    // DamMediaType
    quint32 approvalMask = 0; // DamApproval
    quint32 rightsMask = 0;   // DamRightsCase
    QList<int> campaigns;     // DamVocabulary::campaigns() indexes; -1 = "no campaign"
    QList<int> photographers; // credit, DamVocabulary::photographers() indexes
    QList<int> keywords;      // DamVocabulary::words() indexes, any of them as a keyword
    QStringList titles;       // exact titles
    std::optional<bool> hasExpiry;
    std::optional<bool> hasUsageRestrictions;
    std::optional<bool> hasCampaign;
    QStringList text; // free-text tokens (lower case); every one must occur in title, caption,
                      // keywords, credit or campaign name
    bool matchNothing = false;

    // Inclusive bounds in ms since the epoch.
    std::optional<qint64> createdMin;
    std::optional<qint64> createdMax;
    std::optional<qint64> modifiedMin;
    std::optional<qint64> modifiedMax;

    // Whether anything must be evaluated record by record (beyond scope, status and times).
    bool hasPredicate() const
    {
        return matchNothing || mediaMask || approvalMask || rightsMask || !campaigns.isEmpty() ||
               !photographers.isEmpty() || !keywords.isEmpty() || !titles.isEmpty() || hasExpiry ||
               hasUsageRestrictions || hasCampaign || !text.isEmpty();
    }

    // Identifies the scope and the per-record predicate (not order, direction or times): the key
    // of the catalog's cached match counts.
    QString predicateSignature() const;
};

} // namespace AssetDesk::Sandbox
