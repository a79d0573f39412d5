#include "widgets/damwritebacksettingspage.h"

#include "models/librarysourcemodel.h"

#include <QAbstractItemModel>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
using Kind = LibrarySourceModel::Kind;

Kind kindOf(const QModelIndex& index)
{
    return Kind(index.data(LibrarySourceModel::KindRole).toInt());
}
} // namespace

DamWriteBackSettingsPage::DamWriteBackSettingsPage(const QString& workspaceId, QAbstractItemModel* sources, QWidget* parent)
    : QWidget(parent)
    , m_workspaceId(workspaceId)
    , m_sources(sources)
    , m_accountsBox(new QGroupBox(tr("Archive and metadata, per DAM account")))
    , m_accounts(new QFormLayout)
    , m_noAccounts(new QLabel(tr("No DAM account is connected yet, or its collections have not been synced.")))
    , m_threshold(new QSpinBox)
    , m_keyword(new QLineEdit)
    , m_days(new QSpinBox)
    , m_overuse(new QSpinBox)
{
    setObjectName(QStringLiteral("damWriteBackSettingsPage"));
    const QSettings store;
    m_writeBack = DamWriteBackSettings::load(store, m_workspaceId);
    m_metrics = MetricsSettings::load(store);

    m_noAccounts->setWordWrap(true);
    auto* accountsLayout = new QVBoxLayout(m_accountsBox);
    accountsLayout->addWidget(m_noAccounts);
    accountsLayout->addLayout(m_accounts);

    m_threshold->setObjectName(QStringLiteral("topPerformerThreshold"));
    m_threshold->setRange(0, 100'000'000);
    m_threshold->setSpecialValueText(tr("Off"));
    m_threshold->setSuffix(tr(" interactions"));
    m_threshold->setToolTip(tr("Likes, reposts, replies, quotes and bookmarks of an asset's posts, summed"));
    m_threshold->setValue(int(std::min<qint64>(m_writeBack.topPerformerThreshold, m_threshold->maximum())));
    m_keyword->setObjectName(QStringLiteral("topPerformerKeyword"));
    m_keyword->setText(m_writeBack.topPerformerKeyword);
    auto* performers = new QGroupBox(tr("Top performers"));
    auto* performersForm = new QFormLayout(performers);
    performersForm->addRow(tr("Tag an asset from:"), m_threshold);
    performersForm->addRow(tr("PhotoShelter keyword:"), m_keyword);

    m_days->setObjectName(QStringLiteral("metricsDays"));
    m_days->setRange(MetricsSettings::kMinDays, MetricsSettings::kMaxDays);
    m_days->setSuffix(tr(" days"));
    m_days->setValue(m_metrics.days);
    m_overuse->setObjectName(QStringLiteral("overuseThreshold"));
    m_overuse->setRange(MetricsSettings::kMinOveruse, MetricsSettings::kMaxOveruse);
    m_overuse->setSuffix(tr(" posts"));
    m_overuse->setValue(m_metrics.overuseThreshold);
    auto* metrics = new QGroupBox(tr("Metrics"));
    auto* metricsForm = new QFormLayout(metrics);
    metricsForm->addRow(tr("Poll posts of the last:"), m_days);
    metricsForm->addRow(tr("Overused from:"), m_overuse);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_accountsBox);
    layout->addWidget(performers);
    layout->addWidget(metrics);
    layout->addStretch(1);

    connect(m_threshold, &QSpinBox::valueChanged, this, &DamWriteBackSettingsPage::saveWriteBack);
    connect(m_keyword, &QLineEdit::editingFinished, this, &DamWriteBackSettingsPage::saveWriteBack);
    connect(m_days, &QSpinBox::valueChanged, this, &DamWriteBackSettingsPage::saveMetrics);
    connect(m_overuse, &QSpinBox::valueChanged, this, &DamWriteBackSettingsPage::saveMetrics);
    if (m_sources) {
        // The tree loads on a pool thread and changes with every sync: follow it, once per burst.
        auto* rebuild = new QTimer(this);
        rebuild->setSingleShot(true);
        rebuild->setInterval(0);
        connect(rebuild, &QTimer::timeout, this, &DamWriteBackSettingsPage::rebuildAccounts);
        // modelReset and layoutChanged have different signatures: one connect each.
        connect(m_sources, &QAbstractItemModel::modelReset, rebuild, qOverload<>(&QTimer::start));
        connect(m_sources, &QAbstractItemModel::layoutChanged, rebuild, qOverload<>(&QTimer::start));
        connect(m_sources, &QAbstractItemModel::rowsInserted, rebuild, qOverload<>(&QTimer::start));
        connect(m_sources, &QAbstractItemModel::rowsRemoved, rebuild, qOverload<>(&QTimer::start));
        connect(m_sources, &QAbstractItemModel::dataChanged, rebuild, qOverload<>(&QTimer::start));
    }
    rebuildAccounts();
}

QComboBox* DamWriteBackSettingsPage::archiveTargetBox(qint64 accountId) const
{
    return m_rows.value(accountId).target;
}

QLineEdit* DamWriteBackSettingsPage::metadataViewEdit(qint64 accountId) const
{
    return m_rows.value(accountId).view;
}

