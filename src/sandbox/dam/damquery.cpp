#include "sandbox/dam/damquery.h"

namespace AssetDesk::Sandbox {

QString DamQuery::predicateSignature() const
{
    auto ints = [](const QList<int>& list) {
        QStringList out;
        for (int v : list)
            out << QString::number(v);
        return out.join(QLatin1Char(','));
    };
    auto tri = [](const std::optional<bool>& v) {
        return v ? (*v ? QStringLiteral("1") : QStringLiteral("0")) : QStringLiteral("-");
    };
    return QStringList{
        QString::number(int(scope.kind)),
        QString::number(scope.id),
        QString::number(int(status)),
        QString::number(mediaMask),
        QString::number(approvalMask),
        QString::number(rightsMask),
        ints(campaigns),
        ints(photographers),
        ints(keywords),
        titles.join(QChar(0x1f)),
        tri(hasExpiry),
        tri(hasUsageRestrictions),
        tri(hasCampaign),
        text.join(QChar(0x1f)),
        matchNothing ? QStringLiteral("x") : QString(),
    }
        .join(QLatin1Char('|'));
}

} // namespace AssetDesk::Sandbox
