#pragma once

#include <QDateTime>
#include <QDialog>

#include <functional>

class QDateTimeEdit;
class QLabel;
class QPushButton;

namespace AssetDesk {

class ComposerModel;

// "Schedule…": a date and time, checked live against the composed post - a licence that ends
// before the chosen time blocks it here, with the rights gate's reason - so only a time the post
// can really be sent at is accepted.
class ComposerSchedulePicker : public QDialog
{
    Q_OBJECT
public:
    ComposerSchedulePicker(const ComposerModel& model, std::function<QDateTime()> clock,
                           QWidget* parent = nullptr);

    QDateTime chosen() const;
    void setChosen(const QDateTime& when);
    QString blockingText() const;
    bool isAcceptable() const;

private:
    void recheck();

    const ComposerModel& m_model;
    std::function<QDateTime()> m_clock;
    QDateTimeEdit* m_when;
    QLabel* m_issues;
    QPushButton* m_ok;
};

} // namespace AssetDesk
