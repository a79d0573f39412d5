#pragma once

class QSettings;

namespace AssetDesk {

// The publishing preferences the composer follows (Settings → Publishing), kept in QSettings
// under "publishing/": whether every image needs alt text before it can be posted, and how long a
// "Publish now" waits in the outbox so that it can still be pulled back (the undo window).
struct ComposerSettings
{
    static constexpr int kMaxUndoWindowSeconds = 300;

    bool altTextRequired = true;
    int undoWindowSeconds = 10; // 0: no undo, sent as soon as a publisher is free

    static ComposerSettings load(const QSettings& settings);
    void save(QSettings& settings) const;

    bool operator==(const ComposerSettings&) const = default;
};

} // namespace AssetDesk
