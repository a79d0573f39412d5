#include "sandbox/dynamics/dynamicspagecookie.h"

#include <QRegularExpression>
#include <QUrl>

namespace AssetDesk::Sandbox {

namespace {

QString attribute(const QString& text, const QString& name)
{
    const QRegularExpression re(QStringLiteral("\\b%1=\"([^\"]*)\"").arg(name));
    const QRegularExpressionMatch m = re.match(text);
    return m.hasMatch() ? m.captured(1) : QString();
}

QString encodeOnce(const QString& s)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(s));
}

} // namespace

QString DynamicsPageCookie::encode(const QString& keyColumn) const
{
    const QString inner = QStringLiteral("<cookie page=\"%1\" version=\"%2\"><%3 last=\"{%4}\" first=\"{%5}\" /></cookie>")
                              .arg(pageNumber - 1)
                              .arg(trackingVersion)
                              .arg(keyColumn, lastId.toUpper(), firstId.toUpper());
    return QStringLiteral("<cookie pagenumber=\"%1\" pagingcookie=\"%2\" istracking=\"%3\" />")
        .arg(pageNumber)
        .arg(encodeOnce(encodeOnce(inner)), tracking ? QStringLiteral("True") : QStringLiteral("False"));
}

std::optional<DynamicsPageCookie> DynamicsPageCookie::decode(const QString& skipToken)
{
    if (!skipToken.trimmed().startsWith(QLatin1String("<cookie")))
        return std::nullopt;
    DynamicsPageCookie c;
    bool ok = false;
    c.pageNumber = attribute(skipToken, QStringLiteral("pagenumber")).toInt(&ok);
    if (!ok || c.pageNumber < 2)
        return std::nullopt;
    c.tracking = attribute(skipToken, QStringLiteral("istracking")).compare(QLatin1String("true"), Qt::CaseInsensitive) == 0;
    const QString inner = QUrl::fromPercentEncoding(
        QUrl::fromPercentEncoding(attribute(skipToken, QStringLiteral("pagingcookie")).toLatin1()).toLatin1());
    c.trackingVersion = attribute(inner, QStringLiteral("version")).toLongLong();
    c.lastId = attribute(inner, QStringLiteral("last")).remove(QLatin1Char('{')).remove(QLatin1Char('}')).toLower();
    c.firstId = attribute(inner, QStringLiteral("first")).remove(QLatin1Char('{')).remove(QLatin1Char('}')).toLower();
    if (c.lastId.isEmpty())
        return std::nullopt;
    return c;
}

} // namespace AssetDesk::Sandbox
