#include "storage/storageconfig.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QStringList>
#include <QUrl>
#include <QUrlQuery>

namespace AssetDesk {

namespace {

Error invalid(const QString& message)
{
    return Error(ErrorKind::Validation, message).withOrigin(QStringLiteral("storage"));
}

// libpq keywords we pass through. Anything else in the query is refused rather than ignored, so a
// typo (?sslmod=require) cannot silently weaken a connection.
const QStringList& passThroughOptions()
{
    static const QStringList options{QStringLiteral("sslmode"),
                                     QStringLiteral("sslrootcert"),
                                     QStringLiteral("sslcert"),
                                     QStringLiteral("sslkey"),
                                     QStringLiteral("connect_timeout"),
                                     QStringLiteral("application_name"),
                                     QStringLiteral("target_session_attrs")};
    return options;
}

} // namespace

QString StorageConfig::defaultSqlitePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/assetdesk.sqlite3");
}

StorageConfig StorageConfig::sqlite(const QString& path)
{
    StorageConfig config;
    config.m_backend = StorageBackend::SQLite;
    config.m_sqlitePath = QFileInfo(path).absoluteFilePath();
    return config;
}

Result<StorageConfig> StorageConfig::fromString(const QString& input)
{
    const QString text = input.trimmed();
    if (text.isEmpty()) {
        const QString path = defaultSqlitePath();
        const QString dir = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(dir)) {
            return Error(ErrorKind::Io, StorageConfig::tr("Cannot create the data folder %1.").arg(dir))
                .withOrigin(QStringLiteral("storage"));
        }
        return sqlite(path);
    }

    static const QRegularExpression schemeRe(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch scheme = schemeRe.match(text);
    if (!scheme.hasMatch())
        return sqlite(text);

    const QString name = scheme.captured(1).toLower();
    if (name == u"postgresql" || name == u"postgres")
        return parsePostgres(text);
    if (name == u"sqlite") {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid())
            return invalid(StorageConfig::tr("The database URL is not valid: %1").arg(url.errorString()));
        if (!url.host().isEmpty())
            return invalid(StorageConfig::tr("A sqlite: URL takes an absolute path with three slashes, "
                                             "e.g. sqlite:///home/me/assetdesk.sqlite3."));
        const QString path = url.path(QUrl::FullyDecoded);
        if (!path.startsWith(QLatin1Char('/')) || path.size() < 2)
            return invalid(StorageConfig::tr("A sqlite: URL needs an absolute file path, e.g. "
                                             "sqlite:///home/me/assetdesk.sqlite3."));
        if (url.hasQuery())
            return invalid(StorageConfig::tr("A sqlite: URL takes no query parameters."));
        return sqlite(path);
    }
    return invalid(StorageConfig::tr("Unsupported database URL scheme \"%1\". Use a file path, "
                                     "sqlite:///path or postgresql://user@host:port/database.")
                       .arg(scheme.captured(1)));
}

Result<StorageConfig> StorageConfig::parsePostgres(const QString& text)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid()) {
        // QUrl's error string quotes the input, which may hold the password: say what, not where.
        return invalid(StorageConfig::tr("The PostgreSQL URL is not valid. Expected "
                                         "postgresql://user:password@host:port/database?schema=name."));
    }
    StorageConfig config;
    config.m_backend = StorageBackend::PostgreSQL;
    config.m_host = url.host(QUrl::FullyDecoded);
    config.m_port = url.port(5432);
    if (config.m_port <= 0 || config.m_port > 65535)
        return invalid(StorageConfig::tr("The PostgreSQL port must be between 1 and 65535."));
    config.m_userName = url.userName(QUrl::FullyDecoded);
    config.m_password = url.password(QUrl::FullyDecoded);
    QString path = url.path(QUrl::FullyDecoded);
    if (path.startsWith(QLatin1Char('/')))
        path.remove(0, 1);
    if (path.isEmpty()) {
        return invalid(StorageConfig::tr("The PostgreSQL URL needs a database name, e.g. "
                                         "postgresql://user@host:5432/assetdesk."));
    }
    if (path.contains(QLatin1Char('/')))
        return invalid(
            StorageConfig::tr("The PostgreSQL database name \"%1\" must not contain '/'.").arg(path));
    config.m_databaseName = path;

    static const QRegularExpression identifierRe(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]{0,62}$"));
    static const QRegularExpression optionValueRe(QStringLiteral("^[A-Za-z0-9_./:-]+$"));
    QStringList options;
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (key == u"schema") {
            if (!identifierRe.match(value).hasMatch()) {
                return invalid(
                    StorageConfig::tr("The schema \"%1\" is not a plain identifier (letters, digits "
                                      "and _, not starting with a digit, at most 63).")
                        .arg(value));
            }
            config.m_schema = value;
        } else if (passThroughOptions().contains(key)) {
            // setConnectOptions() splices values into a libpq conninfo string: keep them unquoted-safe.
            if (!optionValueRe.match(value).hasMatch())
                return invalid(
                    StorageConfig::tr("The value of %1 contains characters that are not allowed.").arg(key));
            options << key + QLatin1Char('=') + value;
        } else {
            return invalid(StorageConfig::tr("Unknown PostgreSQL URL parameter \"%1\". Allowed: schema, %2.")
                               .arg(key, passThroughOptions().join(QStringLiteral(", "))));
        }
    }
    config.m_connectOptions = options.join(QLatin1Char(';'));
    return config;
}

QString StorageConfig::displayString() const
{
    if (m_backend == StorageBackend::SQLite)
        return m_sqlitePath;
    // Assembled by hand: QUrl drops the "//" of an empty authority (a Unix-socket URL).
    auto encode = [](const QString& part) {
        return QString::fromLatin1(QUrl::toPercentEncoding(part));
    };
    QString text = QStringLiteral("postgresql://");
    if (!m_userName.isEmpty() || !m_password.isEmpty()) {
        text += encode(m_userName);
        if (!m_password.isEmpty())
            text += QStringLiteral(":****");
        text += QLatin1Char('@');
    }
    text += m_host.contains(QLatin1Char(':')) ? QLatin1Char('[') + m_host + QLatin1Char(']') : m_host;
    if (m_port != 5432)
        text += QLatin1Char(':') + QString::number(m_port);
    text += QLatin1Char('/') + encode(m_databaseName);
    QStringList query;
    if (!m_schema.isEmpty())
        query << QStringLiteral("schema=") + m_schema;
    query << m_connectOptions.split(QLatin1Char(';'), Qt::SkipEmptyParts);
    if (!query.isEmpty())
        text += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return text;
}

} // namespace AssetDesk
