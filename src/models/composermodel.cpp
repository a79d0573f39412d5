#include "models/composermodel.h"

#include "core/rightsgate.h"

#include <algorithm>

namespace AssetDesk {

ComposerModel::ComposerModel(QObject* parent)
    : QObject(parent)
{}

void ComposerModel::setAccounts(const QList<Account>& accounts)
{
    m_accounts = accounts;
    // An override of an account no longer targeted would be sent nowhere: drop it.
    for (auto it = m_overrides.begin(); it != m_overrides.end();) {
        const qint64 id = it.key();
        const bool kept =
            std::any_of(accounts.begin(), accounts.end(), [id](const Account& a) { return a.id == id; });
        it = kept ? std::next(it) : m_overrides.erase(it);
    }
    emit changed();
}

QList<qint64> ComposerModel::accountIds() const
{
    QList<qint64> ids;
    for (const Account& account : m_accounts)
        ids.append(account.id);
    return ids;
}

void ComposerModel::setSharedText(const QString& text)
{
    if (text == m_sharedText)
        return;
    m_sharedText = text;
    emit changed();
}

void ComposerModel::setOverride(qint64 accountId, const QString& text)
{
    if (m_overrides.contains(accountId) && m_overrides.value(accountId) == text)
        return;
    m_overrides.insert(accountId, text);
    emit changed();
}

void ComposerModel::clearOverride(qint64 accountId)
{
    if (m_overrides.remove(accountId) > 0)
        emit changed();
}

QString ComposerModel::textFor(qint64 accountId) const
{
    return m_overrides.value(accountId, m_sharedText);
}

void ComposerModel::addAssets(const QList<Asset>& assets)
{
    bool added = false;
    for (const Asset& asset : assets) {
        const bool present =
            std::any_of(m_attachments.begin(), m_attachments.end(),
                        [&asset](const ComposerAttachment& a) { return a.assetId() == asset.id; });
        if (present)
            continue;
        m_attachments.append(ComposerAttachment::fromAsset(asset));
        added = true;
    }
    if (added)
        emit changed();
}

void ComposerModel::removeAttachment(int index)
{
    if (index < 0 || index >= m_attachments.size())
        return;
    m_attachments.removeAt(index);
    emit changed();
}

void ComposerModel::setAltText(int index, const QString& text)
{
    if (index < 0 || index >= m_attachments.size() || m_attachments.at(index).altText == text)
        return;
    m_attachments[index].altText = text;
    emit changed();
}

void ComposerModel::setAttachmentFile(int index, const QString& localFile, qint64 derivativeId)
{
    if (index < 0 || index >= m_attachments.size())
        return;
    ComposerAttachment& attachment = m_attachments[index];
    attachment.localFile = localFile;
    attachment.thumbnailFile = localFile;
    attachment.derivativeId = derivativeId;
    attachment.kind = ComposerAttachment::kindOf(attachment.asset, localFile);
    emit changed();
}

void ComposerModel::setAltTextRequired(bool required)
{
    if (required == m_altTextRequired)
        return;
    m_altTextRequired = required;
    emit changed();
}

void ComposerModel::setUndoWindowSeconds(int seconds)
{
    m_undoWindowSeconds = std::max(0, seconds);
    if (m_timing != Timing::At)
        m_timing = sendNowTiming();
    emit changed();
}

void ComposerModel::setSendNow()
{
    m_timing = sendNowTiming();
    m_scheduledAt = {};
    emit changed();
}

void ComposerModel::setScheduledAt(const QDateTime& when)
{
    m_timing = Timing::At;
    m_scheduledAt = when;
    emit changed();
}

QDateTime ComposerModel::sendTime(const QDateTime& now, Timing timing, const QDateTime& scheduledAt) const
{
    switch (timing) {
    case Timing::Now:
        return now;
    case Timing::UndoWindow:
        return now.addSecs(m_undoWindowSeconds);
    case Timing::At:
        return scheduledAt;
    }
    return now;
}

QList<ComposerIssue> ComposerModel::validate(const QDateTime& now, Timing timing,
                                             const QDateTime& scheduledAt) const
{
    QList<ComposerIssue> issues;
    if (m_accounts.isEmpty())
        issues.append({ComposerIssue::Kind::NoAccount, tr("Choose at least one X account to post to.")});
    issues += validateText();
    issues += validateMedia();
    const QDateTime when = sendTime(now, timing, scheduledAt);
    if (timing == Timing::At && (!when.isValid() || when <= now)) {
        issues.append(
            {ComposerIssue::Kind::ScheduleInPast, tr("The scheduled time has passed; choose a later time.")});
    } else {
        for (int i = 0; i < m_attachments.size(); ++i) {
            if (const Status gate = RightsGate::check(m_attachments.at(i).asset, when); !gate)
                issues.append({ComposerIssue::Kind::Rights, gate.error().message(), 0, i});
        }
    }
    return issues;
}

QList<ComposerIssue> ComposerModel::validateText() const
{
    QList<ComposerIssue> issues;
    for (const Account& account : m_accounts) {
        const QString text = textFor(account.id);
        const XPostText::Count count = XPostText::count(text);
        const QString name = account.handle();
        if (text.trimmed().isEmpty()) {
            if (m_attachments.isEmpty())
                issues.append({ComposerIssue::Kind::Empty,
                               tr("The post for %1 has neither text nor media.").arg(name), account.id});
            continue;
        }
        if (count.weightedLength > XPostText::kMaxWeightedLength)
            issues.append(
                {ComposerIssue::Kind::TooLong,
                 tr("The text for %1 is %n character(s) too long.", nullptr, -count.remaining()).arg(name),
                 account.id});
        else if (!count.valid)
            issues.append({ComposerIssue::Kind::InvalidCharacter,
                           tr("The text for %1 contains a character X does not accept.").arg(name),
                           account.id});
    }
    return issues;
}

QList<ComposerIssue> ComposerModel::validateMedia() const
{
    QList<ComposerIssue> issues;
    int gifsAndVideos = 0;
    for (int i = 0; i < m_attachments.size(); ++i) {
        const ComposerAttachment& a = m_attachments.at(i);
        switch (a.kind) {
        case ComposerAttachment::Kind::Image:
            break;
        case ComposerAttachment::Kind::Gif:
        case ComposerAttachment::Kind::Video:
            ++gifsAndVideos;
            break;
        case ComposerAttachment::Kind::Unsupported:
            issues.append({ComposerIssue::Kind::UnsupportedMedia,
                           tr("“%1” is neither an image nor a video; X cannot post it.").arg(a.title()), 0,
                           i});
            break;
        }
        if (a.localFile.isEmpty())
            issues.append(
                {ComposerIssue::Kind::MissingFile,
                 tr("“%1” has no local file yet; let the library download it first.").arg(a.title()), 0, i});
        if (a.altText.size() > kMaxAltText)
            issues.append(
                {ComposerIssue::Kind::AltTextTooLong,
                 tr("The alt text of “%1” is longer than %2 characters.").arg(a.title()).arg(kMaxAltText), 0,
                 i});
        else if (m_altTextRequired && a.kind != ComposerAttachment::Kind::Video &&
                 a.altText.trimmed().isEmpty())
            issues.append(
                {ComposerIssue::Kind::AltTextMissing, tr("“%1” needs alt text.").arg(a.title()), 0, i});
    }
    if (m_attachments.size() > kMaxMedia)
        issues.append(
            {ComposerIssue::Kind::TooManyMedia, tr("A post can carry at most %1 images; %2 are attached.")
                                                    .arg(kMaxMedia)
                                                    .arg(m_attachments.size())});
    else if (gifsAndVideos > 0 && m_attachments.size() > 1)
        issues.append(
            {ComposerIssue::Kind::MixedMedia,
             tr("A video or GIF must be the only medium of a post; remove the other attachments.")});
    return issues;
}

QString ComposerModel::startingText(const QList<Asset>& assets)
{
    for (const Asset& asset : assets) {
        const QString caption = asset.caption.simplified();
        QString credit = asset.rights.credit.simplified();
        if (credit.isEmpty())
            credit = asset.rights.copyright.simplified();
        if (caption.isEmpty() && credit.isEmpty())
            continue;
        if (!credit.isEmpty() && !credit.startsWith(QChar(0x00A9)))
            credit = QStringLiteral("© ") + credit;
        if (caption.isEmpty())
            return XPostText::truncatedToFit(credit);
        if (credit.isEmpty())
            return XPostText::truncatedToFit(caption);
        // The credit is kept whole (it is the licence's condition); the caption gives way.
        const QString tail = QStringLiteral(" — ") + credit;
        const int room = XPostText::kMaxWeightedLength - XPostText::weightedLength(tail);
        if (room <= 1)
            return XPostText::truncatedToFit(credit);
        return XPostText::truncatedToFit(caption, room) + tail;
    }
    return {};
}

} // namespace AssetDesk
