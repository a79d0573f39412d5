#include "widgets/derivativecropview.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace AssetDesk {

DerivativeCropView::DerivativeCropView(QWidget* parent)
    : QWidget(parent)
{
    setMouseTracking(false);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("Crop"));
}

void DerivativeCropView::setImage(const QImage& preview, QSize sourceSize)
{
    m_image = preview;
    m_sourceSize = sourceSize;
    update();
}

void DerivativeCropView::setSpec(const DerivativeSpec& spec)
{
    m_spec = spec;
    update();
}

QRectF DerivativeCropView::imageRect() const
{
    if (m_sourceSize.isEmpty())
        return {};
    const QSizeF fitted = QSizeF(m_sourceSize).scaled(QSizeF(size()) - QSizeF(8, 8), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2.0, (height() - fitted.height()) / 2.0), fitted);
}

QRectF DerivativeCropView::frameInWidget() const
{
    const QRectF image = imageRect();
    if (image.isEmpty())
        return {};
    const QRect crop = m_spec.cropRect(m_sourceSize);
    const double sx = image.width() / m_sourceSize.width();
    const double sy = image.height() / m_sourceSize.height();
    return QRectF(image.left() + crop.x() * sx, image.top() + crop.y() * sy, crop.width() * sx, crop.height() * sy);
}

QPointF DerivativeCropView::normalised(QPointF p) const
{
    const QRectF image = imageRect();
    if (image.isEmpty())
        return {0.5, 0.5};
    return {std::clamp((p.x() - image.left()) / image.width(), 0.0, 1.0),
            std::clamp((p.y() - image.top()) / image.height(), 0.0, 1.0)};
}

void DerivativeCropView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Window).darker(115));
    const QRectF image = imageRect();
    if (image.isEmpty() || m_image.isNull())
        return;
    p.setRenderHint(QPainter::SmoothPixmapTransform);
    p.drawImage(image, m_image);
    const QRectF frame = frameInWidget();
    QPainterPath outside;
    outside.addRect(image);
    outside.addRect(frame);
    p.fillPath(outside, QColor(0, 0, 0, 140)); // odd-even fill: everything but the frame
    p.setPen(QPen(QColor(255, 255, 255, 110), 1));
    for (int i = 1; i < 3; ++i) {
        const double x = frame.left() + frame.width() * i / 3.0;
        const double y = frame.top() + frame.height() * i / 3.0;
        p.drawLine(QPointF(x, frame.top()), QPointF(x, frame.bottom()));
        p.drawLine(QPointF(frame.left(), y), QPointF(frame.right(), y));
    }
    p.setPen(QPen(Qt::white, 2));
    p.drawRect(frame);
}

void DerivativeCropView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || imageRect().isEmpty()
        || m_spec.preset == DerivativeSpec::CropPreset::Original) {
        QWidget::mousePressEvent(event);
        return;
    }
    m_pressNormalised = normalised(event->position());
    // Start from where the frame really is (a centre past the edge was clamped).
    const QRect crop = m_spec.cropRect(m_sourceSize);
    m_startCentre = QPointF((crop.x() + crop.width() / 2.0) / m_sourceSize.width(),
                            (crop.y() + crop.height() / 2.0) / m_sourceSize.height());
    m_startRect = QRectF(double(crop.x()) / m_sourceSize.width(), double(crop.y()) / m_sourceSize.height(),
                         double(crop.width()) / m_sourceSize.width(), double(crop.height()) / m_sourceSize.height());
    const bool inside = frameInWidget().contains(event->position());
    m_drag = !inside && m_spec.preset == DerivativeSpec::CropPreset::Free ? Drag::Draw : Drag::Move;
    event->accept();
}

void DerivativeCropView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_drag == Drag::None) {
        QWidget::mouseMoveEvent(event);
        return;
    }
    const QPointF now = normalised(event->position());
    const QPointF delta = now - m_pressNormalised;
    if (m_drag == Drag::Draw) {
        m_spec.freeRect = QRectF(m_pressNormalised, now).normalized();
    } else if (m_spec.preset == DerivativeSpec::CropPreset::Free) {
        QRectF r = m_startRect.translated(delta);
        r.moveLeft(std::clamp(r.left(), 0.0, 1.0 - r.width()));
        r.moveTop(std::clamp(r.top(), 0.0, 1.0 - r.height()));
        m_spec.freeRect = r;
    } else {
        m_spec.centre = m_startCentre + delta;
        // Keep the stored centre where the frame can be, so the next drag starts under the cursor.
        const QRect crop = m_spec.cropRect(m_sourceSize);
        m_spec.centre = QPointF((crop.x() + crop.width() / 2.0) / m_sourceSize.width(),
                                (crop.y() + crop.height() / 2.0) / m_sourceSize.height());
    }
    update();
    emit specEdited(m_spec);
    event->accept();
}

void DerivativeCropView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_drag == Drag::Draw && m_spec.freeRect.width() * m_sourceSize.width() < 2) {
        // A click is not a rectangle: keep the previous one.
        m_spec.freeRect = m_startRect;
        update();
        emit specEdited(m_spec);
    }
    m_drag = Drag::None;
    QWidget::mouseReleaseEvent(event);
}

} // namespace AssetDesk
