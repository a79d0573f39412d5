#include "composeflow.h"

#include "derivativeflow.h"
#include "workspacesession.h"

#include "core/rightsgate.h"
#include "core/whenfinished.h"
#include "models/composermodel.h"
#include "models/composersettings.h"
#include "storage/accountrepository.h"
#include "storage/assetrepository.h"
#include "storage/jobrepository.h"
#include "storage/storage.h"
#include "sync/xoutbox.h"
#include "widgets/composerdialog.h"
#include "widgets/composerundonotice.h"

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace AssetDesk {

namespace {
struct Loaded
{
    QList<Account> accounts;
    QList<Asset> assets;
};

// What the dialog said when Publish or Schedule was pressed: one payload per account.
struct Submission
{
    QList<Account> accounts;
    QList<XPublishPayload> payloads;
    QList<qint64> assetIds;
    QDateTime sendTime;
    int undoSeconds = 0; // > 0: "publish now" through the undo window
    bool scheduled = false;
};

// Collects the outcome of the per-account enqueues, which finish in any order.
struct Pending
{
    Submission submission;
    QList<std::optional<Result<qint64>>> results;
    int left = 0;
};

Submission submissionOf(const ComposerModel& model, const QDateTime& now)
{
    Submission s;
    s.accounts = model.accounts();
    s.sendTime = model.sendTime(now);
    s.scheduled = model.timing() == ComposerModel::Timing::At;
    s.undoSeconds = model.timing() == ComposerModel::Timing::UndoWindow ? model.undoWindowSeconds() : 0;
    for (const ComposerAttachment& a : model.attachments())
        s.assetIds.append(a.assetId());
    for (const Account& account : s.accounts) {
        XPublishPayload payload;
        payload.accountId = account.id;
        payload.text = XPublishPayload::normalisedText(model.textFor(account.id));
        for (const ComposerAttachment& a : model.attachments()) {
            XPublishPayload::Media medium(a.localFile, QString(), a.altText.trimmed());
            // For lineage (asset -> [derivative ->] post) and the send-time rights gate.
            medium.assetId = a.assetId();
            medium.assetVersion = a.version();
            medium.derivativeId = a.derivativeId;
            payload.media.append(medium);
        }
        payload.assetIds = s.assetIds;
        s.payloads.append(payload);
    }
    return s;
}
} // namespace

class ComposeFlow::Private
{
public:
    ComposeFlow* q;
    WorkspaceSession& session;
    QPointer<QWidget> window;

    void load(const QList<qint64>& accountIds, const QList<qint64>& assetIds,
              std::function<void(const Loaded&)> then);
    // `adjust` changes the model's starting state before the dialog shows it.
    ComposerDialog* open(const QList<Account>& accounts, const QList<Asset>& assets,
                         const std::function<void(ComposerModel&)>& adjust = {});
    void closeEdit(const ComposeFlow::Edit& edit, bool queued);
    void submit(ComposerDialog* dialog, ComposerModel* model);
    void enqueue(QPointer<ComposerDialog> dialog, QPointer<ComposerModel> model, Submission submission);
    void finish(QPointer<ComposerDialog> dialog, QPointer<ComposerModel> model, const Pending& pending);
    void offerUndo(const Submission& submission, const QList<qint64>& jobIds);
};

ComposeFlow::ComposeFlow(WorkspaceSession& session, QWidget* window, QObject* parent)
    : QObject(parent)
    , d(new Private{this, session, window})
{}

ComposeFlow::~ComposeFlow()
{
    delete d;
}

void ComposeFlow::compose(const QList<qint64>& accountIds, const QList<qint64>& assetIds)
{
    d->load(accountIds, assetIds, [this](const Loaded& loaded) { d->open(loaded.accounts, loaded.assets); });
}

void ComposeFlow::recompose(const Edit& edit)
{
    d->load({edit.original.accountId}, edit.original.assetIds, [this, edit](const Loaded& loaded) {
        if (loaded.accounts.isEmpty()) // the account was removed meanwhile: keep the post as it was
            return d->closeEdit(edit, false);
        ComposerDialog* dialog = d->open(loaded.accounts, loaded.assets, [&edit](ComposerModel& model) {
            model.setSharedText(edit.original.text);
            // Alt texts go with the media in attachment order; extra or missing media leave them empty.
            const qsizetype count = std::min(model.attachments().size(), edit.original.media.size());
            for (int i = 0; i < count; ++i)
                model.setAltText(i, edit.original.media.at(i).altText);
        });
        connect(dialog, &QDialog::finished, this,
                [this, edit](int result) { d->closeEdit(edit, result == QDialog::Accepted); });
    });
}

void ComposeFlow::Private::load(const QList<qint64>& accountIds, const QList<qint64>& assetIds,
                                std::function<void(const Loaded&)> then)
{
    Storage* storage = &session.storage();
    // Read on the pool: a large caption or many renditions never stall the window.
    whenFinished(
        QtConcurrent::run([storage, accountIds, assetIds]() -> Result<Loaded> {
            Loaded loaded;
            const AccountRepository accounts(*storage);
            for (const qint64 id : accountIds) {
                const Result<std::optional<Account>> account = accounts.get(id);
                if (!account)
                    return account.error();
                if (account->has_value() && (*account)->service == Service::X)
                    loaded.accounts.append(**account);
            }
            Result<QList<Asset>> assets = AssetRepository(*storage).getMany(assetIds);
            if (!assets)
                return assets.error();
            loaded.assets = std::move(assets).value();
            return loaded;
        }),
        q, [this, then = std::move(then)](const Result<Loaded>& loaded) {
            if (!loaded) {
                QMessageBox::warning(
                    window, ComposeFlow::tr("New post on X"),
                    ComposeFlow::tr("The assets could not be read: %1").arg(loaded.error().message()));
                return;
            }
            then(*loaded);
        });
}

void ComposeFlow::Private::closeEdit(const ComposeFlow::Edit& edit, bool queued)
{
    Storage* storage = &session.storage();
    if (queued && edit.failedJobId > 0) {
        // The edited post replaces the failed one.
        storage->write(
            [id = edit.failedJobId](WriteContext& ctx) { return JobRepository::discard(ctx, id); });
        return;
    }
    if (queued || !edit.requeueOnCancel)
        return;
    // Not edited after all: the pulled-back post goes back in the queue as it was. It was never
    // sent (only a queued job can be pulled back), so a fresh client uuid cannot duplicate it.
    const QDateTime due = edit.notBefore.isValid() && edit.notBefore > QDateTime::currentDateTimeUtc()
                              ? edit.notBefore
                              : QDateTime();
    whenFinished(XOutbox(*storage).enqueue(edit.original, due), q, [this](const Result<qint64>& job) {
        if (!job)
            QMessageBox::warning(window, ComposeFlow::tr("New post on X"),
                                 ComposeFlow::tr("The post could not be put back in the queue: %1")
                                     .arg(job.error().message()));
    });
}

ComposerDialog* ComposeFlow::Private::open(const QList<Account>& accounts, const QList<Asset>& assets,
                                           const std::function<void(ComposerModel&)>& adjust)
{
    const ComposerSettings settings = ComposerSettings::load(QSettings());
    auto* model = new ComposerModel;
    model->setAccounts(accounts);
    model->addAssets(assets);
    model->setSharedText(ComposerModel::startingText(assets));
    model->setAltTextRequired(settings.altTextRequired);
    model->setUndoWindowSeconds(settings.undoWindowSeconds);
    model->setSendNow();
    if (adjust)
        adjust(*model);
    auto* dialog = new ComposerDialog(*model, accounts, window);
    model->setParent(dialog); // deleted with the dialog
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &ComposerDialog::publishRequested, q,
                     [this, dialog, model] { submit(dialog, model); });
    QObject::connect(dialog, &ComposerDialog::scheduleRequested, q,
                     [this, dialog, model] { submit(dialog, model); });
    dialog->setEditImageAvailable(true);
    QObject::connect(dialog, &ComposerDialog::editAttachmentRequested, q, [this, dialog, model](int index) {
        DerivativeFlow::editAttachment(session.derivatives(), *dialog, *model, index);
    });
    dialog->open();
    return dialog;
}

