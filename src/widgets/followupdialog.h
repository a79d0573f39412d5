#pragma once

#include "core/asset.h"

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace AssetDesk {

// Settles a follow-up delivery for a solved ticket (scenario ZP7): either a gallery shared with an
// expiring link, or a replacement file (library assets sent as a comment with the files), and
// whether the status comment is a public reply or an internal note. Each asset is listed with the
// file that would go or why it will not (the same AttachmentRules the attach job applies again),
// so nothing is refused late. A ticket that cannot take the follow-up (closed) is refused here,
// before anything is chosen. The caller fills galleries and assets as they arrive and reads the
// choice back when it is accepted; the delivery runs elsewhere. GUI thread.
class FollowUpDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Kind { Gallery, File };
    struct Gallery
    {
        QString id;
        QString name;
        bool matched = false; // the ticket is about it: listed first, before a separator
    };

    explicit FollowUpDialog(const QString& ticketLabel, QWidget* parent = nullptr);

    // Why nothing can be sent for this ticket; every choice is disabled and the reason shown.
    void setRefusal(const QString& why);
    QString refusal() const { return m_refusalText; }
    void setGalleriesLoading();
    void setGalleries(const QList<Gallery>& galleries);
    // Why no gallery can be offered (no PhotoShelter account, the listing failed).
    void setGalleriesUnavailable(const QString& why);
    // The replacement-file candidates; `maxBytes` is the helpdesk's limit per file (0: none).
    void setAssets(const QList<Asset>& assets, qint64 maxBytes);

    Kind kind() const;
    void setKind(Kind kind);
    // Defaults: the first gallery, 14 days, a public reply.
    QString galleryId() const;
    QString galleryName() const;
    QDateTime expiresAt() const; // invalid when "never expires" is checked
    bool publicReply() const;
    // The assets that pass every check, in the order given; one line per refused asset.
    QList<qint64> acceptedAssetIds() const { return m_accepted; }
    QStringList refusals() const { return m_refusals; }
    QString fileText() const;

    QComboBox* galleryBox() const { return m_gallery; }
    QLabel* galleryNote() const { return m_galleryNote; }
    QDateTimeEdit* expiryEdit() const { return m_expiry; }
    QCheckBox* neverExpiresBox() const { return m_never; }
    QCheckBox* publicBox() const { return m_public; }
    QTreeWidget* assetList() const { return m_assets; }
    QPushButton* selectionButton() const { return m_useSelection; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    static constexpr int kDefaultDays = 14;

signals:
    // "Use Library Selection": the caller answers with setAssets().
    void librarySelectionWanted();

private:
    QWidget* buildGallerySection();
    QWidget* buildFileSection();
    void updateState();

    QLabel* m_intro;
    QLabel* m_refusal;
    QRadioButton* m_shareGallery;
    QRadioButton* m_sendFile;
    QWidget* m_gallerySection = nullptr;
    QWidget* m_fileSection = nullptr;
    QComboBox* m_gallery = nullptr;
    QLabel* m_galleryNote = nullptr;
    QDateTimeEdit* m_expiry = nullptr;
    QCheckBox* m_never = nullptr;
    QTreeWidget* m_assets = nullptr;
    QLabel* m_assetNote = nullptr;
    QPushButton* m_useSelection = nullptr;
    QPlainTextEdit* m_text = nullptr;
    QCheckBox* m_public;
    QDialogButtonBox* m_buttons;
    QPushButton* m_send = nullptr;
    QString m_refusalText;
    QList<qint64> m_accepted;
    QStringList m_refusals;
};

} // namespace AssetDesk
