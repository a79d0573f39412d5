#include "sandbox/oauth/pkce.h"

#include <QCryptographicHash>

namespace AssetDesk::Sandbox {

QString Pkce::s256Challenge(const QString& verifier)
{
    const QByteArray digest = QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256);
    return QString::fromLatin1(
        digest.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

bool Pkce::isWellFormed(const QString& value)
{
    if (value.size() < 43 || value.size() > 128)
        return false;
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        const bool ok = (u >= u'A' && u <= u'Z') || (u >= u'a' && u <= u'z') || (u >= u'0' && u <= u'9') ||
                        u == u'-' || u == u'.' || u == u'_' || u == u'~';
        if (!ok)
            return false;
    }
    return true;
}

bool Pkce::verify(const QString& verifier, const QString& challenge, const QString& method)
{
    if (method == QLatin1String("S256"))
        return s256Challenge(verifier) == challenge;
    if (method == QLatin1String("plain"))
        return verifier == challenge;
    return false;
}

} // namespace AssetDesk::Sandbox
