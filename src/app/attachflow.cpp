#include "attachflow.h"

#include "supportdesk.h"
#include "workspacesession.h"

#include "core/attachmentrules.h"
#include "core/whenfinished.h"
#include "storage/assetrepository.h"
#include "storage/storage.h"
#include "sync/attachrequest.h"
#include "sync/attachservice.h"
#include "sync/attachtargets.h"
#include "widgets/attachdialog.h"

#include <QMessageBox>
#include <QtConcurrent/QtConcurrentRun>

#include <functional>

namespace AssetDesk {

namespace {
struct Loaded
{
    AttachTarget target;
    QList<Asset> assets; // in drop order
};
} // namespace

class AttachFlow::Private
{
public:
    AttachFlow* q;
    WorkspaceSession& session;
    QPointer<QWidget> window;

    void open(qint64 accountId, std::function<Result<AttachTarget>(const Storage&)> resolve, const QList<qint64>& assetIds);
    void show(const Loaded& loaded);
};

AttachFlow::AttachFlow(WorkspaceSession& session, JobRunner& jobs, QWidget* window, QObject* parent)
    : QObject(parent)
    , d(new Private{this, session, window})
    , m_service(new AttachService(session.storage(), session.pool(), jobs, this))
{
    connect(m_service, &AttachService::attached, this, [this](const QUuid&, const AttachOutcome& outcome) {
        emit statusMessage(outcome.target.isCustomerRecord()
                               ? tr("Associated %n asset(s) with %1.", nullptr, int(outcome.assetIds.size()))
                                     .arg(outcome.target.label)
                               : tr("Attached %1 to %2.")
                                     .arg(outcome.fileNames.join(QStringLiteral(", ")), outcome.target.label));
    });
    connect(m_service, &AttachService::attachFailed, this,
            [this](const QUuid&, const AttachTarget& target, const Error& error) {
                emit statusMessage(tr("Nothing was attached to %1: %2").arg(target.label, error.message()));
            });
}

AttachFlow::~AttachFlow()
{
    delete d;
}

void AttachFlow::follow(SupportDesk& desk)
{
    connect(&desk, &SupportDesk::assetsDroppedOnTicket, this, &AttachFlow::attachToTicket);
    connect(&desk, &SupportDesk::assetsDroppedOnCase, this, &AttachFlow::attachToCase);
    connect(&desk, &SupportDesk::assetsDroppedOnCustomer, this, &AttachFlow::associateWithCustomer);
}

void AttachFlow::attachToTicket(qint64 accountId, qint64 ticketLocalId, const QList<qint64>& assetIds)
{
    d->open(accountId, [ticketLocalId](const Storage& s) { return AttachTargets::ticket(s, ticketLocalId); }, assetIds);
}

void AttachFlow::attachToCase(qint64 accountId, qint64 caseLocalId, const QList<qint64>& assetIds)
{
    d->open(accountId, [caseLocalId](const Storage& s) { return AttachTargets::supportCase(s, caseLocalId); }, assetIds);
}

void AttachFlow::associateWithCustomer(qint64 accountId, const QString& entityKind, qint64 localId,
                                       const QList<qint64>& assetIds)
{
    const AttachTarget::Kind kind =
        entityKind == QLatin1String("opportunity") ? AttachTarget::Kind::Opportunity : AttachTarget::Kind::CrmAccount;
    d->open(accountId, [kind, localId](const Storage& s) { return AttachTargets::customer(s, kind, localId); }, assetIds);
}

void AttachFlow::Private::open(qint64 accountId, std::function<Result<AttachTarget>(const Storage&)> resolve,
                               const QList<qint64>& assetIds)
{
    if (assetIds.isEmpty())
        return;
    const Storage* storage = &session.storage();
    whenFinished(QtConcurrent::run([storage, resolve, assetIds, accountId]() -> Result<Loaded> {
                     Loaded loaded;
                     Result<AttachTarget> target = resolve(*storage);
                     if (!target)
                         return target.error();
                     loaded.target = *target;
                     if (accountId > 0 && loaded.target.accountId != accountId)
                         return Error(ErrorKind::Validation,
                                      AttachFlow::tr("The record belongs to another account."));
                     const Result<QList<Asset>> assets = AssetRepository(*storage).getMany(assetIds);
                     if (!assets)
                         return assets.error();
                     for (const qint64 id : assetIds) {
                         for (const Asset& a : *assets) {
                             if (a.id == id)
                                 loaded.assets.append(a);
                         }
                     }
                     return loaded;
                 }),
                 q, [this](const Result<Loaded>& loaded) {
                     if (!loaded) {
                         QMessageBox::warning(
                             window, AttachFlow::tr("Attach Assets"),
                             AttachFlow::tr("The drop cannot be attached: %1").arg(loaded.error().message()));
                         return;
                     }
                     show(*loaded);
                 });
}

void AttachFlow::Private::show(const Loaded& loaded)
{
    const AttachTarget target = loaded.target;
    const AttachDialog::Mode mode = target.kind == AttachTarget::Kind::Ticket ? AttachDialog::Mode::ZendeskTicket
        : target.kind == AttachTarget::Kind::Case                           ? AttachDialog::Mode::DynamicsCase
                                                                            : AttachDialog::Mode::DynamicsRecord;
    const qint64 limit = AttachmentRules::maxBytes(target.service());
    auto* dialog = new AttachDialog(mode, target.label, loaded.assets, limit, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QDialog::accepted, q, [this, dialog, target, limit] {
        AttachRequest request;
        request.target = target;
        request.assetIds = dialog->acceptedAssetIds();
        request.rendition = dialog->rendition();
        request.isPublic = dialog->isPublic();
        request.subject = dialog->subject();
        request.text = dialog->text();
        request.maxBytes = limit;
        // The job checks the gate and sizes again on the assets as stored when it runs.
        emit q->jobStarted(q->m_service->attach(request));
    });
    dialog->open();
    emit q->dialogOpened(dialog);
}

} // namespace AssetDesk
