#pragma once

#include <QWidget>

class QAction;
class QLabel;
class QTreeView;

namespace AssetDesk {

class JobsModel;
class JsonViewer;
class SyntaxRepository;

// Lists background jobs with progress; cancels, retries and explains failures. The pane title
// carries the running and failed counts so a collapsed dock still tells the story.
class JobsPane : public QWidget
{
    Q_OBJECT
public:
    JobsPane(JobsModel* model, SyntaxRepository* syntax, QWidget* parent = nullptr);

    QTreeView* view() const { return m_view; }
    QSize sizeHint() const override { return {900, 170}; }

private:
    void updateActions();
    void updateTitle(int active, int failed);
    void showDetails();
    QModelIndex currentRow() const;

    JobsModel* m_model;
    QTreeView* m_view;
    QLabel* m_errorLabel;
    JsonViewer* m_detail;
    QWidget* m_detailsBox;
    QAction* m_cancel;
    QAction* m_retry;
    QAction* m_clear;
};

} // namespace AssetDesk
