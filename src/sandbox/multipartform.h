#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace AssetDesk::Sandbox {

// One part of a multipart/form-data body.
struct MultipartPart
{
    QString name;
    QString fileName; // empty for plain fields
    QByteArray contentType;
    QByteArray data;
};

// A multipart/form-data body (RFC 7578), parsed strictly enough for upload endpoints: the
// boundary comes from the Content-Type; nullopt when it is missing or the body does not follow it.
class MultipartForm
{
public:
    static std::optional<MultipartForm> parse(const QByteArray& contentType, const QByteArray& body);

    const QList<MultipartPart>& parts() const { return m_parts; }
    const MultipartPart* part(const QString& name) const;
    QString field(const QString& name) const;

private:
    QList<MultipartPart> m_parts;
};

} // namespace AssetDesk::Sandbox
