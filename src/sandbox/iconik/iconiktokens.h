#pragma once

#include <QDateTime>
#include <QHash>
#include <QString>

namespace AssetDesk::Sandbox {

struct IconikToken
{
    QString id; // token record id (uuid)
    QString userId;
    QString appId;
    QDateTime createdAt;
    QDateTime expires; // invalid: does not expire (application tokens)
};

// iconik Auth-Token values and what they stand for. Login tokens expire (kLoginLifetime, a
// sandbox choice: iconik documents no lifetime); application tokens do not. Server thread only.
class IconikTokens
{
public:
    static constexpr qint64 kLoginLifetimeSeconds = 24 * 3600;

    void add(const QString& token, IconikToken record) { m_tokens.insert(token, std::move(record)); }
    // The record of a token valid at `now`, or nullptr.
    const IconikToken* valid(const QString& token, const QDateTime& now) const;
    bool revoke(const QString& token) { return m_tokens.remove(token) > 0; }
    void clear() { m_tokens.clear(); }

private:
    QHash<QString, IconikToken> m_tokens;
};

} // namespace AssetDesk::Sandbox
