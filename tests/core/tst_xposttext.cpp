#include "core/xposttext.h"

#include <QTest>

using namespace AssetDesk;

namespace {
QString repeated(const QString& unit, int times)
{
    QString s;
    for (int i = 0; i < times; ++i)
        s += unit;
    return s;
}
QString u(const char16_t* text)
{
    return QString::fromUtf16(text);
}
QString cp(char32_t codePoint)
{
    return QString::fromUcs4(&codePoint, 1);
}
} // namespace

class TestXPostText : public QObject
{
    Q_OBJECT
private slots:
    void weightedLength_data();
    void weightedLength();
    void overLimit_data();
    void overLimit();
    void urls_data();
    void urls();
    void truncatedToFit_data();
    void truncatedToFit();
};

void TestXPostText::weightedLength_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("weighted");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << 0 << false;
    QTest::newRow("only spaces") << QStringLiteral("   ") << 3 << false;
    QTest::newRow("latin") << QStringLiteral("This is a test.") << 15 << true;
    QTest::newRow("280 latin") << repeated(QStringLiteral("x"), 280) << 280 << true;
    QTest::newRow("281 latin") << repeated(QStringLiteral("x"), 281) << 281 << false;
    QTest::newRow("newline counts") << repeated(QStringLiteral("x"), 279) + QStringLiteral("\n") << 280
                                    << true;
    QTest::newRow("140 kana") << repeated(u(u"の"), 140) << 280 << true;
    QTest::newRow("141 kana") << repeated(u(u"の"), 141) << 282 << false;
    QTest::newRow("hanzi and latin") << u(u"the故人西辞") << 11 << true;
    QTest::newRow("hangul") << u(u"저찀쯿쿿") << 8 << true;
    QTest::newRow("georgian is light") << u(u"ქართ") << 4 << true;
    QTest::newRow("general punctuation light")
        << u(u"\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2010\u2013\u2014"
             u"\u201C\u201D\u2032\u2037")
        << 19 << true;
    QTest::newRow("ellipsis is heavy") << u(u"\u2026") << 2 << true;
    QTest::newRow("astral plane") << cp(0x10000) + cp(0x10FFFF) << 4 << true;
    // Emoji: one sequence counts 2 however many code points it has.
    QTest::newRow("cat, smiley, family") << u(u"H🐱☺👨\u200D👩\u200D👧\u200D👦") << 7 << true;
    QTest::newRow("five emoji") << u(u"😷👾😡🔥💩") << 10 << true;
    QTest::newRow("skin tone and zwj") << u(u"🙋🏽👨\u200D🎤") << 4 << true;
    QTest::newRow("two flags") << u(u"🇩🇪🇯🇵") << 4 << true;
    QTest::newRow("odd regional indicator") << u(u"🇩🇪🇯") << 4 << true;
    QTest::newRow("keycap") << u(u"1\uFE0F\u20E3") << 2 << true;
    QTest::newRow("keycap without vs16") << u(u"#\u20E3") << 2 << true;
    QTest::newRow("digit and vs16 alone") << u(u"1\uFE0F") << 3 << true;
    QTest::newRow("copyright text") << u(u"©") << 1 << true;
    QTest::newRow("copyright emoji") << u(u"©\uFE0F") << 2 << true;
    QTest::newRow("heart emoji") << u(u"❤\uFE0F") << 2 << true;
    QTest::newRow("england tag sequence")
        << u(u"🏴") + cp(0xE0067) + cp(0xE0062) + cp(0xE0065) + cp(0xE006E) + cp(0xE0067) + cp(0xE007F) << 2
        << true;
    QTest::newRow("rainbow flag") << u(u"🏳\uFE0F\u200D🌈") << 2 << true;
    QTest::newRow("dangling zwj") << u(u"👨\u200D") << 3 << true;
    QTest::newRow("140 emoji") << repeated(u(u"😷"), 140) << 280 << true;
    QTest::newRow("141 zwj emoji") << repeated(u(u"👩\u200D💻"), 141) << 282 << false;
    // NFC first: a decomposed letter counts once; what does not compose counts per code point.
    QTest::newRow("decomposed acute") << u(u"A\u0301B") << 2 << true;
    QTest::newRow("hebrew decomposes to 3") << u(u"A\uFB2C") << 4 << true;
    QTest::newRow("combining tilde on q") << u(u"q\u0303") << 2 << true;
    QTest::newRow("280 decomposed") << repeated(u(u"e\u0301"), 280) << 280 << true;
    // URLs count 23.
    QTest::newRow("http") << QStringLiteral("http://test.com") << 23 << true;
    QTest::newRow("https") << QStringLiteral("https://test.com") << 23 << true;
    QTest::newRow("bare domain") << QStringLiteral("test.com") << 23 << true;
    QTest::newRow("several urls") << QStringLiteral(
                                         "Test https://test.com test https://test.com test.com test")
                                  << 86 << true;
    QTest::newRow("ten urls") << repeated(QStringLiteral("https://www.twitter.com/aloha "), 10) << 240
                              << true;
    QTest::newRow("long url") << QStringLiteral("https://example.com/") + repeated(QStringLiteral("a"), 400)
                              << 23 << true;
    QTest::newRow("url and trailing period") << QStringLiteral("https://example.com/a.") << 24 << true;
    QTest::newRow("cased protocol") << QStringLiteral("HTTPS://www.ExaMPLE.COM/index.html") << 23 << true;
    QTest::newRow("t.co") << QStringLiteral("t.co") << 23 << true;
    QTest::newRow("subdomain under cctld") << QStringLiteral("foo.co.jp") << 23 << true;
    QTest::newRow("short cctld domain with path") << QStringLiteral("bit.ly/abc") << 23 << true;
    QTest::newRow("short cctld domain is prose") << QStringLiteral("done.It was") << 11 << true;
    QTest::newRow("unknown tld") << QStringLiteral("file.js") << 7 << true;
    QTest::newRow("email is no url") << QStringLiteral("me@example.com") << 14 << true;
    QTest::newRow("64 character label")
        << QStringLiteral("randomurlrandomurlrandomurlrandomurlrandomurlrandomurlrandomurls.com") << 68
        << true;
    QTest::newRow("unicode host with protocol") << u(u"http://☃.net/") << 23 << true;
    QTest::newRow("cjk path") << u(u"http://example.com/日本") << 23 << true;
    QTest::newRow("ipv4") << QStringLiteral("http://192.168.0.1/index.html") << 23 << true;
    QTest::newRow("url pushes over") << repeated(QStringLiteral("x"), 257) +
                                            QStringLiteral(" https://example.com")
                                     << 281 << false;
    // twitter-text's invalid characters.
    QTest::newRow("bom") << u(u"abc\uFEFF") << 5 << false;
    QTest::newRow("noncharacter") << u(u"abc\uFFFF") << 5 << false;
}

