#include "models/composersettings.h"

#include <QSettings>

#include <algorithm>

namespace AssetDesk {

namespace {
const QString kAltTextKey = QStringLiteral("publishing/altTextRequired");
const QString kUndoKey = QStringLiteral("publishing/undoWindowSeconds");
} // namespace

ComposerSettings ComposerSettings::load(const QSettings& settings)
{
    ComposerSettings result;
    result.altTextRequired = settings.value(kAltTextKey, result.altTextRequired).toBool();
    bool ok = false;
    const int undo = settings.value(kUndoKey, result.undoWindowSeconds).toInt(&ok);
    // A hand-edited file must not turn "Publish now" into an hour's wait or a negative delay.
    if (ok)
        result.undoWindowSeconds = std::clamp(undo, 0, kMaxUndoWindowSeconds);
    return result;
}

void ComposerSettings::save(QSettings& settings) const
{
    settings.setValue(kAltTextKey, altTextRequired);
    settings.setValue(kUndoKey, std::clamp(undoWindowSeconds, 0, kMaxUndoWindowSeconds));
}

} // namespace AssetDesk
