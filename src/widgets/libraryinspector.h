#pragma once

#include "models/assetdetails.h"

#include <QWidget>

class QFormLayout;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace AssetDesk {

class EngagementView;
class FoldingTabWidget;
class JsonViewer;
class SyntaxRepository;

// The library's inspector: one asset's metadata, its rights with an expired/expiring badge, the
// versions seen, where it was used (lineage), how its posts did (engagement) and the service's
// raw JSON in a read-only highlighted viewer. Every service text is shown as plain text.
class LibraryInspector : public QWidget
{
    Q_OBJECT
public:
    // Item data of a "Where used" row (column 0): the lineage node kind id and the row's local id.
    enum UseRole
    {
        UseKindRole = Qt::UserRole,
        UseIdRole
    };

    explicit LibraryInspector(SyntaxRepository* syntax, QWidget* parent = nullptr);

    void showDetails(const AssetDetails& details, int soonDays = 30);
    void showMessage(const QString& text);
    qint64 assetId() const { return m_assetId; }

    QLabel* rightsBadge() const { return m_rightsBadge; }
    JsonViewer* jsonViewer() const { return m_json; }
    QTreeWidget* versionsView() const { return m_versions; }
    QTreeWidget* usesView() const { return m_uses; }
    EngagementView* engagementView() const { return m_engagement; }
    QTabWidget* tabs() const;
    FoldingTabWidget* sections() const { return m_sections; }
    QString fieldText(const QString& objectName) const;

    // The "Where used" row's place in the workbench (none for a derivative or a row no longer
    // cached); double-click, Enter or the context menu asks for it with useShowRequested().
    AssetDetails::Use::Location useLocation(int row) const { return m_useRows.value(row).location; }
    // A derivative row's file (empty when none is on disk); double-click, Enter or the context
    // menu opens it with openRequested(), and the context menu its folder.
    QString useFile(int row) const { return m_useRows.value(row).filePath; }

signals:
    // A local file or folder to open with the system's viewer.
    void openRequested(const QString& localPath);
    void useShowRequested(const AssetDesk::AssetDetails::Use::Location& location);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QFormLayout* narrowForm();
    void updateFormWrapping();
    QLabel* addField(QFormLayout* form, const QString& label, const QString& name);
    void showUse(int row);
    void openUseFile(int row, bool folder);
    void showUsesMenu(const QPoint& pos);

    qint64 m_assetId = 0;
    QString m_localFile;
    QStackedWidget* m_stack;
    QLabel* m_message;
    FoldingTabWidget* m_sections;
    QLabel* m_title;
    QLabel* m_rightsBadge;
    QPushButton* m_open;
    QTreeWidget* m_versions;
    QTreeWidget* m_uses;
    QList<AssetDetails::Use> m_useRows; // by row of m_uses
    EngagementView* m_engagement;
    JsonViewer* m_json;
    QList<QFormLayout*> m_forms;
};

} // namespace AssetDesk
