#pragma once

#include <QMainWindow>

class QMenu;

namespace AssetDesk {

// The workbench window. It only arranges panes as docks, offers the menus that show and hide
// them, and remembers the layout; every pane is built and wired by the composition root.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    // Wraps `pane` in a dock named `objectName` (the key of the saved layout). The dock's title
    // follows the pane's windowTitle, so a pane can show counts in it.
    QDockWidget* addPane(QWidget* pane, const QString& objectName, Qt::DockWidgetArea area,
                         const QKeySequence& toggleShortcut = {});
    void tabifyPanes(QDockWidget* first, QDockWidget* second);
    void addPermanentStatusWidget(QWidget* widget);
    // Restores the saved geometry and dock layout, or keeps the default arrangement.
    void restoreLayout();

signals:
    void settingsRequested();
    void aboutRequested();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenus();
    void resetLayout();

    QMenu* m_viewMenu = nullptr;
    QByteArray m_defaultState;
};

} // namespace AssetDesk
