#pragma once

#include <QDockWidget>
#include <QMainWindow>
#include <QTabBar>

namespace AssetDesk::GuiTest {

// Whether `dock` is the one in front of its tab group, or shown and not tabbed at all. Every dock
// widget of a tab group stays isVisible(); the group's tab bar (a child of the main window, each
// tab's data the dock widget's address) says which one the user sees.
inline bool isFrontDock(QMainWindow* window, QDockWidget* dock)
{
    if (!dock->isVisible())
        return false;
    if (window->tabifiedDockWidgets(dock).isEmpty())
        return true;
    const auto address = quintptr(dock);
    for (const QTabBar* bar : window->findChildren<QTabBar*>(Qt::FindDirectChildrenOnly)) {
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabData(i).value<quintptr>() == address)
                return i == bar->currentIndex();
        }
    }
    return false;
}

} // namespace AssetDesk::GuiTest
