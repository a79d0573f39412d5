#pragma once

#include <QDateTime>
#include <QDialog>
#include <QList>
#include <QString>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;

namespace AssetDesk {

// Settles a follow-up delivery for a solved ticket (scenario ZP7): which gallery to share, until
// when the link works, and whether the status comment is a public reply or an internal note.
// The caller fills the galleries (id + name) and reads the choice back after exec(); the
// delivery itself runs in FollowUpDelivery. GUI thread.
class FollowUpDialog : public QDialog
{
    Q_OBJECT
public:
    struct Gallery
    {
        QString id;
        QString name;
    };

    explicit FollowUpDialog(const QString& ticketLabel, QWidget* parent = nullptr);

    void setGalleries(const QList<Gallery>& galleries);
    // Defaults: the first gallery, 14 days, a public reply.
    QString galleryId() const;
    QString galleryName() const;
    QDateTime expiresAt() const; // invalid when "never expires" is checked
    bool publicReply() const;

    QComboBox* galleryBox() const { return m_gallery; }
    QDateTimeEdit* expiryEdit() const { return m_expiry; }
    QCheckBox* neverExpiresBox() const { return m_never; }
    QCheckBox* publicBox() const { return m_public; }
    QDialogButtonBox* buttons() const { return m_buttons; }

    static constexpr int kDefaultDays = 14;

private:
    void updateState();

    QLabel* m_intro;
    QComboBox* m_gallery;
    QDateTimeEdit* m_expiry;
    QCheckBox* m_never;
    QCheckBox* m_public;
    QDialogButtonBox* m_buttons;
};

} // namespace AssetDesk
