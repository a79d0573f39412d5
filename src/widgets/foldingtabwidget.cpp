#include "widgets/foldingtabwidget.h"

#include <QComboBox>
#include <QEvent>
#include <QTabBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace AssetDesk {

FoldingTabWidget::FoldingTabWidget(QWidget* parent)
    : QWidget(parent)
    , m_tabs(new QTabWidget(this))
    , m_picker(new QComboBox(this))
{
    m_picker->setObjectName(QStringLiteral("tabPicker"));
    m_picker->setAccessibleName(tr("Section"));
    m_picker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_picker->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_picker->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_picker);
    layout->addWidget(m_tabs, 1);
    // `activated`: the user's choice only, so that following the tabs does not echo back.
    connect(m_picker, &QComboBox::activated, m_tabs, &QTabWidget::setCurrentIndex);
    connect(m_tabs, &QTabWidget::currentChanged, m_picker, &QComboBox::setCurrentIndex);
}

int FoldingTabWidget::addTab(QWidget* page, const QString& title)
{
    // The list's item first: the first tab becomes current as it is added, and the list follows.
    m_picker->insertItem(m_tabs->count(), title);
    const int index = m_tabs->addTab(page, title);
    updateFolding();
    return index;
}

void FoldingTabWidget::setTabText(int index, const QString& title)
{
    if (index < 0 || index >= m_tabs->count() || m_tabs->tabText(index) == title)
        return;
    m_tabs->setTabText(index, title);
    m_picker->setItemText(index, title);
    updateFolding();
}

bool FoldingTabWidget::isFolded() const
{
    return !m_picker->isHidden();
}

void FoldingTabWidget::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateFolding();
}

void FoldingTabWidget::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateFolding();
}

void FoldingTabWidget::updateFolding()
{
    // The tab bar's size hint is the width of all its tabs, shown or not; the picker sits above
    // the page, so folding does not change the width this compares with.
    const bool fold = m_tabs->tabBar()->sizeHint().width() > width();
    if (fold == isFolded())
        return;
    m_tabs->tabBar()->setVisible(!fold);
    m_picker->setVisible(fold);
}

} // namespace AssetDesk
