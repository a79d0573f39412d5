#pragma once

#include "core/result.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace AssetDesk {

// The answers of X's chunked media upload (x.md §5b): INITIALIZE and FINALIZE
// {data:{id, media_key, expires_after_secs, processing_info?}}, STATUS the same with
// processing_info {state, check_after_secs, progress_percent}. Pure.
struct XMediaResponse
{
    enum class Processing
    {
        None, // no processing_info: nothing to wait for (images)
        Pending,
        InProgress,
        Succeeded,
        Failed
    };

    QString id;
    QString mediaKey;
    std::optional<qint64> expiresAfterSecs;
    Processing processing = Processing::None;
    std::optional<int> checkAfterSecs;
    int progressPercent = -1;
    // processing_info.error.message (v1.1 shape; the v2 spec names none), else the detail of
    // the answer's first errors[] Problem.
    QString failure;

    bool isDone() const { return processing == Processing::None || processing == Processing::Succeeded; }

    // `requireId`: INITIALIZE must name the media id; STATUS and FINALIZE may leave it out.
    static Result<XMediaResponse> parse(const QJsonObject& response, bool requireId);
};

} // namespace AssetDesk
