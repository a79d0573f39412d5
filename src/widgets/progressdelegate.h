#pragma once

#include <QStyledItemDelegate>

namespace AssetDesk {

// Paints a progress bar from a model's fraction role (0..1, or < 0 for "busy") under the text.
class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ProgressDelegate(int fractionRole, int activeRole, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;

private:
    int m_fractionRole;
    int m_activeRole;
};

} // namespace AssetDesk
