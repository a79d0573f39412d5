#pragma once

#include <QDateTime>
#include <QDialog>
#include <QHash>
#include <QList>
#include <QPixmap>

#include <functional>

class QCheckBox;
class QGridLayout;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTabBar;
class QToolButton;

namespace AssetDesk {

class ComposerAttachmentEditor;
class ComposerModel;
class ComposerPreview;
struct Account;

// The X composer (W1, PX1, PX5): account chips, one text for all accounts or one per account,
// the live weighted counter (red past 280, the overflow highlighted), each attachment with its
// alt text, a preview as X shows the post, the list of what still blocks sending, and Publish
// now / Schedule… / Cancel. The dialog edits a ComposerModel and asks; it does not queue anything
// itself: publishRequested() and scheduleRequested() go to whoever owns the outbox (ComposeFlow),
// which closes the dialog once the jobs are committed or reports why not with showSubmitError().
class ComposerDialog : public QDialog
{
    Q_OBJECT
public:
    ComposerDialog(ComposerModel& model, const QList<Account>& accounts, QWidget* parent = nullptr);
    ~ComposerDialog() override;

    // The time the checks use (tests set a fixed one).
    void setClock(std::function<QDateTime()> clock);
    // "Edit image…" is shown only when someone opens the derivative editor for it.
    void setEditImageAvailable(bool available);
    // While the jobs are being committed: nothing can be edited or sent twice.
    void setBusy(bool busy);
    void showSubmitError(const QString& message);

    QPlainTextEdit* editor() const { return m_editor; }
    QLabel* counter() const { return m_counter; }
    QPushButton* publishButton() const { return m_publish; }
    QPushButton* scheduleButton() const { return m_schedule; }
    QListWidget* issueList() const { return m_issues; }
    QCheckBox* perAccountToggle() const { return m_perAccount; }
    QTabBar* accountTabs() const { return m_tabs; }
    ComposerPreview* preview() const { return m_preview; }
    QList<ComposerAttachmentEditor*> attachmentEditors() const { return m_editors; }
    // Opens the schedule picker; public so that tests and shortcuts reach the same path.
    void schedule();

signals:
    void publishRequested();
    void scheduleRequested();
    void editAttachmentRequested(int index);

private:
    void buildAccountChips(const QList<Account>& accounts);
    void chipToggled();
    void perAccountToggled(bool on);
    void rebuildTabs();
    void tabChanged(int index);
    void editorChanged();
    void refresh();
    void refreshCounter();
    void refreshAttachments();
    void refreshPreview();
    void loadThumbnail(const QString& path);
    void publish();
    qint64 editedAccount() const;

    ComposerModel& m_model;
    QList<Account> m_allAccounts;
    std::function<QDateTime()> m_clock;
    QList<QToolButton*> m_chips;
    QCheckBox* m_perAccount;
    QTabBar* m_tabs;
    QPlainTextEdit* m_editor;
    QLabel* m_counter;
    QWidget* m_attachmentArea;
    QGridLayout* m_attachmentLayout;
    QList<ComposerAttachmentEditor*> m_editors;
    QList<QPair<qint64, QString>> m_shownAttachments; // asset id and file the editors were built for
    QHash<QString, QPixmap> m_thumbnails;             // decoded on the pool; null while loading
    ComposerPreview* m_preview;
    QListWidget* m_issues;
    QLabel* m_submitError;
    QPushButton* m_publish;
    QPushButton* m_schedule;
    QPushButton* m_cancel;
    bool m_editImageAvailable = false;
    bool m_busy = false;
    bool m_updatingEditor = false;
};

} // namespace AssetDesk
