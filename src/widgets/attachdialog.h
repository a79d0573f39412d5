#pragma once

#include "core/asset.h"

#include <QDateTime>
#include <QDialog>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QTreeWidget;

namespace AssetDesk {

// Asks how dropped assets go to a ticket, a case or a customer record: a public reply or an
// internal note (Zendesk), the note's subject and text (Dynamics), which file (the original or a
// listed rendition, with its size), and lists every asset with what would be sent or why it will
// not be (the rights gate, a missing rendition, the service's size limit) before anything is sent.
// Refused assets are left out; Attach is enabled while at least one asset can go.
// The checks here are the same AttachmentRules the job applies again when it runs. GUI thread.
class AttachDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode { ZendeskTicket, DynamicsCase, DynamicsRecord };

    // `maxBytes`: the service's limit per file (0: none).
    AttachDialog(Mode mode, const QString& targetLabel, const QList<Asset>& assets, qint64 maxBytes,
                 QWidget* parent = nullptr);

    bool isPublic() const;
    QString subject() const;
    QString text() const;
    // Empty for the original, else the rendition's name.
    QString rendition() const;
    void setRendition(const QString& name);
    void setPublic(bool isPublic);
    // The assets that pass every check with the chosen file, in drop order.
    QList<qint64> acceptedAssetIds() const;
    // One line per refused asset, as listed.
    QStringList refusals() const;

    // The time the rights gate is checked at (now, by default): for tests.
    void setCheckTime(const QDateTime& when);

private:
    void refresh();

    Mode m_mode;
    QList<Asset> m_assets;
    qint64 m_maxBytes;
    QDateTime m_checkTime;
    QRadioButton* m_public = nullptr;
    QRadioButton* m_internal = nullptr;
    QLineEdit* m_subject = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QComboBox* m_rendition = nullptr;
    QTreeWidget* m_list = nullptr;
    QLabel* m_summary = nullptr;
    QDialogButtonBox* m_buttons = nullptr;
    QList<qint64> m_accepted;
    QStringList m_refusals;
};

} // namespace AssetDesk
