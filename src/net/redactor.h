#pragma once

#include <QByteArray>
#include <QList>
#include <QReadWriteLock>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>
#include <utility>

namespace AssetDesk {

// Removes secrets from everything the net layer writes to a log or puts in an Error.
//
// Two kinds of protection:
//  - by name: values of credential headers (Authorization, Cookie, X-PS-Api-Key...), of URL query
//    parameters (api_key, access_token, code, signature...) and of form/JSON body fields with
//    those names are replaced by "***", whatever they contain;
//  - by value: the credential strings currently in use are registered, and every occurrence
//    (raw, percent-encoded or form-encoded) in any text is replaced by "***".
//
// A credential of the application (an API key, a token) is registered until it is unregistered.
// A secret of one request (a signed URL's signature) is held while the request is under way and
// then forgotten: a sync fetches a signed URL per asset, and every log line is searched for every
// secret still known.
//
// One Redactor is shared (std::shared_ptr) by all clients of the application; it is thread-safe.
class Redactor
{
public:
    static QLatin1String mask() { return QLatin1String("***"); }
    // Registered values shorter than this are ignored: replacing two-letter strings everywhere
    // would make logs unreadable, and no service issues credentials that short.
    static constexpr qsizetype kMinSecretLength = 4;

    static bool isSensitiveHeader(const QByteArray& name);
    static bool isSensitiveParameter(const QString& name);

    void registerSecret(const QString& secret);
    void unregisterSecret(const QString& secret);
    // Counted: a secret held twice is known until it is released twice (or registered).
    void holdSecret(const QString& secret);
    void releaseSecret(const QString& secret);
    bool isRegistered(const QString& secret) const;

    // Replaces every registered secret in `text`.
    QString redactText(const QString& text) const;
    // Query/fragment parameters by name, user info, then registered secrets.
    QString redactUrl(const QUrl& url) const;
    // "***" for a credential header, otherwise the value with registered secrets replaced.
    QString redactHeaderValue(const QByteArray& name, const QByteArray& value) const;
    // Form or JSON fields by name (decided by `contentType`), then registered secrets.
    QString redactBody(const QByteArray& body, const QByteArray& contentType) const;

private:
    struct Secret
    {
        QString value;
        bool registered = false;
        int holds = 0;
    };
    enum class Claim
    {
        Registration,
        Hold
    };
    // remember() and forget() take m_lock; indexOf() and updatePatterns() need it held.
    void remember(const QString& value, Claim claim);
    void forget(const QString& value, Claim claim);
    qsizetype indexOf(const QString& value) const;
    void updatePatterns();

    mutable QReadWriteLock m_lock;
    QList<Secret> m_secrets;
    // What redactText() replaces: every secret raw, percent-encoded and form-encoded, longest first
    // so that a secret containing another is replaced whole. Made when the secrets change, shared
    // with readers that are still using the previous list.
    std::shared_ptr<const QStringList> m_patterns = std::make_shared<const QStringList>();
};

} // namespace AssetDesk