void ComposeFlow::Private::submit(ComposerDialog* dialog, ComposerModel* model)
{
    const Submission submission = submissionOf(*model, QDateTime::currentDateTimeUtc());
    dialog->setBusy(true);
    Storage* storage = &session.storage();
    QPointer<ComposerDialog> dialogGuard(dialog);
    QPointer<ComposerModel> modelGuard(model);
    // The rights gate again, on the assets as stored now (approval and licences change while
    // the dialog is open), at the time the post will really be sent.
    whenFinished(QtConcurrent::run([storage, submission]() -> Status {
                     const Result<QList<Asset>> assets =
                         AssetRepository(*storage).getMany(submission.assetIds);
                     if (!assets)
                         return assets.error();
                     if (assets->size() != submission.assetIds.size())
                         return Error(ErrorKind::NotFound,
                                      ComposeFlow::tr("An attached asset is no longer in the library."));
                     for (const Asset& asset : *assets) {
                         if (const Status gate = RightsGate::check(asset, submission.sendTime); !gate)
                             return gate;
                     }
                     return {};
                 }),
                 q, [this, dialogGuard, modelGuard, submission](const Status& gate) {
                     if (!gate) {
                         if (dialogGuard) {
                             dialogGuard->setBusy(false);
                             dialogGuard->showSubmitError(gate.error().message());
                         }
                         return;
                     }
                     enqueue(dialogGuard, modelGuard, submission);
                 });
}

