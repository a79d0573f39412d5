#include "widgets/composerdialog.h"

#include "core/account.h"
#include "models/composermodel.h"
#include "widgets/composerattachmenteditor.h"
#include "widgets/composerpreview.h"
#include "widgets/composerschedulepicker.h"

#include <QCheckBox>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTabBar>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {
const QColor kOverflow(0xc6, 0x28, 0x28);

// Decoding a camera original takes long: read it scaled, on the pool.
QImage decodeThumbnail(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (size.isValid())
        reader.setScaledSize(size.scaled(QSize(600, 600), Qt::KeepAspectRatio));
    return reader.read();
}
} // namespace

ComposerDialog::ComposerDialog(ComposerModel& model, const QList<Account>& accounts, QWidget* parent)
    : QDialog(parent)
    , m_model(model)
    , m_allAccounts(accounts)
    , m_clock([] { return QDateTime::currentDateTimeUtc(); })
    , m_perAccount(new QCheckBox(tr("Customise per account")))
    , m_tabs(new QTabBar)
    , m_editor(new QPlainTextEdit)
    , m_counter(new QLabel)
    , m_attachmentArea(new QWidget)
    , m_attachmentLayout(new QGridLayout(m_attachmentArea))
    , m_preview(new ComposerPreview)
    , m_issues(new QListWidget)
    , m_submitError(new QLabel)
    , m_publish(new QPushButton(tr("Publish now")))
    , m_schedule(new QPushButton(tr("Schedule…")))
    , m_cancel(new QPushButton(tr("Cancel")))
{
    setWindowTitle(tr("New post on X"));
    resize(1040, 680);

    auto* chips = new QHBoxLayout;
    chips->addWidget(new QLabel(tr("Post to:")));
    buildAccountChips(accounts);
    for (QToolButton* chip : std::as_const(m_chips))
        chips->addWidget(chip);
    chips->addStretch(1);
    chips->addWidget(m_perAccount);
    m_perAccount->setVisible(accounts.size() > 1);

    m_tabs->setObjectName(QStringLiteral("accountTabs"));
    m_tabs->setVisible(false);
    m_tabs->setExpanding(false);
    m_editor->setObjectName(QStringLiteral("postText"));
    m_editor->setPlaceholderText(tr("What is happening?"));
    m_editor->setMinimumHeight(120);
    m_counter->setObjectName(QStringLiteral("counter"));
    m_counter->setAlignment(Qt::AlignRight);

    m_attachmentLayout->setContentsMargins(0, 0, 0, 0);
    auto* attachmentScroll = new QScrollArea;
    attachmentScroll->setWidgetResizable(true);
    attachmentScroll->setFrameShape(QFrame::NoFrame);
    attachmentScroll->setWidget(m_attachmentArea);
    attachmentScroll->setMinimumHeight(110);

    m_issues->setObjectName(QStringLiteral("issues"));
    m_issues->setMaximumHeight(96);
    m_issues->setSelectionMode(QAbstractItemView::NoSelection);
    m_issues->setFocusPolicy(Qt::NoFocus);
    m_submitError->setObjectName(QStringLiteral("submitError"));
    m_submitError->setTextFormat(Qt::PlainText);
    m_submitError->setWordWrap(true);
    m_submitError->setStyleSheet(QStringLiteral("color: #c62828; font-weight: bold;"));
    m_submitError->hide();

    auto* left = new QVBoxLayout;
    left->addLayout(chips);
    left->addWidget(m_tabs);
    left->addWidget(m_editor, 2);
    left->addWidget(m_counter);
    left->addWidget(attachmentScroll, 2);
    left->addWidget(m_issues);
    left->addWidget(m_submitError);

    auto* previewFrame = new QFrame;
    previewFrame->setFrameShape(QFrame::StyledPanel);
    auto* previewLayout = new QVBoxLayout(previewFrame);
    auto* previewTitle = new QLabel(tr("Preview"));
    previewTitle->setStyleSheet(QStringLiteral("color: palette(mid);"));
    previewLayout->addWidget(previewTitle);
    previewLayout->addWidget(m_preview, 1);
    previewFrame->setFixedWidth(340);

    auto* body = new QHBoxLayout;
    body->addLayout(left, 1);
    body->addWidget(previewFrame);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_schedule);
    buttons->addWidget(m_publish);
    m_publish->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(body, 1);
    layout->addLayout(buttons);

    connect(m_perAccount, &QCheckBox::toggled, this, &ComposerDialog::perAccountToggled);
    connect(m_tabs, &QTabBar::currentChanged, this, &ComposerDialog::tabChanged);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &ComposerDialog::editorChanged);
    connect(m_publish, &QPushButton::clicked, this, &ComposerDialog::publish);
    connect(m_schedule, &QPushButton::clicked, this, &ComposerDialog::schedule);
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
    connect(&m_model, &ComposerModel::changed, this, &ComposerDialog::refresh);
    // The rights gate depends on the clock: a licence can end while the dialog is open.
    auto* recheck = new QTimer(this);
    connect(recheck, &QTimer::timeout, this, &ComposerDialog::refresh);
    recheck->start(30000);

    m_updatingEditor = true;
    m_editor->setPlainText(m_model.sharedText());
    m_updatingEditor = false;
    refresh();
}

