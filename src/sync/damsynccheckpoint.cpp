#include "sync/damsynccheckpoint.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace AssetDesk {

namespace {
QString iso(const QDateTime& t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODateWithMs) : QString();
}
QDateTime fromIso(const QJsonValue& v)
{
    QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
    if (t.isValid())
        t = t.toUTC();
    return t;
}
} // namespace

QString DamSyncCheckpoint::encode() const
{
    QJsonObject o{{QStringLiteral("v"), 1}};
    if (inPass) {
        QJsonObject pass{{QStringLiteral("mode"), mode == Mode::Full ? QStringLiteral("full") : QStringLiteral("changed")},
                         {QStringLiteral("cursor"), cursor},
                         {QStringLiteral("since"), iso(passSince)},
                         {QStringLiteral("started"), iso(passStartedAt)},
                         {QStringLiteral("resumed"), resumed},
                         {QStringLiteral("pages"), pagesDone},
                         {QStringLiteral("assets"), assetsDone},
                         {QStringLiteral("high"), iso(passHighWater)}};
        o.insert(QStringLiteral("pass"), pass);
    }
    o.insert(QStringLiteral("since"), iso(since));
    o.insert(QStringLiteral("lastFull"), iso(lastFullAt));
    o.insert(QStringLiteral("sweepDue"), sweepDue);
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

Result<DamSyncCheckpoint> DamSyncCheckpoint::decode(const QString& text)
{
    DamSyncCheckpoint c;
    if (text.isEmpty())
        return c;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
    if (!doc.isObject() || doc.object().value(QLatin1String("v")).toInt() != 1)
        return Error(ErrorKind::Parse, QStringLiteral("The stored sync position is not readable; the sync starts over."),
                     text.left(200));
    const QJsonObject o = doc.object();
    c.since = fromIso(o.value(QLatin1String("since")));
    c.lastFullAt = fromIso(o.value(QLatin1String("lastFull")));
    c.sweepDue = o.value(QLatin1String("sweepDue")).toBool();
    const QJsonObject pass = o.value(QLatin1String("pass")).toObject();
    if (!pass.isEmpty()) {
        c.inPass = true;
        c.mode = pass.value(QLatin1String("mode")).toString() == u"changed" ? Mode::ChangedSince : Mode::Full;
        c.cursor = pass.value(QLatin1String("cursor")).toString();
        c.passSince = fromIso(pass.value(QLatin1String("since")));
        c.passStartedAt = fromIso(pass.value(QLatin1String("started")));
        c.resumed = pass.value(QLatin1String("resumed")).toBool();
        c.pagesDone = pass.value(QLatin1String("pages")).toInteger();
        c.assetsDone = pass.value(QLatin1String("assets")).toInteger();
        c.passHighWater = fromIso(pass.value(QLatin1String("high")));
    }
    return c;
}

void DamSyncCheckpoint::completePass(const QDateTime& now, bool swept)
{
    if (passHighWater.isValid() && (!since.isValid() || passHighWater > since))
        since = passHighWater;
    if (mode == Mode::Full) {
        lastFullAt = now;
        sweepDue = !swept;
    }
    inPass = false;
    cursor.clear();
    passSince = {};
    passStartedAt = {};
    resumed = false;
    pagesDone = 0;
    assetsDone = 0;
    passHighWater = {};
}

} // namespace AssetDesk
