#pragma once

// Drives item views and drops as the agent's mouse does, for the workbench GUI tests: a drag goes
// to the top-level window, which routes it to the widget under the pointer that takes drops (as
// the platform's drag does), so a child that swallowed the drop, or a pane that was not on
// screen, fails here as it would for the agent.
#include <QAbstractItemView>
#include <QCoreApplication>
#include <QDragEnterEvent>
#include <QDragLeaveEvent>
#include <QDragMoveEvent>
#include <QDropEvent>
#include <QMimeData>
#include <QTest>
#include <QWidget>
#include <QWindow>

namespace AssetDesk::GuiTest {

// Drags `mime` over `target` to `pos` (target coordinates) and drops it there. True when the
// drop was accepted.
inline bool dragAndDrop(QWidget* target, const QPoint& pos, const QMimeData* mime)
{
    QWindow* handle = target->window()->windowHandle();
    const QPoint at = target->mapTo(target->window(), pos);
    const Qt::DropActions actions = Qt::CopyAction | Qt::MoveAction;
    QDragEnterEvent enter(at, actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(handle, &enter);
    QDragMoveEvent move(at, actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(handle, &move);
    if (!enter.isAccepted() || !move.isAccepted()) {
        QDragLeaveEvent leave;
        QCoreApplication::sendEvent(handle, &leave);
        return false;
    }
    QDropEvent drop(QPointF(at), actions, mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(handle, &drop);
    return drop.isAccepted();
}

// Drops on the row of `index` (scrolled into view first).
inline bool dropOnRow(QAbstractItemView* view, const QModelIndex& index, const QMimeData* mime)
{
    view->scrollTo(index);
    const QRect rect = view->visualRect(index);
    return !rect.isEmpty() && dragAndDrop(view->viewport(), rect.center(), mime);
}

// Clicks the row of `index`, which makes it current.
inline void clickRow(QAbstractItemView* view, const QModelIndex& index)
{
    view->scrollTo(index);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::NoModifier, view->visualRect(index).center());
}

} // namespace AssetDesk::GuiTest
