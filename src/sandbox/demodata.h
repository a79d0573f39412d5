#pragma once

#include "sandbox/splitmix64.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QUuid>

namespace AssetDesk::Sandbox {

// Deterministic demo values for every module: the same (seed, stream) always yields the same
// sequence on every machine. Use one stream per purpose ("x/users", "zendesk/credentials") so that
// adding records to one does not shift another.
class DemoData
{
public:
    DemoData(quint64 seed, QStringView stream);

    quint64 next() { return m_random.next(); }
    double unit() { return m_random.nextUnit(); }
    // Uniform in [low, high].
    qint64 between(qint64 low, qint64 high);
    bool chance(double probability) { return unit() < probability; }
    template<typename T>
    const T& pick(const QList<T>& items)
    {
        return items.at(qsizetype(m_random.nextBelow(quint64(items.size()))));
    }

    QString firstName();
    QString lastName();
    QString word();
    QString words(int count);
    QString sentence(int minWords = 6, int maxWords = 14);
    QString companyName();
    // A city with its country and sales region, drawn as one value so that the three agree.
    struct Place
    {
        QString city;
        QString country;
        QString region; // EMEA, AMER or APAC
    };
    const Place& place();
    QString city(); // place().city

    // `length` characters drawn from `alphabet`.
    QString fromAlphabet(QStringView alphabet, int length);
    QString alphanumeric(int length);
    QString hex(int length);
    // A decimal number of exactly `length` digits (no leading zero).
    QString digits(int length);
    QUuid uuid();
    // Lower-case, no braces: "3f2b...".
    QString uuidString() { return uuid().toString(QUuid::WithoutBraces); }
    QDateTime dateTimeBetween(const QDateTime& from, const QDateTime& to);

    // "first.last@domain" in lower case, ASCII only.
    static QString email(const QString& first, const QString& last, const QString& domain);

private:
    SplitMix64 m_random;
};

} // namespace AssetDesk::Sandbox
