#include "widgets/libraryinspector.h"

#include "models/libraryitem.h"
#include "models/librarytext.h"
#include "widgets/emptyviewhint.h"
#include "widgets/engagementview.h"
#include "widgets/foldingtabwidget.h"
#include "widgets/jsonviewer.h"

#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPalette>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace AssetDesk {

namespace {
QString when(const QDateTime& t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

using Pane = AssetDetails::Use::Location::Pane;

// The pane a use is shown in, as the window names it.
QString paneName(Pane pane)
{
    switch (pane) {
    case Pane::X:
        return LibraryInspector::tr("X");
    case Pane::Helpdesk:
        return LibraryInspector::tr("Helpdesk");
    case Pane::Crm:
        return LibraryInspector::tr("CRM");
    case Pane::None:
        break;
    }
    return {};
}

// One row of "Where used". The row's kind and local id are kept for tests and whoever opens it.
void fillUseItem(QTreeWidgetItem* item, const AssetDetails::Use& use)
{
    const QStringList texts{use.place, use.summary, when(use.at), use.assetVersion};
    for (int column = 0; column < texts.size(); ++column)
        item->setText(column, texts.at(column));
    item->setData(0, LibraryInspector::UseKindRole, use.kind);
    item->setData(0, LibraryInspector::UseIdRole, use.id);
    // The whole row in each cell's tooltip: a narrow inspector shows little more than the first column.
    QStringList tip{use.place};
    if (!use.summary.isEmpty())
        tip << use.summary;
    if (use.at.isValid())
        tip << when(use.at);
    if (use.location.pane != Pane::None)
        tip << LibraryInspector::tr("Double-click to show it in the %1 pane.")
                   .arg(paneName(use.location.pane));
    else if (!use.filePath.isEmpty())
        tip << QDir::toNativeSeparators(use.filePath)
            << LibraryInspector::tr("Double-click to open the file.");
    for (int column = 0; column < item->columnCount(); ++column)
        item->setToolTip(column, tip.join(u'\n'));
    if (use.gone) {
        for (int column = 0; column < item->columnCount(); ++column)
            item->setForeground(column, QPalette().brush(QPalette::PlaceholderText));
    }
}

QTreeWidgetItem* useItem(const AssetDetails::Use& use)
{
    auto* item = new QTreeWidgetItem;
    fillUseItem(item, use);
    return item;
}

QString badgeStyle(RightsStatus status)
{
    switch (status) {
    case RightsStatus::Expired: return QStringLiteral("background:#b71c1c;color:white;");
    case RightsStatus::ExpiringSoon: return QStringLiteral("background:#f5a000;color:black;");
    case RightsStatus::Valid: return QStringLiteral("background:#2e7d32;color:white;");
    case RightsStatus::Unrestricted: return QStringLiteral("background:#546e7a;color:white;");
    }
    return {};
}
} // namespace

LibraryInspector::LibraryInspector(SyntaxRepository* syntax, QWidget* parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_message(new QLabel(tr("Select an asset to see its details."), this))
    , m_sections(new FoldingTabWidget(this))
    , m_title(new QLabel(this))
    , m_rightsBadge(new QLabel(this))
    , m_open(new QPushButton(tr("Open"), this))
    , m_versions(new QTreeWidget(this))
    , m_uses(new QTreeWidget(this))
    , m_engagement(new EngagementView(this))
    , m_json(new JsonViewer(syntax, this))
{
    m_message->setWordWrap(true);
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("inspectorTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont big = m_title->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_title->setFont(big);
    m_rightsBadge->setObjectName(QStringLiteral("rightsBadge"));
    m_rightsBadge->setTextFormat(Qt::PlainText);
    m_rightsBadge->setMargin(3);
    // One line, as wide as its text: a narrow pane puts it on a row of its own (updateFormWrapping).
    m_rightsBadge->setSizePolicy(QSizePolicy::Maximum, QSizePolicy::Fixed);
    m_open->setToolTip(tr("Open the local rendition (Enter)"));
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_localFile.isEmpty())
            emit openRequested(m_localFile);
    });

