#pragma once

#include <QDate>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

enum class DamMediaType : quint8
{
    Image,
    Video,
};

// The approval state as iconik names it (iconik.md §7); PhotoShelter renders it as a custom
// metadata field (see PhotoShelterResources).
enum class DamApproval : quint8
{
    None, // "N/A"
    Requested,
    Approved,
    NotApproved,
    Mixed,
};

enum class DamOrientation : quint8
{
    Landscape,
    Portrait,
    Square,
};

// Which licence-expiry case an asset was generated in. ExpiringSoon dates lie 1..29 days after
// the catalog's anchor day (the sandbox clock's UTC date at start-up), so "expiring within 30
// days" holds on the day the sandbox runs; Expired dates are before 2024, Valid ones after 2030.
enum class DamRightsCase : quint8
{
    NoExpiry,
    Expired,
    ExpiringSoon,
    Valid,
};

// Deliberately bad records for the clients' bad-input tests (DamFixtures says where they are).
enum class DamFixture : quint8
{
    None,
    HugeCaption,         // a 10 MiB caption
    TraversalFileName,   // "../../etc/passwd.jpg"
    AbsoluteFileName,    // "/absolute/path.jpg"
    ControlCharFileName, // newline, tab, BEL, ESC sequences in the name
    RtlOverrideFileName, // U+202E RIGHT-TO-LEFT OVERRIDE: "holiday\u202Egpj.exe" shows as "holidayexe.jpg"
    NumericTitle,        // the title is a JSON number
    UnparsableDates,     // creation / modification times that are not dates
    MissingFields,       // no title, no file name, no dimensions
    WrongTypes,          // keywords a string instead of a list, width a string, size negative
    UndecodableImage,    // renditions are served with an image content type but are not an image
    EnormousImage,       // declared 60000 x 60000; the renditions are a PNG whose header says so
};

// One asset, materialized: what the modules render. Base assets are generated from (seed, index)
// on demand; changed, deleted and added ones come from the catalog's overlay.
struct DamAsset
{
    qint64 index = -1;  // 0..size-1: generated; >= size: added after start-up
    int gallery = -1;   // the leaf container it was uploaded to (DamLayout gallery index)
    int organization = 0;
    DamMediaType mediaType = DamMediaType::Image;
    DamApproval approval = DamApproval::None;
    DamOrientation orientation = DamOrientation::Landscape;
    DamRightsCase rightsCase = DamRightsCase::NoExpiry;
    int width = 0;
    int height = 0;
    qint64 fileSize = 0;
    qint64 durationMs = 0; // videos
    QString title;
    QString caption;
    QStringList keywords;
    QString credit;
    QString copyright;
    int campaign = -1; // index into DamVocabulary::campaigns(), -1 = none
    QString campaignName;
    QString usageRestrictions;
    QString fileName;
    QDate licenceExpiry; // null: no expiry
    // Written back by a publishing client (IX4, PX2/IX2, PX3/PX7): iconik keeps them in metadata
    // fields, PhotoShelter takes campaign, audience segment and publish date on upload.
    QString lifecycle;       // "draft", "approved", "scheduled", "published", "archived"; empty: never set
    bool topPerformer = false;
    QString audienceSegment;
    QString publishDate;     // ISO 8601 as the client sent it
    QString externalId;      // iconik AssetCreateSchema external_id / external_link
    QString externalLink;
    QDateTime createdAt;
    QDateTime modifiedAt;
    QDateTime deletedAt;
    int versionCount = 1;
    int revision = 0; // metadata changes since it was generated (bumped by every modification)
    bool deleted = false;
    bool added = false;
    DamFixture fixture = DamFixture::None;

    QString mimeType() const
    {
        if (mediaType == DamMediaType::Video)
            return QStringLiteral("video/mp4");
        return fileName.endsWith(QLatin1String(".png")) ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
    }
};

QString damApprovalId(DamApproval approval); // "N/A", "REQUESTED", "APPROVED", "NOT_APPROVED", "MIXED"
QString damFixtureId(DamFixture fixture);    // "huge_caption", "traversal_file_name"...

} // namespace AssetDesk::Sandbox
