#include "connectors/x/xmediavalidator.h"
#include "core/xmedialimits.h"

#include <QTest>

using namespace AssetDesk;
using V = XMediaValidator::Limits;
using M = XMediaLimits;

// core/xmedialimits.h duplicates the connector's limits for the media layer (which cannot see
// connectors): every pair must agree, or this does not even compile.
static_assert(M::kMaxImageBytes == V::kMaxImageBytes);
static_assert(M::kMaxGifBytes == V::kMaxGifBytes);
static_assert(M::kMaxGifWidth == V::kMaxGifWidth);
static_assert(M::kMaxGifHeight == V::kMaxGifHeight);
static_assert(M::kMaxGifFrames == V::kMaxGifFrames);
static_assert(M::kMaxGifPixels == V::kMaxGifPixels);
static_assert(M::kMaxVideoBytes == V::kMaxVideoBytes);
static_assert(M::kMinVideoMs == V::kMinVideoMs);
static_assert(M::kMaxVideoMs == V::kMaxVideoMs);
static_assert(M::kMaxVideoWidth == V::kMaxVideoWidth);
static_assert(M::kMaxVideoHeight == V::kMaxVideoHeight);
static_assert(M::kMaxFrameRate == V::kMaxFrameRate);

class TestXMediaLimitsCopy : public QObject
{
    Q_OBJECT
private slots:
    void recommendedVideoFitsTheLimits()
    {
        QVERIFY(M::kRecommendedVideoLongEdge <= V::kMaxVideoWidth);
        QVERIFY(M::kRecommendedVideoShortEdge <= V::kMaxVideoHeight);
    }
};

QTEST_GUILESS_MAIN(TestXMediaLimitsCopy)
#include "tst_xmedialimitscopy.moc"
