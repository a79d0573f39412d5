#include "widgets/composerundonotice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

namespace AssetDesk {

ComposerUndoNotice::ComposerUndoNotice(const QString& what, int seconds, QWidget* parent)
    : QWidget(parent)
    , m_what(what)
    , m_left(seconds)
    , m_label(new QLabel)
    , m_undo(new QPushButton(tr("Undo")))
    , m_timer(new QTimer(this))
{
    setObjectName(QStringLiteral("composerUndoNotice"));
    m_label->setTextFormat(Qt::PlainText);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_undo);
    connect(m_undo, &QPushButton::clicked, this, [this] {
        m_undo->setEnabled(false);
        m_timer->stop();
        emit undoRequested();
    });
    connect(m_timer, &QTimer::timeout, this, &ComposerUndoNotice::tick);
    m_timer->start(1000);
    showLeft();
}

void ComposerUndoNotice::tick()
{
    if (--m_left <= 0) {
        m_timer->stop();
        deleteLater();
        return;
    }
    showLeft();
}

void ComposerUndoNotice::showLeft()
{
    m_label->setText(tr("%1 · sending in %n s", nullptr, m_left).arg(m_what));
}

void ComposerUndoNotice::setOutcome(const QString& text)
{
    m_timer->stop();
    m_undo->hide();
    m_label->setText(text);
    QTimer::singleShot(5000, this, &QObject::deleteLater);
}

} // namespace AssetDesk
