#include "sandbox/multipartform.h"

#include <QRegularExpression>

namespace AssetDesk::Sandbox {

namespace {

QByteArray boundaryOf(const QByteArray& contentType)
{
    for (QByteArray piece : contentType.split(';')) {
        piece = piece.trimmed();
        if (piece.toLower().startsWith("boundary=")) {
            QByteArray b = piece.mid(9);
            if (b.size() >= 2 && b.startsWith('"') && b.endsWith('"'))
                b = b.mid(1, b.size() - 2);
            return b;
        }
    }
    return {};
}

QString dispositionParam(const QByteArray& disposition, const char* key)
{
    // name="x" or name=x; quoted values may hold ';'.
    const QRegularExpression re(QStringLiteral("(?:^|;)\\s*%1=(\"([^\"]*)\"|[^;]*)").arg(QLatin1String(key)));
    const auto m = re.match(QString::fromUtf8(disposition));
    if (!m.hasMatch())
        return {};
    return m.captured(2).isNull() ? m.captured(1).trimmed() : m.captured(2);
}

} // namespace

std::optional<MultipartForm> MultipartForm::parse(const QByteArray& contentType, const QByteArray& body)
{
    const QByteArray boundary = boundaryOf(contentType);
    if (boundary.isEmpty())
        return std::nullopt;
    const QByteArray delimiter = "--" + boundary;
    MultipartForm form;
    qsizetype pos = body.indexOf(delimiter);
    if (pos < 0)
        return std::nullopt;
    while (true) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--")
            return form; // closing delimiter
        if (body.mid(pos, 2) != "\r\n")
            return std::nullopt;
        pos += 2;
        const qsizetype headerEnd = body.indexOf("\r\n\r\n", pos);
        if (headerEnd < 0)
            return std::nullopt;
        MultipartPart part;
        for (const QByteArray& line : body.mid(pos, headerEnd - pos).split('\n')) {
            const QByteArray l = line.trimmed();
            const qsizetype colon = l.indexOf(':');
            if (colon < 0)
                continue;
            const QByteArray name = l.left(colon).trimmed().toLower();
            const QByteArray value = l.mid(colon + 1).trimmed();
            if (name == "content-disposition") {
                part.name = dispositionParam(value, "name");
                part.fileName = dispositionParam(value, "filename");
            } else if (name == "content-type") {
                part.contentType = value;
            }
        }
        const qsizetype dataStart = headerEnd + 4;
        const qsizetype next = body.indexOf("\r\n" + delimiter, dataStart);
        if (next < 0)
            return std::nullopt;
        part.data = body.mid(dataStart, next - dataStart);
        form.m_parts << part;
        pos = next + 2;
    }
}

const MultipartPart* MultipartForm::part(const QString& name) const
{
    for (const MultipartPart& p : m_parts) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

QString MultipartForm::field(const QString& name) const
{
    const MultipartPart* p = part(name);
    return p ? QString::fromUtf8(p->data) : QString();
}

} // namespace AssetDesk::Sandbox
