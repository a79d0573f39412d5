#pragma once

#include <QMetaType>
#include <QString>

#include <chrono>
#include <optional>

namespace AssetDesk {

// Where a failure was classified. Classification happens once, at the boundary that saw it
// (the HTTP client, a parser, a repository); everything above only reads it.
enum class ErrorKind {
    Transport,   // DNS, refused, reset, timeout, TLS: no HTTP response at all
    HttpStatus,  // a non-2xx status without a recognisable API error body
    ApiError,    // the service explained the failure in its own error body
    Parse,       // a response arrived but is not the expected content
    Validation,  // input refused before anything was sent
    Auth,        // missing/expired credentials, OAuth failures
    RateLimited, // 429 that outlasted the retry policy
    TooLarge,    // response or upload over a cap
    Storage,     // database or migration failure
    Keychain,    // the Secret Service refused or failed
    NotFound,
    Conflict,
    Io,          // local files
    Cancelled,
    Internal,
};

QString errorKindName(ErrorKind kind);

// An error as a value. message() is written for the person at the keyboard; detail() is the
// technical context for logs and the Jobs pane. Neither may contain a secret.
class Error
{
public:
    Error() = default;
    Error(ErrorKind kind, QString message, QString detail = {});

    ErrorKind kind() const { return m_kind; }
    QString message() const { return m_message; }
    QString detail() const { return m_detail; }

    // HTTP context when the error came from a response.
    int httpStatus() const { return m_httpStatus; }
    Error& withHttpStatus(int status);
    // The service's own error code (e.g. "0x80072322", "RecordInvalid", "invalid_request").
    QString apiCode() const { return m_apiCode; }
    Error& withApiCode(const QString& code);
    // How long the server asked us to wait (Retry-After, x-rate-limit-reset), if it did.
    std::optional<std::chrono::milliseconds> retryAfter() const { return m_retryAfter; }
    Error& withRetryAfter(std::chrono::milliseconds delay);
    // Which service or subsystem produced it ("x", "zendesk", "storage"...).
    QString origin() const { return m_origin; }
    Error& withOrigin(const QString& origin);

    // True for failures where the same request may succeed later (transport, 429, 5xx).
    bool isTransient() const;

    // One line for logs: kind, origin, status, code, message, detail.
    QString toLogString() const;

    bool operator==(const Error& other) const = default;

private:
    ErrorKind m_kind = ErrorKind::Internal;
    QString m_message;
    QString m_detail;
    int m_httpStatus = 0;
    QString m_apiCode;
    std::optional<std::chrono::milliseconds> m_retryAfter;
    QString m_origin;
};

} // namespace AssetDesk

Q_DECLARE_METATYPE(AssetDesk::Error)
