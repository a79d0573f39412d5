#pragma once

#include "core/account.h"
#include "core/xposttext.h"
#include "models/composerattachment.h"
#include "models/composerissue.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>

namespace AssetDesk {

// What the composer edits, without widgets: the X accounts a post goes to, one shared text with
// optional per-account texts (regional variants, PX5), the attached library assets with their
// alt text, and when it is sent. validate() lists every reason it cannot be sent yet, as values:
// the weighted length per account, X's media rules, alt text, and the rights gate (IX6) at the
// send time for every attached asset. GUI thread; nothing here does I/O.
class ComposerModel : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxMedia = 4;
    static constexpr int kMaxAltText = 1000;

    // Now: as soon as a publisher is free. UndoWindow: now + undoWindowSeconds, cancellable
    // until then. At: the scheduled time.
    enum class Timing
    {
        Now,
        UndoWindow,
        At
    };
    Q_ENUM(Timing)

    explicit ComposerModel(QObject* parent = nullptr);

    QList<Account> accounts() const { return m_accounts; }
    void setAccounts(const QList<Account>& accounts);
    QList<qint64> accountIds() const;

    QString sharedText() const { return m_sharedText; }
    void setSharedText(const QString& text);
    // A per-account text replaces the shared one for that account only.
    bool hasOverride(qint64 accountId) const { return m_overrides.contains(accountId); }
    void setOverride(qint64 accountId, const QString& text);
    void clearOverride(qint64 accountId);
    QString textFor(qint64 accountId) const;
    XPostText::Count countFor(qint64 accountId) const { return XPostText::count(textFor(accountId)); }

    QList<ComposerAttachment> attachments() const { return m_attachments; }
    // Attaches the assets (an asset already attached is not added twice).
    void addAssets(const QList<Asset>& assets);
    void removeAttachment(int index);
    void setAltText(int index, const QString& text);
    // Replaces the file an attachment uploads (a derivative made for X) and its kind.
    void setAttachmentFile(int index, const QString& localFile, qint64 derivativeId = 0);

    bool altTextRequired() const { return m_altTextRequired; }
    void setAltTextRequired(bool required);

    Timing timing() const { return m_timing; }
    QDateTime scheduledAt() const { return m_scheduledAt; }
    int undoWindowSeconds() const { return m_undoWindowSeconds; }
    void setUndoWindowSeconds(int seconds);
    // Publish now: within the undo window when there is one.
    void setSendNow();
    void setScheduledAt(const QDateTime& when);
    // When the post would be sent if submitted at `now`: the time the rights gate checks.
    QDateTime sendTime(const QDateTime& now) const { return sendTime(now, m_timing, m_scheduledAt); }
    QDateTime sendTime(const QDateTime& now, Timing timing, const QDateTime& scheduledAt) const;
    // The timing "Publish now" uses: the undo window when there is one.
    Timing sendNowTiming() const { return m_undoWindowSeconds > 0 ? Timing::UndoWindow : Timing::Now; }

    // Every blocking issue at `now`, in the order: accounts, text per account, media, alt text,
    // rights, schedule.
    QList<ComposerIssue> validate(const QDateTime& now) const
    {
        return validate(now, m_timing, m_scheduledAt);
    }
    // The same for another timing: what "Publish now" or a schedule being picked would meet.
    QList<ComposerIssue> validate(const QDateTime& now, Timing timing, const QDateTime& scheduledAt) const;
    bool canSubmit(const QDateTime& now) const { return validate(now).isEmpty(); }

    // "caption — © credit" of the first asset that has a caption or credit, the caption cut at a
    // word so that the whole fits in one post.
    static QString startingText(const QList<Asset>& assets);

signals:
    // Anything changed: text, accounts, attachments, timing or settings.
    void changed();

private:
    QList<ComposerIssue> validateText() const;
    QList<ComposerIssue> validateMedia() const;

    QList<Account> m_accounts;
    QString m_sharedText;
    QHash<qint64, QString> m_overrides;
    QList<ComposerAttachment> m_attachments;
    bool m_altTextRequired = true;
    Timing m_timing = Timing::UndoWindow;
    QDateTime m_scheduledAt;
    int m_undoWindowSeconds = 10;
};

} // namespace AssetDesk
