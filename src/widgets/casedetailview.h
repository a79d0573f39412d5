#pragma once

#include "models/casedetail.h"
#include "widgets/assetdropwidget.h"

class QLabel;
class QPushButton;

namespace AssetDesk {

class RecordEntryList;

// The open Dynamics case: title, number, priority, state, customer and description, then its
// notes newest first, each with its attached file (name, type, size). Everything from the
// service is plain text. Library assets dropped on it go to the shown case (assetsDropped);
// "Find Assets" asks for a library search in the case's context.
//
// Other CRM records (a customer, an opportunity, a campaign, an event) show as a short summary.
class CaseDetailView : public AssetDropWidget
{
    Q_OBJECT
public:
    explicit CaseDetailView(QWidget* parent = nullptr);

    void showDetail(const CaseDetail& detail);
    void showCase(const SupportCase& supportCase, const QString& note);
    void showSummary(const QString& title, const QString& text);
    void showMessage(const QString& text);
    void clear();

    bool hasCase() const { return m_case.id != 0; }
    const SupportCase& supportCase() const { return m_case; }
    QStringList shownTexts() const;
    QPushButton* findAssetsButton() const { return m_findAssets; }

signals:
    void assetsDropped(qint64 caseLocalId, const QList<qint64>& assetIds);
    void findAssetsRequested(const AssetDesk::SupportCase& supportCase);
    void noteFileOpenRequested(const AssetDesk::CaseNote& note);

protected:
    bool acceptsAssets() const override { return hasCase(); }
    void dropAssets(const QList<qint64>& assetIds) override;

private:
    void showHeader(const QString& title, const QString& meta, bool isCase);
    void addNote(const CaseNote& note);

    SupportCase m_case;
    QLabel* m_title;
    QLabel* m_meta;
    QPushButton* m_findAssets;
    RecordEntryList* m_notes;
    QLabel* m_message;
};

} // namespace AssetDesk
