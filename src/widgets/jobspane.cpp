#include "widgets/jobspane.h"

#include "models/jobsmodel.h"
#include "widgets/jsonviewer.h"
#include "widgets/progressdelegate.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace AssetDesk {

JobsPane::JobsPane(JobsModel* model, SyntaxRepository* syntax, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTreeView(this))
    , m_errorLabel(new QLabel(this))
    , m_detail(new JsonViewer(syntax, this))
    , m_detailsBox(new QWidget(this))
{
    setObjectName(QStringLiteral("JobsPane"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_view->setModel(model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setItemDelegateForColumn(JobsModel::ProgressColumn,
                                     new ProgressDelegate(JobsModel::FractionRole, JobsModel::CancellableRole, this));
    m_view->header()->setStretchLastSection(false);
    m_view->header()->setSectionResizeMode(JobsModel::TitleColumn, QHeaderView::Stretch);
    m_view->header()->setSectionResizeMode(JobsModel::MessageColumn, QHeaderView::Stretch);
    m_view->header()->resizeSection(JobsModel::ProgressColumn, 160);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    auto* toolbar = new QToolBar(this);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->setIconSize(QSize(16, 16));
    m_cancel = toolbar->addAction(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the selected job"));
    m_retry = toolbar->addAction(tr("Retry"));
    m_retry->setToolTip(tr("Run the selected failed job again"));
    m_clear = toolbar->addAction(tr("Clear Finished"));
    m_view->addActions({m_cancel, m_retry, m_clear});

    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText); // error text may quote what a service said
    m_errorLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setMaximumBlockCount(5000);
    auto* detailsLayout = new QVBoxLayout(m_detailsBox);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_errorLabel);
    detailsLayout->addWidget(m_detail, 1);
    m_detailsBox->hide();

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detailsBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(toolbar);
    layout->addWidget(splitter, 1);

    connect(m_cancel, &QAction::triggered, this, [this] {
        const QModelIndex row = currentRow();
        if (row.isValid())
            m_model->requestCancel(row.data(JobsModel::IdRole).toUuid());
    });
    connect(m_retry, &QAction::triggered, this, [this] {
        const QModelIndex row = currentRow();
        if (row.isValid())
            m_model->requestRetry(row.data(JobsModel::IdRole).toUuid());
    });
    connect(m_clear, &QAction::triggered, m_model, &JobsModel::requestClearFinished);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        updateActions();
        showDetails();
    });
    connect(model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex& from, const QModelIndex& to) {
        const int current = currentRow().row();
        if (current >= from.row() && current <= to.row()) {
            updateActions();
            showDetails();
        }
    });
    connect(model, &JobsModel::countsChanged, this, &JobsPane::updateTitle);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &JobsPane::updateActions);
    updateTitle(model->activeCount(), model->failedCount());
}

QModelIndex JobsPane::currentRow() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.siblingAtColumn(0) : QModelIndex();
}

void JobsPane::updateActions()
{
    const QModelIndex row = currentRow();
    const auto state = JobState(row.data(JobsModel::StateRole).toInt());
    m_cancel->setEnabled(row.isValid() && row.data(JobsModel::CancellableRole).toBool());
    m_retry->setEnabled(row.isValid() && (state == JobState::Failed || state == JobState::Cancelled));
    m_clear->setEnabled(m_model->rowCount() > m_model->activeCount());
}

void JobsPane::showDetails()
{
    const QModelIndex row = currentRow();
    const QString message = row.data(JobsModel::ErrorMessageRole).toString();
    if (message.isEmpty()) {
        m_detailsBox->hide();
        return;
    }
    m_errorLabel->setText(message);
    const QString detail = row.data(JobsModel::ErrorDetailRole).toString();
    m_detail->setVisible(!detail.isEmpty());
    m_detail->setJson(detail.toUtf8());
    m_detailsBox->show();
}

void JobsPane::updateTitle(int active, int failed)
{
    QString title = tr("Jobs");
    if (active > 0 && failed > 0)
        title = tr("Jobs (%1 running, %2 failed)").arg(active).arg(failed);
    else if (active > 0)
        title = tr("Jobs (%1 running)").arg(active);
    else if (failed > 0)
        title = tr("Jobs (%1 failed)").arg(failed);
    setWindowTitle(title);
    updateActions();
}

} // namespace AssetDesk
