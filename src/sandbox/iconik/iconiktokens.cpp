#include "sandbox/iconik/iconiktokens.h"

namespace AssetDesk::Sandbox {

const IconikToken* IconikTokens::valid(const QString& token, const QDateTime& now) const
{
    auto it = m_tokens.constFind(token);
    if (it == m_tokens.cend())
        return nullptr;
    if (it->expires.isValid() && now >= it->expires)
        return nullptr;
    return &*it;
}

} // namespace AssetDesk::Sandbox
