#include "core/jobinfo.h"

#include "core/enumnames.h"

namespace AssetDesk {

namespace {
constexpr EnumName<JobState> kStates[] = {{JobState::Queued, "queued"},
                                          {JobState::Running, "running"},
                                          {JobState::Succeeded, "succeeded"},
                                          {JobState::Failed, "failed"},
                                          {JobState::Cancelled, "cancelled"}};
} // namespace

QString jobStateId(JobState state) { return enumToId(kStates, state); }

} // namespace AssetDesk
