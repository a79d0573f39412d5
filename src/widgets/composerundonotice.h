#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;

namespace AssetDesk {

// "Sending in N s · Undo" after Publish now: shown (in the status bar) for the undo window, then
// it removes itself. Undo is offered once; the owner says how it went with setOutcome().
class ComposerUndoNotice : public QWidget
{
    Q_OBJECT
public:
    ComposerUndoNotice(const QString& what, int seconds, QWidget* parent = nullptr);

    int secondsLeft() const { return m_left; }
    QPushButton* undoButton() const { return m_undo; }
    // Replaces the countdown with a final word (pulled back, or too late) and closes soon after.
    void setOutcome(const QString& text);

signals:
    void undoRequested();

private:
    void tick();
    void showLeft();

    QString m_what;
    int m_left;
    QLabel* m_label;
    QPushButton* m_undo;
    QTimer* m_timer;
};

} // namespace AssetDesk