    auto* details = new QWidget;
    auto* form = narrowForm();
    addField(form, tr("File"), QStringLiteral("fileName"));
    addField(form, tr("Source"), QStringLiteral("source"));
    addField(form, tr("Type"), QStringLiteral("type"));
    addField(form, tr("Dimensions"), QStringLiteral("dimensions"));
    addField(form, tr("Campaign"), QStringLiteral("campaign"));
    addField(form, tr("Keywords"), QStringLiteral("keywords"));
    addField(form, tr("Caption"), QStringLiteral("caption"));
    addField(form, tr("Collections"), QStringLiteral("collections"));
    addField(form, tr("Lifecycle"), QStringLiteral("lifecycle"));
    addField(form, tr("Modified"), QStringLiteral("modified"));
    auto* rightsForm = narrowForm();
    rightsForm->addRow(tr("Rights"), m_rightsBadge);
    addField(rightsForm, tr("Approval"), QStringLiteral("approval"));
    addField(rightsForm, tr("Licence"), QStringLiteral("license"));
    addField(rightsForm, tr("Restrictions"), QStringLiteral("restrictions"));
    addField(rightsForm, tr("Credit"), QStringLiteral("credit"));
    addField(rightsForm, tr("Copyright"), QStringLiteral("copyright"));
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->addWidget(m_title);
    detailsLayout->addLayout(rightsForm);
    detailsLayout->addLayout(form);
    detailsLayout->addWidget(m_open, 0, Qt::AlignLeft);
    detailsLayout->addStretch();
    auto* scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    // Values wrap to the pane's width (narrowForm) and scroll only vertically.
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(details);

    m_versions->setHeaderLabels({tr("Version"), tr("Modified"), tr("First seen")});
    m_versions->setRootIsDecorated(false);
    m_uses->setHeaderLabels({tr("Used in"), tr("Content"), tr("When"), tr("Version")});
    m_uses->setRootIsDecorated(false);
    m_uses->setUniformRowHeights(true);
    m_uses->setTextElideMode(Qt::ElideRight);
    m_uses->setWordWrap(false);
    m_uses->header()->setStretchLastSection(false);
    m_uses->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_uses->setContextMenuPolicy(Qt::CustomContextMenu);
    // Double-click or Enter: the post, ticket or case in its own pane.
    connect(m_uses, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { showUse(m_uses->indexOfTopLevelItem(item)); });
    connect(m_uses, &QWidget::customContextMenuRequested, this, &LibraryInspector::showUsesMenu);
    new EmptyViewHint(m_uses,
                      tr("Not used yet. X posts, ticket comments, case notes and derivatives made with "
                         "this asset will be listed here."));

    m_sections->addTab(scroll, tr("Details"));
    m_sections->addTab(m_versions, tr("Versions"));
    m_sections->addTab(m_uses, tr("Where used"));
    m_sections->addTab(m_engagement, tr("Engagement"));
    m_sections->addTab(m_json, tr("Raw JSON"));
    m_stack->addWidget(m_message);
    m_stack->addWidget(m_sections);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
}

QTabWidget* LibraryInspector::tabs() const
{
    return m_sections->tabs();
}

// The inspector often gets a narrow share of the library's splitter: a value that does not fit
// beside its label goes on the line below it, at the full width (updateFormWrapping).
QFormLayout* LibraryInspector::narrowForm()
{
    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_forms << form;
    return form;
}

void LibraryInspector::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    updateFormWrapping();
}

