#pragma once

#include "core/account.h"
#include "core/collection.h"
#include "core/crmcampaign.h"
#include "core/recordcollectionlink.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;

namespace AssetDesk {

// Settles where a Dynamics campaign's DAM collection is made (scenario DP3): shows the campaign's
// name, audience, launch date and owner as they will be written, offers the workspace's
// PhotoShelter and iconik accounts and, optionally, a collection of that account to make it in.
// When the campaign already has a collection in the chosen account it says so and offers "Show
// Collection" instead of "Create" (a second one would split the campaign's assets). The caller
// gives everything at once (read off the GUI thread) and reads the choice back when it is
// accepted; the collection is made elsewhere. GUI thread.
class CampaignCollectionDialog : public QDialog
{
    Q_OBJECT
public:
    // `collections`: per DAM account id, its synced collections (possible parents).
    CampaignCollectionDialog(const CrmCampaign& campaign, const QList<Account>& damAccounts,
                             const QHash<qint64, QList<Collection>>& collections,
                             const QList<RecordCollectionLink>& existing, QWidget* parent = nullptr);

    qint64 damAccountId() const;
    void setDamAccountId(qint64 accountId);
    QString parentRemoteId() const; // empty: the account's top level
    // The campaign's collection in the chosen account, if it has one (id 0 otherwise).
    RecordCollectionLink existingLink() const;

    QComboBox* accountBox() const { return m_account; }
    QComboBox* parentBox() const { return m_parent; }
    QLabel* targetNote() const { return m_target; }
    QLabel* existingNote() const { return m_existing; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* showButton() const { return m_show; }
    QDialogButtonBox* buttons() const { return m_buttons; }
    // The campaign's facts as shown, in order: name, audience, launch date, owner.
    QList<QLabel*> factLabels() const { return m_facts; }

signals:
    // "Show Collection": the campaign's existing collection, to be shown in the library.
    void showCollectionRequested(const AssetDesk::RecordCollectionLink& link);

private:
    void updateForAccount();

    QList<Account> m_accounts;
    QHash<qint64, QList<Collection>> m_collections;
    QList<RecordCollectionLink> m_links;
    QList<QLabel*> m_facts;
    QComboBox* m_account;
    QComboBox* m_parent;
    QLabel* m_target;
    QLabel* m_existing;
    QDialogButtonBox* m_buttons;
    QPushButton* m_create;
    QPushButton* m_show;
};

} // namespace AssetDesk
