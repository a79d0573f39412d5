#include "helpdeskflows.h"

#include "followupflow.h"
#include "helpdeskticket.h"
#include "supportdesk.h"
#include "workspacesession.h"

#include "core/whenfinished.h"
#include "sync/galleryaccesslookup.h"
#include "widgets/galleryaccessview.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace AssetDesk {

namespace {
// Which lookup a window waits for: an answer to an earlier "Check Again" must not overwrite a newer one.
constexpr char kGeneration[] = "assetdeskLookupGeneration";
} // namespace

HelpdeskFlows::HelpdeskFlows(WorkspaceSession& session, AttachService& attach, QWidget* window,
                             std::function<QList<qint64>()> librarySelection, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_window(window)
    , m_lookup(new GalleryAccessLookup(session.pool(), this))
    , m_followUp(new FollowUpFlow(session, attach, *m_lookup, window, std::move(librarySelection), this))
{
    connect(m_followUp, &FollowUpFlow::statusMessage, this, &HelpdeskFlows::statusMessage);
}

HelpdeskFlows::~HelpdeskFlows()
{
    // The windows are the main window's children; they go with the session's flows.
    for (const QPointer<QDialog>& w : std::as_const(m_windows))
        delete w.data();
}

void HelpdeskFlows::follow(SupportDesk& desk)
{
    connect(&desk, &SupportDesk::galleryAccessRequested, this, &HelpdeskFlows::checkGalleryAccess);
    connect(&desk, &SupportDesk::followUpRequested, this, &HelpdeskFlows::sendFollowUp);
}

void HelpdeskFlows::sendFollowUp(qint64 accountId, qint64 ticketLocalId)
{
    m_followUp->open(accountId, ticketLocalId);
}

QDialog* HelpdeskFlows::windowFor(qint64 accountId, qint64 ticketLocalId)
{
    if (QDialog* open = m_windows.value(ticketLocalId))
        return open;
    auto* window = new QDialog(m_window, Qt::Tool);
    window->setObjectName(QStringLiteral("galleryAccessWindow"));
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setModal(false);
    window->setWindowTitle(tr("Gallery Access"));
    auto* ticket = new QLabel(window);
    ticket->setObjectName(QStringLiteral("ticketLabel"));
    ticket->setTextFormat(Qt::PlainText); // the subject comes from Zendesk
    ticket->setWordWrap(true);
    auto* view = new GalleryAccessView(window);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, window);
    QPushButton* again = buttons->addButton(tr("Check &Again"), QDialogButtonBox::ActionRole);
    again->setObjectName(QStringLiteral("checkAgain"));
    auto* layout = new QVBoxLayout(window);
    layout->addWidget(ticket);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, window, &QDialog::close);
    connect(again, &QPushButton::clicked, this,
            [this, accountId, ticketLocalId] { checkGalleryAccess(accountId, ticketLocalId); });
    window->resize(560, 420);
    m_windows.insert(ticketLocalId, window);
    return window;
}

void HelpdeskFlows::checkGalleryAccess(qint64 accountId, qint64 ticketLocalId)
{
    QPointer<QDialog> window = windowFor(accountId, ticketLocalId);
    window->setProperty(kGeneration, window->property(kGeneration).toInt() + 1);
    window->findChild<GalleryAccessView*>()->setBusy();
    window->show();
    window->raise();
    window->activateWindow();
    emit galleryAccessShown(window);
    const Storage* storage = &m_session.storage();
    whenFinished(QtConcurrent::run([storage, accountId, ticketLocalId] {
                     return HelpdeskTicket::read(*storage, accountId, ticketLocalId);
                 }),
                 this, [this, window](const Result<HelpdeskTicket>& read) {
                     if (!window)
                         return;
                     auto* view = window->findChild<GalleryAccessView*>();
                     if (!read)
                         return view->setError(read.error().message());
                     window->setWindowTitle(tr("Gallery Access - Ticket #%1").arg(read->ticket.remoteId));
                     window->findChild<QLabel*>(QStringLiteral("ticketLabel"))
                         ->setText(GalleryAccessLookup::isAccessProblem(read->ticket)
                                       ? read->label()
                                       : tr("%1\nNot tagged as an access problem: the galleries are matched "
                                            "by the ticket's text.")
                                             .arg(read->label()));
                     if (read->photoShelterAccountId <= 0) {
                         view->setError(tr(
                             "This workspace has no PhotoShelter account. Add one in Settings → Accounts to "
                             "see the galleries, permissions and share links of a ticket."));
                         return;
                     }
                     lookUp(window, *read);
                 });
}

void HelpdeskFlows::lookUp(QDialog* window, const HelpdeskTicket& ticket)
{
    QPointer<QDialog> target(window);
    const int generation = window->property(kGeneration).toInt();
    const QString label = ticket.label();
    m_lookup->lookUp(ticket.ticket, ticket.photoShelterAccountId,
                     [this, target, generation, label](Result<GalleryAccessReport> report) {
        if (!target || target->property(kGeneration).toInt() != generation)
            return;
        auto* view = target->findChild<GalleryAccessView*>();
        if (!report) {
            view->setError(report.error().message());
            emit statusMessage(tr("The galleries of %1 could not be looked up: %2").arg(label, report.error().message()));
            return;
        }
        view->setReport(*report);
        emit statusMessage(tr("%1: %n gallery(s) match.", nullptr, int(report->galleries.size())).arg(label));
    });
}

} // namespace AssetDesk
