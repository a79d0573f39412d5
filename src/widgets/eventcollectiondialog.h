#pragma once

#include "core/account.h"
#include "core/collection.h"
#include "core/crmevent.h"
#include "core/recordcollectionlink.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace AssetDesk {

// Chooses the DAM collection a Dynamics event is linked to (scenario DP7): a DAM account, then
// one of its synced collections from a list the filter narrows by name. The event's current
// links are shown; choosing the collection it is already linked to offers nothing new (Link
// stays disabled). What is uploaded to the linked collection afterwards is associated with the
// event elsewhere (EventCollectionLinker). The caller gives everything at once (read off the GUI
// thread) and reads the choice back when it is accepted. GUI thread.
class EventCollectionDialog : public QDialog
{
    Q_OBJECT
public:
    // `collections`: per DAM account id, its synced collections.
    EventCollectionDialog(const CrmEvent& event, const QList<Account>& damAccounts,
                          const QHash<qint64, QList<Collection>>& collections,
                          const QList<RecordCollectionLink>& existing, QWidget* parent = nullptr);

    qint64 damAccountId() const;
    void setDamAccountId(qint64 accountId);
    // The chosen collection (id 0 when none is chosen).
    Collection collection() const;
    // Selects the shown collection with this remote id; false when it is not shown.
    bool selectCollection(const QString& remoteId);

    QComboBox* accountBox() const { return m_account; }
    QLineEdit* filterEdit() const { return m_filter; }
    QListWidget* collectionList() const { return m_list; }
    QLabel* existingNote() const { return m_existing; }
    QPushButton* linkButton() const { return m_link; }
    QDialogButtonBox* buttons() const { return m_buttons; }

private:
    void fillCollections();
    void applyFilter();
    void updateButton();
    bool isLinked(const Collection& c) const;

    QList<RecordCollectionLink> m_links;
    QHash<qint64, QList<Collection>> m_collections;
    QComboBox* m_account;
    QLineEdit* m_filter;
    QListWidget* m_list;
    QLabel* m_existing;
    QDialogButtonBox* m_buttons;
    QPushButton* m_link;
};

} // namespace AssetDesk
