#pragma once

#include "core/service.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTreeView;

namespace AssetDesk {

class AccountsModel;

// The dock of one service category (DAM library, X, CRM, helpdesk): the category's accounts
// with their live connection state on top, and the category's content view below once a later
// feature supplies one (setContent). With no account in the category it says how to add one.
class ServicePane : public QWidget
{
    Q_OBJECT
public:
    ServicePane(ServiceCategory category, const QString& title, AccountsModel* accounts, QWidget* parent = nullptr);

    ServiceCategory category() const { return m_category; }
    void setContent(QWidget* content);
    QTreeView* accountsView() const { return m_view; }

signals:
    void testRequested(qint64 accountId);
    void settingsRequested();

private:
    void updateState();
    qint64 currentAccountId() const;

    ServiceCategory m_category;
    QString m_title;
    QSortFilterProxyModel* m_proxy;
    QTreeView* m_view;
    QStackedWidget* m_stack;
    QLabel* m_emptyLabel;
    QPushButton* m_testButton;
    QWidget* m_content = nullptr;
};

} // namespace AssetDesk
