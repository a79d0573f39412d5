#pragma once

#include "core/result.h"
#include "sandbox/sandboxserver.h"

#include <QString>
#include <QStringList>

namespace AssetDesk::Sandbox {

// The command line of assetdesk-sandbox, parsed and validated.
struct SandboxdOptions
{
    SandboxOptions sandbox;
    bool exitOnStdinClose = false;
    bool quiet = false;
    bool showHelp = false;
    bool showVersion = false;

    // `arguments` includes the program name. Fault rules from --fault-file come first, then
    // every --fault in order.
    static Result<SandboxdOptions> parse(const QStringList& arguments);
    static QString helpText();
};

} // namespace AssetDesk::Sandbox
