#pragma once

#include "core/damwritebacksettings.h"
#include "core/metricssettings.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QSpinBox;

namespace AssetDesk {

// Settings → DAM write-back: per DAM account the gallery (PhotoShelter) or collection (iconik)
// published posts are archived into - chosen from the account's synced collections, not typed -
// and for iconik the metadata view that takes the lifecycle status; the top-performer threshold;
// and the metrics settings (the period the poller reads, the usage facet's "overused" count).
//
// The accounts and their collections come from the library's source tree (LibrarySourceModel's
// roles); the page follows it as it loads. Each change is saved at once (QSettings; the write-back
// per workspace) and announced, so the composition root applies it to the running workers.
class DamWriteBackSettingsPage : public QWidget
{
    Q_OBJECT
public:
    DamWriteBackSettingsPage(const QString& workspaceId, QAbstractItemModel* sources, QWidget* parent = nullptr);

    DamWriteBackSettings writeBackSettings() const { return m_writeBack; }
    MetricsSettings metricsSettings() const { return m_metrics; }

    // For tests and the composition root: the editors of one account (null when it has no row).
    QComboBox* archiveTargetBox(qint64 accountId) const;
    QLineEdit* metadataViewEdit(qint64 accountId) const;
    QSpinBox* topPerformerThreshold() const { return m_threshold; }
    QLineEdit* topPerformerKeyword() const { return m_keyword; }
    QSpinBox* metricsDays() const { return m_days; }
    QSpinBox* overuseThreshold() const { return m_overuse; }

signals:
    void writeBackChanged(const AssetDesk::DamWriteBackSettings& settings);
    void metricsChanged(const AssetDesk::MetricsSettings& settings);

private:
    struct AccountRow
    {
        QPointer<QComboBox> target;
        QPointer<QLineEdit> view; // iconik only
    };

    void rebuildAccounts();
    void addAccount(const QModelIndex& account, bool iconik);
    void addTargets(QComboBox* box, const QModelIndex& parent, int depth);
    void saveWriteBack();
    void saveMetrics();

    QString m_workspaceId;
    QPointer<QAbstractItemModel> m_sources;
    DamWriteBackSettings m_writeBack;
    MetricsSettings m_metrics;
    QHash<qint64, AccountRow> m_rows;
    QWidget* m_accountsBox;
    QFormLayout* m_accounts;
    QLabel* m_noAccounts;
    QSpinBox* m_threshold;
    QLineEdit* m_keyword;
    QSpinBox* m_days;
    QSpinBox* m_overuse;
    bool m_rebuilding = false;
};

} // namespace AssetDesk