// Beside its label, a value needs a column of a useful width; when the pane cannot give it one,
// every label goes above its value. Otherwise only a value too long for its line wraps below its
// label, which in a narrow pane would make a ragged form.
void LibraryInspector::updateFormWrapping()
{
    constexpr int kValueColumn = 150;
    int widestLabel = 0;
    for (QFormLayout* form : std::as_const(m_forms)) {
        for (int row = 0; row < form->rowCount(); ++row) {
            if (QLayoutItem* label = form->itemAt(row, QFormLayout::LabelRole))
                widestLabel = qMax(widestLabel, label->sizeHint().width());
        }
    }
    const int room =
        width() - 2 * style()->pixelMetric(QStyle::PM_LayoutLeftMargin) - 24; // frame, scroll bar
    const auto policy =
        room < widestLabel + kValueColumn ? QFormLayout::WrapAllRows : QFormLayout::WrapLongRows;
    for (QFormLayout* form : std::as_const(m_forms)) {
        if (form->rowWrapPolicy() == policy)
            continue;
        form->setRowWrapPolicy(policy);
        // Above its value, a label in the same type would read as one more value.
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem* item = form->itemAt(row, QFormLayout::LabelRole);
            if (QWidget* label = item ? item->widget() : nullptr) {
                QFont font = label->font();
                font.setBold(policy == QFormLayout::WrapAllRows);
                label->setFont(font);
            }
        }
    }
}

QLabel* LibraryInspector::addField(QFormLayout* form, const QString& label, const QString& name)
{
    auto* value = new QLabel(this);
    value->setObjectName(name);
    value->setTextFormat(Qt::PlainText);
    value->setWordWrap(true);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    form->addRow(label, value);
    return value;
}

QString LibraryInspector::fieldText(const QString& objectName) const
{
    const auto* label = findChild<QLabel*>(objectName);
    return label ? label->text() : QString();
}

void LibraryInspector::showMessage(const QString& text)
{
    m_assetId = 0;
    m_localFile.clear();
    m_message->setText(text);
    m_stack->setCurrentWidget(m_message);
}

void LibraryInspector::showDetails(const AssetDetails& d, int soonDays)
{
    const Asset& a = d.asset;
    const bool same = m_assetId == a.id;
    m_assetId = a.id;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_title->setText(a.title.trimmed().isEmpty() ? a.fileName : a.title.left(2000));
    auto set = [this](const QString& name, const QString& text) {
        if (auto* label = findChild<QLabel*>(name))
            label->setText(text.left(20000)); // a 10 MB caption is cut for display, not for the data
    };
    set(QStringLiteral("fileName"), a.fileName);
    set(QStringLiteral("source"), d.accountLabel.isEmpty() ? serviceDisplayName(a.service)
                                                           : tr("%1 · %2").arg(serviceDisplayName(a.service), d.accountLabel));
    set(QStringLiteral("type"), a.mimeType.isEmpty() ? LibraryText::mediaType(a.mediaType)
                                                     : tr("%1 (%2)").arg(LibraryText::mediaType(a.mediaType), a.mimeType));
    const QString size = LibraryText::fileSize(a.fileSize);
    set(QStringLiteral("dimensions"), size.isEmpty() ? LibraryText::dimensions(a.width, a.height)
                                                     : tr("%1, %2").arg(LibraryText::dimensions(a.width, a.height), size));
    set(QStringLiteral("campaign"), a.campaign);
    set(QStringLiteral("keywords"), a.keywords.join(QStringLiteral(", ")));
    set(QStringLiteral("caption"), a.caption);
    set(QStringLiteral("collections"), d.collections.join(QStringLiteral(", ")));
    set(QStringLiteral("lifecycle"), LibraryText::lifecycle(a.lifecycle));
    set(QStringLiteral("modified"), when(a.modifiedAt));
    set(QStringLiteral("approval"), LibraryText::approval(a.rights.approval));
    set(QStringLiteral("license"),
        a.rights.licenseExpiresAt.isValid() ? licenceExpiryText(a.rights.licenseExpiresAt) : tr("No expiry"));
    set(QStringLiteral("restrictions"), a.rights.usageRestrictions);
    set(QStringLiteral("credit"), a.rights.credit);
    set(QStringLiteral("copyright"), a.rights.copyright);
    const RightsStatus status = a.rights.statusAt(now, soonDays);
    m_rightsBadge->setText(LibraryText::rightsSummary(a.rights.licenseExpiresAt, now, soonDays));
    m_rightsBadge->setProperty("rightsStatus", int(status));
    m_rightsBadge->setStyleSheet(QStringLiteral("QLabel{%1border-radius:3px;font-weight:bold;}").arg(badgeStyle(status)));

    const Rendition* local = LibraryItem::largestLocalRendition(a);
    m_localFile = local ? local->localPath : QString();
    m_open->setEnabled(!m_localFile.isEmpty());

    m_versions->clear();
    for (const AssetDetails::Version& v : d.versions)
        m_versions->addTopLevelItem(new QTreeWidgetItem({v.version, when(v.modifiedAt), when(v.firstSeenAt)}));
    m_uses->clear();
    m_useRows = d.uses;
    for (const AssetDetails::Use& u : d.uses)
        m_uses->addTopLevelItem(useItem(u));
    // Where, when and which version as wide as they need; the content gets the rest.
    for (const int column : {0, 2, 3})
        m_uses->resizeColumnToContents(column);
    for (int column = 0; column < m_versions->columnCount(); ++column)
        m_versions->resizeColumnToContents(column);
    m_sections->setTabText(tabs()->indexOf(m_uses),
                           d.uses.isEmpty() ? tr("Where used") : tr("Where used (%1)").arg(d.uses.size()));
    m_engagement->setEngagement(d.engagement, d.engagementSeries);
    m_sections->setTabText(tabs()->indexOf(m_engagement),
                           d.engagement.posts.isEmpty()
                               ? tr("Engagement")
                               : tr("Engagement (%1)").arg(d.engagement.posts.size()));
    m_json->setJson(a.rawJson);
    if (!same)
        tabs()->setCurrentIndex(0);
    m_stack->setCurrentWidget(m_sections);
}