ComposerDialog::~ComposerDialog() = default;

void ComposerDialog::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
    refresh();
}

void ComposerDialog::setEditImageAvailable(bool available)
{
    m_editImageAvailable = available;
    for (ComposerAttachmentEditor* editor : std::as_const(m_editors))
        editor->setEditImageVisible(available);
}

void ComposerDialog::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget* w : std::initializer_list<QWidget*>{m_editor, m_attachmentArea, m_perAccount, m_tabs})
        w->setEnabled(!busy);
    for (QToolButton* chip : std::as_const(m_chips))
        chip->setEnabled(!busy);
    if (busy)
        m_submitError->hide();
    refresh();
}

void ComposerDialog::showSubmitError(const QString& message)
{
    m_submitError->setText(tr("Nothing was queued: %1").arg(message));
    m_submitError->show();
}

void ComposerDialog::buildAccountChips(const QList<Account>& accounts)
{
    for (const Account& account : accounts) {
        auto* chip = new QToolButton;
        chip->setText(account.handle());
        chip->setToolTip(account.region.isEmpty() ? account.label
                                                  : account.label + QStringLiteral(" · ") + account.region);
        chip->setCheckable(true);
        chip->setChecked(true);
        chip->setProperty("accountId", account.id);
        chip->setToolButtonStyle(Qt::ToolButtonTextOnly);
        connect(chip, &QToolButton::toggled, this, &ComposerDialog::chipToggled);
        m_chips.append(chip);
    }
}

void ComposerDialog::chipToggled()
{
    QList<Account> selected;
    for (int i = 0; i < m_chips.size(); ++i) {
        if (m_chips.at(i)->isChecked())
            selected.append(m_allAccounts.at(i));
    }
    m_model.setAccounts(selected);
    if (m_perAccount->isChecked())
        rebuildTabs();
}

void ComposerDialog::perAccountToggled(bool on)
{
    if (!on) {
        // Back to one text for all: the per-account texts are dropped.
        for (const qint64 id : m_model.accountIds())
            m_model.clearOverride(id);
    }
    m_tabs->setVisible(on);
    rebuildTabs();
}

void ComposerDialog::rebuildTabs()
{
    const QSignalBlocker blocker(m_tabs);
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    m_tabs->addTab(tr("All accounts"));
    m_tabs->setTabData(0, qint64(0));
    for (const Account& account : m_model.accounts()) {
        const int index = m_tabs->addTab(account.handle());
        m_tabs->setTabData(index, account.id);
    }
    m_tabs->setCurrentIndex(0);
    tabChanged(0);
}

qint64 ComposerDialog::editedAccount() const
{
    if (!m_perAccount->isChecked() || m_tabs->currentIndex() < 0)
        return 0;
    return m_tabs->tabData(m_tabs->currentIndex()).toLongLong();
}

void ComposerDialog::tabChanged(int)
{
    const qint64 account = editedAccount();
    m_updatingEditor = true;
    m_editor->setPlainText(account == 0 ? m_model.sharedText() : m_model.textFor(account));
    m_updatingEditor = false;
    refresh();
}

void ComposerDialog::editorChanged()
{
    if (m_updatingEditor)
        return;
    const qint64 account = editedAccount();
    if (account == 0)
        m_model.setSharedText(m_editor->toPlainText());
    else
        m_model.setOverride(account, m_editor->toPlainText());
}

void ComposerDialog::refresh()
{
    refreshCounter();
    refreshAttachments();
    refreshPreview();
    const QDateTime now = m_clock();
    // The list shows what blocks "Publish now"; a schedule is checked in its picker.
    const QList<ComposerIssue> issues = m_model.validate(now, m_model.sendNowTiming(), {});
    m_issues->clear();
    for (const ComposerIssue& issue : issues) {
        auto* item = new QListWidgetItem(issue.message, m_issues);
        item->setForeground(kOverflow);
    }
    m_issues->setVisible(!issues.isEmpty());
    m_publish->setEnabled(!m_busy && issues.isEmpty());
    m_publish->setToolTip(issues.isEmpty() ? QString() : issues.first().message);
    // Scheduling meets the same checks except those of the send time, which the picker shows.
    const bool onlyTiming = std::all_of(issues.begin(), issues.end(), [](const ComposerIssue& i) {
        return i.kind == ComposerIssue::Kind::Rights || i.kind == ComposerIssue::Kind::ScheduleInPast;
    });
    m_schedule->setEnabled(!m_busy && onlyTiming);
    m_cancel->setEnabled(!m_busy);
    m_publish->setText(m_model.undoWindowSeconds() > 0
                           ? tr("Publish now (undo %n s)", nullptr, m_model.undoWindowSeconds())
                           : tr("Publish now"));
}

