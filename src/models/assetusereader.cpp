#include "models/assetusereader.h"

#include "core/account.h"
#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/derivativerepository.h"
#include "storage/postrepository.h"
#include "storage/storage.h"
#include "storage/ticketrepository.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace AssetDesk {

namespace {
using Kind = LineageEdge::NodeKind;
using Location = AssetDetails::Use::Location;

// A use whose row is no longer cached: named by what it was, and marked.
Status markGone(AssetDetails::Use& use, const QString& place)
{
    use.place = place;
    use.gone = true;
    return {};
}

QString oneLine(const QString& text)
{
    return text.simplified();
}
} // namespace

Result<QList<AssetDetails::Use>> AssetUseReader::read(const QList<LineageNode>& nodes) const
{
    QList<AssetDetails::Use> uses;
    uses.reserve(nodes.size());
    for (const LineageNode& node : nodes) {
        Result<AssetDetails::Use> use = read(node);
        if (!use)
            return use.error();
        uses << std::move(use).value();
    }
    return uses;
}

Result<AssetDetails::Use> AssetUseReader::read(const LineageNode& node) const
{
    AssetDetails::Use use;
    use.kind = lineageNodeKindId(node.kind);
    use.id = node.id;
    use.depth = node.depth;
    use.relation = node.relation;
    use.assetVersion = node.assetVersion;
    use.at = node.linkedAt;
    Status described;
    switch (node.kind) {
    case Kind::Post:
        described = describePost(node, use);
        break;
    case Kind::TicketComment:
        described = describeTicketComment(node, use);
        break;
    case Kind::CaseNote:
        described = describeCaseNote(node, use);
        break;
    case Kind::CustomerRecord:
        described = describeCustomerRecord(node, use);
        break;
    case Kind::Derivative:
        described = describeDerivative(node, use);
        break;
    case Kind::ArchivedCopy:
        use.place = tr("Archived copy");
        break;
    case Kind::Asset:
        use.place = tr("Another asset");
        break;
    }
    if (!described)
        return described.error();
    if (node.depth > 1) {
        use.place = node.viaKind == Kind::Derivative ? tr("%1, through a derivative").arg(use.place)
                                                     : tr("%1, indirectly").arg(use.place);
    }
    return use;
}

Status AssetUseReader::describePost(const LineageNode& node, AssetDetails::Use& use) const
{
    const Result<std::optional<Post>> post = PostRepository(m_storage).get(node.id);
    if (!post)
        return post.error();
    if (!post->has_value())
        return markGone(use, tr("X post (no longer in the workspace)"));
    const Post& p = **post;
    use.place = postPlace(p.status, accountName(p.accountId));
    use.summary = oneLine(p.text);
    // The X column lists what went out; a deleted or unsent post is nowhere to be shown.
    if (p.status == Post::Status::Published && !p.remoteId.isEmpty())
        use.location = {Location::Pane::X, p.accountId, 0, CrmTreeNode::Kind::Group, p.remoteId};
    if (p.publishedAt.isValid())
        use.at = p.publishedAt;
    else if (p.scheduledAt.isValid())
        use.at = p.scheduledAt;
    return {};
}

Status AssetUseReader::describeTicketComment(const LineageNode& node, AssetDetails::Use& use) const
{
    const TicketRepository tickets(m_storage);
    const Result<std::optional<TicketComment>> comment = tickets.comment(node.id);
    if (!comment)
        return comment.error();
    if (!comment->has_value())
        return markGone(use, tr("Zendesk ticket comment (no longer in the workspace)"));
    const Result<std::optional<Ticket>> ticket = tickets.ticket((*comment)->ticketId);
    if (!ticket)
        return ticket.error();
    if (ticket->has_value()) {
        use.place = (*comment)->isPublic ? tr("Zendesk ticket #%1").arg((*ticket)->remoteId)
                                         : tr("Zendesk ticket #%1, internal note").arg((*ticket)->remoteId);
        use.summary = oneLine((*ticket)->subject);
        use.location = {
            Location::Pane::Helpdesk, (*ticket)->accountId, (*ticket)->id, CrmTreeNode::Kind::Group, {}};
    }
    if ((*comment)->createdAt.isValid())
        use.at = (*comment)->createdAt;
    return {};
}

Status AssetUseReader::describeCaseNote(const LineageNode& node, AssetDetails::Use& use) const
{
    const CrmRepository crm(m_storage);
    const Result<std::optional<CaseNote>> note = crm.note(node.id);
    if (!note)
        return note.error();
    if (!note->has_value())
        return markGone(use, tr("Dynamics case note (no longer in the workspace)"));
    const Result<std::optional<SupportCase>> supportCase =
        crm.caseByRemoteId((*note)->accountId, (*note)->caseRemoteId);
    if (!supportCase)
        return supportCase.error();
    if (supportCase->has_value()) {
        const SupportCase& c = **supportCase;
        use.place = tr("Dynamics case %1").arg(c.ticketNumber.isEmpty() ? c.remoteId : c.ticketNumber);
        use.summary = oneLine(c.title);
        use.location = {Location::Pane::Crm, c.accountId, c.id, CrmTreeNode::Kind::Case, {}};
    } else {
        use.place = tr("Dynamics case note");
        use.summary = oneLine((*note)->subject);
    }
    if ((*note)->created.isValid())
        use.at = (*note)->created;
    return {};
}