void TestXPostText::weightedLength()
{
    QFETCH(QString, text);
    QFETCH(int, weighted);
    QFETCH(bool, valid);
    const XPostText::Count count = XPostText::count(text);
    QCOMPARE(count.weightedLength, weighted);
    QCOMPARE(count.valid, valid);
    QCOMPARE(count.remaining(), 280 - weighted);
    QCOMPARE(XPostText::weightedLength(text), weighted);
    QCOMPARE(XPostText::isValid(text), valid);
    QCOMPARE(XPostText::remaining(text), 280 - weighted);
}

void TestXPostText::overLimit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QList<XTextSpan>>("expected");

    QTest::newRow("fits") << repeated(QStringLiteral("x"), 280) << QList<XTextSpan>{};
    QTest::newRow("five over") << repeated(QStringLiteral("x"), 285) << QList<XTextSpan>{{280, 5}};
    QTest::newRow("kana") << repeated(u(u"の"), 141) << QList<XTextSpan>{{140, 1}};
    QTest::newRow("latin then kana") << repeated(QStringLiteral("x"), 279) + u(u"のの")
                                     << QList<XTextSpan>{{279, 2}};
    QTest::newRow("emoji pair") << repeated(u(u"😷"), 141) << QList<XTextSpan>{{280, 2}};
    QTest::newRow("url as a unit") << repeated(QStringLiteral("x"), 270) +
                                          QStringLiteral(" http://example.com/abc tail")
                                   << QList<XTextSpan>{{271, 27}};
    // Indexes are into the text as typed, not its NFC form.
    QTest::newRow("decomposed") << repeated(u(u"e\u0301"), 281) << QList<XTextSpan>{{560, 2}};
    QTest::newRow("invalid character stops the valid part") << u(u"ab\uFFFEcd") << QList<XTextSpan>{{2, 3}};
}

