#pragma once

// JSON fixtures of tests/data/connectors, written from shared/api/*.md and the vendor specs.

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTest>

namespace AssetDesk::TestSupport {

inline QByteArray fixtureBytes(const QString& relative)
{
    QFile file(QStringLiteral(ASSETDESK_TEST_DATA_DIR "/connectors/") + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("fixture %s is missing", qPrintable(relative));
    return file.readAll();
}

inline QJsonObject fixture(const QString& relative)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(fixtureBytes(relative), &error);
    if (!doc.isObject())
        qFatal("fixture %s is not a JSON object: %s", qPrintable(relative), qPrintable(error.errorString()));
    return doc.object();
}

} // namespace AssetDesk::TestSupport
