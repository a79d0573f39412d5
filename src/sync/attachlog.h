#pragma once

#include <QLoggingCategory>

// Attaching assets to tickets, cases and customer records (AttachService, AttachAttempt).
Q_DECLARE_LOGGING_CATEGORY(lcAttach)
