#include "net/jsonpointer.h"

#include <QJsonArray>
#include <QStringList>

namespace AssetDesk {

QJsonValue jsonAt(const QJsonObject& root, const QString& pointer)
{
    if (!pointer.startsWith(QLatin1Char('/')))
        return QJsonValue(QJsonValue::Undefined);
    QJsonValue current = root;
    const QStringList tokens = pointer.mid(1).split(QLatin1Char('/'));
    for (QString token : tokens) {
        token.replace(QStringLiteral("~1"), QStringLiteral("/"))
            .replace(QStringLiteral("~0"), QStringLiteral("~"));
        if (current.isObject()) {
            current = current.toObject().value(token);
        } else if (current.isArray()) {
            bool ok = false;
            const int index = token.toInt(&ok);
            const QJsonArray array = current.toArray();
            if (!ok || index < 0 || index >= array.size())
                return QJsonValue(QJsonValue::Undefined);
            current = array.at(index);
        } else {
            return QJsonValue(QJsonValue::Undefined);
        }
    }
    return current;
}

} // namespace AssetDesk
