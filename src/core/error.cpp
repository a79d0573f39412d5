#include "core/error.h"

#include <QStringList>

namespace AssetDesk {

QString errorKindName(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Transport: return QStringLiteral("transport");
    case ErrorKind::HttpStatus: return QStringLiteral("http-status");
    case ErrorKind::ApiError: return QStringLiteral("api-error");
    case ErrorKind::Parse: return QStringLiteral("parse");
    case ErrorKind::Validation: return QStringLiteral("validation");
    case ErrorKind::Auth: return QStringLiteral("auth");
    case ErrorKind::RateLimited: return QStringLiteral("rate-limited");
    case ErrorKind::TooLarge: return QStringLiteral("too-large");
    case ErrorKind::Storage: return QStringLiteral("storage");
    case ErrorKind::Keychain: return QStringLiteral("keychain");
    case ErrorKind::NotFound: return QStringLiteral("not-found");
    case ErrorKind::Conflict: return QStringLiteral("conflict");
    case ErrorKind::Io: return QStringLiteral("io");
    case ErrorKind::Cancelled: return QStringLiteral("cancelled");
    case ErrorKind::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("unknown");
}

Error::Error(ErrorKind kind, QString message, QString detail)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_detail(std::move(detail))
{
}

Error& Error::withHttpStatus(int status)
{
    m_httpStatus = status;
    return *this;
}

Error& Error::withApiCode(const QString& code)
{
    m_apiCode = code;
    return *this;
}

Error& Error::withRetryAfter(std::chrono::milliseconds delay)
{
    m_retryAfter = delay;
    return *this;
}

Error& Error::withOrigin(const QString& origin)
{
    m_origin = origin;
    return *this;
}

bool Error::isTransient() const
{
    switch (m_kind) {
    case ErrorKind::Transport:
    case ErrorKind::RateLimited:
        return true;
    case ErrorKind::HttpStatus:
    case ErrorKind::ApiError:
        return m_httpStatus == 408 || m_httpStatus == 429 || m_httpStatus >= 500;
    default:
        return false;
    }
}

QString Error::toLogString() const
{
    QStringList parts{errorKindName(m_kind)};
    if (!m_origin.isEmpty())
        parts << m_origin;
    if (m_httpStatus)
        parts << QString::number(m_httpStatus);
    if (!m_apiCode.isEmpty())
        parts << m_apiCode;
    QString line = QLatin1Char('[') + parts.join(QLatin1Char(' ')) + QStringLiteral("] ") + m_message;
    if (!m_detail.isEmpty())
        line += QStringLiteral(" (") + m_detail + QLatin1Char(')');
    return line;
}

} // namespace AssetDesk
