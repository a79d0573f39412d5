#pragma once

#include "core/derivativespec.h"

#include <QImage>
#include <QWidget>

namespace AssetDesk {

// The derivative editor's source view: the image fitted into the widget, the area outside the
// crop dimmed, the crop frame with rule-of-thirds lines. Dragging inside the frame moves it (a
// preset frame keeps its aspect and stays inside the image); with the free preset, dragging
// outside the frame draws a new rectangle. Edits change only the spec's centre or freeRect and are
// reported by specEdited(). GUI thread only; paints a QImage decoded elsewhere.
class DerivativeCropView : public QWidget
{
    Q_OBJECT
public:
    explicit DerivativeCropView(QWidget* parent = nullptr);

    // `preview` is the source as decoded for display; `sourceSize` its full displayed size (the
    // spec's geometry is in those pixels).
    void setImage(const QImage& preview, QSize sourceSize);
    void setSpec(const DerivativeSpec& spec);
    DerivativeSpec spec() const { return m_spec; }

    // Where the crop frame is drawn, in widget coordinates (empty without an image).
    QRectF frameInWidget() const;

    QSize sizeHint() const override { return {640, 420}; }
    QSize minimumSizeHint() const override { return {240, 160}; }

signals:
    void specEdited(const AssetDesk::DerivativeSpec& spec);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QRectF imageRect() const;
    // Widget point -> normalised source point (0..1), clamped to the image.
    QPointF normalised(QPointF widgetPoint) const;

    QImage m_image;
    QSize m_sourceSize;
    DerivativeSpec m_spec;
    enum class Drag { None, Move, Draw } m_drag = Drag::None;
    QPointF m_pressNormalised;
    QPointF m_startCentre;
    QRectF m_startRect;
};

} // namespace AssetDesk
