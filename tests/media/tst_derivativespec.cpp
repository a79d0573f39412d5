#include "core/derivativespec.h"

#include <QJsonDocument>
#include <QTest>

using namespace AssetDesk;
using Preset = DerivativeSpec::CropPreset;

class TestDerivativeSpec : public QObject
{
    Q_OBJECT
private slots:
    void jsonRoundTrip_data()
    {
        QTest::addColumn<int>("preset");
        for (Preset p : {Preset::Original, Preset::Square, Preset::Portrait, Preset::Wide, Preset::Banner, Preset::Free})
            QTest::newRow(qPrintable(DerivativeSpec::presetId(p))) << int(p);
    }
    void jsonRoundTrip()
    {
        QFETCH(int, preset);
        DerivativeSpec spec = DerivativeSpec::forXImage(Preset(preset), 1600);
        spec.centre = QPointF(0.25, 0.75);
        spec.freeRect = QRectF(0.125, 0.25, 0.5, 0.5);
        spec.format = DerivativeSpec::Format::Png;
        spec.startMs = 1200;
        spec.durationMs = 6000;
        const QByteArray text = QJsonDocument(spec.toJson()).toJson(QJsonDocument::Compact);
        const std::optional<DerivativeSpec> back = DerivativeSpec::fromJson(QJsonDocument::fromJson(text).object());
        QVERIFY(back);
        // What the preset does not use is not stored, so it comes back as the default.
        if (Preset(preset) != Preset::Free)
            spec.freeRect = DerivativeSpec{}.freeRect;
        if (Preset(preset) == Preset::Free || Preset(preset) == Preset::Original)
            spec.centre = DerivativeSpec{}.centre;
        QCOMPARE(*back, spec);
    }

    void badJsonIsRefused_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("unknown preset") << QByteArray(R"({"preset":"3:7"})");
        QTest::newRow("unknown format") << QByteArray(R"({"format":"bmp"})");
        QTest::newRow("negative edge") << QByteArray(R"({"longEdge":-5})");
        QTest::newRow("string budget") << QByteArray(R"({"byteBudget":"5MB"})");
        QTest::newRow("absurd edge") << QByteArray(R"({"longEdge":1e12})");
    }
    void badJsonIsRefused()
    {
        QFETCH(QByteArray, json);
        QVERIFY(!DerivativeSpec::fromJson(QJsonDocument::fromJson(json).object()));
    }

    void emptyJsonIsTheDefault()
    {
        QCOMPARE(DerivativeSpec::fromJson({}).value(), DerivativeSpec{});
    }

    void cropStaysInside_data()
    {
        QTest::addColumn<QPointF>("centre");
        QTest::newRow("centre") << QPointF(0.5, 0.5);
        QTest::newRow("far left") << QPointF(-3, 0.5);
        QTest::newRow("far right bottom") << QPointF(7, 9);
        QTest::newRow("nan") << QPointF(qQNaN(), qQNaN());
    }
    void cropStaysInside()
    {
        QFETCH(QPointF, centre);
        for (Preset p : {Preset::Square, Preset::Portrait, Preset::Wide, Preset::Banner}) {
            DerivativeSpec spec = DerivativeSpec::forXImage(p, 0);
            spec.centre = centre;
            for (QSize source : {QSize(6000, 4000), QSize(3, 2), QSize(1, 1000), QSize(1000, 1)}) {
                const QRect crop = spec.cropRect(source);
                QVERIFY(!crop.isEmpty());
                QVERIFY(QRect(QPoint(0, 0), source).contains(crop));
                QVERIFY(!spec.outputSize(source).isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDerivativeSpec)
#include "tst_derivativespec.moc"