void DamWriteBackSettingsPage::rebuildAccounts()
{
    m_rebuilding = true;
    while (m_accounts->rowCount() > 0)
        m_accounts->removeRow(0);
    m_rows.clear();
    if (m_sources) {
        for (int s = 0; s < m_sources->rowCount(); ++s) {
            const QModelIndex service = m_sources->index(s, 0);
            if (kindOf(service) != Kind::Service)
                continue;
            const bool iconik = service.data(LibrarySourceModel::KeyRole).toString() == QLatin1String("s:iconik");
            for (int a = 0; a < m_sources->rowCount(service); ++a) {
                const QModelIndex account = m_sources->index(a, 0, service);
                if (kindOf(account) == Kind::Account)
                    addAccount(account, iconik);
            }
        }
    }
    m_noAccounts->setVisible(m_rows.isEmpty());
    m_rebuilding = false;
}

void DamWriteBackSettingsPage::addAccount(const QModelIndex& account, bool iconik)
{
    const qint64 accountId = account.data(LibrarySourceModel::AccountIdRole).toLongLong();
    const DamWriteBackSettings::Target current = m_writeBack.target(accountId);
    auto* box = new QComboBox;
    box->setObjectName(QStringLiteral("archiveTarget%1").arg(accountId));
    box->addItem(tr("Do not archive"), QString());
    addTargets(box, account, 0);
    int selected = box->findData(current.archiveTarget);
    if (selected < 0) {
        // Set before its collection was synced, or the collection went away: kept, and said so.
        box->addItem(tr("%1 (not in the synced collections)").arg(current.archiveTarget), current.archiveTarget);
        selected = box->count() - 1;
    }
    box->setCurrentIndex(selected);
    box->setToolTip(iconik ? tr("The iconik collection each published post is archived into, with its metadata")
                           : tr("The PhotoShelter gallery each published post's media are uploaded into"));
    connect(box, &QComboBox::currentIndexChanged, this, &DamWriteBackSettingsPage::saveWriteBack);
    AccountRow row{box, nullptr};
    const QString label = account.data(Qt::DisplayRole).toString();
    m_accounts->addRow(tr("%1 — archive into:").arg(label), box);
    if (iconik) {
        auto* view = new QLineEdit(current.metadataViewId);
        view->setObjectName(QStringLiteral("metadataView%1").arg(accountId));
        view->setPlaceholderText(tr("Metadata view id (lifecycle status, top performer)"));
        view->setClearButtonEnabled(true);
        connect(view, &QLineEdit::editingFinished, this, &DamWriteBackSettingsPage::saveWriteBack);
        m_accounts->addRow(tr("%1 — metadata view:").arg(label), view);
        row.view = view;
    }
    m_rows.insert(accountId, row);
}

void DamWriteBackSettingsPage::addTargets(QComboBox* box, const QModelIndex& parent, int depth)
{
    for (int r = 0; r < m_sources->rowCount(parent); ++r) {
        const QModelIndex child = m_sources->index(r, 0, parent);
        if (kindOf(child) != Kind::Collection)
            continue;
        // Galleries (PhotoShelter) and collections (iconik) hold assets; PhotoShelter's
        // collections only hold galleries, so they show as headings.
        const QString name = QString(depth * 2, QLatin1Char(' ')) + child.data(Qt::DisplayRole).toString();
        box->addItem(name, child.data(LibrarySourceModel::RemoteIdRole).toString());
        if (!child.data(LibrarySourceModel::WatchableRole).toBool()) {
            if (auto* items = qobject_cast<QStandardItemModel*>(box->model()); items && items->item(box->count() - 1))
                items->item(box->count() - 1)->setEnabled(false);
        }
        addTargets(box, child, depth + 1);
    }
}

void DamWriteBackSettingsPage::saveWriteBack()
{
    if (m_rebuilding)
        return;
    DamWriteBackSettings s = m_writeBack;
    for (auto it = m_rows.cbegin(); it != m_rows.cend(); ++it) {
        DamWriteBackSettings::Target target;
        target.archiveTarget = it->target ? it->target->currentData().toString() : QString();
        target.metadataViewId = it->view ? it->view->text().trimmed() : QString();
        if (target.archiveTarget.isEmpty() && target.metadataViewId.isEmpty())
            s.accounts.remove(it.key());
        else
            s.accounts.insert(it.key(), target);
    }
    s.topPerformerThreshold = m_threshold->value();
    const QString keyword = m_keyword->text().trimmed();
    s.topPerformerKeyword = keyword.isEmpty() ? DamWriteBackSettings{}.topPerformerKeyword : keyword;
    if (s == m_writeBack)
        return;
    m_writeBack = s;
    QSettings store;
    m_writeBack.save(store, m_workspaceId);
    emit writeBackChanged(m_writeBack);
}

void DamWriteBackSettingsPage::saveMetrics()
{
    MetricsSettings s;
    s.days = m_days->value();
    s.overuseThreshold = m_overuse->value();
    if (s == m_metrics)
        return;
    m_metrics = s;
    QSettings store;
    m_metrics.save(store);
    emit metricsChanged(m_metrics);
}

} // namespace AssetDesk
