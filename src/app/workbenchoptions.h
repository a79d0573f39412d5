#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace AssetDesk {

// What the command line (and environment) say about this run of the workbench.
struct WorkbenchOptions
{
    enum class SandboxMode { Automatic, Always, Never };

    QString workspace;      // StorageConfig string; empty = the default local workspace
    SandboxMode sandbox = SandboxMode::Automatic;
    int sandboxSeed = 1;
    int sandboxSize = 100;
    QString sandboxExecutable;
    QString sandboxLiveEvent; // GALLERY[:SECONDS]: the sandbox's PhotoShelter live event (PX4)

    // Parses the application's arguments. --help and --version are answered by the parser.
    static Result<WorkbenchOptions> parse(const QStringList& arguments);
};

} // namespace AssetDesk
