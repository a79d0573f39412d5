#include "sync/attachtargets.h"

#include "storage/accountrepository.h"
#include "storage/crmrepository.h"
#include "storage/ticketrepository.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace AssetDesk {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("AssetDesk::AttachTargets", text);
}

Error notCached(const QString& what)
{
    return Error(ErrorKind::NotFound, what + QLatin1Char(' ') + tr("is not in the local cache; sync the account first."))
        .withOrigin(QStringLiteral("attach"));
}

AttachTarget fromTicket(const Ticket& t)
{
    AttachTarget target;
    target.kind = AttachTarget::Kind::Ticket;
    target.accountId = t.accountId;
    target.localId = t.id;
    target.remoteId = QString::number(t.remoteId);
    target.label = QStringLiteral("#%1 %2").arg(t.remoteId).arg(t.subject).trimmed();
    return target;
}

AttachTarget fromCase(const SupportCase& c)
{
    AttachTarget target;
    target.kind = AttachTarget::Kind::Case;
    target.accountId = c.accountId;
    target.localId = c.id;
    target.remoteId = c.remoteId;
    target.label = QStringLiteral("%1 %2").arg(c.ticketNumber, c.title).trimmed();
    return target;
}
} // namespace

Result<AttachTarget> AttachTargets::ticket(const Storage& storage, qint64 ticketLocalId)
{
    const Result<std::optional<Ticket>> t = TicketRepository(storage).ticket(ticketLocalId);
    if (!t)
        return t.error();
    if (!t->has_value())
        return notCached(tr("The ticket"));
    return fromTicket(**t);
}

Result<AttachTarget> AttachTargets::supportCase(const Storage& storage, qint64 caseLocalId)
{
    const Result<std::optional<SupportCase>> c = CrmRepository(storage).supportCase(caseLocalId);
    if (!c)
        return c.error();
    if (!c->has_value())
        return notCached(tr("The case"));
    return fromCase(**c);
}

Result<AttachTarget> AttachTargets::customer(const Storage& storage, AttachTarget::Kind kind, qint64 localId)
{
    AttachTarget target;
    target.kind = kind;
    target.localId = localId;
    const CrmRepository crm(storage);
    if (kind == AttachTarget::Kind::Opportunity) {
        const Result<std::optional<Opportunity>> o = crm.opportunity(localId);
        if (!o)
            return o.error();
        if (!o->has_value())
            return notCached(tr("The opportunity"));
        target.accountId = (*o)->accountId;
        target.remoteId = (*o)->remoteId;
        target.label = (*o)->name;
        return target;
    }
    if (kind != AttachTarget::Kind::CrmAccount)
        return Error(ErrorKind::Validation, tr("Assets are associated with accounts and opportunities only."));
    const Result<std::optional<CrmAccount>> a = crm.account(localId);
    if (!a)
        return a.error();
    if (!a->has_value())
        return notCached(tr("The customer account"));
    target.accountId = (*a)->accountId;
    target.remoteId = (*a)->remoteId;
    target.label = (*a)->name;
    return target;
}

Result<AttachTarget> AttachTargets::ticketByNumber(const Storage& storage, qint64 accountId, qint64 number)
{
    QList<qint64> accounts;
    if (accountId > 0) {
        accounts << accountId;
    } else {
        const Result<QList<Account>> all = AccountRepository(storage).list();
        if (!all)
            return all.error();
        for (const Account& a : *all) {
            if (a.service == Service::Zendesk)
                accounts << a.id;
        }
    }
    const TicketRepository tickets(storage);
    for (const qint64 id : accounts) {
        const Result<std::optional<Ticket>> t = tickets.ticketByRemoteId(id, number);
        if (!t)
            return t.error();
        if (t->has_value())
            return fromTicket(**t);
    }
    return notCached(tr("Ticket #%1").arg(number));
}

Result<AttachTarget> AttachTargets::caseByReference(const Storage& storage, qint64 accountId, const QString& reference)
{
    static const QRegularExpression guid(QStringLiteral("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"));
    const CrmRepository crm(storage);
    if (guid.match(reference).hasMatch()) {
        QList<qint64> accounts;
        if (accountId > 0) {
            accounts << accountId;
        } else {
            const Result<QList<Account>> all = AccountRepository(storage).list();
            if (!all)
                return all.error();
            for (const Account& a : *all) {
                if (a.service == Service::Dynamics)
                    accounts << a.id;
            }
        }
        for (const qint64 id : accounts) {
            const Result<std::optional<SupportCase>> c = crm.caseByRemoteId(id, reference.toLower());
            if (!c)
                return c.error();
            if (c->has_value())
                return fromCase(**c);
        }
    } else {
        const Result<std::optional<SupportCase>> c = crm.caseByNumber(accountId, reference);
        if (!c)
            return c.error();
        if (c->has_value())
            return fromCase(**c);
    }
    return notCached(tr("Case %1").arg(reference));
}

} // namespace AssetDesk
