#include "sync/xpublishattempt.h"

#include "connectors/x/xconnector.h"
#include "connectors/x/xerrors.h"
#include "connectors/x/xmediauploader.h"
#include "connectors/x/xposts.h"

#include <QRegularExpression>

#include <algorithm>

namespace AssetDesk {

XPublishAttempt::XPublishAttempt(OutboxJob job, XConnector* connector, Options options, Done done, QObject* parent)
    : QObject(parent)
    , m_job(std::move(job))
    , m_connector(connector)
    , m_options(options)
    , m_done(std::move(done))
{}

bool XPublishAttempt::isAmbiguous(const Error& error)
{
    // Transport: the request may have been processed before the connection failed (a timeout
    // after X committed). Parse: X answered - so it ran the request - with a body we could not
    // read. 5xx and 429 come through isTransient().
    return error.isTransient() || error.kind() == ErrorKind::Parse;
}

namespace {

// The text as a timeline shows it, made comparable with what was sent: X answers with &, < and >
// HTML-escaped and every URL replaced by a t.co link, so entities are undone and URLs compared
// as "a URL is here".
QString comparable(const QString& text)
{
    static const QRegularExpression url(QStringLiteral("https?://\\S+"));
    QString t = XPublishPayload::normalisedText(text);
    t.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    t.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    t.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    t.replace(url, QStringLiteral("\x01url"));
    return t;
}

} // namespace

bool XPublishAttempt::matches(const XPublishPayload& payload, const QString& text, int mediaCount)
{
    // Text and media count. A media-only post has no text to recognise it by, so two of them
    // with the same number of media look alike; the reconciler then takes the newest, which is
    // the best it can do without an idempotency key.
    return comparable(text) == comparable(payload.text) && mediaCount == payload.media.size();
}

void XPublishAttempt::start()
{
    Result<XPublishPayload> payload = XPublishPayload::fromJson(m_job.payload);
    if (!payload) {
        finish(XPublishOutcome::failed(payload.error().message()));
        return;
    }
    m_payload = std::move(payload).value();
    if (!m_connector) {
        finish(XPublishOutcome::retry(tr("The X account's connector went away.")));
        return;
    }
    // attempts counts claims: above 1, an earlier claim may have sent the post.
    if (m_job.attempts > 1)
        reconcile(Then::SendIfMissing, {}, 1);
    else
        uploadNext(0);
}

void XPublishAttempt::reconcile(Then then, const QString& paginationToken, int pagesLeft)
{
    if (!m_connector) {
        finish(XPublishOutcome::retry(tr("The X account's connector went away.")));
        return;
    }
    XTimelineQuery query;
    query.maxResults = std::clamp(m_options.reconcilePageSize, 5, 100);
    query.paginationToken = paginationToken;
    m_connector->posts().timeline(query, this, [this, then, pagesLeft](Result<XPostPage> page) {
        if (!page) {
            // Without the timeline we cannot know whether the post exists: never send blind.
            finish(XPublishOutcome::retry(tr("Could not read the account's posts to check for this one: %1")
                                              .arg(page.error().message()),
                                          page.error().retryAfter()));
            return;
        }
        onPage(then, page.value(), pagesLeft - 1);
    });
}

void XPublishAttempt::onPage(Then then, const XPostPage& page, int pagesLeft)
{
    // Newest first: with two look-alike posts, the newer one is the likelier to be ours.
    for (const PublishedPost& post : page.posts) {
        if (!matches(m_payload, post.text, post.mediaKeys.size()))
            continue;
        if (then == Then::DuplicateRefused && m_job.attempts <= 1) {
            // Nothing of ours can have reached X before this job's first attempt: the account
            // posted this text itself.
            finish(XPublishOutcome::failed(
                tr("X refuses this text as a duplicate of the account's recent post %1.").arg(post.id)));
            return;
        }
        finish(XPublishOutcome::published(post.id, post.createdAt, {}, true));
        return;
    }
    const int deeper = then == Then::DuplicateRefused ? pagesLeft : 0;
    if (!page.isLast() && deeper > 0) {
        reconcile(then, page.nextToken, deeper);
        return;
    }
    if (then == Then::DuplicateRefused) {
        finish(XPublishOutcome::failed(
            tr("X refuses this text as a duplicate of a recent post, and none of the account's recent "
               "posts matches it.")));
        return;
    }
    uploadNext(0);
}

void XPublishAttempt::uploadNext(int index)
{
    if (index >= m_payload.media.size()) {
        send();
        return;
    }
    if (!m_connector) {
        finish(XPublishOutcome::retry(tr("The X account's connector went away.")));
        return;
    }
    const XPublishPayload::Media& medium = m_payload.media.at(index);
    if (medium.path.isEmpty()) {
        m_mediaIds << medium.mediaId;
        uploadNext(index + 1);
        return;
    }
    // An upload that fails leaves at most an unused media id on X, which expires there: safe to
    // repeat, so no reconciling is needed for media.
    m_connector->media().upload(medium.path, medium.altText, this, {}, [this, index](Result<MediaUpload> upload) {
        if (!upload) {
            finish(transientOrFailed(tr("Uploading media"), upload.error()));
            return;
        }
        m_mediaIds << upload->mediaId;
        uploadNext(index + 1);
    });
}

void XPublishAttempt::send()
{
    if (!m_connector) {
        finish(XPublishOutcome::retry(tr("The X account's connector went away.")));
        return;
    }
    const XPostDraft draft{m_payload.text, m_mediaIds, m_payload.replyToId, m_payload.quoteId};
    m_connector->posts().create(draft, this, [this](Result<QString> id) {
        if (id) {
            finish(XPublishOutcome::published(id.value(), QDateTime::currentDateTimeUtc(), m_mediaIds, false));
            return;
        }
        if (isXDuplicateContent(id.error())) {
            // After an ambiguous attempt this is X saying "you already posted it": find it.
            reconcile(Then::DuplicateRefused, {}, std::max(1, m_options.reconcilePages));
            return;
        }
        finish(transientOrFailed(tr("Publishing"), id.error()));
    });
}

XPublishOutcome XPublishAttempt::transientOrFailed(const QString& what, const Error& error) const
{
    const QString reason = QStringLiteral("%1 failed: %2").arg(what, error.toLogString());
    return isAmbiguous(error) ? XPublishOutcome::retry(reason, error.retryAfter()) : XPublishOutcome::failed(reason);
}

void XPublishAttempt::finish(const XPublishOutcome& outcome)
{
    if (m_done) {
        Done done = std::move(m_done);
        m_done = nullptr;
        done(outcome);
    }
    deleteLater();
}

} // namespace AssetDesk
