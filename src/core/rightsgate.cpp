#include "core/rightsgate.h"

#include <QLocale>

namespace AssetDesk {

namespace {
QString assetName(const Asset& asset)
{
    if (!asset.title.trimmed().isEmpty())
        return asset.title.trimmed();
    if (!asset.fileName.isEmpty())
        return asset.fileName;
    return asset.remoteId;
}

QString approvalReason(ApprovalState state)
{
    switch (state) {
    case ApprovalState::NotApproved:
        return RightsGate::tr("it was rejected in review");
    case ApprovalState::Requested:
        return RightsGate::tr("its approval is still pending");
    case ApprovalState::Mixed:
        return RightsGate::tr("its reviewers disagree");
    case ApprovalState::NotRequested:
        return RightsGate::tr("nobody has asked for its approval");
    case ApprovalState::Unknown:
    case ApprovalState::Approved:
        break;
    }
    return RightsGate::tr("its approval state is unknown");
}

QString day(const QDateTime& when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::ShortFormat);
}

} // namespace

Status RightsGate::check(const Asset& asset, const QDateTime& when)
{
    const QString detail = QStringLiteral("asset %1 (%2 %3, version %4), use at %5")
                               .arg(asset.id)
                               .arg(serviceId(asset.service), asset.remoteId, asset.version,
                                    when.toUTC().toString(Qt::ISODate));
    if (asset.rights.approval != ApprovalState::Approved)
        return Error(ErrorKind::Validation,
                     tr("“%1” is not approved for use: %2.").arg(assetName(asset), approvalReason(asset.rights.approval)),
                     detail);
    const QDateTime expiry = asset.rights.licenseExpiresAt;
    if (expiry.isValid() && expiry <= when) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        // A scheduled post may fail on a licence that is still valid today: say which case it is.
        const QString message =
            expiry <= now
                ? tr("The licence of “%1” expired on %2.").arg(assetName(asset), licenceExpiryDayText(expiry))
                : tr("The licence of “%1” expires on %2, before the post is sent on %3.")
                      .arg(assetName(asset), licenceExpiryDayText(expiry), day(when));
        return Error(ErrorKind::Validation, message,
                     detail + QStringLiteral(", licence expires %1").arg(expiry.toUTC().toString(Qt::ISODate)));
    }
    return {};
}

} // namespace AssetDesk
