#include "sandbox/dam/damfixtures.h"

#include "sandbox/dam/damgenerator.h"

namespace AssetDesk::Sandbox {

QList<QPair<DamFixture, qint64>> DamFixtures::table(const DamGenerator& generator)
{
    QList<QPair<DamFixture, qint64>> out;
    const int first = int(DamFixture::HugeCaption);
    const int last = int(DamFixture::EnormousImage);
    for (int f = first; f <= last; ++f) {
        const qint64 nominal = kFirstIndex + kSpacing * (f - first);
        for (qint64 i = nominal; i < nominal + kSpacing && i < generator.size(); ++i) {
            if (generator.attributes(i).media == DamMediaType::Image) {
                out.append({DamFixture(f), i});
                break;
            }
        }
    }
    return out;
}

QString DamFixtures::hugeCaption(const QString& seed)
{
    const QString unit = (seed.isEmpty() ? QStringLiteral("Caption.") : seed) + QLatin1Char(' ');
    QString out;
    out.reserve(kHugeCaptionBytes + unit.size());
    while (out.size() < kHugeCaptionBytes)
        out += unit;
    out.truncate(kHugeCaptionBytes);
    return out;
}

void DamFixtures::apply(DamAsset& asset, DamFixture fixture, const QString& hugeCaption)
{
    asset.fixture = fixture;
    switch (fixture) {
    case DamFixture::None:
        break;
    case DamFixture::HugeCaption:
        asset.caption = hugeCaption;
        break;
    case DamFixture::TraversalFileName:
        asset.fileName = QStringLiteral("../../etc/passwd.jpg");
        break;
    case DamFixture::AbsoluteFileName:
        asset.fileName = QStringLiteral("/absolute/path.jpg");
        break;
    case DamFixture::ControlCharFileName:
        asset.fileName = QStringLiteral("line1\nline2\tbell\u0007esc\u001b[31mred\u001b[0m\r.jpg");
        break;
    case DamFixture::RtlOverrideFileName:
        asset.fileName = QStringLiteral("holiday\u202egpj.exe");
        break;
    case DamFixture::NumericTitle:
    case DamFixture::UnparsableDates:
    case DamFixture::MissingFields:
    case DamFixture::WrongTypes:
    case DamFixture::UndecodableImage:
        break;
    case DamFixture::EnormousImage:
        asset.width = 60000;
        asset.height = 60000;
        asset.orientation = DamOrientation::Square;
        asset.fileName = QStringLiteral("enormous-panorama.png");
        asset.fileSize = 60000LL * 60000LL * 3;
        break;
    }
}

} // namespace AssetDesk::Sandbox
