#pragma once

#include <QWidget>

class QComboBox;
class QTabWidget;

namespace AssetDesk {

// Tabs that fold into a drop-down list of their pages when the tab bar does not fit: a narrow
// inspector shows "Where used (2) ▾" above the page, rather than the first tabs and scroll
// arrows that hide the others. Wide enough again, the tabs come back.
class FoldingTabWidget : public QWidget
{
    Q_OBJECT
public:
    explicit FoldingTabWidget(QWidget* parent = nullptr);

    QTabWidget* tabs() const { return m_tabs; }
    // The list of pages shown while folded.
    QComboBox* picker() const { return m_picker; }

    int addTab(QWidget* page, const QString& title);
    // Through here, not tabs()->setTabText(): the folded list shows the same titles.
    void setTabText(int index, const QString& title);
    bool isFolded() const;

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void updateFolding();

    QTabWidget* m_tabs;
    QComboBox* m_picker;
};

} // namespace AssetDesk