void TestXPostText::overLimit()
{
    QFETCH(QString, text);
    QFETCH(QList<XTextSpan>, expected);
    QCOMPARE(XPostText::overLimitRanges(text), expected);
}

void TestXPostText::urls_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("none") << QStringLiteral("no links here. really.") << QStringList{};
    QTest::newRow("trailing comma") << QStringLiteral("see https://x.com/a, ok")
                                    << QStringList{QStringLiteral("https://x.com/a")};
    QTest::newRow("in parentheses") << QStringLiteral("(example.com)")
                                    << QStringList{QStringLiteral("example.com")};
    QTest::newRow("balanced parentheses")
        << QStringLiteral("https://en.wikipedia.org/wiki/Foo_(bar) x")
        << QStringList{QStringLiteral("https://en.wikipedia.org/wiki/Foo_(bar)")};
    QTest::newRow("query and fragment")
        << QStringLiteral("go https://example.com/path?search=foo&lang=en#top!")
        << QStringList{QStringLiteral("https://example.com/path?search=foo&lang=en#top")};
    QTest::newRow("port") << QStringLiteral("http://example.com:8080/login")
                          << QStringList{QStringLiteral("http://example.com:8080/login")};
    QTest::newRow("sentence end") << QStringLiteral("Visit example.com.")
                                  << QStringList{QStringLiteral("example.com")};
    QTest::newRow("host then capital word")
        << QStringLiteral("example.com.Next") << QStringList{QStringLiteral("example.com")};
    QTest::newRow("hashtag is no url") << QStringLiteral("#example.com") << QStringList{};
    QTest::newRow("cashtag is no url") << QStringLiteral("$example.com") << QStringList{};
    QTest::newRow("word glued") << QStringLiteral("fooexample.com")
                                << QStringList{QStringLiteral("fooexample.com")};
    QTest::newRow("leading dash label") << QStringLiteral("http://www.-domain.com/") << QStringList{};
    QTest::newRow("other scheme") << QStringLiteral("ftp://www.example.com/") << QStringList{};
    QTest::newRow("underscore in domain") << QStringLiteral("http://my_site.com") << QStringList{};
    QTest::newRow("underscore in subdomain")
        << QStringLiteral("http://test_underscore.twitter.com")
        << QStringList{QStringLiteral("http://test_underscore.twitter.com")};
    QTest::newRow("two") << QStringLiteral("a.com b.org")
                         << QStringList{QStringLiteral("a.com"), QStringLiteral("b.org")};
    QTest::newRow("after decomposed text")
        << u(u"e\u0301 example.com") << QStringList{QStringLiteral("example.com")};
}

void TestXPostText::urls()
{
    QFETCH(QString, text);
    QFETCH(QStringList, expected);
    QStringList found;
    for (const XTextSpan& span : XPostText::urls(text))
        found.append(text.mid(span.start, span.length));
    QCOMPARE(found, expected);
}

void TestXPostText::truncatedToFit_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("max");
    QTest::addColumn<QString>("expected");

    QTest::newRow("fits") << QStringLiteral("  short caption ") << 280 << QStringLiteral("short caption");
    QTest::newRow("cut at word") << QStringLiteral("one two three four") << 10 << QStringLiteral("one two…");
    QTest::newRow("exactly") << QStringLiteral("one two") << 7 << QStringLiteral("one two");
    QTest::newRow("one long word") << QStringLiteral("abcdefghij") << 5
                                   << QStringLiteral("abc…"); // "…" weighs 2
    QTest::newRow("cjk") << u(u"故人西辞 黄鹤楼") << 10 << u(u"故人西辞…");
    QTest::newRow("long caption") << repeated(QStringLiteral("word "), 100) << 280
                                  << repeated(QStringLiteral("word "), 54) + QStringLiteral("word…");
}

void TestXPostText::truncatedToFit()
{
    QFETCH(QString, text);
    QFETCH(int, max);
    QFETCH(QString, expected);
    const QString result = XPostText::truncatedToFit(text, max);
    QCOMPARE(result, expected);
    QVERIFY(XPostText::weightedLength(result) <= max);
}

QTEST_APPLESS_MAIN(TestXPostText)
#include "tst_xposttext.moc"
