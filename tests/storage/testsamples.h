#pragma once

#include "core/account.h"
#include "core/asset.h"
#include "storage/storage.h"

#include <QString>

#include <memory>

namespace AssetDesk::Test {

// Sample values for storage tests: every field set, so a lost column shows up as a difference.
Account sampleAccount(Service service = Service::PhotoShelter,
                      const QString& login = QStringLiteral("ops@acme.example"));
Asset sampleAsset(qint64 accountId, const QString& remoteId);

// The remote ids of `assets`, in their order.
QStringList orderedRemoteIds(const QList<Asset>& assets);
// Noon UTC on that day: far from any midnight, so no time zone moves it to another date.
QDateTime utc(int y, int m, int d);

// Adds an account through the storage and returns its id (0 on failure, with a warning).
qint64 addAccount(Storage& storage, const Account& account);

} // namespace AssetDesk::Test

// Opens `var` (a std::unique_ptr<Storage>) on `config` or fails the test with the reason.
#define ASSETDESK_OPEN_STORAGE(var, config)                                                                  \
    std::unique_ptr<AssetDesk::Storage> var;                                                                 \
    {                                                                                                        \
        auto opened_ = AssetDesk::Storage::open(config);                                                     \
        QVERIFY2(opened_.ok(), qPrintable(opened_.ok() ? QString() : opened_.error().toLogString()));        \
        var = std::move(opened_).value();                                                                    \
    }

// Verifies a Result / Status is ok, printing its error otherwise. Evaluates `expression` once.
#define ASSETDESK_VERIFY_OK(expression)                                                                      \
    do {                                                                                                     \
        const auto& result_ = (expression);                                                                  \
        QVERIFY2(result_.ok(), qPrintable(result_.ok() ? QString() : result_.error().toLogString()));        \
    } while (false)