Status AssetUseReader::describeCustomerRecord(const LineageNode& node, AssetDetails::Use& use) const
{
    const CrmRepository crm(m_storage);
    const auto describe = [&use](const auto& record, const QString& place, CrmTreeNode::Kind kind) -> Status {
        if (!record)
            return record.error();
        if (record->has_value()) {
            use.place = place;
            use.summary = oneLine((*record)->name);
            use.location = {Location::Pane::Crm, (*record)->accountId, (*record)->id, kind, {}};
            return Status{};
        }
        return markGone(use, tr("%1 (no longer in the workspace)").arg(place));
    };
    if (node.relation == LineageEdge::associatedWithRelation(QStringLiteral("account")))
        return describe(crm.account(node.id), tr("Dynamics account"), CrmTreeNode::Kind::Customer);
    if (node.relation == LineageEdge::associatedWithRelation(QStringLiteral("opportunity")))
        return describe(crm.opportunity(node.id), tr("Dynamics opportunity"), CrmTreeNode::Kind::Opportunity);
    if (node.relation == QLatin1String(LineageEdge::kUploadedForEventRelation))
        return describe(crm.event(node.id), tr("Dynamics event"), CrmTreeNode::Kind::Event);
    use.place = tr("Dynamics record");
    return {};
}

Status AssetUseReader::describeDerivative(const LineageNode& node, AssetDetails::Use& use) const
{
    const Result<std::optional<Derivative>> derivative = DerivativeRepository(m_storage).get(node.id);
    if (!derivative)
        return derivative.error();
    if (!derivative->has_value())
        return markGone(use, tr("Derivative (no longer in the workspace)"));
    const Derivative& d = **derivative;
    use.place = d.isVideo() ? tr("Video derivative") : tr("Image derivative");
    const QString size = tr("%1 × %2, %3").arg(d.size.width()).arg(d.size.height()).arg(d.mimeType);
    // Whether the file is still there is asked now, on the loader's thread, not when the row is
    // drawn; a file removed after that is reported when it is opened. The path comes from the
    // workspace, which a team shares: only an image or a video is handed to the system's viewer,
    // never whatever else a path may name (a launcher, a script).
    const QFileInfo file(d.filePath);
    if (d.filePath.isEmpty() || !file.isFile()) {
        use.summary = tr("%1; its file is no longer on disk").arg(size);
    } else if (const QString type = QMimeDatabase().mimeTypeForFile(file).name();
               !type.startsWith(u"image/") && !type.startsWith(u"video/")) {
        use.summary = tr("%1; its file is not an image or a video (%2)").arg(size, type);
    } else {
        use.summary = size;
        use.filePath = d.filePath;
    }
    if (d.createdAt.isValid())
        use.at = d.createdAt;
    return {};
}

std::optional<EntityKind> AssetUseReader::changeKindOf(const AssetDetails::Use& use)
{
    switch (lineageNodeKindFromId(use.kind).value_or(Kind::Asset)) {
    case Kind::Post:
        return EntityKind::Post;
    case Kind::TicketComment:
        return EntityKind::TicketComment;
    case Kind::CaseNote:
        return EntityKind::CaseNote;
    case Kind::CustomerRecord:
        if (use.relation == LineageEdge::associatedWithRelation(QStringLiteral("opportunity")))
            return EntityKind::Opportunity;
        if (use.relation == QLatin1String(LineageEdge::kUploadedForEventRelation))
            return EntityKind::CrmEvent;
        if (use.relation == LineageEdge::associatedWithRelation(QStringLiteral("account")))
            return EntityKind::CrmAccount;
        return std::nullopt;
    case Kind::Derivative:
    case Kind::ArchivedCopy:
    case Kind::Asset:
        return std::nullopt;
    }
    return std::nullopt;
}

QString AssetUseReader::postPlace(Post::Status status, const QString& account)
{
    switch (status) {
    case Post::Status::Published:
        return tr("X post on %1").arg(account);
    case Post::Status::Scheduled:
        return tr("Scheduled X post on %1").arg(account);
    case Post::Status::Queued:
    case Post::Status::Publishing:
        return tr("X post being published on %1").arg(account);
    case Post::Status::Failed:
        return tr("Failed X post on %1").arg(account);
    case Post::Status::Draft:
        return tr("Draft X post on %1").arg(account);
    case Post::Status::Deleted:
        return tr("Deleted X post on %1").arg(account);
    }
    return tr("X post on %1").arg(account);
}

// The X handle for an X account, the label otherwise.
QString AssetUseReader::accountName(qint64 accountId) const
{
    // An asset posted a hundred times is mostly posted by the same few accounts: read each once.
    if (const auto known = m_accountNames.constFind(accountId); known != m_accountNames.cend())
        return *known;
    const Result<std::optional<Account>> account = AccountRepository(m_storage).get(accountId);
    const QString name = account && account->has_value() ? (*account)->handle() : tr("a removed account");
    m_accountNames.insert(accountId, name);
    return name;
}

} // namespace AssetDesk
