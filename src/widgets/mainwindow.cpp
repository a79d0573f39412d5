#include "widgets/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>

namespace AssetDesk {

namespace {
// Bump when the set of docks changes so an old saved layout is not forced onto new panes.
constexpr int kLayoutVersion = 1;
} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("AssetDesk"));
    setObjectName(QStringLiteral("MainWindow"));
    setDockOptions(AnimatedDocks | AllowNestedDocks | AllowTabbedDocks | GroupedDragging);
    setDockNestingEnabled(true);
    // The bottom area (jobs) spans the whole width under the side-by-side panes.
    setCorner(Qt::BottomLeftCorner, Qt::BottomDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::BottomDockWidgetArea);
    // A roomy default that still fits smaller screens; a saved geometry replaces it.
    const QSize preferred(1400, 860);
    QSize size = preferred;
    if (const QScreen* screen = this->screen()) {
        const QSize available = screen->availableGeometry().size();
        size = size.boundedTo(available * 0.92);
        // On a laptop-sized screen a window smaller than the screen only wastes the margin: the
        // library, the X columns and the jobs all want the pixels.
        if (available.width() < preferred.width() + 100 || available.height() < preferred.height() + 60)
            setWindowState(windowState() | Qt::WindowMaximized);
    }
    resize(size);
    buildMenus();
    statusBar()->setSizeGripEnabled(true);
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* settings = file->addAction(tr("&Settings…"), this, &MainWindow::settingsRequested);
    settings->setShortcut(QKeySequence::Preferences);
    settings->setMenuRole(QAction::PreferencesRole);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    QAction* reset = m_viewMenu->addAction(tr("&Reset Layout"), this, &MainWindow::resetLayout);
    reset->setObjectName(QStringLiteral("resetLayout"));
    m_viewMenu->addSeparator();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    QAction* about = help->addAction(tr("&About AssetDesk"), this, &MainWindow::aboutRequested);
    about->setMenuRole(QAction::AboutRole);
}

QDockWidget* MainWindow::addPane(QWidget* pane, const QString& objectName, Qt::DockWidgetArea area,
                                 const QKeySequence& toggleShortcut)
{
    auto* dock = new QDockWidget(pane->windowTitle(), this);
    dock->setObjectName(objectName);
    dock->setWidget(pane);
    dock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable
                      | QDockWidget::DockWidgetFloatable);
    connect(pane, &QWidget::windowTitleChanged, dock, &QDockWidget::setWindowTitle);
    addDockWidget(area, dock);

    QAction* toggle = dock->toggleViewAction();
    if (!toggleShortcut.isEmpty())
        toggle->setShortcut(toggleShortcut);
    m_viewMenu->addAction(toggle);
    return dock;
}

void MainWindow::tabifyPanes(QDockWidget* first, QDockWidget* second)
{
    tabifyDockWidget(first, second);
    first->raise();
}

void MainWindow::addPermanentStatusWidget(QWidget* widget)
{
    statusBar()->addPermanentWidget(widget);
}

void MainWindow::restoreLayout()
{
    m_defaultState = saveState(kLayoutVersion);
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray(), kLayoutVersion);
}

void MainWindow::resetLayout()
{
    restoreState(m_defaultState, kLayoutVersion);
    for (QDockWidget* dock : findChildren<QDockWidget*>(Qt::FindDirectChildrenOnly))
        dock->show();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("MainWindow"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState(kLayoutVersion));
    QMainWindow::closeEvent(event);
}

} // namespace AssetDesk
