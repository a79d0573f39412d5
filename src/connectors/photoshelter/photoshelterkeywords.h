#pragma once

#include "core/result.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>

namespace AssetDesk {

class HttpClient;
struct Account;

// A media item's IPTC keywords in PhotoShelter, read and extended (the top-performer tag, PX2).
//   read    GET   /psapi/v4.0/media/{id}/metadata -> data.attributes.iptc.keyword ("a, b, c";
//                 photoshelter.md §5: the v3 Iptc `keyword` is a comma-separated string)
//   write   PATCH /psapi/v4.0/media/{id}/metadata {"data":{"type":"metadata","attributes":
//                 {"iptc":{"keyword":"a, b, c"}}}} - no v4 write path is documented; the shape
//                 mirrors the read (the emulator's). PhotoShelter keeps the keywords of a media
//                 item as one string, so a write sends all of them.
// Lives on the connector's thread; callbacks on `context`'s thread.
class PhotoShelterKeywords : public QObject
{
    Q_OBJECT
public:
    PhotoShelterKeywords(const Account& account, HttpClient* http, QObject* parent = nullptr);

    void keywords(const QString& mediaId, QObject* context, std::function<void(Result<QStringList>)> done);
    // Adds `keyword` unless the media item has it already (compared case-insensitively); reports
    // whether it wrote. Safe to repeat: the second run finds the keyword and writes nothing.
    void addKeyword(const QString& mediaId, const QString& keyword, QObject* context,
                    std::function<void(Result<bool>)> done);

    static QStringList parseKeywords(const QByteArray& metadataBody, bool* ok);

private:
    QUrl url(const QString& mediaId) const;

    QUrl m_root;
    HttpClient* m_http;
};

} // namespace AssetDesk
