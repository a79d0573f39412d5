#include "core/damwritebacksettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace AssetDesk {

namespace {
QString settingsKey(const QString& workspaceId)
{
    return QStringLiteral("publishing/damWriteBack/") + workspaceId;
}
} // namespace

QJsonObject DamWriteBackSettings::toJson() const
{
    QJsonArray list;
    for (auto it = accounts.begin(); it != accounts.end(); ++it) {
        list.append(QJsonObject{{QStringLiteral("account_id"), it.key()},
                                {QStringLiteral("metadata_view_id"), it->metadataViewId},
                                {QStringLiteral("archive_target"), it->archiveTarget}});
    }
    return QJsonObject{{QStringLiteral("accounts"), list},
                       {QStringLiteral("top_performer_threshold"), topPerformerThreshold},
                       {QStringLiteral("top_performer_keyword"), topPerformerKeyword},
                       {QStringLiteral("audience_segment"), audienceSegment}};
}

DamWriteBackSettings DamWriteBackSettings::fromJson(const QJsonObject& json)
{
    DamWriteBackSettings s;
    for (const QJsonValue& v : json.value(QStringLiteral("accounts")).toArray()) {
        const QJsonObject o = v.toObject();
        const qint64 id = o.value(QStringLiteral("account_id")).toInteger();
        if (id <= 0)
            continue;
        s.accounts.insert(id, Target{o.value(QStringLiteral("metadata_view_id")).toString(),
                                     o.value(QStringLiteral("archive_target")).toString()});
    }
    s.topPerformerThreshold = std::max<qint64>(0, json.value(QStringLiteral("top_performer_threshold")).toInteger());
    const QString keyword = json.value(QStringLiteral("top_performer_keyword")).toString().trimmed();
    if (!keyword.isEmpty())
        s.topPerformerKeyword = keyword;
    s.audienceSegment = json.value(QStringLiteral("audience_segment")).toString();
    return s;
}

DamWriteBackSettings DamWriteBackSettings::load(const QSettings& settings, const QString& workspaceId)
{
    const QByteArray json = settings.value(settingsKey(workspaceId)).toByteArray();
    return fromJson(QJsonDocument::fromJson(json).object());
}

void DamWriteBackSettings::save(QSettings& settings, const QString& workspaceId) const
{
    settings.setValue(settingsKey(workspaceId), QJsonDocument(toJson()).toJson(QJsonDocument::Compact));
}

} // namespace AssetDesk