void ComposeFlow::Private::enqueue(QPointer<ComposerDialog> dialog, QPointer<ComposerModel> model,
                                   Submission submission)
{
    auto pending = std::make_shared<Pending>();
    pending->submission = submission;
    pending->results.resize(submission.payloads.size());
    pending->left = int(submission.payloads.size());
    XOutbox outbox(session.storage());
    for (int i = 0; i < submission.payloads.size(); ++i) {
        const XPublishPayload& payload = submission.payloads.at(i);
        QFuture<Result<qint64>> job =
            submission.undoSeconds > 0
                ? outbox.sendIn(payload, std::chrono::seconds(submission.undoSeconds))
                : outbox.enqueue(payload, submission.scheduled ? submission.sendTime : QDateTime());
        whenFinished(job, q, [this, dialog, model, pending, i](const Result<qint64>& result) {
            pending->results[i] = result;
            if (--pending->left == 0)
                finish(dialog, model, *pending);
        });
    }
}

void ComposeFlow::Private::finish(QPointer<ComposerDialog> dialog, QPointer<ComposerModel> model,
                                  const Pending& pending)
{
    QList<qint64> jobIds;
    QStringList failures;
    QList<Account> notQueued;
    for (int i = 0; i < pending.results.size(); ++i) {
        const Result<qint64>& result = *pending.results.at(i);
        const Account& account = pending.submission.accounts.at(i);
        if (result) {
            jobIds.append(result.value());
        } else {
            failures.append(QStringLiteral("%1: %2").arg(account.handle(), result.error().message()));
            notQueued.append(account);
        }
    }
    if (!jobIds.isEmpty()) {
        emit q->queued(jobIds);
        if (pending.submission.undoSeconds > 0)
            offerUndo(pending.submission, jobIds);
    }
    if (failures.isEmpty()) {
        if (dialog)
            dialog->accept();
        return;
    }
    // The dialog stays open with what was not queued, so nothing is lost and a retry does not
    // post twice to the accounts that made it.
    if (model && !jobIds.isEmpty())
        model->setAccounts(notQueued);
    if (dialog) {
        dialog->setBusy(false);
        dialog->showSubmitError(failures.join(QLatin1Char('\n')));
    }
}

void ComposeFlow::Private::offerUndo(const Submission& submission, const QList<qint64>& jobIds)
{
    auto* mainWindow = qobject_cast<QMainWindow*>(window.data());
    if (!mainWindow)
        return;
    QStringList names;
    for (const Account& account : submission.accounts)
        names.append(account.handle());
    auto* notice = new ComposerUndoNotice(
        ComposeFlow::tr("Post queued for %1").arg(names.join(QStringLiteral(", "))), submission.undoSeconds);
    mainWindow->statusBar()->addWidget(notice);
    Storage* storage = &session.storage();
    QObject::connect(notice, &ComposerUndoNotice::undoRequested, notice, [storage, jobIds, notice] {
        auto cancelled = std::make_shared<int>(0);
        auto left = std::make_shared<int>(int(jobIds.size()));
        XOutbox outbox(*storage);
        for (const qint64 id : jobIds) {
            whenFinished(outbox.cancel(id), notice,
                         [notice, cancelled, left, total = int(jobIds.size())](const Status& s) {
                             if (s)
                                 ++*cancelled;
                             if (--*left > 0)
                                 return;
                             notice->setOutcome(
                                 *cancelled == total
                                     ? ComposeFlow::tr("Post pulled back; nothing was sent.")
                                     : ComposeFlow::tr("Too late for %n post(s): already being sent.",
                                                       nullptr, total - *cancelled));
                         });
        }
    });
}

} // namespace AssetDesk
