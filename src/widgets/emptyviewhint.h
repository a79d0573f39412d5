#pragma once

#include <QLabel>
#include <QPointer>

class QAbstractItemModel;
class QAbstractItemView;

namespace AssetDesk {

// A line of text inside an item view where its rows would be, shown exactly while the view's
// model has no rows under the view's root: what an empty list means and what to do about it
// ("No accounts yet…", "Nothing matches “x”."). Plain text; clicks go through to the view. It
// follows the model the view has, also one set later.
class EmptyViewHint : public QLabel
{
    Q_OBJECT
public:
    explicit EmptyViewHint(QAbstractItemView* view, const QString& text = {});

    // Re-checks the view's model and whether it is empty.
    void refresh();

private:
    QAbstractItemView* m_view;
    QPointer<QAbstractItemModel> m_model;
};

} // namespace AssetDesk
