#include "sandbox/dam/damasset.h"

namespace AssetDesk::Sandbox {

QString damApprovalId(DamApproval approval)
{
    switch (approval) {
    case DamApproval::None:
        return QStringLiteral("N/A");
    case DamApproval::Requested:
        return QStringLiteral("REQUESTED");
    case DamApproval::Approved:
        return QStringLiteral("APPROVED");
    case DamApproval::NotApproved:
        return QStringLiteral("NOT_APPROVED");
    case DamApproval::Mixed:
        return QStringLiteral("MIXED");
    }
    return QStringLiteral("N/A");
}

QString damFixtureId(DamFixture fixture)
{
    switch (fixture) {
    case DamFixture::None:
        return QStringLiteral("none");
    case DamFixture::HugeCaption:
        return QStringLiteral("huge_caption");
    case DamFixture::TraversalFileName:
        return QStringLiteral("traversal_file_name");
    case DamFixture::AbsoluteFileName:
        return QStringLiteral("absolute_file_name");
    case DamFixture::ControlCharFileName:
        return QStringLiteral("control_char_file_name");
    case DamFixture::RtlOverrideFileName:
        return QStringLiteral("rtl_override_file_name");
    case DamFixture::NumericTitle:
        return QStringLiteral("numeric_title");
    case DamFixture::UnparsableDates:
        return QStringLiteral("unparsable_dates");
    case DamFixture::MissingFields:
        return QStringLiteral("missing_fields");
    case DamFixture::WrongTypes:
        return QStringLiteral("wrong_types");
    case DamFixture::UndecodableImage:
        return QStringLiteral("undecodable_image");
    case DamFixture::EnormousImage:
        return QStringLiteral("enormous_image");
    }
    return QStringLiteral("none");
}

} // namespace AssetDesk::Sandbox
