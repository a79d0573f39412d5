#include "sandbox/dynamics/dynamicsdeltatracker.h"

#include "sandbox/dynamics/dynamicsshaper.h"
#include "sandbox/dynamics/dynamicsstore.h"

#include <QJsonObject>

namespace AssetDesk::Sandbox {

namespace {
const QString kTimeFormat = QStringLiteral("MM/dd/yyyy HH:mm:ss");
}

QString DynamicsDeltaTracker::token(qint64 version, const QDateTime& now)
{
    return QStringLiteral("%1!%2").arg(version).arg(now.toUTC().toString(kTimeFormat));
}

Result<qint64> DynamicsDeltaTracker::parse(const QString& token, const QDateTime& now) const
{
    const qsizetype bang = token.indexOf(QLatin1Char('!'));
    bool ok = false;
    const qint64 version = token.left(bang).toLongLong(&ok);
    const QDateTime local = QDateTime::fromString(token.mid(bang + 1), kTimeFormat);
    const QDateTime issued(local.date(), local.time(), Qt::UTC);
    if (bang <= 0 || !ok || version < 0 || version > m_store.currentVersion() || !issued.isValid())
        return Error(ErrorKind::Validation, QStringLiteral("The delta token '%1' is not valid.").arg(token));
    if (issued.addDays(kExpireChangeTrackingInDays) < now)
        return Error(ErrorKind::Conflict,
                     QStringLiteral("Version stamp associated with the client has expired. Please perform a full sync."));
    return version;
}

QJsonArray DynamicsDeltaTracker::changes(const QString& entitySet, qint64 since, const DynamicsShaper& shaper,
                                         const QString& root) const
{
    QJsonArray out;
    for (const DynamicsRecord* r : m_store.changedSince(entitySet, since))
        out.append(shaper.shape(*r));
    const QString context = root + QStringLiteral("/$metadata#") + entitySet + QStringLiteral("/$deletedEntity");
    for (const DynamicsTombstone& t : m_store.deletedSince(entitySet, since)) {
        // A key deleted and created again since the token is a change, not a deletion.
        if (const DynamicsRecord* again = m_store.find(entitySet, t.id); again && again->version > t.version)
            continue;
        out.append(QJsonObject{{QStringLiteral("@odata.context"), context},
                               {QStringLiteral("id"), t.id},
                               {QStringLiteral("reason"), QStringLiteral("deleted")}});
    }
    return out;
}

} // namespace AssetDesk::Sandbox
