#include "widgets/emptyviewhint.h"

#include <QAbstractItemView>
#include <QVBoxLayout>

namespace AssetDesk {

EmptyViewHint::EmptyViewHint(QAbstractItemView* view, const QString& text)
    : QLabel(text)
    , m_view(view)
{
    setObjectName(QStringLiteral("emptyHint"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setForegroundRole(QPalette::PlaceholderText);
    setAttribute(Qt::WA_TransparentForMouseEvents);
    // A layout of its own on the viewport keeps the hint centred in it at any size.
    auto* layout = new QVBoxLayout(view->viewport());
    // The viewport's size is the view's business: the hint must not give it a minimum.
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->addWidget(this);
    refresh();
}

void EmptyViewHint::refresh()
{
    QAbstractItemModel* model = m_view->model();
    if (model != m_model) {
        if (m_model)
            disconnect(m_model, nullptr, this, nullptr);
        m_model = model;
        if (model) {
            for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
                connect(model, signal, this, &EmptyViewHint::refresh);
            connect(model, &QAbstractItemModel::modelReset, this, &EmptyViewHint::refresh);
            connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyViewHint::refresh);
        }
    }
    setVisible(!model || model->rowCount(m_view->rootIndex()) == 0);
}

} // namespace AssetDesk