void LibraryInspector::showUse(int row)
{
    const AssetDetails::Use::Location location = useLocation(row);
    if (location.pane != Pane::None)
        emit useShowRequested(location);
    else if (!useFile(row).isEmpty())
        openUseFile(row, false);
}

void LibraryInspector::openUseFile(int row, bool folder)
{
    if (row < 0 || row >= m_useRows.size())
        return;
    const QFileInfo file(useFile(row));
    if (file.exists()) {
        emit openRequested(folder ? file.absolutePath() : file.absoluteFilePath());
        return;
    }
    // Removed since the details were read: the row says so instead of opening nothing.
    AssetDetails::Use& use = m_useRows[row];
    use.filePath.clear();
    use.summary = tr("The file is no longer on disk: %1").arg(QDir::toNativeSeparators(file.filePath()));
    if (QTreeWidgetItem* item = m_uses->topLevelItem(row))
        fillUseItem(item, use);
}

void LibraryInspector::showUsesMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = m_uses->itemAt(pos);
    if (!item)
        return;
    const int row = m_uses->indexOfTopLevelItem(item);
    const Pane pane = useLocation(row).pane;
    QMenu menu(this);
    if (pane != Pane::None) {
        menu.addAction(tr("Show in %1").arg(paneName(pane)), this, [this, row] { showUse(row); });
    } else if (!useFile(row).isEmpty()) {
        // A derivative: no pane lists it, its file is what there is to see.
        menu.addAction(tr("Open File"), this, [this, row] { openUseFile(row, false); });
        menu.addAction(tr("Open Containing Folder"), this, [this, row] { openUseFile(row, true); });
    } else {
        // Archived copies, derivatives without their file and rows no longer cached.
        menu.addAction(tr("Not Listed in a Pane"))->setEnabled(false);
    }
    menu.exec(m_uses->viewport()->mapToGlobal(pos));
}

} // namespace AssetDesk
