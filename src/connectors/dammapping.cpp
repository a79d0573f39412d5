#include "connectors/dammapping.h"

#include "connectors/damitemreader.h"
#include "connectors/damtext.h"

#include <QCoreApplication>
#include <QMimeDatabase>
#include <QSet>

namespace AssetDesk {

ApprovalState DamMapping::approvalFromText(const QString& text)
{
    const QString key = DamItemReader::normalizedKey(text);
    if (key.isEmpty())
        return ApprovalState::Unknown;
    if (key == u"approved" || key == u"approve" || key == u"accepted")
        return ApprovalState::Approved;
    if (key == u"notapproved" || key == u"rejected" || key == u"declined" || key == u"denied")
        return ApprovalState::NotApproved;
    if (key == u"requested" || key == u"pending" || key == u"inreview" || key == u"awaitingapproval")
        return ApprovalState::Requested;
    if (key == u"mixed")
        return ApprovalState::Mixed;
    if (key == u"na" || key == u"none" || key == u"notrequested")
        return ApprovalState::NotRequested;
    return ApprovalState::Unknown;
}

std::optional<MediaType> DamMapping::mediaTypeFromText(const QString& text)
{
    const QString t = text.trimmed().toLower();
    if (t.isEmpty())
        return std::nullopt;
    if (t == u"image" || t == u"images" || t == u"photo" || t.startsWith(QLatin1String("image/")))
        return MediaType::Image;
    if (t == u"video" || t == u"videos" || t.startsWith(QLatin1String("video/")))
        return MediaType::Video;
    if (t == u"audio" || t.startsWith(QLatin1String("audio/")))
        return MediaType::Audio;
    if (t == u"doc" || t == u"docs" || t == u"document" || t == u"documents" || t == u"pdf"
        || t == u"application/pdf")
        return MediaType::Document;
    return std::nullopt;
}

QString DamMapping::mimeTypeForFileName(const QString& fileName)
{
    if (!fileName.contains(QLatin1Char('.')))
        return {};
    static const QMimeDatabase db;
    const QMimeType type = db.mimeTypeForFile(DamText::safeFileName(fileName), QMimeDatabase::MatchExtension);
    return type.isDefault() ? QString() : type.name();
}

void DamMapping::finish(Asset& asset, const QJsonObject& item, const DamItemReader& reader, const QString& serviceName,
                        QList<DamItemProblem>& problems)
{
    bool rawCut = false;
    asset.rawJson = DamText::rawJson(item, &rawCut);
    QStringList notes = reader.notes();
    if (rawCut)
        notes << QStringLiteral("very long text in the raw JSON was cut for storage");
    if (notes.isEmpty())
        return;
    DamItemProblem problem;
    problem.remoteId = asset.remoteId;
    problem.kept = true;
    problem.error = Error(ErrorKind::Parse,
                          QCoreApplication::translate("AssetDesk::DamMapping",
                                                      "%1 item %2 was kept with adjustments: %3.")
                              .arg(serviceName, DamText::displayText(asset.remoteId), notes.join(QStringLiteral("; "))),
                          notes.join(QLatin1Char('\n')))
                        .withOrigin(serviceName);
    problems.append(problem);
}

DamItemProblem DamMapping::skipped(const QString& remoteId, const QString& serviceName, const QString& why)
{
    DamItemProblem problem;
    problem.remoteId = remoteId;
    problem.error = Error(ErrorKind::Parse,
                          remoteId.isEmpty()
                              ? QCoreApplication::translate("AssetDesk::DamMapping", "%1 sent an item that was skipped: %2.")
                                    .arg(serviceName, why)
                              : QCoreApplication::translate("AssetDesk::DamMapping", "%1 item %2 was skipped: %3.")
                                    .arg(serviceName, DamText::displayText(remoteId), why))
                        .withOrigin(serviceName);
    return problem;
}

QList<Collection> DamMapping::parentsFirst(QList<Collection> all)
{
    QList<Collection> ordered;
    QSet<QString> ids;
    for (const Collection& c : std::as_const(all))
        ids.insert(c.remoteId);
    QSet<QString> placed;
    bool progress = true;
    while (!all.isEmpty() && progress) {
        progress = false;
        for (auto it = all.begin(); it != all.end();) {
            if (it->parentRemoteId.isEmpty() || !ids.contains(it->parentRemoteId) || placed.contains(it->parentRemoteId)) {
                placed.insert(it->remoteId);
                ordered << *it;
                it = all.erase(it);
                progress = true;
            } else {
                ++it;
            }
        }
    }
    ordered << all; // cycles, kept as they are
    return ordered;
}

} // namespace AssetDesk
