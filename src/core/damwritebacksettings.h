#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

class QSettings;

namespace AssetDesk {

// What AssetDesk writes back into the DAM accounts after publishing (IX4, PX2/IX2, PX3/PX7), per
// DAM account (in core: the settings page of the widgets layer edits it). Nothing is written for
// an account without an entry. Kept per workspace in QSettings as JSON (Settings → DAM
// write-back); the publisher and the write-back worker get a copy.
struct DamWriteBackSettings
{
    struct Target
    {
        // iconik: the metadata view that holds lifecycle_status, top_performer, publish_date,
        // audience_segment, campaign and description. Empty: no lifecycle / metadata writes.
        QString metadataViewId;
        // PhotoShelter gallery id or iconik collection id the published posts are archived into;
        // empty: no archive.
        QString archiveTarget;

        bool operator==(const Target&) const = default;
    };

    QHash<qint64, Target> accounts; // by DAM account id
    // An asset whose posts' engagement (likes, reposts, replies, quotes, bookmarks of each post's
    // latest sample, summed) reaches this is tagged once as a top performer. 0: off.
    qint64 topPerformerThreshold = 0;
    QString topPerformerKeyword = QStringLiteral("top-performer"); // PhotoShelter keyword
    QString audienceSegment;                                        // archive metadata when the post names none

    Target target(qint64 accountId) const { return accounts.value(accountId); }
    bool isEmpty() const { return accounts.isEmpty(); }

    QJsonObject toJson() const;
    static DamWriteBackSettings fromJson(const QJsonObject& json);

    // Under "publishing/damWriteBack/<workspace id>"; nothing stored: empty settings.
    static DamWriteBackSettings load(const QSettings& settings, const QString& workspaceId);
    void save(QSettings& settings, const QString& workspaceId) const;

    bool operator==(const DamWriteBackSettings&) const = default;
};

} // namespace AssetDesk