void ComposerDialog::refreshCounter()
{
    const QString text = m_editor->toPlainText();
    const XPostText::Count count = XPostText::count(text);
    m_counter->setText(QString::number(count.remaining()));
    m_counter->setToolTip(tr("%1 of %2 characters as X counts them (links count 23, most CJK characters 2)")
                              .arg(count.weightedLength)
                              .arg(XPostText::kMaxWeightedLength));
    QPalette palette = m_counter->palette();
    palette.setColor(QPalette::WindowText,
                     count.remaining() < 0 ? kOverflow : this->palette().color(QPalette::WindowText));
    m_counter->setPalette(palette);
    m_counter->setProperty("overLimit", count.remaining() < 0);

    QList<QTextEdit::ExtraSelection> selections;
    for (const XTextSpan& span : count.overLimit) {
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_editor->document());
        selection.cursor.setPosition(int(span.start));
        selection.cursor.setPosition(int(span.end()), QTextCursor::KeepAnchor);
        selection.format.setBackground(QColor(0xff, 0xcd, 0xd2));
        selections.append(selection);
    }
    m_editor->setExtraSelections(selections);

    // With one text per account each tab shows how much room its text has left.
    if (m_perAccount->isChecked()) {
        for (int i = 1; i < m_tabs->count(); ++i) {
            const qint64 id = m_tabs->tabData(i).toLongLong();
            const int left = m_model.countFor(id).remaining();
            m_tabs->setTabTextColor(i, left < 0 ? kOverflow : QColor());
            m_tabs->setTabToolTip(i, m_model.hasOverride(id) ? tr("Own text, %n left", nullptr, left)
                                                             : tr("Shared text, %n left", nullptr, left));
        }
    }
}

void ComposerDialog::refreshAttachments()
{
    const QList<ComposerAttachment> attachments = m_model.attachments();
    QList<QPair<qint64, QString>> shown;
    for (const ComposerAttachment& a : attachments)
        shown.append({a.assetId(), a.thumbnailFile});
    if (shown != m_shownAttachments) {
        // Rebuilt only when attachments come, go or change file, never while alt text is typed.
        m_shownAttachments = shown;
        qDeleteAll(m_editors);
        m_editors.clear();
        for (int i = 0; i < attachments.size(); ++i) {
            const ComposerAttachment& a = attachments.at(i);
            auto* editor = new ComposerAttachmentEditor(a.title(), a.altText, m_model.altTextRequired());
            editor->setEditImageVisible(m_editImageAvailable && a.kind == ComposerAttachment::Kind::Image);
            connect(editor, &ComposerAttachmentEditor::altTextEdited, this,
                    [this, i](const QString& text) { m_model.setAltText(i, text); });
            connect(editor, &ComposerAttachmentEditor::editImageRequested, this,
                    [this, i] { emit editAttachmentRequested(i); });
            connect(editor, &ComposerAttachmentEditor::removeRequested, this,
                    [this, i] { QTimer::singleShot(0, this, [this, i] { m_model.removeAttachment(i); }); });
            m_attachmentLayout->addWidget(editor, i / 2, i % 2);
            m_editors.append(editor);
            loadThumbnail(a.thumbnailFile);
        }
    }
    for (int i = 0; i < attachments.size() && i < m_editors.size(); ++i) {
        m_editors.at(i)->setAltTextRequired(m_model.altTextRequired());
        const QPixmap pixmap = m_thumbnails.value(attachments.at(i).thumbnailFile);
        if (!pixmap.isNull())
            m_editors.at(i)->setThumbnail(pixmap);
    }
}

void ComposerDialog::loadThumbnail(const QString& path)
{
    if (path.isEmpty() || m_thumbnails.contains(path))
        return;
    m_thumbnails.insert(path, QPixmap());
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        const QImage image = watcher->result();
        if (image.isNull())
            return;
        m_thumbnails.insert(path, QPixmap::fromImage(image));
        refreshAttachments();
        refreshPreview();
    });
    watcher->setFuture(QtConcurrent::run(decodeThumbnail, path));
}

void ComposerDialog::refreshPreview()
{
    const QList<Account> accounts = m_model.accounts();
    qint64 shownAccount = editedAccount();
    if (shownAccount == 0 && !accounts.isEmpty())
        shownAccount = accounts.first().id;
    QString name;
    for (const Account& account : accounts) {
        if (account.id == shownAccount)
            name = account.handle();
    }
    QList<QPixmap> images;
    for (const ComposerAttachment& a : m_model.attachments())
        images.append(m_thumbnails.value(a.thumbnailFile));
    m_preview->setPost(name, shownAccount == 0 ? m_model.sharedText() : m_model.textFor(shownAccount),
                       images);
}

void ComposerDialog::publish()
{
    m_model.setSendNow();
    if (!m_model.canSubmit(m_clock()))
        return;
    emit publishRequested();
}

void ComposerDialog::schedule()
{
    auto* picker = new ComposerSchedulePicker(m_model, m_clock, this);
    picker->setAttribute(Qt::WA_DeleteOnClose);
    connect(picker, &QDialog::accepted, this, [this, picker] {
        m_model.setScheduledAt(picker->chosen());
        if (m_model.canSubmit(m_clock()))
            emit scheduleRequested();
    });
    picker->open();
}

} // namespace AssetDesk
