#include "widgets/derivativecropview.h"
#include "widgets/derivativeeditor.h"

#include "../media/photoimage.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace AssetDesk;
using Preset = DerivativeSpec::CropPreset;

class TestDerivativeEditor : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_photo = m_dir.filePath(QStringLiteral("photo.jpg"));
        QFile f(m_photo);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(PhotoImage::jpeg(PhotoImage::photo(1800, 1200)));
    }

    void previewsTheDefaultXImage()
    {
        DerivativeEditor editor(m_photo, MediaType::Image);
        QSignalSpy previews(&editor, &DerivativeEditor::previewUpdated);
        editor.show();
        QVERIFY(previews.wait(10'000));
        QCOMPARE(editor.sourceSize(), QSize(1800, 1200));
        QCOMPARE(editor.resultSize(), QSize(1600, 900));
        QVERIFY(editor.resultBytes() > 0);
        QVERIFY(editor.resultBytes() <= XMediaLimits::kMaxImageBytes);
        QCOMPARE(editor.spec().preset, Preset::Wide);
        auto* buttons = editor.findChild<QDialogButtonBox*>();
        QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());
    }

    void presetButtonsChangeTheSpecAndThePreview_data()
    {
        QTest::addColumn<int>("preset");
        QTest::addColumn<QSize>("expected");
        QTest::newRow("1:1") << int(Preset::Square) << QSize(1200, 1200);
        QTest::newRow("4:5") << int(Preset::Portrait) << QSize(960, 1200);
        QTest::newRow("2:1") << int(Preset::Banner) << QSize(1600, 800);
        QTest::newRow("whole") << int(Preset::Original) << QSize(1600, 1067);
    }
    void presetButtonsChangeTheSpecAndThePreview()
    {
        QFETCH(int, preset);
        QFETCH(QSize, expected);
        DerivativeEditor editor(m_photo, MediaType::Image);
        QSignalSpy previews(&editor, &DerivativeEditor::previewUpdated);
        editor.show();
        QVERIFY(previews.wait(10'000));
        auto* button = editor.findChild<QAbstractButton*>(QStringLiteral("preset-") + DerivativeSpec::presetId(Preset(preset)));
        QVERIFY(button);
        button->click();
        QCOMPARE(editor.spec().preset, Preset(preset));
        QTRY_COMPARE_WITH_TIMEOUT(editor.resultSize(), expected, 10'000);
    }

    void draggingTheFrameMovesTheCrop()
    {
        DerivativeEditor editor(m_photo, MediaType::Image);
        editor.resize(900, 600);
        QSignalSpy previews(&editor, &DerivativeEditor::previewUpdated);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(previews.wait(10'000));
        editor.findChild<QAbstractButton*>(QStringLiteral("preset-1:1"))->click();
        auto* view = editor.findChild<DerivativeCropView*>();
        QVERIFY(view);
        const QRectF frame = view->frameInWidget();
        QVERIFY(!frame.isEmpty());
        const QPoint from = frame.center().toPoint();
        QSignalSpy changes(&editor, &DerivativeEditor::specChanged);
        QTest::mousePress(view, Qt::LeftButton, {}, from);
        QTest::mouseMove(view, from + QPoint(40, 0));
        QTest::mouseMove(view, from + QPoint(4000, 0)); // far past the edge: the frame stops there
        QTest::mouseRelease(view, Qt::LeftButton, {}, from + QPoint(4000, 0));
        QVERIFY(changes.count() >= 1);
        // A 1:1 frame of 1200 x 1200 pushed right ends at the right edge: x = 600.
        QCOMPARE(editor.spec().cropRect(QSize(1800, 1200)), QRect(600, 0, 1200, 1200));
    }

    void freeCropIsDrawn()
    {
        DerivativeEditor editor(m_photo, MediaType::Image);
        editor.resize(900, 600);
        QSignalSpy previews(&editor, &DerivativeEditor::previewUpdated);
        editor.show();
        QVERIFY(QTest::qWaitForWindowExposed(&editor));
        QVERIFY(previews.wait(10'000));
        DerivativeSpec spec = editor.spec();
        spec.preset = Preset::Free;
        spec.freeRect = QRectF(0.5, 0.5, 0.25, 0.25);
        editor.setSpec(spec);
        auto* view = editor.findChild<DerivativeCropView*>();
        const QRectF frame = view->frameInWidget();
        // Outside the frame (top left of the image): a new rectangle.
        const QPoint a = (frame.topLeft() - QPointF(frame.width(), frame.height())).toPoint();
        const QPoint b = (frame.topLeft() - QPointF(frame.width() / 2, frame.height() / 2)).toPoint();
        QTest::mousePress(view, Qt::LeftButton, {}, a);
        QTest::mouseMove(view, b);
        QTest::mouseRelease(view, Qt::LeftButton, {}, b);
        const QRectF drawn = editor.spec().freeRect;
        QVERIFY2(qAbs(drawn.x() - 0.25) < 0.02 && qAbs(drawn.width() - 0.125) < 0.02,
                 qPrintable(QStringLiteral("%1 %2 %3 %4").arg(drawn.x()).arg(drawn.y()).arg(drawn.width()).arg(drawn.height())));
        QTRY_VERIFY_WITH_TIMEOUT(qAbs(editor.resultSize().width() - 225) <= 20, 10'000);
    }

    void aBudgetIsKept()
    {
        DerivativeEditor editor(m_photo, MediaType::Image);
        QSignalSpy previews(&editor, &DerivativeEditor::previewUpdated);
        editor.show();
        QVERIFY(previews.wait(10'000));
        DerivativeSpec spec = editor.spec();
        spec.byteBudget = 80 * 1024;
        editor.setSpec(spec);
        QTRY_VERIFY_WITH_TIMEOUT(editor.resultBytes() > 0 && editor.resultBytes() <= 80 * 1024, 10'000);
        QCOMPARE(editor.spec().byteBudget, 80 * 1024);
    }

    void anUnreadableSourceIsSaidAndCannotBeUsed()
    {
        const QString broken = m_dir.filePath(QStringLiteral("broken.jpg"));
        {
            QFile f(broken);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("\xff\xd8\xff\xe0 this is not a JPEG");
        }
        DerivativeEditor editor(broken, MediaType::Image);
        editor.show();
        auto* buttons = editor.findChild<QDialogButtonBox*>();
        auto* status = editor.findChild<QLabel*>(QStringLiteral("status"));
        QVERIFY(status);
        const QString loading = status->text();
        QTRY_VERIFY_WITH_TIMEOUT(status->text() != loading, 10'000);
        // The decoder's own sentence, not the source's size.
        QVERIFY2(!status->text().startsWith(QStringLiteral("Source:")) && !status->text().isEmpty(), qPrintable(status->text()));
        QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
        QVERIFY(editor.resultSize().isEmpty());
    }

private:
    QTemporaryDir m_dir;
    QString m_photo;
};

QTEST_MAIN(TestDerivativeEditor)
#include "tst_derivativeeditor.moc"
