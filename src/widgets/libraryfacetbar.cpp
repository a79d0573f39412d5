#include "widgets/libraryfacetbar.h"

#include "core/metricssettings.h"
#include "models/librarytext.h"
#include "widgets/flowlayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>

namespace AssetDesk {

namespace {
// Item data: the enum as int; "any" has no data.
template<typename E>
std::optional<E> chosen(const QComboBox* box)
{
    const QVariant v = box->currentData();
    return v.isValid() ? std::optional<E>(E(v.toInt())) : std::nullopt;
}

constexpr int kGroupSpacing = 18;

// A group of labelled facets: a form in a widget of its own, so the flow layout can move it whole.
QFormLayout* facetGroup(QWidget* parent)
{
    auto* group = new QWidget(parent);
    auto* form = new QFormLayout(group);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    return form;
}

QComboBox* anyBox(QWidget* parent, const QString& name)
{
    auto* box = new QComboBox(parent);
    box->setObjectName(name);
    box->addItem(LibraryFacetBar::tr("Any"));
    box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    return box;
}
} // namespace

LibraryFacetBar::LibraryFacetBar(QWidget* parent)
    : QWidget(parent)
    , m_service(anyBox(this, QStringLiteral("serviceFacet")))
    , m_approval(anyBox(this, QStringLiteral("approvalFacet")))
    , m_rights(anyBox(this, QStringLiteral("rightsFacet")))
    , m_soonDays(new QSpinBox(this))
    , m_campaign(new QLineEdit(this))
    , m_mediaType(anyBox(this, QStringLiteral("mediaTypeFacet")))
    , m_orientation(anyBox(this, QStringLiteral("orientationFacet")))
    , m_dateRange(new QCheckBox(tr("Modified"), this))
    , m_from(new QDateEdit(this))
    , m_to(new QDateEdit(this))
    , m_usage(anyBox(this, QStringLiteral("usageFacet")))
    , m_overuse(new QSpinBox(this))
{
    for (const ServiceInfo& info : allServices()) {
        if (info.category == ServiceCategory::Dam)
            m_service->addItem(info.displayName, int(info.service));
    }
    for (ApprovalState s : {ApprovalState::Approved, ApprovalState::Requested, ApprovalState::NotApproved,
                            ApprovalState::NotRequested, ApprovalState::Mixed, ApprovalState::Unknown})
        m_approval->addItem(LibraryText::approval(s), int(s));
    m_soonDays->setObjectName(QStringLiteral("soonDaysFacet"));
    m_soonDays->setRange(1, 365);
    m_soonDays->setValue(30);
    m_soonDays->setSuffix(tr(" days"));
    m_soonDays->setToolTip(tr("How far ahead an expiring licence counts as expiring"));
    m_rights->addItem(tr("Valid"), int(RightsStatus::Valid));
    m_rights->addItem(tr("Expiring soon"), int(RightsStatus::ExpiringSoon));
    m_rights->addItem(tr("Expired"), int(RightsStatus::Expired));
    m_rights->addItem(tr("No expiry"), int(RightsStatus::Unrestricted));
    m_campaign->setObjectName(QStringLiteral("campaignFacet"));
    m_campaign->setPlaceholderText(tr("Any campaign"));
    m_campaign->setClearButtonEnabled(true);
    m_campaign->setMinimumWidth(180);
    for (MediaType t : {MediaType::Image, MediaType::Video, MediaType::Audio, MediaType::Document, MediaType::Other})
        m_mediaType->addItem(LibraryText::mediaType(t), int(t));
    for (Orientation o : {Orientation::Landscape, Orientation::Portrait, Orientation::Square})
        m_orientation->addItem(LibraryText::orientation(o), int(o));
    m_usage->addItem(tr("Unused"), int(AssetUsage::Unused));
    m_usage->addItem(tr("Used"), int(AssetUsage::Used));
    m_usage->addItem(tr("Overused"), int(AssetUsage::Overused));
    m_usage->setToolTip(tr("How often the asset was posted, directly or as a derivative"));
    m_overuse->setObjectName(QStringLiteral("overuseFacet"));
    m_overuse->setRange(2, 1000);
    m_overuse->setValue(MetricsSettings::load(QSettings()).overuseThreshold); // Settings → DAM write-back
    m_overuse->setSuffix(tr(" posts"));
    m_overuse->setToolTip(tr("From how many posts an asset counts as overused"));
    m_dateRange->setObjectName(QStringLiteral("dateRangeFacet"));
    for (QDateEdit* edit : {m_from, m_to}) {
        edit->setCalendarPopup(true);
        edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        edit->setDate(QDate::currentDate());
        edit->setEnabled(false);
    }
    m_from->setObjectName(QStringLiteral("fromFacet"));
    m_to->setObjectName(QStringLiteral("toFacet"));
    m_from->setDate(QDate::currentDate().addMonths(-1));
    auto* clearButton = new QPushButton(tr("Clear"), this);
    clearButton->setObjectName(QStringLiteral("clearFacets"));

    // Three groups that sit side by side when the pane is wide and wrap under each other when it
    // is narrow: a single row would make the library as wide as all of them together.
    auto* left = facetGroup(this);
    left->addRow(tr("Service"), m_service);
    left->addRow(tr("Approval"), m_approval);
    auto* rightsRow = new QHBoxLayout;
    rightsRow->addWidget(m_rights);
    rightsRow->addWidget(new QLabel(tr("within"), this));
    rightsRow->addWidget(m_soonDays);
    rightsRow->addStretch();
    left->addRow(tr("Rights"), rightsRow);
    auto* middle = facetGroup(this);
    middle->addRow(tr("Campaign"), m_campaign);
    middle->addRow(tr("Type"), m_mediaType);
    middle->addRow(tr("Orientation"), m_orientation);
    auto* dates = new QHBoxLayout;
    dates->addWidget(m_from);
    dates->addWidget(new QLabel(QStringLiteral("–"), this));
    dates->addWidget(m_to);
    auto* right = facetGroup(this);
    right->addRow(m_dateRange, dates);
    auto* usageRow = new QHBoxLayout;
    usageRow->addWidget(m_usage);
    usageRow->addWidget(new QLabel(tr("overused from"), this));
    usageRow->addWidget(m_overuse);
    usageRow->addStretch();
    right->addRow(tr("Posted"), usageRow);
    right->addRow(QString(), clearButton);
    auto* flow = new FlowLayout(this, kGroupSpacing);
    flow->setContentsMargins(0, 0, 0, 0);
    for (QFormLayout* group : {left, middle, right})
        flow->addWidget(group->parentWidget());

    for (QComboBox* box : {m_service, m_approval, m_rights, m_mediaType, m_orientation, m_usage})
        connect(box, &QComboBox::currentIndexChanged, this, &LibraryFacetBar::changed);
    connect(m_soonDays, &QSpinBox::valueChanged, this, &LibraryFacetBar::changed);
    connect(m_overuse, &QSpinBox::valueChanged, this, [this] {
        if (m_usage->currentData().isValid()) // the threshold matters only with a usage chosen
            emit changed();
    });
    connect(m_campaign, &QLineEdit::textChanged, this, &LibraryFacetBar::changed);
    connect(m_dateRange, &QCheckBox::toggled, this, [this](bool on) {
        m_from->setEnabled(on);
        m_to->setEnabled(on);
        emit changed();
    });
    connect(m_from, &QDateEdit::dateChanged, this, [this] {
        if (m_dateRange->isChecked())
            emit changed();
    });
    connect(m_to, &QDateEdit::dateChanged, this, [this] {
        if (m_dateRange->isChecked())
            emit changed();
    });
    connect(clearButton, &QPushButton::clicked, this, &LibraryFacetBar::clear);
}

std::optional<Service> LibraryFacetBar::service() const
{
    return chosen<Service>(m_service);
}

LibraryFilter LibraryFacetBar::apply(LibraryFilter base) const
{
    base.approval = chosen<ApprovalState>(m_approval);
    base.rights = chosen<RightsStatus>(m_rights);
    base.soonDays = m_soonDays->value();
    base.campaign = m_campaign->text().trimmed();
    base.mediaType = chosen<MediaType>(m_mediaType);
    base.orientation = chosen<Orientation>(m_orientation);
    base.modifiedFrom = m_dateRange->isChecked() ? m_from->date() : QDate();
    base.modifiedTo = m_dateRange->isChecked() ? m_to->date() : QDate();
    base.usage = chosen<AssetUsage>(m_usage);
    base.overuseThreshold = m_overuse->value();
    return base;
}

int LibraryFacetBar::facetCount() const
{
    return apply({}).facetCount() + (service() ? 1 : 0);
}

void LibraryFacetBar::clear()
{
    const QSignalBlocker blockers[] = {QSignalBlocker(m_service), QSignalBlocker(m_approval), QSignalBlocker(m_rights),
                                       QSignalBlocker(m_campaign), QSignalBlocker(m_mediaType),
                                       QSignalBlocker(m_orientation), QSignalBlocker(m_dateRange),
                                       QSignalBlocker(m_usage)};
    for (QComboBox* box : {m_service, m_approval, m_rights, m_mediaType, m_orientation, m_usage})
        box->setCurrentIndex(0);
    m_campaign->clear();
    m_dateRange->setChecked(false);
    m_from->setEnabled(false);
    m_to->setEnabled(false);
    emit changed();
}

} // namespace AssetDesk
