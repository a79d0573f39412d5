#include "net/pkce.h"

#include <QCryptographicHash>
#include <QRandomGenerator>

#include <algorithm>

namespace AssetDesk {

namespace {
constexpr char kUnreserved[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
constexpr int kUnreservedCount = sizeof(kUnreserved) - 1;
} // namespace

QByteArray Pkce::generateVerifier(int length)
{
    length = std::clamp(length, 43, 128);
    QByteArray verifier(length, Qt::Uninitialized);
    QRandomGenerator* random = QRandomGenerator::system();
    for (char& c : verifier)
        c = kUnreserved[random->bounded(kUnreservedCount)];
    return verifier;
}

QByteArray Pkce::challengeS256(const QByteArray& verifier)
{
    return QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
        .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray Pkce::generateState()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32*>(bytes.data()), bytes.size() / 4);
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

bool Pkce::isValidVerifier(const QByteArray& verifier)
{
    if (verifier.size() < 43 || verifier.size() > 128)
        return false;
    const QByteArray allowed(kUnreserved);
    return std::all_of(verifier.cbegin(), verifier.cend(),
                       [&allowed](char c) { return allowed.contains(c); });
}

} // namespace AssetDesk
