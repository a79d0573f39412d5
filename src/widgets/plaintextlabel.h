#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace AssetDesk {

// A label for text a service wrote (ticket comments, case notes): plain text, so markup such as
// "<img src=…>" is shown as written, never rendered or loaded; wrapped and selectable.
QLabel* plainTextLabel(const QString& text, QWidget* parent);

} // namespace AssetDesk
